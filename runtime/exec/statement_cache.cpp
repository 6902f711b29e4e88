#include "exec/statement_cache.hpp"

#include <cctype>
#include <charconv>
#include <cstdint>
#include <random>
#include <strings.h>

namespace pgesql::exec {

namespace {

// 64 bits from the system's entropy source: names of different processes and
// connections differ whatever their start times or addresses.
std::string random_name_prefix() {
  std::random_device entropy;
  const std::uint64_t bits = (static_cast<std::uint64_t>(entropy()) << 32) ^ entropy();
  static constexpr char hex[] = "0123456789abcdef";
  std::string prefix = "pgesql_";
  for (int shift = 60; shift >= 0; shift -= 4) prefix += hex[(bits >> shift) & 0xf];
  return prefix + '_';
}

}  // namespace

statement_cache::statement_cache(std::size_t capacity)
    : capacity_(capacity), prefix_(capacity > 0 ? random_name_prefix() : std::string()) {}

cached_statement *statement_cache::find(const void *key, std::string_view sql) {
  const auto it = index_.find(key);
  if (it == index_.end()) return nullptr;
  if (it->second->sql != sql) {
    retire(it->second, true);
    return nullptr;
  }
  entries_.splice(entries_.begin(), entries_, it->second);
  return &*it->second;
}

std::string statement_cache::next_name() { return prefix_ + std::to_string(++counter_); }

cached_statement &statement_cache::insert(const void *key, std::string name, std::string sql) {
  if (const auto old = index_.find(key); old != index_.end()) retire(old->second, true);
  entries_.push_front(cached_statement{key, std::move(name), std::move(sql), {}, false});
  index_[key] = entries_.begin();
  while (entries_.size() > capacity_ && entries_.size() > 1) retire(std::prev(entries_.end()), true);
  return entries_.front();
}

void statement_cache::erase(const void *key) {
  if (const auto it = index_.find(key); it != index_.end()) retire(it->second, true);
}

void statement_cache::clear(bool server_forgot) {
  while (!entries_.empty()) retire(entries_.begin(), !server_forgot);
}

std::vector<std::string> statement_cache::take_to_close() {
  std::vector<std::string> names;
  names.swap(to_close_);
  return names;
}

void statement_cache::disable() {
  clear(true);  // behind a pooler the names sit on server connections we cannot reach
  capacity_ = 0;
}

void statement_cache::retire(std::list<cached_statement>::iterator it, bool close_on_server) {
  if (close_on_server) to_close_.push_back(std::move(it->name));
  index_.erase(it->key);
  entries_.erase(it);
}

std::size_t statement_cache_capacity(const char *env_value, const std::string *option) {
  const auto parse = [](std::string_view text, std::size_t &out) {
    if (strncasecmp(text.data(), "off", text.size()) == 0 && text.size() == 3) return out = 0, true;
    if (strncasecmp(text.data(), "on", text.size()) == 0 && text.size() == 2)
      return out = default_statement_cache_capacity, true;
    std::size_t n = 0;
    const auto r = std::from_chars(text.data(), text.data() + text.size(), n);
    if (r.ec != std::errc() || r.ptr != text.data() + text.size()) return false;
    out = n;
    return true;
  };
  std::size_t n = default_statement_cache_capacity;
  if (option != nullptr && !option->empty() && parse(*option, n)) return n;
  if (env_value != nullptr && *env_value != '\0' && parse(env_value, n)) return n;
  return default_statement_cache_capacity;
}

namespace {

bool tag_starts(std::string_view tag, std::string_view prefix) { return tag.substr(0, prefix.size()) == prefix; }

}  // namespace

cache_effect command_cache_effect(std::string_view tag) {
  if (tag == "DISCARD ALL" || tag == "DEALLOCATE ALL") return cache_effect::forgotten;
  // a schema change or a new search_path may change a cached statement's result type
  if (tag_starts(tag, "ALTER ") || tag_starts(tag, "DROP ") || tag_starts(tag, "CREATE VIEW") ||
      tag_starts(tag, "CREATE FUNCTION") || tag_starts(tag, "CREATE RULE") || tag_starts(tag, "CREATE TYPE") ||
      tag == "SET" || tag == "RESET" || tag == "DISCARD PLANS" || tag == "DEALLOCATE")
    return cache_effect::stale;
  return cache_effect::none;
}

}  // namespace pgesql::exec
