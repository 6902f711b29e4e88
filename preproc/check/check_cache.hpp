// The offline cache of --check: one small text file per statement in a directory
// (like sqlx's .sqlx/), named by a hash of the statement's SQL and its input host types,
// recording what the server said. Meant to be committed: entries are line-oriented and
// stable, and parallel builds never write the same file for different statements.
#pragma once

#include <optional>
#include <string>

#include "check/check_facts.hpp"
#include "check/live_describe.hpp"

namespace pgesql::pp::check {

// The key of a statement: 16 hex digits of FNV-1a over the SQL text and input host types.
std::string cache_key(const checked_statement &s);

// Writes the entry of `s` into `dir` (created when missing); false with `error` set on failure.
bool write_cache_entry(const std::string &dir, const checked_statement &s, const server_answer &a,
                       const server_identity &id, std::string &error);

// The recorded answer for `s`, or nothing when the directory has no entry for it.
std::optional<server_answer> read_cache_entry(const std::string &dir, const checked_statement &s);
// An entry's text read back; nothing unless it records `sql` (the file may be edited or corrupt).
std::optional<server_answer> parse_cache_entry(const std::string &text, const std::string &sql);

}  // namespace pgesql::pp::check
