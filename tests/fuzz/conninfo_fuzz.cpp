// Fuzzes the connection-string parsers (key=value, URI, ECPG targets), the
// resolver that turns options into a Config, and password redaction.
// A ConfigError is an expected outcome; anything else escaping is a bug.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "conn/config_resolver.hpp"
#include "conn/conninfo_parser.hpp"
#include "exec/connect_target.hpp"

namespace {

// A hermetic environment: no PG* variables and no files, so runs are reproducible.
pgesql::conn::Environment empty_environment() {
  pgesql::conn::Environment env;
  env.variable = [](const std::string &) -> std::optional<std::string> { return std::nullopt; };
  env.home = "/nonexistent";
  env.os_user = "fuzz";
  env.file_exists = [](const std::string &) { return false; };
  return env;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  if (size > 2048) return 0;
  const std::string_view text(reinterpret_cast<const char *>(data), size);
  static const pgesql::conn::Environment env = empty_environment();
  (void)pgesql::conn::is_uri(text);
  (void)pgesql::conn::redact_conninfo(text);
  (void)pgesql::exec::inspect_target(text);
  try {
    const auto options = pgesql::conn::parse_target(text);
    (void)pgesql::conn::resolve_config(options, env);
  } catch (const pgesql::conn::ConfigError &) {
  }
  try {
    (void)pgesql::conn::parse_keyword_value(text);
  } catch (const pgesql::conn::ConfigError &) {
  }
  try {
    (void)pgesql::conn::parse_uri(text);
  } catch (const pgesql::conn::ConfigError &) {
  }
  return 0;
}
