// The code generator's part of the schema check: while statements are emitted, the
// static ones are recorded with the C/C++ types of their host variables, one slot per
// value the runtime binds (struct members spread as the runtime spreads them).
#include "codegen.hpp"

#include "codegen_support.hpp"
#include "context.hpp"
#include "driver.hpp"

namespace pgesql::pp {

using namespace codegen_support;

namespace {

long number_or_zero(const std::string &s) {
  if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos) return 0;
  return std::stol(s);
}

std::string slot_type(const Type &t) {
  if (t.kind != Type::Scalar) return {};
  switch (t.base) {
    case Base::Cxx: return "cxx:" + (t.spelling.compare(0, 2, "::") == 0 ? t.spelling.substr(2) : t.spelling);
    case Base::Other: case Base::File: case Base::Struct: case Base::Union: case Base::SqlDa: return {};
    default: return type_code(t.base);
  }
}

}  // namespace

bool Codegen::checking() const { return !ctx_.opt.check_conninfo.empty() || !ctx_.opt.check_cache.empty(); }

void Codegen::slots_of(const TypeP &t, const std::string &name, const Pos &at,
                       std::vector<check::host_slot> &out) const {
  auto add = [&](std::string type, long len) { out.push_back(check::host_slot{name, at, std::move(type), len, false}); };
  switch (t->kind) {
    case Type::Scalar:
      if (t->base == Base::Cxx && t->elem) {  // a container of structs: one slot per member
        for (const Field &f : t->elem->fields) slots_of(f.type, name + "." + f.name, at, out);
        return;
      }
      if (t->base == Base::Varchar) return add(slot_type(*t), number_or_zero(t->length) + 1);
      return add(slot_type(*t), 0);
    case Type::Record:
      for (const Field &f : t->fields) slots_of(f.type, name + "." + f.name, at, out);
      return;
    case Type::Array: {
      const Type &el = *t->elem;
      if (el.kind == Type::Scalar && is_char(el.base)) return add(type_code(el.base), number_or_zero(t->length));
      if (el.kind == Type::Array && el.elem->kind == Type::Scalar && is_char(el.elem->base))
        return add(type_code(el.elem->base), number_or_zero(el.length));
      if (el.kind == Type::Pointer && el.elem->kind == Type::Scalar && is_char(el.elem->base))
        return add(type_code(el.elem->base), 0);
      if (el.kind == Type::Record) {
        for (const Field &f : el.fields) slots_of(f.type, name + "." + f.name, at, out);
        return;
      }
      return add(slot_type(el), 0);
    }
    case Type::Pointer:
      if (t->elem->kind == Type::Scalar && is_char(t->elem->base)) return add(type_code(t->elem->base), 0);
      if (t->elem->kind == Type::Record) {
        for (const Field &f : t->elem->fields) slots_of(f.type, name + "->" + f.name, at, out);
        return;
      }
      return add({}, 0);
  }
}

// The slots of a host variable just bound as `count` values; unknown types when they cannot be matched up.
void Codegen::note_slots(const HostRef &ref, const TypeP &t, std::size_t count) {
  std::vector<check::host_slot> slots;
  if (t) slots_of(t, ref.expr, ref.loc.begin, slots);
  if (slots.size() != count) {
    slots.clear();
    for (std::size_t i = 0; i < count; ++i) slots.push_back(check::host_slot{ref.expr, ref.loc.begin, "", 0, false});
  }
  for (check::host_slot &s : slots)
    s.indicator = !ref.ind_expr.empty() || s.type.find("optional<") != std::string::npos;
  slots_.insert(slots_.end(), slots.begin(), slots.end());
}

const check::checked_statement *Codegen::record_check(const Pos &at, const std::string &sql, bool question_marks,
                                                      const char *what) {
  if (!checking() || sql.find("$0") != std::string::npos) return nullptr;
  check::checked_statement c;
  c.at = at;
  c.sql = sql;
  c.origins = origins_;
  c.question_marks = question_marks;
  c.inputs = in_slots_;
  c.outputs = out_slots_;
  c.into_checked = !out_slots_.empty() && !out_descriptor_;
  c.what = what;
  checked_.push_back(std::move(c));
  return &checked_.back();
}

// FETCH ... INTO of a cursor over a static query: the query's columns against this INTO list.
// The query's own errors are reported once, at its DECLARE.
void Codegen::record_fetch_check(const Stmt &s, const std::shared_ptr<const check::checked_statement> &cursor_query,
                                 std::vector<check::host_slot> outputs) {
  if (!checking() || !cursor_query || s.into_list.kind != VarList::Vars || outputs.empty()) return;
  check::checked_statement c = *cursor_query;
  c.at = s.loc.begin;
  c.outputs = std::move(outputs);
  c.into_checked = true;
  c.report_server_errors = false;
  c.what = "the cursor";
  checked_.push_back(std::move(c));
}

}  // namespace pgesql::pp
