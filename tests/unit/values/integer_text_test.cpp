#include "values/integer_text.hpp"

#include <cerrno>
#include <cstdlib>
#include <string>
#include <vector>

#include <gtest/gtest.h>

using pgesql::values::integer_text;

namespace {

const std::vector<std::string> &samples() {
  static const std::vector<std::string> s = {
      "0", "-0", "7", "-7", "42 ", "123abc", "1,2", "3}", "12.5", "", "-", "+5", " 9", "\t-3", "--1", "-+1",
      "999999999", "-999999999", "2147483647", "2147483648", "-2147483649",
      "999999999999999999", "-999999999999999999", "1000000000000000000", "9223372036854775807",
      "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "18446744073709551615",
      "18446744073709551616", "99999999999999999999999", "000000000000000000000000001", "-00000000000000000000042",
      "0x10", "1e5"};
  return s;
}

template <class T, class C>
void expect_same_as(C c_function) {
  for (const std::string &text : samples()) {
    char *our_end = nullptr, *c_end = nullptr;
    errno = 0;
    const T ours = integer_text<T>(text.c_str(), &our_end);
    const T theirs = static_cast<T>(c_function(text.c_str(), &c_end, 10));
    EXPECT_EQ(ours, theirs) << '"' << text << '"';
    EXPECT_EQ(our_end - text.c_str(), c_end - text.c_str()) << '"' << text << '"';
  }
}

}  // namespace

TEST(IntegerText, LongMatchesStrtol) { expect_same_as<long>(std::strtol); }
TEST(IntegerText, UnsignedLongMatchesStrtoul) { expect_same_as<unsigned long>(std::strtoul); }
TEST(IntegerText, LongLongMatchesStrtoll) { expect_same_as<long long>(std::strtoll); }
TEST(IntegerText, UnsignedLongLongMatchesStrtoull) { expect_same_as<unsigned long long>(std::strtoull); }
