#include "context.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>

#include "driver.hpp"
#include "keywords.hpp"

namespace pgesql::pp {

Context::Context(const Options &o, Diagnostics &d, std::ostream *out)
    : opt(o), diag(d), out_(out), codegen_(*this), driver_(std::make_unique<Driver>(*this)) {
  // without a server to ask, statements are judged from the cache as they come
  if (opt.check_conninfo.empty() && !opt.check_cache.empty()) replay_ = std::make_unique<check::cache_replay>(opt, diag);
  for (const auto &[name, value] : opt.defines) defines_[name] = value;
  // <stdio.h>'s FILE, for the FILE * of COPY ... USING :fp in declare sections
  symbols.add_typedef("FILE", scalar_type(Base::File, "FILE"), Pos{});
  // the standard integer typedefs programs declare host variables with (<stddef.h>,
  // <stdint.h>); int8_t/uint8_t are left out: as char types they would be read as text
  static const std::pair<const char *, Base> integers[] = {
      {"size_t", Base::ULong},    {"ssize_t", Base::Long},     {"ptrdiff_t", Base::Long},
      {"int16_t", Base::Short},   {"uint16_t", Base::UShort},  {"int32_t", Base::Int},
      {"uint32_t", Base::UInt},   {"int64_t", Base::LongLong}, {"uint64_t", Base::ULongLong}};
  for (const auto &[name, base] : integers) symbols.add_typedef(name, scalar_type(base, name), Pos{});
}

Context::~Context() = default;

void Context::process_input(const std::string &path) {
  // Each input starts with the command line's symbols only: DEFINEs of an earlier input do not carry over (as in ecpg).
  defines_.clear();
  for (const auto &[name, value] : opt.defines) defines_[name] = value;
  process_file(path, path, Pos{-1, 0, 0, 0, -1});
}

void Context::process_file(const std::string &path, const std::string &shown, Pos included_at) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) {
    if (included_at.file >= 0) diag.error(included_at, "could not open include file \"" + shown + "\"");
    else diag.fatal("could not open input file \"" + path + "\": " + std::strerror(errno));
    return;
  }
  // Read in one piece, with room for the two NULs the scanner appends (no copies of a big input).
  std::string text;
  std::streamoff size = in.tellg();
  in.seekg(0);
  text.reserve(static_cast<std::size_t>(size > 0 ? size : 0) + 2);
  text.resize(static_cast<std::size_t>(size > 0 ? size : 0));
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  files_.push_back(File{path, shown, std::move(text), 0});
  if (included_at.file >= 0) deps_.push_back(path);
  process_loaded(files_.back(), included_at.file >= 0);
}

void Context::process_text(const std::string &name, const std::string &text) {
  files_.push_back(File{name, name, text, 0});
  process_loaded(files_.back(), false);
}

void Context::process_loaded(File &f, bool included) {
  f.id = diag.add_file(f.shown, &f.text);
  codegen_.note_source(f.text);
  file_stack_.push_back(f.id);
  std::size_t conds_before = conds_.size();
  line_directive(1, f.id);
  scan_host(f.text, f.id, opt.lang == OutputLang::Cxx,
            opt.compat == Compat::Informix || opt.compat == Compat::InformixSE, *this);
  if (in_declare_) flush_declarations();  // declarations do not span files
  if (in_declare_ && !included) {
    diag.error(declare_at_, "missing EXEC SQL END DECLARE SECTION (to close the declare section begun here)");
    flush_declarations();
    in_declare_ = false;
  }
  while (conds_.size() > conds_before) {
    diag.error(conds_.back().at, "missing EXEC SQL ENDIF (to close this conditional)");
    conds_.pop_back();
  }
  file_stack_.pop_back();
}

void Context::line_directive(int line, int file) {
  if (!opt.line_directives) return;
  if (file == out_file_ && line == out_line_) return;  // the output is already there
  if (!out_.empty() && out_.back() != '\n') out_ += '\n';
  std::string name;
  for (char c : diag.file_name(file)) {
    if (c == '\\' || c == '"') name += '\\';
    name += c;
  }
  out_ += "#line " + std::to_string(line) + " \"" + name + "\"\n";
  out_file_ = file;
  out_line_ = line;
}

void Context::emit_code(const std::string &code) {
  out_ += code;
  out_line_ = -1;  // generated lines do not map to the source
}

bool Context::skipping() const { return !conds_.empty() && !conds_.back().active; }

const std::string *Context::define_value(const std::string &name) const {
  auto it = defines_.find(name);
  return it == defines_.end() ? nullptr : &it->second;
}

const std::string *Context::define_for(std::string_view ident) {
  // Informix mode spells decimal as dec_t; ecpg rewrites it in the host program too.
  static const std::string decimal = "decimal";
  if (ident == "dec_t" && (opt.compat == Compat::Informix || opt.compat == Compat::InformixSE)) return &decimal;
  if (defines_.empty()) return nullptr;
  return define_value(std::string(ident));
}

void Context::scan_error(Pos at, const std::string &message) { diag.error(at, message); }

void Context::pp_line(std::string_view text, Pos at) {
  std::string name;
  bool angle = false;
  // With -i, ecpg reads #include'd files for their EXEC SQL content (if found on -I).
  if (opt.system_includes && !in_declare_ && !skipping() && pp_include_name(std::string(text), &name, &angle)) {
    Pos end = at;
    end.col += static_cast<int>(text.size());
    if (include_file(name, angle, at, end, true)) return;
  }
  host_text(text, at);
}

void Context::host_text(std::string_view text, Pos at) {
  if (skipping()) return;
  note_brace_text(text);
  if (in_declare_) {
    if (!decl_started_) {
      decl_started_ = true;
      decl_start_ = at;
    }
    decl_text_.append(text);
    return;
  }
  out_.append(text);
  if (out_line_ >= 0)
    for (char c : text)
      if (c == '\n') ++out_line_;
}

void Context::open_brace(Pos) {
  if (in_declare_ || skipping()) return;
  symbols.enter_block();
  enter_class_or_member_block();
}

void Context::close_brace(Pos) {
  if (in_declare_ || skipping()) return;
  // a namespace's names stay visible after it (qualified); it opened no block
  if (!namespace_depths_.empty() && namespace_depths_.back() == symbols.depth()) {
    namespace_depths_.pop_back();
    return;
  }
  leave_class_or_member_block();
  symbols.leave_block();
}

namespace {
constexpr std::size_t max_expanded_tokens = 100000;
}  // namespace

std::vector<Tok> Context::expand_defines(std::vector<Tok> toks, bool c_mode, int depth) {
  if (defines_.empty() || depth > 16) return toks;
  std::vector<Tok> out;
  out.reserve(toks.size());
  for (auto &t : toks) {
    const std::string *v = t.lex == Lex::Ident ? define_value(t.text) : nullptr;
    if (!v) {
      out.push_back(std::move(t));
      continue;
    }
    std::vector<Tok> repl = lex_tokens(*v, t.loc.begin, c_mode, diag);
    bool first = true;
    for (auto &r : expand_defines(std::move(repl), c_mode, depth + 1)) {
      r.loc = t.loc;  // diagnostics point at the use of the name
      if (first) r.space_before = t.space_before;
      first = false;
      out.push_back(std::move(r));
    }
    // Names defined as several uses of the next name double at each level: sixteen levels
    // of that would need gigabytes. No real statement comes near this many tokens.
    if (out.size() > max_expanded_tokens) {
      if (depth == 0) diag.error(t.loc.begin, "the expansion of \"" + t.text + "\" is too large (more than 100000 tokens)");
      out.resize(max_expanded_tokens + 1);
      return out;
    }
  }
  return out;
}

void Context::flush_declarations() {
  if (!decl_started_) return;
  decl_started_ = false;
  std::string text = std::move(decl_text_);
  decl_text_.clear();
  emit_declarations(text, decl_start_);
}

void Context::emit_declarations(const std::string &text, Pos start) {
  std::vector<Tok> all = expand_defines(lex_tokens(text, start, true, diag), true);
  // A #include inside a declare section is read for declarations, as ecpg does.
  std::vector<Tok> part;
  for (Tok &t : all) {
    std::string file;
    bool angle = false;
    if (t.lex == Lex::PpLine && pp_include_name(t.text, &file, &angle)) {
      parse_declarations(std::move(part));
      part.clear();
      if (!include_file(file, angle, t.loc.begin, t.loc.end, true)) {
        if (!out_.empty() && out_.back() != '\n') out_ += '\n';
        out_ += t.text;
        out_ += '\n';
        out_line_ = -1;
      }
      continue;
    }
    part.push_back(std::move(t));
  }
  parse_declarations(std::move(part));
}

void Context::parse_declarations(std::vector<Tok> toks) {
  if (toks.empty()) return;
  Span whole{toks.front().loc.begin, toks.back().loc.end};
  driver_->parse(std::move(toks), Driver::Mode::Declarations, whole);
  std::vector<Declaration> decls = std::move(driver_->decls);
  for (const Declaration &d : decls) {
    line_directive(d.loc.begin.line, d.loc.begin.file);
    std::string decl = codegen_.declaration(d);
    if (!d.pp_line.empty()) {  // a # line must start a line of its own
      if (!out_.empty() && out_.back() != '\n') out_ += '\n';
      out_ += decl;
      out_ += '\n';
      out_line_ = -1;
      continue;
    }
    if (!out_.empty() && out_.back() != '\n') out_ += ' ';
    out_ += decl;
    if (decl.find('\n') != std::string::npos) out_line_ = -1;
  }
}

void Context::exec_sql(std::string_view text, Pos exec_at, Pos text_at, Pos end) {
  if (in_declare_) flush_declarations();
  std::vector<Tok> raw = lex_tokens(std::string(text), text_at, false, diag);
  if (!raw.empty() && raw[0].lex == Lex::Ident && !skipping()) {
    // EXEC SQL int i; declares a host variable like a declare section does.
    bool reserved = false;
    bool informix = opt.compat == Compat::Informix || opt.compat == Compat::InformixSE;
    if (c_keyword(raw[0].text, &reserved) >= 0 || symbols.typedef_named(raw[0].text) ||
        (informix && raw[0].text == "string")) {
      emit_declarations(std::string(text) + ";", text_at);
      line_directive(end.line, end.file);
      return;
    }
  }
  // The name after DEFINE/UNDEF/IFDEF/IFNDEF/ELIF is never replaced.
  std::size_t keep = 0;
  if (!raw.empty() && raw[0].lex == Lex::Ident) {
    std::string w = Driver::lower(raw[0].text);
    if (w == "define" || w == "undef" || w == "ifdef" || w == "ifndef" || w == "elif") keep = 2;
  }
  std::vector<Tok> toks;
  if (keep && raw.size() >= keep) {
    std::vector<Tok> rest(raw.begin() + static_cast<long>(keep), raw.end());
    toks.assign(raw.begin(), raw.begin() + static_cast<long>(keep));
    if (Driver::lower(raw[0].text) == "define") {
      for (auto &t : rest) toks.push_back(std::move(t));  // the value is stored unexpanded
    }
    else for (auto &t : expand_defines(std::move(rest), false)) toks.push_back(std::move(t));
  } else {
    toks = expand_defines(std::move(raw), false);
  }
  if (toks.empty()) {
    if (!skipping()) diag.error(exec_at, "empty EXEC SQL statement");
    return;
  }
  Span whole{exec_at, end};
  bool parsed = driver_->parse(std::move(toks), Driver::Mode::Statement, whole);
  if (!parsed) {
    // Conditionals must stay balanced even when skipping text that does not parse.
    return;
  }
  // Taken out of the driver: an INCLUDE below parses other statements.
  Stmt s = std::move(driver_->stmt);
  Value at = std::move(driver_->at);
  s.loc = whole;
  if (directive(s)) return;
  if (skipping()) return;

  if (s.kind == Stmt::BeginDeclare) {
    if (in_declare_) {
      diag.error(exec_at, "misplaced BEGIN DECLARE SECTION (a declare section is already open)");
      diag.note(declare_at_, "the open declare section begins here");
      return;
    }
    in_declare_ = true;
    declare_at_ = exec_at;
    return;
  }
  if (s.kind == Stmt::EndDeclare) {
    if (!in_declare_) {
      diag.error(exec_at, "misplaced END DECLARE SECTION (no declare section is open)");
      return;
    }
    in_declare_ = false;
    line_directive(end.line, end.file);
    return;
  }
  std::string code = codegen_.statement(s, at, diag.file_name(exec_at.file));
  if (replay_)
    for (const check::checked_statement &c : codegen_.take_checked()) replay_->judge(c);
  if (code.empty()) {
    line_directive(end.line, end.file);
    return;
  }
  line_directive(exec_at.line, exec_at.file);
  emit_code(code);
  line_directive(end.line, end.file);
}

void Context::declare(const Declaration &d) {
  if (d.spec.kind == DeclSpec::None && d.spec.storage.empty()) return;  // error recovery or # line
  TypeP base = resolve_base(d.spec, d.loc.begin);
  if (!base) return;
  bool is_typedef = false;
  for (const auto &w : d.spec.storage)
    if (w == "typedef") is_typedef = true;
  for (const Declarator &dc : d.declarators) {
    TypeP t = resolve_declarator(base, dc);
    if (!t) continue;
    if (is_typedef) symbols.add_typedef(dc.name, t, dc.loc.begin);
    else symbols.add_variable(dc.name, t, dc.loc.begin);
  }
}

TypeP Context::resolve_declarator(TypeP base, const Declarator &d) {
  std::vector<std::string> dims = d.dims;
  if (base->kind == Type::Scalar && (base->base == Base::Varchar || base->base == Base::Bytea) &&
      base->length.empty()) {
    const char *what = base->base == Base::Varchar ? "VARCHAR" : "bytea";
    if (d.pointers > 0) {
      diag.error(d.loc.begin, std::string("pointers to ") + what + " are not supported");
      return nullptr;
    }
    if (dims.empty() || dims.back().empty()) {
      diag.error(d.loc.begin, std::string(what) + " variable \"" + d.name + "\" needs a length, as in " + what +
                                  " " + d.name + "[n]");
      return nullptr;
    }
    base = scalar_type(base->base, base->spelling, dims.back());
    dims.pop_back();
    if (!dims.empty() && dims.front().empty()) {  // VARCHAR v[][n] is a pointer to VARCHAR
      dims.erase(dims.begin());
      TypeP t = pointer_to(base);
      for (auto it = dims.rbegin(); it != dims.rend(); ++it) t = array_of(t, *it);
      return t;
    }
  }
  TypeP t = base;
  for (int i = 0; i < d.pointers; ++i) t = pointer_to(t);
  for (auto it = dims.rbegin(); it != dims.rend(); ++it) t = array_of(t, *it);
  return t;
}

TypeP Context::resolve_base(const DeclSpec &spec, const Pos &at) {
  switch (spec.kind) {
    case DeclSpec::None: return scalar_type(Base::Int, "int");
    case DeclSpec::Enum: return scalar_type(Base::Int, "int");
    case DeclSpec::Named: {
      const Symbol *s = symbols.typedef_named(spec.named);
      if (!s && opt.lang == OutputLang::Cxx) s = symbols.tag(spec.named);
      if (!s) {
        diag.error(at, "unknown type name \"" + spec.named + "\"");
        return nullptr;
      }
      return s->type;
    }
    case DeclSpec::Record: return record_type(spec);
    case DeclSpec::Varchar: return scalar_type(Base::Varchar, "VARCHAR");
    case DeclSpec::Bytea: return scalar_type(Base::Bytea, "bytea");
    case DeclSpec::Cxx: return cxx_type(spec.named);
    case DeclSpec::Words: break;
  }
  int longs = 0;
  bool is_unsigned = false, is_char = false, is_short = false, is_float = false, is_double = false;
  bool is_bool = false, is_void = false;
  for (const auto &w0 : spec.words) {
    std::string w = Driver::lower(w0);
    if (w == "varchar") return scalar_type(Base::Varchar, "VARCHAR");
    if (w == "bytea") return scalar_type(Base::Bytea, "bytea");
    if (w == "numeric") return scalar_type(Base::Numeric, "numeric");
    if (w == "decimal") return scalar_type(Base::Decimal, "decimal");
    if (w == "date") return scalar_type(Base::Date, "date");
    if (w == "timestamp") return scalar_type(Base::Timestamp, "timestamp");
    if (w == "interval") return scalar_type(Base::Interval, "interval");
    if (w == "long") ++longs;
    if (w == "unsigned") is_unsigned = true;
    if (w == "char") is_char = true;
    if (w == "string") return scalar_type(Base::String, "char");
    if (w == "short") is_short = true;
    if (w == "float") is_float = true;
    if (w == "double") is_double = true;
    if (w == "bool" || w == "_bool") is_bool = true;
    if (w == "void") is_void = true;
  }
  std::string spelled;
  for (const auto &w : spec.words) spelled += (spelled.empty() ? "" : " ") + w;
  if (is_void) return scalar_type(Base::Other, spelled);
  if (is_bool) return scalar_type(Base::Bool, spelled);
  if (is_float) return scalar_type(Base::Float, spelled);
  if (is_double) return scalar_type(Base::Double, spelled);
  if (is_char) return scalar_type(is_unsigned ? Base::UChar : Base::Char, spelled);
  if (is_short) return scalar_type(is_unsigned ? Base::UShort : Base::Short, spelled);
  if (longs >= 2) return scalar_type(is_unsigned ? Base::ULongLong : Base::LongLong, spelled);
  if (longs == 1) return scalar_type(is_unsigned ? Base::ULong : Base::Long, spelled);
  return scalar_type(is_unsigned ? Base::UInt : Base::Int, spelled);
}

// A struct named with its namespace (shop::item): the struct a declare section declared
// (namespaces do not scope this preprocessor's symbols), or nullptr.
static const Symbol *qualified_record(const Symbols &symbols, std::string name) {
  if (name.compare(0, 7, "struct ") == 0) name = name.substr(7);
  if (name.find('<') != std::string::npos) return nullptr;
  const std::size_t scope = name.rfind("::");
  if (scope != std::string::npos) name = name.substr(scope + 2);
  const Symbol *sym = symbols.typedef_named(name);
  if (!sym) sym = symbols.tag(name);
  return sym && sym->type->kind == Type::Record ? sym : nullptr;
}

TypeP Context::cxx_type(const std::string &spelling) {
  if (spelling.find("::") != std::string::npos)
    if (const Symbol *record = qualified_record(symbols, spelling)) return record->type;
  auto t = std::make_shared<Type>();
  t->kind = Type::Scalar;
  t->base = Base::Cxx;
  t->spelling = spelling;
  // std::vector<S> / std::array<S, N> of a struct S: its members are spread over columns
  std::string s = spelling.compare(0, 2, "::") == 0 ? spelling.substr(2) : spelling;
  for (const char *container : {"std::vector<", "std::array<"}) {
    std::size_t n = std::char_traits<char>::length(container);
    if (s.compare(0, n, container) != 0) continue;
    std::size_t end = n;
    int depth = 0;
    while (end < s.size() && !(depth == 0 && (s[end] == ',' || s[end] == '>'))) {
      depth += s[end] == '<' ? 1 : s[end] == '>' ? -1 : 0;
      ++end;
    }
    if (const Symbol *sym = qualified_record(symbols, s.substr(n, end - n))) t->elem = sym->type;
  }
  return t;
}

TypeP Context::record_type(const DeclSpec &spec) {
  std::string spelling = std::string(spec.is_union ? "union" : "struct") + (spec.tag.empty() ? "" : " " + spec.tag);
  if (!spec.has_body) {
    if (const Symbol *s = symbols.tag(spec.tag)) return s->type;
    auto t = std::make_shared<Type>();
    t->kind = Type::Record;
    t->base = spec.is_union ? Base::Union : Base::Struct;
    t->spelling = spelling;
    return t;
  }
  auto t = std::make_shared<Type>();
  t->kind = Type::Record;
  t->base = spec.is_union ? Base::Union : Base::Struct;
  t->spelling = spelling;
  for (const Declaration &m : spec.members) {
    TypeP mb = resolve_base(m.spec, m.loc.begin);
    if (!mb) continue;
    for (const Declarator &d : m.declarators) {
      TypeP ft = resolve_declarator(mb, d);
      if (ft) t->fields.push_back(Field{d.name, ft});
    }
  }
  if (!spec.tag.empty()) symbols.add_tag(spec.tag, t, spec.loc.begin);
  return t;
}

}  // namespace pgesql::pp
