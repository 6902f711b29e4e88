// Per-connection cache of server-side prepared statements for the static
// statements of a program, keyed by the address of their pgesql_stmt
// descriptor: a statement is parsed once, then only bound and executed.
// Least recently used entries are dropped beyond the capacity; their names
// wait in a list until the next request closes them on the server.
#pragma once

#include <cstddef>
#include <list>
#include <string>
#include <unordered_map>
#include <vector>

#include "exec/server_link.hpp"

namespace pgesql::exec {

struct cached_statement {
  const void *key = nullptr;
  std::string name;                  // the server-side statement name
  std::string sql;                   // the text prepared: a descriptor reused for other text is a miss
  std::vector<column_info> columns;  // the result's columns, once described
  bool described = false;
};

class statement_cache {
 public:
  // capacity 0 disables the cache. Names get a random per-cache part, so two
  // clients sharing one server connection through a pooler never use the same name.
  explicit statement_cache(std::size_t capacity);

  bool enabled() const { return capacity_ > 0; }
  std::size_t size() const { return entries_.size(); }
  std::size_t capacity() const { return capacity_; }

  // The entry for key with this text (now the most recently used), or nullptr.
  cached_statement *find(const void *key, std::string_view sql);
  // A fresh server-side name for a statement about to be parsed.
  std::string next_name();
  // Records a statement parsed under `name`; evicts the least recently used beyond the capacity.
  cached_statement &insert(const void *key, std::string name, std::string sql);
  // Drops one entry; its server statement is closed with the next request.
  void erase(const void *key);
  // Drops every entry; with `server_forgot` (DISCARD ALL, DEALLOCATE ALL) nothing needs closing.
  void clear(bool server_forgot);
  // Names to Close on the server, handed over once.
  std::vector<std::string> take_to_close();
  // Stops caching for good (the server forgot a statement it was given: a sign of a
  // transaction pooler, where named statements cannot be relied on).
  void disable();
  // The random part of this cache's statement names.
  const std::string &name_prefix() const { return prefix_; }

 private:
  void retire(std::list<cached_statement>::iterator it, bool close_on_server);
  std::size_t capacity_;
  std::string prefix_;  // "pgesql_<16 random hex digits>_"
  std::size_t counter_ = 0;
  std::list<cached_statement> entries_;  // most recently used first
  std::unordered_map<const void *, std::list<cached_statement>::iterator> index_;
  std::vector<std::string> to_close_;
};

// Capacity from PGESQL_STMT_CACHE_SIZE, else the connection option
// (pgesql_statement_cache: a number, or on/off), else the default.
// The option wins over the environment when both are set.
std::size_t statement_cache_capacity(const char *env_value, const std::string *option);

constexpr std::size_t default_statement_cache_capacity = 256;

// Whether a command (by its tag) may have made cached statements stale or
// dropped them: schema changes, settings, DISCARD, DEALLOCATE.
enum class cache_effect { none, stale, forgotten };
cache_effect command_cache_effect(std::string_view command_tag);

}  // namespace pgesql::exec
