// A parsed JSON document, just enough to walk the parse trees libpg_query
// prints (objects, arrays, strings, numbers, true/false/null). Input that is
// not JSON yields std::nullopt rather than a partial tree.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pgesql::pp::sema {

struct json_value {
  // Declared here, defined where json_value is complete: members holding json_value
  // itself must not be instantiated earlier (clang with libstdc++ rejects that).
  json_value();
  json_value(const json_value &);
  json_value(json_value &&) noexcept;
  json_value &operator=(const json_value &);
  json_value &operator=(json_value &&) noexcept;
  ~json_value();

  enum class kind { null, boolean, number, string, array, object };
  kind type = kind::null;
  bool flag = false;
  std::string text;  // a string's value, or a number as written
  std::vector<json_value> items;
  std::vector<std::pair<std::string, json_value>> members;  // in document order

  bool is_object() const { return type == kind::object; }
  bool is_array() const { return type == kind::array; }
  bool is_string() const { return type == kind::string; }
  // The member called `key`, or nullptr.
  const json_value *find(std::string_view key) const;
};

std::optional<json_value> parse_json(std::string_view text);

// libpg_query's tree shapes: the value of a String node ({"String": {"sval": "..."}}), if `v` is one.
std::optional<std::string> string_node(const json_value &v);
// A name list of one element ("funcname", "name" of operators); empty when qualified or absent.
std::string single_name(const json_value *list);

}  // namespace pgesql::pp::sema
