#include "driver.hpp"

#include <algorithm>
#include <cctype>

#include "context.hpp"
#include "keywords.hpp"

namespace pgesql::pp {
namespace {

using T = Parser::token;

bool word_is(const Tok &t, const char *w) {
  if (t.lex != Lex::Ident) return false;
  std::size_t i = 0;
  for (; w[i]; ++i)
    if (i >= t.text.size() || std::tolower(static_cast<unsigned char>(t.text[i])) != w[i]) return false;
  return i == t.text.size();
}

bool is_ecpg_statement(const std::vector<Tok> &t) {
  if (t.empty()) return false;
  static const char *const leading[] = {"connect", "disconnect", "open", "fetch", "move", "close",
                                        "execute", "deallocate", "allocate", "describe", "whenever",
                                        "include", "define", "undef", "ifdef", "ifndef", "elif",
                                        "else", "endif", "type", "var", "declare", "free"};
  for (const char *w : leading)
    if (word_is(t[0], w)) return true;
  auto second = [&](const char *w) { return t.size() > 1 && word_is(t[1], w); };
  if (word_is(t[0], "set"))
    return second("connection") || second("autocommit") || second("descriptor") || second("sql");
  if (word_is(t[0], "get")) return second("descriptor") || second("sql");
  if (word_is(t[0], "begin") || word_is(t[0], "end")) return second("declare");
  if (word_is(t[0], "prepare")) return t.size() > 2 && word_is(t[2], "from");
  if (word_is(t[0], "wait")) return second("for");  // WAIT FOR NOTIFICATION (not SQL)
  return false;
}

bool is_op(const Tok &t, const char *text) { return t.lex == Lex::Op && t.text == text; }


}  // namespace

void collapse_qualified_names(std::vector<Tok> &toks) {
  std::vector<Tok> out;
  out.reserve(toks.size());
  for (std::size_t i = 0; i < toks.size();) {
    bool starts = (toks[i].lex == Lex::Ident && i + 1 < toks.size() && is_op(toks[i + 1], "::")) ||
                  (is_op(toks[i], "::") && i + 1 < toks.size() && toks[i + 1].lex == Lex::Ident);
    if (!starts) {
      out.push_back(std::move(toks[i++]));
      continue;
    }
    Tok name = toks[i];
    name.lex = Lex::Ident;
    name.text.clear();
    std::size_t j = i;
    auto add = [&](const Tok &t) {
      bool word = t.lex == Lex::Ident || t.lex == Lex::Number;
      char last = name.text.empty() ? '\0' : name.text.back();
      if (word && (std::isalnum(static_cast<unsigned char>(last)) || last == '_' || last == ',')) name.text += ' ';
      name.text += t.text;
      name.loc.end = t.loc.end;
    };
    for (;;) {
      if (j < toks.size() && is_op(toks[j], "::")) add(toks[j++]);
      if (j >= toks.size() || toks[j].lex != Lex::Ident) break;
      add(toks[j++]);
      if (j < toks.size() && toks[j].lex == Lex::Op && toks[j].text[0] == '<' && toks[j].text.size() == 1) {
        int depth = 0;
        do {
          const Tok &t = toks[j];
          if (t.lex == Lex::Op)
            for (char c : t.text) depth += c == '<' ? 1 : c == '>' ? -1 : 0;
          add(t);
          ++j;
        } while (j < toks.size() && depth > 0 && toks[j].lex != Lex::Semi);
      }
      if (!(j + 1 < toks.size() && is_op(toks[j], "::") && toks[j + 1].lex == Lex::Ident)) break;
    }
    out.push_back(std::move(name));
    i = j;
  }
  toks = std::move(out);
}

Driver::Driver(Context &ctx) : ctx_(ctx), parser_(std::make_unique<Parser>(*this)) {}

Driver::~Driver() = default;

void Driver::reset(std::vector<Tok> tokens, Mode mode, Span whole) {
  toks_ = std::move(tokens);
  mode_ = mode;
  whole_ = whole;
  next_ = 0;
  started_ = false;
  errors_ = false;
  type_seen_ = false;
  after_tag_kw_ = false;
  paren_depth_ = 0;
  kept_.clear();
  dims.clear();
  reference = false;
  stmt = Stmt{};
  decls.clear();
  at = Value{};
  stmt.loc = whole;
  if (mode_ == Mode::Declarations && ctx_.opt.lang == OutputLang::Cxx) {
    read_cxx_names();
    collapse_qualified_names(toks_);
  }
  if (mode_ == Mode::Declarations) {
    // numeric(p,s) / decimal(p,s): the precision is the server's business.
    for (std::size_t i = 0; i + 3 < toks_.size(); ++i) {
      if (!(word_is(toks_[i], "numeric") || word_is(toks_[i], "decimal")) || toks_[i + 1].lex != Lex::LParen ||
          toks_[i + 2].lex != Lex::Number)
        continue;
      std::size_t j = i + 3;
      if (toks_[j].lex == Lex::Comma && j + 2 < toks_.size() && toks_[j + 1].lex == Lex::Number) j += 2;
      if (toks_[j].lex == Lex::RParen)
        toks_.erase(toks_.begin() + static_cast<long>(i) + 1, toks_.begin() + static_cast<long>(j) + 1);
    }
  }
  if (mode_ == Mode::Statement && toks_.size() >= 2 && word_is(toks_[0], "at")) {
    const Tok &n = toks_[1];
    if (n.lex == Lex::HostVar) at = host_value(host(n.text, n.loc));
    else if (n.lex == Lex::String) at = literal(unquote(n.text, n.loc), n.loc);
    else at = literal(n.text, n.loc);
    toks_.erase(toks_.begin(), toks_.begin() + 2);
  }
}

bool Driver::parse(std::vector<Tok> tokens, Mode mode, Span whole) {
  reset(std::move(tokens), mode, whole);
  if (mode_ == Mode::Statement && !is_ecpg_statement(toks_)) {
    // Not one of ECPG's statements: SQL for the server, kept as tokens.
    stmt.kind = Stmt::Generic;
    stmt.tokens = std::move(toks_);
    take_batch_rows();
    take_copy_stream();
    return true;
  }
  int rc = parser_->parse();
  return rc == 0 && !errors_;
}

// C++ declare sections: using-directives, using-declarations and alias declarations are read
// (and kept in the output as written); a standard type name written without std:: under
// `using namespace std` gets it; a type name that nothing declares is reported where it is
// written, with the spelling that works, instead of a bare syntax error.
void Driver::read_cxx_names() {
  static const char *const storage[] = {"static", "extern", "const", "volatile", "register", "typedef",
                                        "mutable", "inline", "constexpr", "thread_local"};
  // names this chunk declares itself (typedefs, struct tags): the symbols learn them only
  // as the chunk is parsed, after this pass
  std::vector<std::string> declared_here;
  for (std::size_t i = 0; i + 1 < toks_.size(); ++i) {
    if (word_is(toks_[i], "struct") || word_is(toks_[i], "union") || word_is(toks_[i], "class") ||
        word_is(toks_[i], "enum"))
      if (toks_[i + 1].lex == Lex::Ident) declared_here.push_back(toks_[i + 1].text);
    if (!word_is(toks_[i], "typedef")) continue;
    std::size_t j = i;
    while (j < toks_.size() && toks_[j].lex != Lex::Semi) ++j;
    for (std::size_t k = j; k-- > i;)
      if (toks_[k].lex == Lex::Ident) {
        declared_here.push_back(toks_[k].text);
        break;
      }
  }
  std::vector<Tok> out;
  out.reserve(toks_.size());
  bool at_start = true;  // the next token begins a declaration or member declaration
  for (std::size_t i = 0; i < toks_.size(); ++i) {
    Tok t = toks_[i];
    if (at_start && word_is(t, "using")) {
      std::size_t j = i;
      while (j < toks_.size() && toks_[j].lex != Lex::Semi) ++j;
      const std::vector<Tok> decl(toks_.begin() + static_cast<long>(i),
                                  toks_.begin() + static_cast<long>(std::min(j + 1, toks_.size())));
      ctx_.note_cxx_declaration(decl);
      Tok line = t;
      line.lex = Lex::PpLine;
      line.text.clear();
      for (const Tok &d : decl) line.text += (line.text.empty() || !d.space_before ? "" : " ") + d.text;
      line.loc.end = decl.back().loc.end;
      out.push_back(std::move(line));
      i = j;
      continue;
    }
    bool is_storage = false;
    for (const char *w : storage) is_storage = is_storage || word_is(t, w);
    const Tok *next = i + 1 < toks_.size() ? &toks_[i + 1] : nullptr;
    const bool declares = next && (next->lex == Lex::Ident || next->lex == Lex::Star ||
                                   (next->lex == Lex::Op && (next->text == "&" || next->text == "&&" ||
                                                             next->text == "<" || next->text == "::")));
    bool reserved = false;
    const bool informix = ctx_.opt.compat == Compat::Informix || ctx_.opt.compat == Compat::InformixSE;
    const bool known = c_keyword(t.text, &reserved) >= 0 || t.text.find("::") != std::string::npos ||
                       (informix && (t.text == "string" || t.text == "dec_t")) ||
                       ctx_.symbols.typedef_named(t.text) || ctx_.symbols.tag(t.text) ||
                       std::find(declared_here.begin(), declared_here.end(), t.text) != declared_here.end();
    if (at_start && !is_storage && t.lex == Lex::Ident && !known && declares &&
        !(next->lex == Lex::Op && next->text == "::")) {
      Tok scope = t;
      scope.lex = Lex::Op;
      scope.text = "::";
      if (is_std_type_name(t.text) && ctx_.symbols.namespace_used("std")) {
        // std :: name, joined with any template arguments by collapse_qualified_names
        Tok std_word = t;
        std_word.text = "std";
        out.push_back(std::move(std_word));
        out.push_back(std::move(scope));
      } else {
        error(t.loc, "unknown type \"" + t.text + "\": " +
                         (is_std_type_name(t.text)
                              ? "write std::" + t.text + " (or put using namespace std; before the declaration)"
                              : "declare it before the declare section reads it (a typedef or using alias, or a "
                                "struct in a declare section), or qualify it with its namespace"));
        out.push_back(std::move(scope));  // read on as some C++ type, so that this is the only error
      }
      t.space_before = false;
    }
    at_start = (at_start && is_storage) || t.lex == Lex::Semi || t.lex == Lex::LBrace || t.lex == Lex::RBrace ||
               t.lex == Lex::PpLine;
    out.push_back(std::move(t));
  }
  toks_ = std::move(out);
}

// Bulk array DML is generic SQL with a row count around it: FOR :n (or a
// number) before INSERT/UPDATE/DELETE as Oracle writes it, or FOR :n ROWS
// after an INSERT as Db2 does. Neither is PostgreSQL syntax, so no SQL the
// server understands is taken for it.
void Driver::take_batch_rows() {
  std::vector<Tok> &t = stmt.tokens;
  auto is_count = [](const Tok &x) { return x.lex == Lex::HostVar || x.lex == Lex::Number; };
  auto count_value = [&](const Tok &x) { return x.lex == Lex::HostVar ? host_value(host(x.text, x.loc)) : literal(x.text, x.loc); };
  if (t.size() >= 3 && word_is(t[0], "for") && is_count(t[1]) &&
      (word_is(t[2], "insert") || word_is(t[2], "update") || word_is(t[2], "delete"))) {
    stmt.batch_rows = count_value(t[1]);
    t.erase(t.begin(), t.begin() + 2);
    t[0].space_before = false;
    return;
  }
  std::size_t n = t.size();
  if (n >= 4 && word_is(t[0], "insert") && word_is(t[n - 1], "rows") && is_count(t[n - 2]) && word_is(t[n - 3], "for")) {
    stmt.batch_rows = count_value(t[n - 2]);
    t.resize(n - 3);
  }
}

// COPY ... FROM STDIN / TO STDOUT streams the program's data: the direction is found outside
// parentheses (COPY (query) TO STDOUT), and a trailing USING :fp (not SQL) names the FILE *.
void Driver::take_copy_stream() {
  std::vector<Tok> &t = stmt.tokens;
  if (t.empty() || !word_is(t[0], "copy")) return;
  int depth = 0;
  bool streams = false;
  for (std::size_t i = 1; i < t.size(); ++i) {
    if (t[i].lex == Lex::LParen) ++depth;
    if (t[i].lex == Lex::RParen) --depth;
    if (depth == 0 && i + 1 < t.size() &&
        ((word_is(t[i], "from") && word_is(t[i + 1], "stdin")) || (word_is(t[i], "to") && word_is(t[i + 1], "stdout"))))
      streams = true;
  }
  const std::size_t n = t.size();
  const bool has_using = n >= 3 && word_is(t[n - 2], "using") && t[n - 1].lex == Lex::HostVar;
  if (!streams) {
    if (has_using) {
      error(t[n - 2].loc, "USING :fp is for COPY ... FROM STDIN and COPY ... TO STDOUT");
      t.resize(n - 2);  // reported once: the rest of the statement is still checked
    }
    return;
  }
  stmt.kind = Stmt::Copy;
  if (has_using) {
    stmt.target = host_value(host(t[n - 1].text, t[n - 1].loc));
    t.resize(n - 2);
  }
}

void Driver::wait_for_notification(const std::string &wait, const Span &wait_at, const std::string &notification,
                                   const Span &notification_at, std::vector<HostRef> &&into) {
  stmt.kind = Stmt::WaitNotification;
  if (lower(wait) != "wait") error(wait_at, "expected an embedded SQL statement");
  if (lower(notification) != "notification") error(notification_at, "expected WAIT FOR NOTIFICATION");
  if (into.size() < 2 || into.size() > 3)
    error(into.empty() ? notification_at : into.back().loc,
          "WAIT FOR NOTIFICATION takes INTO :channel, :payload and optionally :pid");
  stmt.into_list.kind = VarList::Vars;
  stmt.into_list.vars = std::move(into);
}

void Driver::wait_timeout(const std::string &word, const Span &at, const Value &timeout) {
  if (lower(word) != "timeout") error(at, "expected TIMEOUT or end of statement");
  const bool number = timeout.kind == Value::Literal && !timeout.text.empty() &&
                      timeout.text.find_first_not_of("0123456789") == std::string::npos;
  if (timeout.kind != Value::Host && !number)
    error(timeout.loc, "TIMEOUT takes milliseconds: a host variable or a non-negative integer");
  stmt.count = timeout;
}

Parser::symbol_type Driver::next() {
  if (next_ == 0 && !started_) {
    started_ = true;
    if (mode_ == Mode::Declarations) return Parser::make_START_DECL(whole_);
    return Parser::make_START_ECPG(whole_);
  }
  if (next_ >= toks_.size()) {
    Span end{whole_.end, whole_.end};
    return Parser::make_YYEOF(end);
  }
  const Tok &t = toks_[next_];
  Span at = t.loc;
  at.begin.tok = static_cast<int>(next_);
  ++next_;
  if (t.lex != Lex::Ident) after_tag_kw_ = false;
  switch (t.lex) {
    case Lex::Ident: return keyword_or_ident(t, at);
    case Lex::QIdent: return Parser::make_QIDENT(t.text, at);
    case Lex::String: return Parser::make_STRING(t.text, at);
    case Lex::Number: return Parser::make_NUMBER(t.text, at);
    case Lex::HostVar: return Parser::make_HOSTVAR(t.text, at);
    case Lex::Op: return Parser::make_OP(t.text, at);
    case Lex::LParen: return Parser::make_LPAREN(t.text, at);
    case Lex::RParen: return Parser::make_RPAREN(t.text, at);
    case Lex::LBrace: type_seen_ = false; return Parser::make_LBRACE(t.text, at);
    case Lex::RBrace: type_seen_ = true; return Parser::make_RBRACE(t.text, at);
    case Lex::LBrack: return Parser::make_LBRACK(t.text, at);
    case Lex::RBrack: return Parser::make_RBRACK(t.text, at);
    case Lex::Comma: return Parser::make_COMMA(t.text, at);
    case Lex::Semi: type_seen_ = false; return Parser::make_SEMI(t.text, at);
    case Lex::Star: return Parser::make_STAR(t.text, at);
    case Lex::Eq: return Parser::make_EQ(t.text, at);
    case Lex::Dot: return Parser::make_DOT(t.text, at);
    case Lex::Colon: return Parser::make_COLON(t.text, at);
    case Lex::PpLine: return Parser::make_PPLINE(t.text, at);
    case Lex::Bad: return Parser::make_BAD(t.text, at);
  }
  return Parser::make_BAD(t.text, at);
}

Parser::symbol_type Driver::keyword_or_ident(const Tok &t, const Span &at) {
  if (mode_ == Mode::Declarations) {
    if (t.text.find("::") != std::string::npos) {
      if (type_seen_) return Parser::make_IDENT(t.text, at);
      type_seen_ = true;
      return Parser::make_CXX_TYPE(t.text, at);
    }
    bool reserved = false;
    int k = c_keyword(t.text, &reserved);
    if (reserved) {
      if (k == T::TOK_STRUCT || k == T::TOK_UNION || k == T::TOK_ENUM) after_tag_kw_ = true;
      if (k != T::TOK_TYPEDEF && k != T::TOK_STATIC && k != T::TOK_EXTERN && k != T::TOK_REGISTER &&
          k != T::TOK_AUTO && k != T::TOK_CONST && k != T::TOK_VOLATILE)
        type_seen_ = true;
      return Parser::symbol_type(k, t.text, at);
    }
    if (after_tag_kw_) {
      after_tag_kw_ = false;
      return Parser::make_IDENT(t.text, at);
    }
    if (!type_seen_) {
      bool informix = ctx_.opt.compat == Compat::Informix || ctx_.opt.compat == Compat::InformixSE;
      if (t.text == "string" && informix) {
        type_seen_ = true;
        return Parser::make_CHAR(t.text, at);
      }
      if (t.text == "dec_t" && informix) {
        type_seen_ = true;
        return Parser::make_DECIMAL("decimal", at);
      }
      if (k >= 0) {
        type_seen_ = true;
        return Parser::symbol_type(k, t.text, at);
      }
      // C++ names a struct by its tag alone
      if (ctx_.symbols.typedef_named(t.text) || (ctx_.opt.lang == OutputLang::Cxx && ctx_.symbols.tag(t.text))) {
        type_seen_ = true;
        return Parser::make_TYPE_NAME(t.text, at);
      }
    }
    return Parser::make_IDENT(t.text, at);
  }
  int k = sql_keyword(lower(t.text));
  if (k >= 0) return Parser::symbol_type(k, t.text, at);
  if (ctx_.symbols.typedef_named(t.text)) return Parser::make_TYPE_NAME(t.text, at);
  return Parser::make_IDENT(t.text, at);
}

void Driver::error(const Span &at, const std::string &message) {
  errors_ = true;
  ctx_.diag.error(at.begin, message);
}

Value Driver::literal(const std::string &text, const Span &at) {
  Value v;
  v.kind = Value::Literal;
  v.text = text;
  v.loc = at;
  return v;
}

HostRef Driver::host(const std::string &text, const Span &at) {
  HostRef r;
  int depth = 0;
  for (std::size_t i = 1; i < text.size(); ++i) {
    char c = text[i];
    if (c == '[') ++depth;
    if (c == ']') --depth;
    if (depth == 0 && std::isspace(static_cast<unsigned char>(c))) continue;
    r.expr += c;
  }
  r.loc = at;
  return r;
}

Value Driver::host_value(const HostRef &ref) {
  Value v;
  v.kind = Value::Host;
  v.host = ref;
  v.loc = ref.loc;
  return v;
}

void Driver::add_indicator(HostRef &ref, const std::string &text, const Span &at) {
  HostRef ind = host(text, at);
  ref.ind_expr = ind.expr;
  ref.ind_loc = at;
}

std::string Driver::unquote(const std::string &text, const Span &at) {
  (void)at;
  if (text.size() >= 2 && text.front() == '$') {
    std::size_t open = text.find('$', 1);
    std::size_t close = text.rfind('$', text.size() - 2);
    if (open != std::string::npos && close != std::string::npos && close > open) {
      close = text.rfind('$', close - 1);
      return text.substr(open + 1, close - open - 1);
    }
  }
  std::size_t start = text.find('\'');
  if (start == std::string::npos || text.size() < start + 2) return text;
  bool escapes = start > 0 && (text[0] == 'e' || text[0] == 'E');
  std::string out;
  for (std::size_t i = start + 1; i + 1 < text.size(); ++i) {
    char c = text[i];
    if (c == '\'' && text[i + 1] == '\'') {
      out += '\'';
      ++i;
    } else if (escapes && c == '\\' && i + 2 < text.size()) {
      char n = text[++i];
      out += n == 'n' ? '\n' : n == 't' ? '\t' : n == 'r' ? '\r' : n;
    } else {
      out += c;
    }
  }
  return out;
}

Value Driver::connect_target(const std::vector<std::string> &pieces, const Span &at) {
  if (pieces.size() == 1 && !pieces[0].empty() && pieces[0][0] == ':')
    return host_value(host(pieces[0], at));
  std::string joined;
  for (const auto &p : pieces) joined += p;
  return literal(joined, at);
}

void Driver::split_user() {
  Value &u = stmt.user;
  if (u.kind != Value::Literal || stmt.password.kind != Value::None) return;
  std::size_t slash = u.text.find('/');
  if (slash == std::string::npos) return;
  stmt.password = literal(u.text.substr(slash + 1), u.loc);
  u.text.resize(slash);
}

// DECLARE name [options] CURSOR [WITH|WITHOUT HOLD]: the options go to the server as
// written, except READAHEAD n / READAHEAD :v / NO READAHEAD (pgesql's own, before CURSOR),
// which only the runtime sees.
void Driver::cursor_options(const std::vector<Tok> &before, const std::vector<Tok> &after) {
  std::string text;
  auto unexpected = [&](const Tok &t) {
    ctx_.diag.error(t.loc.begin, "unexpected \"" + t.text + "\" in the cursor options");
  };
  auto set_readahead = [&](Value v, const Tok &clause) {
    if (stmt.readahead.kind != Value::None) ctx_.diag.error(clause.loc.begin, "READAHEAD is given twice for this cursor");
    stmt.readahead = std::move(v);
  };
  for (std::size_t i = 0; i < before.size(); ++i) {
    const Tok &t = before[i];
    if (word_is(t, "no") && i + 1 < before.size() && word_is(before[i + 1], "readahead")) {
      set_readahead(literal("1", t.loc), t);
      ++i;
      continue;
    }
    if (word_is(t, "readahead")) {
      const Tok *v = i + 1 < before.size() ? &before[i + 1] : nullptr;
      if (v != nullptr && v->lex == Lex::HostVar) {
        set_readahead(host_value(host(v->text, v->loc)), t);
        ++i;
        continue;
      }
      if (v != nullptr && v->lex == Lex::Op && i + 2 < before.size() && before[i + 2].lex == Lex::Number) {
        ctx_.diag.error(v->loc.begin, "READAHEAD needs a positive number of rows, not " + v->text + before[i + 2].text);
        i += 2;
        continue;
      }
      if (v == nullptr) {
        ctx_.diag.error(t.loc.end, "READAHEAD needs a number of rows or a host variable");
        continue;
      }
      if (v->lex != Lex::Number) {
        ctx_.diag.error(v->loc.begin, "READAHEAD needs a number of rows or a host variable, not " + v->text);
        ++i;
        continue;
      }
      bool digits = true;
      for (char c : v->text) digits = digits && std::isdigit(static_cast<unsigned char>(c));
      std::size_t first = v->text.find_first_not_of('0');
      if (!digits)
        ctx_.diag.error(v->loc.begin, "READAHEAD needs a whole number of rows, not " + v->text);
      else if (first == std::string::npos)
        ctx_.diag.error(v->loc.begin, "READAHEAD needs a positive number of rows, not " + v->text + " (NO READAHEAD turns it off)");
      else if (v->text.size() - first > 9)
        ctx_.diag.error(v->loc.begin, "READAHEAD " + v->text + " is too large (at most 999999999 rows)");
      else
        set_readahead(literal(v->text.substr(first), v->loc), t);
      ++i;
      continue;
    }
    if (t.lex == Lex::Number || t.lex == Lex::HostVar || t.lex == Lex::Op)
      unexpected(t);
    else
      text += lower(t.text) + " ";
  }
  text += "cursor";
  for (std::size_t i = 0; i < after.size(); ++i) {
    const Tok &t = after[i];
    if (word_is(t, "readahead")) {
      ctx_.diag.error(t.loc.begin, "READAHEAD goes before CURSOR: DECLARE name READAHEAD n CURSOR ...");
      while (i + 1 < after.size() && (after[i + 1].lex == Lex::Number || after[i + 1].lex == Lex::HostVar || after[i + 1].lex == Lex::Op)) ++i;
    } else if (t.lex == Lex::Number || t.lex == Lex::HostVar || t.lex == Lex::Op)
      unexpected(t);
    else
      text.append(" ").append(lower(t.text));  // not " " + std::string&&: GCC 12 -Wrestrict at -O3
  }
  stmt.text = std::move(text);
}

std::string Driver::lower(const std::string &s) {
  std::string out = s;
  for (char &c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

Tok Driver::token(const std::string &text, const Span &at) {
  if (at.begin.tok >= 0 && static_cast<std::size_t>(at.begin.tok) < toks_.size()) return toks_[at.begin.tok];
  return Tok{Lex::Ident, text, at, true};
}

void Driver::do_action(std::vector<Tok> tokens) {
  if (tokens.size() == 1 && word_is(tokens[0], "break")) {
    stmt.action = "break";
  } else if (tokens.size() == 1 && word_is(tokens[0], "continue")) {
    stmt.action = "do continue";
  } else {
    stmt.action = "call";
    stmt.tokens = std::move(tokens);
  }
}

void Driver::declaration(Declaration &&d) {
  ctx_.declare(d);
  decls.push_back(std::move(d));
}

void Driver::keep_text(const std::string &s) {
  if (!kept_.empty()) kept_ += ' ';
  kept_ += s;
}

std::string Driver::take_text() {
  std::string out = std::move(kept_);
  kept_.clear();
  return out;
}

void Driver::add_type_word(DeclSpec &spec, const std::string &word, const Span &at) {
  if (spec.kind != DeclSpec::None && spec.kind != DeclSpec::Words) {
    error(at, "two or more data types in declaration");
    return;
  }
  spec.kind = DeclSpec::Words;
  spec.words.push_back(word);
}

void Driver::add_named_type(DeclSpec &spec, const std::string &name, const Span &at) {
  if (spec.kind != DeclSpec::None) {
    error(at, "two or more data types in declaration");
    return;
  }
  spec.kind = DeclSpec::Named;
  spec.named = name;
}

void Driver::add_cxx_type(DeclSpec &spec, const std::string &name, const Span &at) {
  if (spec.kind != DeclSpec::None) {
    error(at, "two or more data types in declaration");
    return;
  }
  spec.kind = DeclSpec::Cxx;
  spec.named = name;
}

void Driver::add_record(DeclSpec &spec, DeclSpec &&record, const Span &at) {
  if (spec.kind != DeclSpec::None) {
    error(at, "two or more data types in declaration");
    return;
  }
  std::vector<std::string> storage = std::move(spec.storage);
  Span loc = spec.loc;
  spec = std::move(record);
  spec.storage = std::move(storage);
  spec.loc = loc;
}

bool Driver::direct_init_arguments(const std::string &items) const {
  if (ctx_.opt.lang != OutputLang::Cxx) return false;
  std::size_t i = items.find_first_not_of(" \t\n");
  if (i == std::string::npos) return false;  // T name(): a function, as C++ reads it
  const char c = items[i];
  if (!std::isalpha(static_cast<unsigned char>(c)) && c != '_' && c != ':') return true;  // 3, "x", -1, &v, (e)
  // a (qualified) name: a type when another name follows it ("std::string s", "int n"), or when
  // it is a type keyword or a known type; a value otherwise ("other", "std::string(\"x\")")
  std::size_t end = i;
  while (end < items.size() && (std::isalnum(static_cast<unsigned char>(items[end])) || items[end] == '_' ||
                                items[end] == ':'))
    ++end;
  const std::string word = items.substr(i, end - i);
  static const char *const type_words[] = {"int", "char", "short", "long", "unsigned", "signed", "float", "double",
                                           "bool", "void", "const", "volatile", "struct", "union", "enum", "class",
                                           "typename", "auto"};
  for (const char *t : type_words)
    if (word == t) return false;
  if (ctx_.symbols.typedef_named(word) || ctx_.symbols.tag(word)) return false;
  if (end < items.size() && items[end] == '<') {  // template arguments: skip them
    int depth = 0;
    for (; end < items.size(); ++end) {
      depth += items[end] == '<' ? 1 : items[end] == '>' ? -1 : 0;
      if (depth == 0) {
        ++end;
        break;
      }
    }
  }
  const std::size_t next = items.find_first_not_of(" \t\n*&", end);
  return next == std::string::npos || !(std::isalpha(static_cast<unsigned char>(items[next])) || items[next] == '_');
}

}  // namespace pgesql::pp
