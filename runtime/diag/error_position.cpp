#include "diag/error_position.hpp"

#include <cstring>

namespace pgesql::diag {
namespace {

// The byte offset of character `position` (from 1) of UTF-8 `text`.
std::size_t byte_offset(std::string_view text, int position) {
  int chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // a continuation byte
    if (++chars == position) return i;
  }
  return text.size();
}

// Reads "N" up to `end` (':' or ';'); false when the map is malformed.
bool read_number(std::string_view &map, char end, long &out) {
  out = 0;
  std::size_t i = 0;
  for (; i < map.size() && map[i] >= '0' && map[i] <= '9' && i < 10; ++i) out = out * 10 + (map[i] - '0');
  if (i == 0 || i >= map.size() || map[i] != end) return false;
  map.remove_prefix(i + 1);
  return true;
}

}  // namespace

namespace {
thread_local const char *positioned_sql = nullptr;
}  // namespace

void set_positioned_statement(const pgesql_stmt *stmt) {
  positioned_sql = stmt != nullptr && stmt->sql != nullptr && (stmt->flags & PGESQL_F_POSITIONS) != 0 ? stmt->sql : nullptr;
}

const char *positioned_statement_sql() { return positioned_sql; }

std::optional<source_point> error_source_point(const char *sql_and_map, std::string_view query, int position) {
  if (sql_and_map == nullptr || position <= 0) return std::nullopt;
  const std::string_view sql = sql_and_map;
  if (query.size() < sql.size() || query.substr(query.size() - sql.size()) != sql) return std::nullopt;
  const std::size_t at = byte_offset(query, position), prefix = query.size() - sql.size();
  if (at < prefix || at >= query.size()) return std::nullopt;
  const long offset = static_cast<long>(at - prefix);
  // "offset:line:column;" entries in offset order; each covers the text up to the next
  std::string_view map = sql_and_map + sql.size() + 1;
  std::optional<source_point> found;
  while (!map.empty()) {
    long o = 0, line = 0, column = 0;
    if (!read_number(map, ':', o) || !read_number(map, ':', line) || !read_number(map, ';', column)) break;
    if (o > offset) break;
    found = source_point{static_cast<int>(line), static_cast<int>(column + (offset - o))};
  }
  return found;
}

}  // namespace pgesql::diag
