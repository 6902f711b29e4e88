#include "check/live_describe.hpp"

#include <cctype>
#include <string>
#include <vector>

namespace pgesql::pp::check {

bool has_outer_join(const std::string &sql) {
  std::vector<std::string> words;
  for (std::size_t i = 0; i < sql.size();) {
    const char c = sql[i];
    if (c == '\'' || c == '"') {
      const std::size_t close = sql.find(c, i + 1);
      i = close == std::string::npos ? sql.size() : close + 1;
      continue;
    }
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      std::string w;
      while (i < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[i])) || sql[i] == '_'))
        w += static_cast<char>(std::tolower(static_cast<unsigned char>(sql[i++])));
      words.push_back(std::move(w));
      continue;
    }
    ++i;
  }
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    if (words[i] != "left" && words[i] != "right" && words[i] != "full") continue;
    const std::size_t j = words[i + 1] == "outer" ? i + 2 : i + 1;
    if (j < words.size() && words[j] == "join") return true;
  }
  return false;
}

}  // namespace pgesql::pp::check
