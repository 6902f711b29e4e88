// Every backend parser on mutated valid messages and on random bytes: no crash,
// no read past the body (run under -DPGESQL_SANITIZE=address to make that loud),
// and a parse either fails or yields values inside the body.
#include <gtest/gtest.h>

#include <random>

#include "bytes.hpp"
#include "protocol/backend.hpp"

namespace pgesql::protocol {
namespace {

using test::be16;
using test::be32;
using test::cstr;

bool inside(std::string_view part, std::string_view whole) {
  return part.empty() || (part.data() >= whole.data() && part.data() + part.size() <= whole.data() + whole.size());
}

void parse_everything(const std::string &body) {
  namespace be = backend;
  std::vector<ColumnDescription> columns;
  std::vector<std::optional<std::string_view>> fields;
  std::vector<std::uint32_t> types;
  ErrorFields errors;
  if (auto a = be::parse_authentication(body)) {
    EXPECT_TRUE(inside(a->data, body));
    for (const auto m : a->mechanisms) EXPECT_TRUE(inside(m, body));
  }
  be::parse_backend_key_data(body);
  if (auto p = be::parse_parameter_status(body)) {
    EXPECT_TRUE(inside(p->value, body));
  }
  be::parse_ready_for_query(body);
  be::parse_row_description(body, columns);
  if (be::parse_data_row(body, fields))
    for (const auto &f : fields) {
      if (f) {
        EXPECT_TRUE(inside(*f, body));
      }
    }
  be::parse_command_complete(body);
  be::parse_error_fields(body, errors);
  be::parse_parameter_description(body, types);
  be::parse_copy_response(body);
  be::parse_notification(body);
  be::parse_negotiate_protocol_version(body);
}

TEST(Mutation, MutatedValidBodies) {
  const std::vector<std::string> seeds = {
      be32(10) + cstr("SCRAM-SHA-256") + '\0',
      be16(2) + be32(3) + "abc" + be32(-1) + be32(0),
      be16(1) + cstr("id") + be32(1) + be16(1) + be32(23) + be16(4) + be32(-1) + be16(0),
      std::string("SERROR") + '\0' + "C42601" + '\0' + "Mbad" + '\0' + '\0',
      be32(1) + cstr("chan") + cstr("payload"),
      be16(2) + be32(23) + be32(25),
      std::string(1, '\0') + be16(1) + be16(0),
      be32(0) + be32(1) + cstr("_pq_.x"),
  };
  std::mt19937 rng(20261125);
  for (const auto &seed : seeds) {
    for (int round = 0; round < 2000; ++round) {
      std::string body = seed;
      const int edits = 1 + static_cast<int>(rng() % 4);
      for (int e = 0; e < edits && !body.empty(); ++e) {
        const std::size_t at = rng() % body.size();
        switch (rng() % 4) {
          case 0: body[at] = static_cast<char>(rng()); break;
          case 1: body.erase(at, 1 + rng() % 3); break;
          case 2: body.insert(at, 1, static_cast<char>(rng())); break;
          default: body.resize(at); break;
        }
      }
      // A heap copy of exactly the body's size, so a read past it is a real overflow.
      const std::string exact(body.begin(), body.end());
      parse_everything(exact);
    }
  }
}

TEST(Mutation, RandomBytes) {
  std::mt19937 rng(7);
  for (int round = 0; round < 5000; ++round) {
    std::string body(rng() % 64, '\0');
    for (char &c : body) c = static_cast<char>(rng() % 4 == 0 ? 0 : rng());
    parse_everything(body);
  }
}

}  // namespace
}  // namespace pgesql::protocol
