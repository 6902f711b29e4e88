#include "sema/never_null.hpp"

#include <pg_query.h>

#include <optional>
#include <string>

#include "sema/json_tree.hpp"

namespace pgesql::pp::sema {
namespace {

// The only member of a node object ({"FuncCall": {...}}): its kind and body.
std::pair<std::string_view, const json_value *> node(const json_value &v) {
  if (!v.is_object() || v.members.size() != 1) return {{}, nullptr};
  return {v.members[0].first, &v.members[0].second};
}

bool never_null(const json_value &expr) {
  const auto [kind, body] = node(expr);
  if (body == nullptr) return false;
  if (kind == "FuncCall") return single_name(body->find("funcname")) == "count";
  if (kind == "A_Const") return body->find("isnull") == nullptr;
  if (kind == "TypeCast") {
    const json_value *arg = body->find("arg");
    return arg != nullptr && never_null(*arg);
  }
  if (kind == "SubLink") {
    const json_value *type = body->find("subLinkType");
    return type != nullptr && type->text == "EXISTS_SUBLINK";
  }
  if (kind == "CoalesceExpr") {
    const json_value *args = body->find("args");
    return args != nullptr && args->is_array() && !args->items.empty() && never_null(args->items.back());
  }
  return false;
}

}  // namespace

std::vector<bool> never_null_targets(std::string_view query) {
  const std::string text(query);
  PgQueryParseResult parsed = pg_query_parse(text.c_str());
  std::vector<bool> flags;
  std::optional<json_value> tree;
  if (parsed.error == nullptr) tree = parse_json(parsed.parse_tree);
  pg_query_free_parse_result(parsed);
  const json_value *stmts = tree ? tree->find("stmts") : nullptr;
  if (stmts == nullptr || !stmts->is_array() || stmts->items.size() != 1) return flags;
  const json_value *stmt = stmts->items[0].find("stmt");
  const auto [kind, select] = stmt ? node(*stmt) : std::pair<std::string_view, const json_value *>{};
  if (select == nullptr || kind != "SelectStmt") return flags;
  if (const json_value *op = select->find("op"); op != nullptr && op->text != "SETOP_NONE") return flags;
  const json_value *targets = select->find("targetList");
  if (targets == nullptr || !targets->is_array()) return flags;
  for (const json_value &t : targets->items) {
    const auto [tk, target] = node(t);
    const json_value *val = target != nullptr && tk == "ResTarget" ? target->find("val") : nullptr;
    if (val != nullptr && node(*val).first == "ColumnRef") {
      const json_value *fields = node(*val).second->find("fields");
      if (fields != nullptr && fields->is_array() && !fields->items.empty() && node(fields->items.back()).first == "A_Star")
        return {};  // * spreads over columns: targets no longer line up with them
    }
    flags.push_back(val != nullptr && never_null(*val));
  }
  return flags;
}

}  // namespace pgesql::pp::sema
