#include "sema/json_tree.hpp"

#include <cctype>

namespace pgesql::pp::sema {

json_value::json_value() = default;
json_value::json_value(const json_value &) = default;
json_value::json_value(json_value &&) noexcept = default;
json_value &json_value::operator=(const json_value &) = default;
json_value &json_value::operator=(json_value &&) noexcept = default;
json_value::~json_value() = default;
namespace {

class json_reader {
 public:
  explicit json_reader(std::string_view text) : text_(text) {}

  std::optional<json_value> document() {
    json_value v;
    if (!value(v, 0)) return std::nullopt;
    skip_space();
    if (pos_ != text_.size()) return std::nullopt;
    return v;
  }

 private:
  // Parse trees of long statements nest deeply, but not this deep.
  static constexpr int max_depth = 2000;

  void skip_space() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }
  bool take(char c) {
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == c) return ++pos_, true;
    return false;
  }
  bool word(std::string_view w) {
    if (text_.substr(pos_, w.size()) != w) return false;
    pos_ += w.size();
    return true;
  }

  bool value(json_value &v, int depth) {
    if (depth > max_depth) return false;
    skip_space();
    if (pos_ >= text_.size()) return false;
    const char c = text_[pos_];
    if (c == '{') return object(v, depth);
    if (c == '[') return array(v, depth);
    if (c == '"') return v.type = json_value::kind::string, string(v.text);
    if (word("true")) return v.type = json_value::kind::boolean, v.flag = true, true;
    if (word("false")) return v.type = json_value::kind::boolean, true;
    if (word("null")) return v.type = json_value::kind::null, true;
    return number(v);
  }

  bool object(json_value &v, int depth) {
    v.type = json_value::kind::object;
    ++pos_;
    if (take('}')) return true;
    do {
      skip_space();
      std::string key;
      if (pos_ >= text_.size() || text_[pos_] != '"' || !string(key) || !take(':')) return false;
      json_value member;
      if (!value(member, depth + 1)) return false;
      v.members.emplace_back(std::move(key), std::move(member));
    } while (take(','));
    return take('}');
  }

  bool array(json_value &v, int depth) {
    v.type = json_value::kind::array;
    ++pos_;
    if (take(']')) return true;
    do {
      json_value item;
      if (!value(item, depth + 1)) return false;
      v.items.push_back(std::move(item));
    } while (take(','));
    return take(']');
  }

  bool number(json_value &v) {
    const std::size_t start = pos_;
    while (pos_ < text_.size() && (std::isdigit(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '-' ||
                                   text_[pos_] == '+' || text_[pos_] == '.' || text_[pos_] == 'e' || text_[pos_] == 'E'))
      ++pos_;
    if (pos_ == start) return false;
    v.type = json_value::kind::number;
    v.text = std::string(text_.substr(start, pos_ - start));
    return true;
  }

  static void append_utf8(std::string &out, unsigned cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  bool hex4(unsigned &cp) {
    if (pos_ + 4 > text_.size()) return false;
    cp = 0;
    for (int i = 0; i < 4; ++i) {
      const char h = text_[pos_++];
      cp <<= 4;
      if (h >= '0' && h <= '9') cp |= static_cast<unsigned>(h - '0');
      else if (h >= 'a' && h <= 'f') cp |= static_cast<unsigned>(h - 'a' + 10);
      else if (h >= 'A' && h <= 'F') cp |= static_cast<unsigned>(h - 'A' + 10);
      else return false;
    }
    return true;
  }

  bool string(std::string &out) {
    ++pos_;  // the opening quote
    while (pos_ < text_.size()) {
      const char c = text_[pos_++];
      if (c == '"') return true;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= text_.size()) return false;
      const char e = text_[pos_++];
      switch (e) {
        case '"': case '\\': case '/': out += e; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          unsigned cp = 0;
          if (!hex4(cp)) return false;
          if (cp >= 0xD800 && cp < 0xDC00 && text_.substr(pos_, 2) == "\\u") {  // a surrogate pair
            pos_ += 2;
            unsigned low = 0;
            if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          append_utf8(out, cp);
          break;
        }
        default:
          return false;
      }
    }
    return false;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace

const json_value *json_value::find(std::string_view key) const {
  for (const auto &[name, value] : members)
    if (name == key) return &value;
  return nullptr;
}

std::optional<json_value> parse_json(std::string_view text) { return json_reader(text).document(); }

std::optional<std::string> string_node(const json_value &v) {
  if (!v.is_object() || v.members.size() != 1 || v.members[0].first != "String") return std::nullopt;
  const json_value *s = v.members[0].second.find("sval");
  if (s == nullptr || !s->is_string()) return std::string();
  return s->text;
}

std::string single_name(const json_value *list) {
  if (list == nullptr || !list->is_array() || list->items.size() != 1) return {};
  return string_node(list->items[0]).value_or(std::string());
}

}  // namespace pgesql::pp::sema
