#include "sema/readahead_safety.hpp"

#include <pg_query.h>

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <optional>

#include "sema/json_tree.hpp"

namespace pgesql::pp::sema {
namespace {

bool one_of(std::string_view v, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), v) != set.end();
}

std::string quote_ident(std::string_view name) {
  std::string q = "\"";
  for (char c : name) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + '"';
}

class tree_judge {
 public:
  readahead_verdict verdict;

  void statement(const json_value &root) {
    const json_value *stmts = root.find("stmts");
    if (stmts == nullptr || !stmts->is_array() || stmts->items.size() != 1) return refuse("not a single statement");
    const json_value *stmt = stmts->items[0].find("stmt");
    if (stmt == nullptr || !stmt->is_object() || stmt->members.size() != 1 || stmt->members[0].first != "SelectStmt")
      return refuse("not a SELECT");
    verdict.safe = true;
    walk(*stmt);
  }

 private:
  void refuse(std::string why) {
    if (verdict.reason.empty()) verdict.reason = std::move(why);
    verdict.safe = false;
  }

  // Any value: a node ({"Type": {...}}), a list, or a scalar field.
  void walk(const json_value &v) {
    if (!verdict.safe && !verdict.reason.empty()) return;
    if (v.is_array()) {
      for (const json_value &item : v.items) walk(item);
      return;
    }
    if (!v.is_object() || v.members.empty()) return;  // scalars, and DISTINCT's empty marker
    if (v.members.size() == 1 && !v.members[0].first.empty() && std::isupper(static_cast<unsigned char>(v.members[0].first[0])))
      return node(v.members[0].first, v.members[0].second);
    // an unwrapped struct (INTO, WITH, window definitions...): nothing a plain SELECT needs
    refuse("unsupported clause");
  }

  void fields(const json_value &body, std::initializer_list<std::string_view> skip = {}) {
    for (const auto &[key, value] : body.members) {
      // names, not expressions: aliases and type names of constant casts
      if (key == "alias" || key == "typeName" || one_of(key, skip)) continue;
      walk(value);
    }
  }

  void node(const std::string &type, const json_value &body) {
    if (one_of(type, {"SelectStmt", "ResTarget", "ColumnRef", "String", "A_Star", "ParamRef", "SortBy", "BoolExpr",
                      "NullTest", "BooleanTest", "JoinExpr", "List", "RangeSubselect", "CaseExpr",
                      "CaseWhen", "CoalesceExpr", "MinMaxExpr", "RowExpr", "Integer", "Float", "Boolean"}))
      return fields(body);
    if (type == "A_Const") return;  // a literal, converted once when the statement is planned
    if (type == "RangeVar") return relation(body);
    if (type == "A_Expr") return expression(body);
    if (type == "TypeCast") return cast(body);
    if (type == "FuncCall") return call(body);
    if (type == "SubLink") return sublink(body);
    refuse(type == "LockingClause" ? "FOR UPDATE/SHARE" : "uses " + type);
  }

  void relation(const json_value &body) {
    if (body.find("catalogname") != nullptr) return refuse("names another database");
    std::string name;
    if (const json_value *schema = body.find("schemaname")) name = quote_ident(schema->text) + ".";
    const json_value *rel = body.find("relname");
    if (rel == nullptr) return refuse("relation without a name");
    name += quote_ident(rel->text);
    if (name.find('\n') != std::string::npos) return refuse("relation name with a line break");
    if (std::find(verdict.relations.begin(), verdict.relations.end(), name) == verdict.relations.end())
      verdict.relations.push_back(name);
  }

  // Comparisons cannot fail or have effects on built-in types; arithmetic can overflow,
  // LIKE can reject its pattern on a row, and other operators are unknown functions.
  void expression(const json_value &body) {
    const json_value *kind = body.find("kind");
    const std::string k = kind != nullptr ? kind->text : std::string();
    const std::string op = single_name(body.find("name"));
    const bool comparison = one_of(op, {"=", "<>", "!=", "<", ">", "<=", ">="});
    const bool ok = (k == "AEXPR_OP" && comparison) || (k == "AEXPR_IN" && one_of(op, {"=", "<>"})) ||
                    one_of(k, {"AEXPR_BETWEEN", "AEXPR_NOT_BETWEEN", "AEXPR_BETWEEN_SYM", "AEXPR_NOT_BETWEEN_SYM"}) ||
                    (one_of(k, {"AEXPR_DISTINCT", "AEXPR_NOT_DISTINCT"}) && op == "=");
    if (!ok) return refuse("operator " + (op.empty() ? k : op));
    fields(body, {"kind", "name"});
  }

  // EXISTS, IN and comparisons with a subquery: the subquery is judged like the query.
  void sublink(const json_value &body) {
    const json_value *op = body.find("operName");
    if (op != nullptr && !one_of(single_name(op), {"=", "<>", "!=", "<", ">", "<=", ">="}))
      return refuse("operator " + single_name(op));
    fields(body, {"operName"});
  }

  // A cast of a literal or parameter happens once; a cast of a column can fail on any row.
  void cast(const json_value &body) {
    const json_value *arg = body.find("arg");
    if (arg == nullptr || !arg->is_object() || arg->members.size() != 1 ||
        !one_of(arg->members[0].first, {"A_Const", "ParamRef"}))
      return refuse("cast of a computed value");
  }

  // count/min/max never fail and have no effects; any other function may (and its
  // volatility is the catalog's to say, which may change after the build).
  void call(const json_value &body) {
    const std::string name = single_name(body.find("funcname"));
    if (!one_of(name, {"count", "min", "max"}) || body.find("over") != nullptr) return refuse("calls " + name);
    fields(body, {"funcname", "funcformat", "agg_star", "agg_distinct"});
  }
};

}  // namespace

readahead_verdict judge_readahead(std::string_view query) {
  const std::string text(query);
  PgQueryParseResult parsed = pg_query_parse(text.c_str());
  tree_judge judge;
  if (parsed.error != nullptr) {
    judge.verdict.reason = "does not parse";
  } else if (std::optional<json_value> tree = parse_json(parsed.parse_tree)) {
    judge.statement(*tree);
  } else {
    judge.verdict.reason = "unreadable parse tree";
  }
  pg_query_free_parse_result(parsed);
  if (!judge.verdict.safe) judge.verdict.relations.clear();
  if (judge.verdict.safe && judge.verdict.relations.empty()) judge.verdict.reason.clear();
  return judge.verdict;
}

}  // namespace pgesql::pp::sema
