#include <gtest/gtest.h>

#include <string>

#include "exec/cursor_readahead.hpp"
#include "exec/readahead_policy.hpp"

namespace {

using namespace pgesql::exec;
using kind = fetch_command::kind;

TEST(CursorReadahead, FetchFormsThatReadTheNextRow) {
  for (const char *sql : {"fetch next from c", "fetch c", "fetch from c", "fetch in c", "fetch forward from c",
                          "fetch 1 in c", "FETCH FORWARD 1 FROM c", "fetch +1 from c", "fetch next C"}) {
    auto f = parse_fetch(sql);
    ASSERT_TRUE(f) << sql;
    EXPECT_EQ(f->what, kind::next) << sql;
    EXPECT_FALSE(f->move);
    EXPECT_EQ(f->cursor, "c") << sql;
  }
}

TEST(CursorReadahead, ForwardCountsAllAndEverythingElse) {
  auto f = parse_fetch("fetch 3 from cur");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->what, kind::forward);
  EXPECT_EQ(f->count, 3u);
  f = parse_fetch("move forward 10 in cur");
  ASSERT_TRUE(f);
  EXPECT_TRUE(f->move);
  EXPECT_EQ(f->what, kind::forward);
  EXPECT_EQ(f->count, 10u);
  EXPECT_EQ(parse_fetch("fetch all from cur")->what, kind::forward_all);
  EXPECT_EQ(parse_fetch("fetch forward all in cur")->what, kind::forward_all);
  for (const char *sql : {"fetch prior from c", "fetch backward 2 from c", "fetch absolute 3 from c",
                          "fetch relative -1 from c", "fetch first from c", "fetch last from c", "fetch 0 from c",
                          "fetch -1 from c", "fetch backward all from c", "fetch forward 0 from c"})
    EXPECT_EQ(parse_fetch(sql)->what, kind::other) << sql;
  EXPECT_FALSE(parse_fetch("select 1"));
  EXPECT_FALSE(parse_fetch("fetch"));
}

TEST(CursorReadahead, CursorNamesAsTheServerKnowsThem) {
  EXPECT_EQ(parse_fetch("fetch next from MyCur")->cursor, "mycur");
  EXPECT_EQ(parse_fetch("fetch next from \"MyCur\"")->cursor, "MyCur");
  EXPECT_EQ(parse_fetch("fetch next from \"a b\"")->cursor, "a b");
  EXPECT_EQ(server_cursor_name("\"x\"\"y\""), "x\"y");
}

TEST(CursorReadahead, WhichDeclaredCursorsQualify) {
  auto d = parse_declare("declare c cursor for select * from t");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->cursor, "c");
  EXPECT_TRUE(d->readahead);
  EXPECT_FALSE(d->hold);
  d = parse_declare("declare C no scroll cursor with hold for select 1");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->cursor, "c");
  EXPECT_TRUE(d->readahead);
  EXPECT_TRUE(d->hold);
  EXPECT_FALSE(parse_declare("declare c scroll cursor for select 1")->readahead);
  EXPECT_FALSE(parse_declare("declare c binary cursor for select 1")->readahead);
  EXPECT_FALSE(parse_declare("declare c cursor for select * from t for update")->readahead);
  EXPECT_FALSE(parse_declare("declare c cursor for select * from t FOR SHARE of t")->readahead);
  EXPECT_FALSE(parse_declare("declare c cursor for select * from t for no key update")->readahead);
  EXPECT_FALSE(parse_declare("select 1"));
}

TEST(CursorReadahead, WindowCapFromOptionThenEnvironment) {
  const std::string off = "off", eight = "8", on = "on", junk = "x";
  EXPECT_EQ(readahead_setting(nullptr, nullptr), std::nullopt);  // nothing set: the policy decides
  EXPECT_EQ(readahead_setting("32", nullptr), 32u);
  EXPECT_EQ(readahead_setting("32", &off), 0u);
  EXPECT_EQ(readahead_setting("0", &eight), 8u);
  EXPECT_EQ(readahead_setting(nullptr, &on), default_readahead_cap);
  EXPECT_EQ(readahead_setting("7", &junk), 7u);
  EXPECT_EQ(readahead_setting("junk", nullptr), std::nullopt);
}

// Only a plain scan the server can move back over, outside SERIALIZABLE and without a
// statement timeout, reads ahead by default.
TEST(CursorReadahead, ServerFactsThatAllowDefaultReadahead) {
  const readahead_check fine{0, "read committed", "0", true};
  EXPECT_TRUE(readahead_unobservable(fine));
  readahead_check c = fine;
  c.other_relations = 1;  // a view, foreign table or table with row security
  EXPECT_FALSE(readahead_unobservable(c));
  c = fine;
  c.isolation = "serializable";
  EXPECT_FALSE(readahead_unobservable(c));
  c = fine;
  c.isolation = "repeatable read";
  EXPECT_TRUE(readahead_unobservable(c));
  c = fine;
  c.statement_timeout = "5s";
  EXPECT_FALSE(readahead_unobservable(c));
  c = fine;
  c.scrollable = false;
  EXPECT_FALSE(readahead_unobservable(c));
}

query_result window(int first, int n) {
  query_result r;
  r.outcome = query_result::status::rows;
  r.columns.push_back(column_info{"a", 23});
  for (int i = 0; i < n; ++i) r.fields.push_back(std::to_string(first + i));
  r.row_count = static_cast<std::size_t>(n);
  return r;
}

TEST(CursorReadahead, BufferHandsOutRowsAndKnowsHowFarTheServerIsAhead) {
  cursor_buffer b(false);
  EXPECT_EQ(b.next_window(100), first_readahead_window);
  EXPECT_EQ(b.next_window(100), 2 * first_readahead_window);
  EXPECT_EQ(b.next_window(10), 10u);
  b.fill(window(1, 3), 3);
  EXPECT_FALSE(b.at_end());
  EXPECT_EQ(b.ahead_of_program(), 3u);
  query_result one = b.take(1);
  EXPECT_EQ(one.row_count, 1u);
  EXPECT_EQ(*one.field(0, 0), "1");
  EXPECT_EQ(one.command_tag, "FETCH 1");
  query_result rest = b.take(5);
  EXPECT_EQ(rest.row_count, 2u);
  EXPECT_EQ(*rest.field(1, 0), "3");
  b.fill(window(4, 1), 8);  // short window: the server went past the end
  EXPECT_TRUE(b.at_end());
  EXPECT_EQ(b.ahead_of_program(), 2u);
  b.take(1);
  EXPECT_EQ(b.ahead_of_program(), 1u);
  EXPECT_EQ(b.take(1).row_count, 0u);
  b.end_reported();
  EXPECT_EQ(b.ahead_of_program(), 0u);
}

TEST(CursorReadahead, AWindowCollectedEarlyQueuesBehindTheUnreadRows) {
  cursor_buffer b(false);
  EXPECT_EQ(b.last_window(), 0u);
  b.fill(window(1, 4), b.next_window(4));
  EXPECT_EQ(b.last_window(), 4u);
  b.take(1);
  b.fill(window(5, 4), 4);  // rows 2..4 are still unread
  EXPECT_EQ(b.buffered(), 7u);
  query_result all = b.take(0);
  ASSERT_EQ(all.row_count, 7u);
  for (std::size_t i = 0; i < 7; ++i) EXPECT_EQ(*all.field(i, 0), std::to_string(i + 2));
  EXPECT_EQ(all.columns.size(), 1u);
  // a window that failed before its first row still leaves the unread rows first
  b.fill(window(9, 4), 4);
  b.take(1);
  query_result failed;
  failed.outcome = query_result::status::error;
  failed.error = {"22012", "division by zero"};
  b.fill(std::move(failed), 4);
  EXPECT_TRUE(b.has_error());
  EXPECT_FALSE(b.at_end());
  EXPECT_EQ(b.buffered(), 3u);
  EXPECT_EQ(*b.take(1).field(0, 0), "10");
  EXPECT_EQ(b.error().error.sqlstate, "22012");
}

TEST(CursorReadahead, ACursorsOwnReadaheadValue) {
  EXPECT_EQ(declared_readahead("500"), 500u);
  EXPECT_EQ(declared_readahead(" 3 "), 3u);
  EXPECT_EQ(declared_readahead("1"), 1u);
  EXPECT_EQ(declared_readahead("0"), 1u);   // a host variable's 0 or less: no readahead
  EXPECT_EQ(declared_readahead("-7"), 1u);
  EXPECT_FALSE(declared_readahead("many"));
  EXPECT_FALSE(declared_readahead(""));
  EXPECT_FALSE(declared_readahead("2.5"));
}

TEST(CursorReadahead, WindowsGrowUpToTheCursorsCap) {
  cursor_buffer small(false, 3);
  EXPECT_EQ(small.cap(), 3u);
  EXPECT_EQ(small.next_window(), 3u);
  EXPECT_EQ(small.next_window(), 3u);
  cursor_buffer large(false, 1000);
  EXPECT_EQ(large.next_window(), first_readahead_window);
  EXPECT_EQ(large.next_window(), 2 * first_readahead_window);
  large.fill(window(1, 16), 16);
  cursor_buffer again = large.emptied();  // the server stands where the program does: windows start small
  EXPECT_EQ(again.cap(), 1000u);
  EXPECT_EQ(again.buffered(), 0u);
  EXPECT_EQ(again.next_window(), first_readahead_window);
}

TEST(CursorReadahead, AnErrorAfterRowsWaitsBehindThem) {
  cursor_buffer b(true);
  query_result failed = window(1, 2);
  failed.outcome = query_result::status::error;
  failed.error = {"22012", "division by zero"};
  b.fill(std::move(failed), 8);
  EXPECT_TRUE(b.has_error());
  EXPECT_FALSE(b.at_end());
  EXPECT_EQ(b.take(1).outcome, query_result::status::rows);
  EXPECT_EQ(b.take(1).row_count, 1u);
  EXPECT_EQ(b.buffered(), 0u);
  EXPECT_EQ(b.error().error.sqlstate, "22012");
}

TEST(CursorReadahead, ArrayWindowsStartAtTheProgramsCountAndGrowToTheCap) {
  cursor_buffer b(false, 4096);
  EXPECT_EQ(b.array_window(1000), 1000u);
  b.fill(window(1, 3), 1000);  // a short window (the growth looks at bytes, not rows)
  EXPECT_EQ(b.array_window(1000), 2000u);
  EXPECT_EQ(b.array_window(1000), 4000u);
  EXPECT_EQ(b.array_window(1000), 4096u);
  EXPECT_EQ(b.array_window(1000), 4096u);
  EXPECT_EQ(b.array_window(5000), 4096u);  // never past the cap
  cursor_buffer huge(false, std::size_t{1} << 40);  // an Execute's row limit is 32-bit
  EXPECT_EQ(huge.cap(), 2147483647u);
  cursor_buffer capped(false, 2);
  EXPECT_EQ(capped.array_window(10), 2u);
  EXPECT_EQ(capped.array_window(10), 2u);
  cursor_buffer grown(false, 4096);
  EXPECT_EQ(grown.next_window(), first_readahead_window);  // FETCH NEXT first, then FETCH 100
  EXPECT_EQ(grown.array_window(100), 100u);
}

TEST(CursorReadahead, TakingIntoAKeptResultReusesItsStorage) {
  cursor_buffer b(false);
  b.fill(window(1, 40), 40);
  query_result into;
  into.outcome = query_result::status::error;
  into.error = {"22012", "division by zero"};
  into.param_types = {23};
  b.take(1, into);
  EXPECT_EQ(into.outcome, query_result::status::rows);
  EXPECT_TRUE(into.error.sqlstate.empty());
  EXPECT_TRUE(into.param_types.empty());
  EXPECT_EQ(into.command_tag, "FETCH 1");
  ASSERT_EQ(into.row_count, 1u);
  EXPECT_EQ(*into.field(0, 0), "1");
  const std::size_t fields_kept = into.fields.field_capacity();
  const auto *columns_kept = into.columns.data();
  for (int i = 2; i <= 39; ++i) {
    b.take(1, into);
    ASSERT_EQ(*into.field(0, 0), std::to_string(i));
  }
  EXPECT_EQ(into.fields.field_capacity(), fields_kept);
  EXPECT_EQ(into.columns.data(), columns_kept);
  b.take(5, into);  // the last row, and the tag says so
  EXPECT_EQ(into.row_count, 1u);
  EXPECT_EQ(into.command_tag, "FETCH 1");
  b.take(5, into);
  EXPECT_EQ(into.row_count, 0u);
  EXPECT_EQ(into.command_tag, "FETCH 0");
}

TEST(CursorReadahead, RowsTakenInPlaceAreTheWindowsOwnAndAdvanceTheProgram) {
  cursor_buffer b(false);
  query_result first = window(1, 3);
  first.outcome = query_result::status::command_ok;  // whatever the window came as, its rows are rows
  b.fill(std::move(first), 3);
  const result_rows one = b.take_in_place(1);
  ASSERT_EQ(one.row_count, 1u);
  EXPECT_EQ(one.result->outcome, query_result::status::rows);
  EXPECT_EQ(*one.field(0, 0), "1");
  EXPECT_FALSE(one.whole());
  const result_rows rest = b.take_in_place(0);  // every buffered row
  ASSERT_EQ(rest.row_count, 2u);
  EXPECT_EQ(rest.result, one.result);  // the same window, not a copy
  EXPECT_EQ(*rest.field(0, 0), "2");
  EXPECT_EQ(*rest.field(1, 0), "3");
  EXPECT_EQ(b.buffered(), 0u);
  EXPECT_EQ(b.take_in_place(1).row_count, 0u);
  b.fill(window(4, 2), 5);  // short: the cursor's end
  EXPECT_EQ(*b.take_in_place(1).field(0, 0), "4");
  EXPECT_EQ(b.ahead_of_program(), 2u);  // one row, and the step past the end
}

TEST(CursorReadahead, CopiedRowsStandAlone) {
  const query_result w = window(10, 5);
  query_result own;
  copy_rows(result_rows{&w, 2, 2}, own);
  EXPECT_EQ(own.outcome, query_result::status::rows);
  ASSERT_EQ(own.row_count, 2u);
  EXPECT_EQ(own.columns.size(), 1u);
  EXPECT_EQ(*own.field(0, 0), "12");
  EXPECT_EQ(*own.field(1, 0), "13");
  EXPECT_TRUE(all_rows(own).whole());
}

}  // namespace
