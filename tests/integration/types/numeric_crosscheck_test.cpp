// numeric arithmetic cross-checked against the server over generated edge
// cases: scales 0-1000, carries, negative zero, huge weights, random digits.
#include <gtest/gtest.h>

#include <cerrno>
#include <cstdint>
#include <string>
#include <vector>

#include <pgtypes_numeric.h>

#include "server_session.hpp"

namespace {

using pgesql::test::quote;

// Deterministic generator so a failure reproduces.
struct Lcg {
  std::uint64_t state = 0x2545F4914F6CDD1DULL;
  unsigned next(unsigned bound) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<unsigned>((state >> 33) % bound);
  }
};

std::vector<std::string> edge_values() {
  std::vector<std::string> v = {"0", "-0", "0.000", "-0.00", "1", "-1", "0.5", "-0.5", "9", "10",
                                "99999999999999999999", "0.99999999999999999999",
                                "0.00000000000000000001", "-1000000000000000000000.5", "2E394",
                                "-2E-394", "123456789012345678901234567890.12345", "3", "7"};
  for (int scale : {1, 2, 3, 4, 5, 8, 15, 16, 17, 31, 32, 100, 255, 256, 500, 999, 1000}) {
    v.push_back("9." + std::string(static_cast<std::size_t>(scale), '9'));      // carries all the way
    v.push_back("-0." + std::string(static_cast<std::size_t>(scale - 1), '0') + "1");
    v.push_back(std::string(static_cast<std::size_t>(scale % 40 + 1), '9') + "." +
                std::string(static_cast<std::size_t>(scale), '0'));
  }
  return v;
}

std::vector<std::string> random_values(int count) {
  Lcg rng;
  std::vector<std::string> v;
  for (int i = 0; i < count; ++i) {
    std::string s = rng.next(2) ? "-" : "";
    unsigned int_digits = rng.next(40), frac_digits = rng.next(3) == 0 ? rng.next(1001) : rng.next(60);
    s += int_digits == 0 ? "0" : "";
    for (unsigned k = 0; k < int_digits; ++k) s.push_back(static_cast<char>('0' + (k == 0 ? 1 + rng.next(9) : rng.next(10))));
    if (frac_digits > 0) {
      s.push_back('.');
      for (unsigned k = 0; k < frac_digits; ++k) s.push_back(static_cast<char>('0' + rng.next(10)));
    }
    v.push_back(s);
  }
  return v;
}

std::string text_of(numeric *n, int scale) {
  char *s = PGTYPESnumeric_to_asc(n, scale);
  std::string r = s ? s : "<error>";
  PGTYPESchar_free(s);
  return r;
}

bool is_zero(const std::string &text) { return text.find_first_not_of("-+0.") == std::string::npos; }

std::string without_minus(const std::string &s) { return !s.empty() && s[0] == '-' ? s.substr(1) : s; }

struct Pair {
  std::string a, b;
};

// Runs add/sub/mul/div/cmp/to_long for each pair here and on the server.
void cross_check(const std::vector<Pair> &pairs) {
  pgesql::test::ServerSession server;
  ASSERT_TRUE(server.ok()) << server.error();
  constexpr std::size_t kBatch = 200;
  for (std::size_t start = 0; start < pairs.size(); start += kBatch) {
    std::size_t end = std::min(pairs.size(), start + kBatch);
    // Local results first: the division's scales decide the server's query.
    struct Local {
      numeric *a, *b, *sum, *diff, *prod, *quot;
      int div_rc;
    };
    std::vector<Local> local;
    std::string values;
    for (std::size_t i = start; i < end; ++i) {
      Local l{PGTYPESnumeric_from_asc(const_cast<char *>(pairs[i].a.c_str()), nullptr),
              PGTYPESnumeric_from_asc(const_cast<char *>(pairs[i].b.c_str()), nullptr),
              PGTYPESnumeric_new(), PGTYPESnumeric_new(), PGTYPESnumeric_new(), PGTYPESnumeric_new(), 0};
      ASSERT_NE(l.a, nullptr) << pairs[i].a;
      ASSERT_NE(l.b, nullptr) << pairs[i].b;
      EXPECT_EQ(PGTYPESnumeric_add(l.a, l.b, l.sum), 0);
      EXPECT_EQ(PGTYPESnumeric_sub(l.a, l.b, l.diff), 0);
      EXPECT_EQ(PGTYPESnumeric_mul(l.a, l.b, l.prod), 0);
      l.div_rc = PGTYPESnumeric_div(l.a, l.b, l.quot);
      int rs = l.div_rc == 0 ? l.quot->rscale : 0, ds = l.div_rc == 0 ? l.quot->dscale : 0;
      if (!values.empty()) values += ",\n";
      values += "(" + std::to_string(i) + ", " + quote(pairs[i].a) + "::numeric, " + quote(pairs[i].b) +
                "::numeric, " + std::to_string(rs) + ", " + std::to_string(ds) + ")";
      local.push_back(l);
    }
    // Division: ECPG rounds |a|/|b| half up at rscale; div() gives the exact
    // truncated quotient to build that from.
    std::string quotient =
        "sign(a) * sign(b) * div(div(abs(a) * ('1e' || (rs + 1))::numeric, abs(b)) + 5, 10) * "
        "('1e-' || rs)::numeric";
    auto rows = server.rows(
        "SELECT (a + b)::text, (a - b)::text, (a * b)::text,"
        " CASE WHEN b <> 0 THEN round(" + quotient + ", rs)::text END,"
        " CASE WHEN b <> 0 THEN round(round(" + quotient + ", rs), ds)::text END,"
        " (a > b)::int - (a < b)::int,"
        " CASE WHEN abs(round(a)) < 9223372036854775807 THEN round(a)::bigint::text END"
        " FROM (VALUES " + values + ") AS t(i, a, b, rs, ds) ORDER BY i");
    ASSERT_EQ(rows.size(), local.size());
    for (std::size_t k = 0; k < local.size(); ++k) {
      const Pair &p = pairs[start + k];
      const auto &row = rows[k];
      Local &l = local[k];
      bool zero_operands = is_zero(p.a) && is_zero(p.b);
      std::string sum = text_of(l.sum, -1), diff = text_of(l.diff, -1);
      // ECPG keeps the sign of a zero sum of negative zeros; the server does not.
      EXPECT_EQ(zero_operands ? without_minus(sum) : sum, row[0]) << p.a << " + " << p.b;
      EXPECT_EQ(zero_operands ? without_minus(diff) : diff, row[1]) << p.a << " - " << p.b;
      EXPECT_EQ(text_of(l.prod, -1), row[2]) << p.a << " * " << p.b;
      if (row[3] == "<null>") {
        EXPECT_EQ(l.div_rc, -1) << p.a << " / " << p.b;
      } else {
        ASSERT_EQ(l.div_rc, 0) << p.a << " / " << p.b;
        EXPECT_EQ(text_of(l.quot, l.quot->rscale), row[3]) << p.a << " / " << p.b;
        // A tiny negative quotient shown as zero keeps its '-' in ECPG.
        std::string shown = text_of(l.quot, -1);
        EXPECT_EQ(is_zero(shown) ? without_minus(shown) : shown, row[4]) << p.a << " / " << p.b;
      }
      if (!is_zero(p.a) || !is_zero(p.b)) {
        EXPECT_EQ(std::to_string(PGTYPESnumeric_cmp(l.a, l.b)), row[5]) << p.a << " cmp " << p.b;
      }
      long as_long = 0;
      int rc = PGTYPESnumeric_to_long(l.a, &as_long);
      if (row[6] == "<null>") {
        EXPECT_EQ(rc, -1) << p.a;
      } else {
        EXPECT_EQ(rc, 0) << p.a;
        EXPECT_EQ(std::to_string(as_long), row[6]) << p.a;
      }
      for (numeric *n : {l.a, l.b, l.sum, l.diff, l.prod, l.quot}) PGTYPESnumeric_free(n);
    }
  }
}

TEST(NumericCrossCheck, EdgeValuePairs) {
  auto values = edge_values();
  std::vector<Pair> pairs;
  for (const auto &a : values) {
    for (const auto &b : values) pairs.push_back({a, b});
  }
  cross_check(pairs);
}

TEST(NumericCrossCheck, RandomPairs) {
  auto values = random_values(400);
  std::vector<Pair> pairs;
  for (std::size_t i = 0; i + 1 < values.size(); i += 2) pairs.push_back({values[i], values[i + 1]});
  for (std::size_t i = 0; i + 3 < values.size(); i += 3) pairs.push_back({values[i + 3], values[i]});
  cross_check(pairs);
}

TEST(NumericCrossCheck, NaNAndInfinities) {
  pgesql::test::ServerSession server;
  ASSERT_TRUE(server.ok()) << server.error();
  const char *values[] = {"NaN", "Infinity", "-Infinity", "0", "-0.00", "1.5", "-2", "1e100"};
  std::string rows_sql;
  std::vector<Pair> pairs;
  for (const char *a : values) {
    for (const char *b : values) {
      if (std::string(a).find_first_of("NI") == std::string::npos &&
          std::string(b).find_first_of("NI") == std::string::npos) {
        continue;  // finite pairs are covered above
      }
      if (!rows_sql.empty()) rows_sql += ",";
      rows_sql += "(" + std::to_string(pairs.size()) + "," + quote(a) + "::numeric," + quote(b) + "::numeric)";
      pairs.push_back({a, b});
    }
  }
  auto rows = server.rows(
      "SELECT (a + b)::text, (a - b)::text, (a * b)::text,"
      " CASE WHEN b = 0 AND a <> 'NaN' THEN NULL ELSE (a / b)::text END,"
      " (a > b)::int - (a < b)::int"
      " FROM (VALUES " + rows_sql + ") AS t(i, a, b) ORDER BY i");
  ASSERT_EQ(rows.size(), pairs.size());
  for (std::size_t k = 0; k < pairs.size(); ++k) {
    const Pair &p = pairs[k];
    numeric *a = PGTYPESnumeric_from_asc(const_cast<char *>(p.a.c_str()), nullptr);
    numeric *b = PGTYPESnumeric_from_asc(const_cast<char *>(p.b.c_str()), nullptr);
    numeric *r = PGTYPESnumeric_new();
    ASSERT_EQ(PGTYPESnumeric_add(a, b, r), 0);
    EXPECT_EQ(text_of(r, -1), rows[k][0]) << p.a << " + " << p.b;
    ASSERT_EQ(PGTYPESnumeric_sub(a, b, r), 0);
    EXPECT_EQ(text_of(r, -1), rows[k][1]) << p.a << " - " << p.b;
    ASSERT_EQ(PGTYPESnumeric_mul(a, b, r), 0);
    EXPECT_EQ(text_of(r, -1), rows[k][2]) << p.a << " * " << p.b;
    int rc = PGTYPESnumeric_div(a, b, r);
    if (rows[k][3] == "<null>") {
      EXPECT_EQ(rc, -1) << p.a << " / " << p.b;
    } else {
      ASSERT_EQ(rc, 0) << p.a << " / " << p.b;
      EXPECT_EQ(text_of(r, -1), rows[k][3]) << p.a << " / " << p.b;
    }
    if (p.a != "NaN" && p.b != "NaN") {
      EXPECT_EQ(std::to_string(PGTYPESnumeric_cmp(a, b)), rows[k][4]) << p.a << " cmp " << p.b;
    }
    for (numeric *n : {a, b, r}) PGTYPESnumeric_free(n);
  }
}

TEST(NumericCrossCheck, ServerTextParsesBack) {
  pgesql::test::ServerSession server;
  ASSERT_TRUE(server.ok()) << server.error();
  // Values the server prints, read as a program's host variable would be.
  auto rows = server.rows(
      "SELECT x::text FROM (VALUES (1e-1000::numeric), (-123.4500), ('NaN'), (0.0), "
      "(power(10::numeric, 1000)), (1.5e300), (-0.0001)) AS t(x)");
  for (const auto &row : rows) {
    numeric *n = PGTYPESnumeric_from_asc(const_cast<char *>(row[0].c_str()), nullptr);
    ASSERT_NE(n, nullptr) << row[0];
    EXPECT_EQ(text_of(n, -1), row[0]);
    PGTYPESnumeric_free(n);
  }
}

}  // namespace
