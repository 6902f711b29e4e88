// The code generator's SQL text: tokens joined with host variables as $n, C string
// literals, and the syntax check of the text against PostgreSQL's grammar.
#include "codegen.hpp"

#include <pgesql/pgesql.h>

#include "codegen_support.hpp"
#include "context.hpp"
#include "driver.hpp"
#include "sema/syntax_check.hpp"

namespace pgesql::pp {

using namespace codegen_support;

// ---- SQL text -------------------------------------------------------------------

std::string Codegen::sql_text(const std::vector<Tok> &toks, std::vector<std::string> &in,
                              std::vector<std::string> &out, int first_param, bool allow_into) {
  std::string sql;
  int n = first_param;
  origins_.clear();
  in_slots_.clear();
  out_slots_.clear();
  out_descriptor_ = false;
  // the slots of the variables bound through vars() go to the inputs or the INTO targets
  auto bind = [&](const HostRef &r, std::vector<std::string> &to, std::vector<check::host_slot> &slots) {
    slots_.clear();
    vars(r, to);
    slots.insert(slots.end(), slots_.begin(), slots_.end());
  };
  auto append = [&](const Tok &t, const std::string &text) {
    if (!sql.empty() && t.space_before) sql += ' ';
    origins_.push_back(sema::sql_origin{sql.size(), text == t.text ? text.size() : 0, t.loc.begin});
    sql += text;
  };
  for (std::size_t i = 0; i < toks.size();) {
    const Tok &t = toks[i];
    if (allow_into && word_is(t, "into") && i + 1 < toks.size() && toks[i + 1].lex == Lex::HostVar) {
      std::size_t j = i + 1;
      for (;;) {
        HostRef r;
        j = read_hostref(toks, j, r);
        bind(r, out, out_slots_);
        if (j + 1 < toks.size() && toks[j].lex == Lex::Comma && toks[j + 1].lex == Lex::HostVar) {
          ++j;
          continue;
        }
        break;
      }
      i = j;
      continue;
    }
    // SELECT ... INTO SQL DESCRIPTOR name / INTO DESCRIPTOR sqlda
    if (allow_into && word_is(t, "into")) {
      std::size_t k = i + 1;
      bool sql_desc = k < toks.size() && word_is(toks[k], "sql");
      if (sql_desc) ++k;
      if (k + 1 < toks.size() && word_is(toks[k], "descriptor")) {
        const Tok &nt = toks[k + 1];
        VarList l;
        l.kind = sql_desc ? VarList::SqlDescriptor : VarList::SqlDa;
        l.descriptor.loc = nt.loc;
        if (nt.lex == Lex::HostVar) {
          l.descriptor.kind = Value::Host;
          l.descriptor.host = hostref_of(nt);
          if (!sql_desc) l.descriptor.text = l.descriptor.host.expr;
        } else {
          l.descriptor.kind = Value::Literal;
          l.descriptor.text = nt.text;
        }
        var_list(l, out);
        out_descriptor_ = true;
        i = k + 2;
        continue;
      }
    }
    if (t.lex == Lex::HostVar) {
      HostRef r;
      std::size_t j = read_hostref(toks, i, r);
      std::size_t before = in.size();
      bind(r, in, in_slots_);
      std::string params;
      for (std::size_t k = before; k < in.size(); ++k) params += (k > before ? ", $" : "$") + std::to_string(n++);
      if (params.empty()) params = "$" + std::to_string(n++);
      append(t, params);
      i = j;
      continue;
    }
    if (ctx_.opt.rule_questionmarks && t.lex == Lex::Op && t.text == "?") {
      // -r questionmarks: a `?` is a parameter marker, numbered in textual order with the
      // host variables (as ECPG's run-time scan replaces them); OPEN ... USING supplies it
      append(t, "$" + std::to_string(n++));
      in_slots_.push_back(check::host_slot{"?", t.loc.begin, "", 0, false});  // its type is known at OPEN only
      ++i;
      continue;
    }
    append(t, t.text);
    ++i;
  }
  use_positions(sql, origins_, 0);
  return sql;
}

// "offset:line:column;" for each piece whose place does not follow from the entry before it
// (a new line, other spacing, a host variable that became $n): the runtime maps a server
// error's position through it.
void Codegen::use_positions(const std::string &sql, const std::vector<sema::sql_origin> &origins, std::size_t shift) {
  positions_sql_ = sql;
  positions_.clear();
  std::size_t last_offset = 0;
  int last_line = -1, last_col = 0;
  for (const sema::sql_origin &o : origins) {
    const std::size_t offset = o.offset + shift;
    if (o.at.line == last_line && o.at.col == last_col + static_cast<int>(offset - last_offset)) continue;
    positions_ += std::to_string(offset) + ":" + std::to_string(o.at.line) + ":" + std::to_string(o.at.col) + ";";
    last_offset = offset;
    last_line = o.at.line;
    last_col = o.at.col;
  }
}

// The text a C string literal's body stands for (EXECUTE IMMEDIATE "..." is a C string).
std::string Codegen::c_unescape(const std::string &s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 == s.size()) {
      out += s[i];
      continue;
    }
    char c = s[++i];
    if (c >= '0' && c <= '7') {
      int v = 0, n = 0;
      while (n < 3 && i < s.size() && s[i] >= '0' && s[i] <= '7') v = v * 8 + (s[i++] - '0'), ++n;
      --i;
      out += static_cast<char>(v);
      continue;
    }
    switch (c) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      default: out += c;  // \\ \" \' \?
    }
  }
  return out;
}

std::string Codegen::c_string(const std::string &s) {
  std::string out = "\"";
  char prev = 0;
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case '?': out += prev == '?' ? "\\?" : "?"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\%03o", static_cast<unsigned char>(c));
          out += buf;
        } else {
          out += c;
        }
    }
    prev = c;
  }
  return out + "\"";
}

std::string Codegen::join_tokens(const std::vector<Tok> &toks) {
  std::string s;
  for (const Tok &t : toks) {
    if (!s.empty() && t.space_before) s += ' ';
    s += t.text;
  }
  return s;
}

void Codegen::check_syntax(const std::string &sql, const std::vector<sema::sql_origin> &origins, const Pos &fallback,
                           bool question_marks) {
  // $0 stands for a name a host variable supplies at run time: no statement to parse yet
  if (ctx_.opt.sql_syntax == SqlSyntax::Off || sql.find("$0") != std::string::npos) return;
  const std::optional<sema::sql_syntax_error> e = sema::check_sql_syntax(sql, question_marks);
  if (!e) return;
  const Pos at = sema::source_position(origins, e->offset, fallback);
  if (ctx_.opt.sql_syntax == SqlSyntax::Warning)
    ctx_.diag.warning(at, e->message);
  else
    ctx_.diag.error(at, e->message);
}

// PREPARE ... FROM 'text' / EXECUTE IMMEDIATE "text": the literal's body (C escapes read as C
// reads them), placed after its opening quote.
void Codegen::check_literal_syntax(const Value &literal, const Stmt &s) {
  if (literal.kind != Value::Literal) return;
  // the runtime numbers ? placeholders of these texts, as ECPG does
  check_syntax(c_unescape(literal.text), {literal_origin(literal, s)}, s.loc.begin, true);
}

sema::sql_origin Codegen::literal_origin(const Value &literal, const Stmt &s) {
  Pos at = literal.loc.begin.line > 0 ? literal.loc.begin : s.loc.begin;
  at.col += 1;
  return sema::sql_origin{0, c_unescape(literal.text).size(), at};
}

}  // namespace pgesql::pp
