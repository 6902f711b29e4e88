#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "exec/statement_cache.hpp"

namespace {

using namespace pgesql::exec;

const int key_a = 0, key_b = 0, key_c = 0;

TEST(StatementCache, FindsWhatWasInsertedUnderTheSameText) {
  statement_cache cache(4);
  EXPECT_EQ(cache.find(&key_a, "select 1"), nullptr);
  const std::string name = cache.next_name();
  cache.insert(&key_a, name, "select 1");
  ASSERT_NE(cache.find(&key_a, "select 1"), nullptr);
  EXPECT_EQ(cache.find(&key_a, "select 1")->name, name);
  EXPECT_EQ(cache.find(&key_b, "select 1"), nullptr);
  EXPECT_NE(cache.next_name(), name);
}

// Clients sharing one server connection through a pooler must never pick the same name:
// names carry a random part of their cache's own, not just a counter.
TEST(StatementCache, NamesOfTwoCachesNeverCollide) {
  statement_cache first(4), second(4);
  EXPECT_NE(first.name_prefix(), second.name_prefix());
  const std::string a = first.next_name(), b = second.next_name();
  EXPECT_NE(a, b);
  EXPECT_EQ(a.rfind(first.name_prefix(), 0), 0u);
  EXPECT_EQ(a.size(), std::string("pgesql_0123456789abcdef_1").size());
}

TEST(StatementCache, DisableForgetsEverythingAndStopsCaching) {
  statement_cache cache(4);
  cache.insert(&key_a, cache.next_name(), "select 1");
  cache.disable();
  EXPECT_FALSE(cache.enabled());
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_TRUE(cache.take_to_close().empty());  // the names may sit on server connections out of reach
}

TEST(StatementCache, ADescriptorReusedForOtherTextIsAMissAndClosesTheOld) {
  statement_cache cache(4);
  cache.insert(&key_a, "s1", "select 1");
  EXPECT_EQ(cache.find(&key_a, "select 2"), nullptr);
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_EQ(cache.take_to_close(), std::vector<std::string>{"s1"});
  EXPECT_TRUE(cache.take_to_close().empty());
}

TEST(StatementCache, EvictsTheLeastRecentlyUsedBeyondTheCapacity) {
  statement_cache cache(2);
  cache.insert(&key_a, "s1", "a");
  cache.insert(&key_b, "s2", "b");
  ASSERT_NE(cache.find(&key_a, "a"), nullptr);  // b is now the least recently used
  cache.insert(&key_c, "s3", "c");
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_EQ(cache.find(&key_b, "b"), nullptr);
  EXPECT_NE(cache.find(&key_a, "a"), nullptr);
  EXPECT_NE(cache.find(&key_c, "c"), nullptr);
  EXPECT_EQ(cache.take_to_close(), std::vector<std::string>{"s2"});
}

TEST(StatementCache, ClearClosesUnlessTheServerForgotThem) {
  statement_cache cache(4);
  cache.insert(&key_a, "s1", "a");
  cache.insert(&key_b, "s2", "b");
  cache.clear(false);
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_EQ(cache.take_to_close().size(), 2u);
  cache.insert(&key_a, "s3", "a");
  cache.clear(true);
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_TRUE(cache.take_to_close().empty());
  cache.insert(&key_c, "s4", "c");
  cache.erase(&key_c);
  EXPECT_EQ(cache.take_to_close(), std::vector<std::string>{"s4"});
}

TEST(StatementCache, CapacityFromOptionThenEnvironment) {
  const std::string off = "off", on = "on", five = "5", junk = "x5";
  EXPECT_EQ(statement_cache_capacity(nullptr, nullptr), default_statement_cache_capacity);
  EXPECT_EQ(statement_cache_capacity("12", nullptr), 12u);
  EXPECT_EQ(statement_cache_capacity("0", nullptr), 0u);
  EXPECT_EQ(statement_cache_capacity("12", &off), 0u);
  EXPECT_EQ(statement_cache_capacity("0", &on), default_statement_cache_capacity);
  EXPECT_EQ(statement_cache_capacity(nullptr, &five), 5u);
  EXPECT_EQ(statement_cache_capacity("7", &junk), 7u);
  EXPECT_EQ(statement_cache_capacity("junk", nullptr), default_statement_cache_capacity);
  EXPECT_FALSE(statement_cache(0).enabled());
}

TEST(StatementCache, CommandsThatInvalidate) {
  EXPECT_EQ(command_cache_effect("DISCARD ALL"), cache_effect::forgotten);
  EXPECT_EQ(command_cache_effect("DEALLOCATE ALL"), cache_effect::forgotten);
  EXPECT_EQ(command_cache_effect("ALTER TABLE"), cache_effect::stale);
  EXPECT_EQ(command_cache_effect("DROP TABLE"), cache_effect::stale);
  EXPECT_EQ(command_cache_effect("SET"), cache_effect::stale);
  EXPECT_EQ(command_cache_effect("CREATE VIEW"), cache_effect::stale);
  EXPECT_EQ(command_cache_effect("INSERT 0 1"), cache_effect::none);
  EXPECT_EQ(command_cache_effect("CREATE TABLE"), cache_effect::none);
  EXPECT_EQ(command_cache_effect("COMMIT"), cache_effect::none);
}

}  // namespace
