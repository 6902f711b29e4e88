// The statement cache and cursor readahead are invisible: every scenario runs
// with them off and on, and the program-visible trace (values, sqlcode,
// SQLSTATE, sqlerrd[2]) must be the same.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "exec_fixture.hpp"

namespace {

using namespace pgesql::test;

struct step {
  long sqlcode;
  std::string state;
  long rows;  // sqlerrd[2]
  int value;
  bool operator==(const step &) const = default;
};

std::ostream &operator<<(std::ostream &o, const step &s) {
  return o << "{" << s.sqlcode << " " << s.state << " rows=" << s.rows << " v=" << s.value << "}";
}

step now(int value) { return {sqlca.sqlcode, sqlstate_now(), sqlca.sqlerrd[2], value}; }

class FastPathTest : public ExecTest {
 protected:
  void TearDown() override {
    ExecTest::TearDown();
    unsetenv("PGESQL_FETCH_READAHEAD");
    unsetenv("PGESQL_STMT_CACHE_SIZE");
  }
  // The trace of `scenario` on a fresh connection with readahead and the cache set by `setting` ("off"/"on").
  template <typename Fn>
  std::vector<step> trace(const char *setting, Fn &&scenario, int autocommit = 0) {
    setenv("PGESQL_FETCH_READAHEAD", std::string(setting) == "on" ? "4" : "off", 1);
    setenv("PGESQL_STMT_CACHE_SIZE", std::string(setting) == "on" ? "16" : "0", 1);
    disconnect_all();
    EXPECT_EQ(connect_to(database().c_str(), nullptr, autocommit), 0);
    std::vector<step> out;
    scenario(out);
    disconnect_all();
    return out;
  }
  template <typename Fn>
  std::vector<step> same_either_way(Fn &&scenario, int autocommit = 0) {
    std::vector<step> off = trace("off", scenario, autocommit);
    std::vector<step> on = trace("on", scenario, autocommit);
    EXPECT_EQ(off, on);
    return on;
  }
};

void exec_sql(const char *sql, std::vector<step> &out) {
  pgesql_stmt s = statement(PGESQL_STMT_NORMAL, sql);
  pgesql_exec(&s, nullptr, nullptr, 0, nullptr, 0, nullptr);
  out.push_back(now(0));
}

void transaction(const char *sql, std::vector<step> &out) {
  pgesql_stmt s = statement(PGESQL_STMT_TRANSACTION, sql);
  pgesql_exec(&s, nullptr, nullptr, 0, nullptr, 0, nullptr);
  out.push_back(now(0));
}

void open_cursor(const char *declare, std::vector<step> &out) {
  pgesql_stmt s = statement(PGESQL_STMT_OPEN, declare);
  pgesql_exec(&s, nullptr, nullptr, 0, nullptr, 0, nullptr);
  out.push_back(now(0));
}

// FETCH/MOVE into one int (or none); the value is -1 when nothing was stored.
void fetch(const char *sql, std::vector<step> &out, bool into = true) {
  int v = -1;
  pgesql_var o = scalar(PGESQL_T_INT, &v);
  pgesql_stmt s = statement(PGESQL_STMT_FETCH, sql);
  pgesql_exec(&s, nullptr, nullptr, 0, nullptr, into ? 1 : 0, &o);
  out.push_back(now(v));
}

void fetch_many(const char *sql, std::vector<step> &out) {
  int rows[64];
  for (int &r : rows) r = -1;
  pgesql_var many = {PGESQL_T_INT, rows, 1, 64, sizeof(int), PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0};
  pgesql_stmt s = statement(PGESQL_STMT_FETCH, sql);
  pgesql_exec(&s, nullptr, nullptr, 0, nullptr, 1, &many);
  // a hash of the rows, in unsigned arithmetic (it wraps; int would overflow)
  unsigned sum = 0;
  for (long i = 0; i < sqlca.sqlerrd[2] && i < 64; ++i) sum = sum * 31u + static_cast<unsigned>(rows[i]);
  out.push_back(now(static_cast<int>(sum)));
}

TEST_F(FastPathTest, ForwardFetchesToTheEndAndPastIt) {
  auto t = same_either_way([](std::vector<step> &out) {
    open_cursor("declare c cursor for select g from generate_series(1, 20) g", out);
    for (int i = 0; i < 23; ++i) fetch("fetch next from c", out);
    transaction("commit", out);
  });
  ASSERT_EQ(t.size(), 25u);
  EXPECT_EQ(t[1], (step{0, "00000", 1, 1}));
  EXPECT_EQ(t[20], (step{0, "00000", 1, 20}));
  EXPECT_EQ(t[21].sqlcode, ECPG_NOT_FOUND);
  EXPECT_EQ(t[22].sqlcode, ECPG_NOT_FOUND);
}

TEST_F(FastPathTest, AnErrorAtRowKIsReportedAtTheKthFetch) {
  auto t = same_either_way([](std::vector<step> &out) {
    open_cursor("declare c cursor for select 10 / (6 - g) from generate_series(1, 10) g", out);
    for (int i = 0; i < 7; ++i) fetch("fetch c", out);
    exec_sql("select 1", out);  // after the FETCH that failed: the transaction is aborted
    transaction("rollback", out);
    fetch("fetch c", out);  // the cursor went with the transaction
    transaction("rollback", out);
  });
  ASSERT_EQ(t.size(), 12u);
  EXPECT_EQ(t[5], (step{0, "00000", 1, 10}));  // row 5: 10 / 1
  EXPECT_EQ(t[6].sqlcode, ECPG_PGSQL);
  EXPECT_EQ(t[6].state, "22012");
  EXPECT_EQ(t[7].state, "25P02");
  EXPECT_EQ(t[10].state, "34000");
}

TEST_F(FastPathTest, WithHoldCursorAcrossCommitAndPlainCursorGoneAfterIt) {
  auto t = same_either_way([](std::vector<step> &out) {
    open_cursor("declare h cursor with hold for select g from generate_series(1, 30) g", out);
    open_cursor("declare p cursor for select g from generate_series(1, 30) g", out);
    for (int i = 0; i < 3; ++i) fetch("fetch from h", out);
    fetch("fetch from p", out);
    transaction("commit", out);
    for (int i = 0; i < 29; ++i) fetch("fetch from h", out);
    fetch("fetch from p", out);
    transaction("rollback", out);
    fetch("fetch from h", out);
    exec_sql("close h", out);
    transaction("commit", out);
  });
  EXPECT_EQ(t[33], (step{0, "00000", 1, 30}));
  EXPECT_EQ(t[34].sqlcode, ECPG_NOT_FOUND);
  EXPECT_EQ(t[36].state, "34000");  // p closed at commit
  EXPECT_EQ(t[38].sqlcode, ECPG_NOT_FOUND);
}

TEST_F(FastPathTest, MixedMovesCountsAndBackwardFetches) {
  auto t = same_either_way([](std::vector<step> &out) {
    open_cursor("declare c cursor for select g from generate_series(1, 40) g", out);
    fetch("fetch next from c", out);
    fetch_many("fetch 3 from c", out);
    fetch("move 2 in c", out, false);
    fetch("fetch next from c", out);
    fetch("fetch prior from c", out);
    fetch("fetch next from c", out);
    fetch("fetch next from c", out);
    fetch("move forward 5 in c", out, false);
    fetch("fetch c", out);
    fetch("fetch relative 2 from c", out);
    fetch("fetch c", out);
    fetch_many("fetch forward 6 from c", out);
    fetch_many("fetch all from c", out);
    fetch("fetch c", out);
    fetch("fetch prior from c", out);
    fetch("fetch absolute 3 from c", out);
    fetch("fetch c", out);
    exec_sql("close c", out);
    open_cursor("declare c cursor for select g from generate_series(1, 3) g", out);
    fetch("fetch c", out);
    fetch("fetch c", out);
    fetch("fetch c", out);
    fetch("fetch prior from c", out);
    fetch("fetch c", out);
    fetch("fetch c", out);
    fetch("fetch prior from c", out);
    transaction("commit", out);
  });
  EXPECT_EQ(t[1].value, 1);
  EXPECT_EQ(t[2].rows, 3);
  EXPECT_EQ(t[3].rows, 2);  // MOVE 2
  EXPECT_EQ(t[4].value, 7);
}

TEST_F(FastPathTest, CachedStatementsGiveTheSameResultsAndErrors) {
  static const pgesql_stmt divide = {PGESQL_STMT_NORMAL, 0, "select 100 / $1", nullptr, "fast_paths", 1, 1, 0, nullptr};
  static const pgesql_stmt insert = {PGESQL_STMT_NORMAL, 0, "insert into fp_t values ($1)", nullptr, "fast_paths", 2, 1, 0, nullptr};
  auto t = same_either_way([](std::vector<step> &out) {
    exec_sql("create temp table fp_t (a int primary key)", out);
    for (int d : {5, 0, 4, 0, 20}) {
      int in = d, v = -1;
      pgesql_var i = scalar(PGESQL_T_INT, &in), o = scalar(PGESQL_T_INT, &v);
      pgesql_exec(&divide, nullptr, nullptr, 1, &i, 1, &o);
      out.push_back(now(v));
      transaction("rollback", out);
    }
    exec_sql("create temp table fp_t (a int primary key)", out);
    for (int k : {1, 2, 1, 3}) {
      int in = k;
      pgesql_var i = scalar(PGESQL_T_INT, &in);
      pgesql_exec(&insert, nullptr, nullptr, 1, &i, 0, nullptr);
      out.push_back(now(k));
    }
    transaction("rollback", out);
  });
  EXPECT_EQ(t[1].value, 20);
  EXPECT_EQ(t[3].state, "22012");
  EXPECT_EQ(t[14].state, "23505");
}

int prepared_by_cache() {
  int n = -1;
  pgesql_var o = scalar(PGESQL_T_INT, &n);
  pgesql_stmt s = statement(PGESQL_STMT_EXEC_IMMEDIATE, nullptr);
  char text[] = "select count(*)::int from pg_prepared_statements where name ~ '^pgesql_[0-9a-f]{16}_[0-9]+$'";
  pgesql_var q = chars(text, sizeof text);
  pgesql_exec(&s, nullptr, nullptr, 1, &q, 1, &o);
  return n;
}

TEST_F(FastPathTest, StatementsArePreparedOnceAndTheCacheIsBounded) {
  setenv("PGESQL_STMT_CACHE_SIZE", "2", 1);
  ASSERT_EQ(connect_to(database().c_str(), nullptr, 1), 0);
  static const pgesql_stmt a = {PGESQL_STMT_NORMAL, 0, "select 1", nullptr, "fast_paths", 1, 1, 0, nullptr};
  static const pgesql_stmt b = {PGESQL_STMT_NORMAL, 0, "select 2", nullptr, "fast_paths", 2, 1, 0, nullptr};
  static const pgesql_stmt c = {PGESQL_STMT_NORMAL, 0, "select 3", nullptr, "fast_paths", 3, 1, 0, nullptr};
  int v = 0;
  pgesql_var o = scalar(PGESQL_T_INT, &v);
  for (int i = 0; i < 3; ++i) ASSERT_EQ(pgesql_exec(&a, nullptr, nullptr, 0, nullptr, 1, &o), 0);
  EXPECT_EQ(prepared_by_cache(), 1);
  pgesql_exec(&b, nullptr, nullptr, 0, nullptr, 1, &o);
  pgesql_exec(&c, nullptr, nullptr, 0, nullptr, 1, &o);  // evicts a
  pgesql_exec(&c, nullptr, nullptr, 0, nullptr, 1, &o);  // closes a on the server
  EXPECT_EQ(v, 3);
  EXPECT_EQ(prepared_by_cache(), 2);
  ASSERT_EQ(run("discard all"), 0);
  EXPECT_EQ(prepared_by_cache(), 0);
  ASSERT_EQ(pgesql_exec(&c, nullptr, nullptr, 0, nullptr, 1, &o), 0) << sqlca.sqlerrm.sqlerrmc;
  EXPECT_EQ(prepared_by_cache(), 1);
}

// A cached "select *" whose table changes shape: re-prepared, not an error.
void reshaped_table(std::vector<step> &out, bool other_session) {
  static const pgesql_stmt star = {PGESQL_STMT_NORMAL, 0, "select * from fp_shape", nullptr, "fast_paths", 1, 1, 0, nullptr};
  exec_sql("drop table if exists fp_shape", out);
  exec_sql("create table fp_shape (a int)", out);
  exec_sql("insert into fp_shape values (7)", out);
  transaction("commit", out);
  int a = -1, b = -1;
  pgesql_var one[] = {scalar(PGESQL_T_INT, &a)};
  pgesql_var two[] = {scalar(PGESQL_T_INT, &a), scalar(PGESQL_T_INT, &b)};
  pgesql_exec(&star, nullptr, nullptr, 0, nullptr, 1, one);
  out.push_back(now(a));
  transaction("commit", out);
  if (other_session) {
    connect_to(std::getenv("PGESQL_TEST_DATABASE") ? std::getenv("PGESQL_TEST_DATABASE") : "pgesql_test", "fp_other", 1);
    pgesql_stmt alter = statement(PGESQL_STMT_NORMAL, "alter table fp_shape add column b int default 8");
    pgesql_exec(&alter, "fp_other", nullptr, 0, nullptr, 0, nullptr);
    out.push_back(now(0));
    pgesql_stmt bye = statement(PGESQL_STMT_NORMAL, nullptr);
    pgesql_disconnect(&bye, "fp_other");
  } else {
    exec_sql("alter table fp_shape add column b int default 8", out);
  }
  pgesql_exec(&star, nullptr, nullptr, 0, nullptr, 2, two);
  out.push_back(now(a * 10 + b));
  exec_sql("drop table fp_shape", out);
  transaction("commit", out);
}

TEST_F(FastPathTest, ResultTypeChangeByThisSessionIsInvisible) {
  auto t = same_either_way([](std::vector<step> &out) { reshaped_table(out, false); });
  EXPECT_EQ(t[t.size() - 3], (step{0, "00000", 1, 78}));
}

TEST_F(FastPathTest, ResultTypeChangeByAnotherSessionIsInvisible) {
  auto t = same_either_way([](std::vector<step> &out) { reshaped_table(out, true); });
  EXPECT_EQ(t[t.size() - 3], (step{0, "00000", 1, 78}));
  auto autocommit = same_either_way([](std::vector<step> &out) { reshaped_table(out, true); }, 1);
  EXPECT_EQ(autocommit[autocommit.size() - 3], (step{0, "00000", 1, 78}));
}

// OPEN of a cursor declared with READAHEAD `cap` (NO READAHEAD is "1"), as the
// preprocessor emits it: the value is the last input variable, flagged.
void open_with_readahead(const char *declare, const char *cap, std::vector<step> &out) {
  pgesql_stmt s = statement(PGESQL_STMT_OPEN, declare);
  s.flags |= PGESQL_F_READAHEAD;
  pgesql_var v = {PGESQL_T_CONST, const_cast<char *>(cap), 1, 1, 1, PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0};
  pgesql_exec(&s, nullptr, nullptr, 1, &v, 0, nullptr);
  out.push_back(now(0));
}

// The runtime's debug log while `scenario` ran on a fresh connection, line by line.
template <typename Fn>
std::vector<std::string> debug_log_of(const std::string &db, Fn &&scenario, std::vector<step> &out) {
  char path[] = "/tmp/pgesql_fp_logXXXXXX";
  const int fd = mkstemp(path);
  EXPECT_GE(fd, 0);
  FILE *log = fdopen(fd, "w");
  EXPECT_EQ(connect_to(db.c_str()), 0);
  ECPGdebug(1, log);
  scenario(out);
  ECPGdebug(0, nullptr);
  disconnect_all();
  std::fclose(log);
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::remove(path);
  return lines;
}

// The windows the runtime read from the server while `scenario` ran, and the
// program-visible trace.
template <typename Fn>
std::vector<std::size_t> windows_read(const std::string &db, Fn &&scenario, std::vector<step> &out) {
  std::vector<std::size_t> windows;
  for (const std::string &line : debug_log_of(db, scenario, out)) {
    const std::size_t at = line.find("serve_fetch: read ");
    if (at != std::string::npos) windows.push_back(std::stoul(line.substr(at + 18)));
  }
  return windows;
}

// How many windows were asked for before the program needed them.
template <typename Fn>
std::size_t windows_sent_ahead(const std::string &db, Fn &&scenario, std::vector<step> &out) {
  std::size_t sent = 0;
  for (const std::string &line : debug_log_of(db, scenario, out))
    sent += line.find("serve_fetch: asked for ") != std::string::npos;
  return sent;
}

// With readahead on (cap 4), `scenario` on database `db` asks for more than `at_least` windows before the program
// needs them, and the program sees `trace` all the same.
template <typename Fn>
void expect_windows_sent_ahead(const std::string &db, Fn &&scenario, const std::vector<step> &trace,
                               std::size_t at_least) {
  setenv("PGESQL_FETCH_READAHEAD", "4", 1);
  std::vector<step> logged;
  EXPECT_GT(windows_sent_ahead(db, scenario, logged), at_least);
  EXPECT_EQ(logged, trace);
}

void ten_rows(const char *options, const char *cap, std::vector<step> &out) {
  const std::string declare = std::string("declare c ") + options + " for select g from generate_series(1, 10) g";
  open_with_readahead(declare.c_str(), cap, out);
  for (int i = 0; i < 12; ++i) fetch("fetch c", out);
  transaction("commit", out);
}

TEST_F(FastPathTest, ACursorsOwnReadaheadSetsItsWindowAndNothingElse) {
  setenv("PGESQL_FETCH_READAHEAD", "off", 1);  // the cursor's own value wins over the connection's
  std::vector<step> one, three, thousand, scroll, plain;
  EXPECT_EQ(windows_read(database(), [](std::vector<step> &out) { ten_rows("cursor", "1", out); }, one),
            std::vector<std::size_t>{});
  // (a window is asked for behind the one a FETCH waits for, before its rows show whether
  // it is the last: the 0 is that request, answered by a cursor already at its end)
  EXPECT_EQ(windows_read(database(), [](std::vector<step> &out) { ten_rows("cursor", "3", out); }, three),
            (std::vector<std::size_t>{3, 3, 3, 1, 0}));
  EXPECT_EQ(windows_read(database(), [](std::vector<step> &out) { ten_rows("cursor", "1000", out); }, thousand),
            (std::vector<std::size_t>{8, 2, 0}));
  // SCROLL keeps readahead off whatever the cursor asks
  EXPECT_EQ(windows_read(database(), [](std::vector<step> &out) { ten_rows("scroll cursor", "5", out); }, scroll),
            std::vector<std::size_t>{});
  setenv("PGESQL_FETCH_READAHEAD", "4", 1);
  EXPECT_EQ(windows_read(database(), [](std::vector<step> &out) { ten_rows("cursor with hold", "2", out); }, plain),
            (std::vector<std::size_t>{2, 2, 2, 2, 2, 0, 0}));  // a full last window: one more to see the end
  ASSERT_EQ(one.size(), 14u);
  for (int i = 1; i <= 10; ++i) EXPECT_EQ(one[i], (step{0, "00000", 1, i}));
  EXPECT_EQ(one[11].sqlcode, ECPG_NOT_FOUND);
  EXPECT_EQ(one[12].sqlcode, ECPG_NOT_FOUND);
  EXPECT_EQ(one, three);
  EXPECT_EQ(one, thousand);
  EXPECT_EQ(one, scroll);
  EXPECT_EQ(one, plain);
}

// The next window is asked for before the program needs it; whatever the program runs
// meanwhile (other statements, another cursor, CLOSE and a new cursor of the same name)
// sees what it would without readahead.
void interleaved(std::vector<step> &out) {
  exec_sql("create temp table seen (v int)", out);
  open_cursor("declare c cursor for select g from generate_series(1, 50) g", out);
  open_cursor("declare d cursor for select g * 100 from generate_series(1, 30) g", out);
  for (int i = 0; i < 40; ++i) {
    fetch("fetch c", out);
    if (i % 3 == 0) fetch("fetch from d", out);
    if (i % 5 == 0) exec_sql("insert into seen values (1)", out);
  }
  exec_sql("close c", out);
  open_cursor("declare c cursor for select -g from generate_series(1, 5) g", out);
  for (int i = 0; i < 7; ++i) fetch("fetch c", out);
  fetch_many("fetch all from d", out);
  fetch("fetch d", out);
  transaction("commit", out);
}

TEST_F(FastPathTest, WindowsAskedForEarlyChangeNothingTheProgramSees) {
  auto t = same_either_way(interleaved);
  ASSERT_EQ(t.size(), 3u + 40 + 14 + 8 + 2 + 7 + 3);
  EXPECT_EQ(t[3], (step{0, "00000", 1, 1}));    // c's first row
  EXPECT_EQ(t[4], (step{0, "00000", 1, 100}));  // d's
  const std::size_t reopened = t.size() - 10;   // the new c's first FETCH
  EXPECT_EQ(t[reopened], (step{0, "00000", 1, -1}));
  EXPECT_EQ(t[reopened + 4], (step{0, "00000", 1, -5}));
  EXPECT_EQ(t[reopened + 5].sqlcode, ECPG_NOT_FOUND);
  EXPECT_EQ(t[t.size() - 3].rows, 16);  // d: 14 rows fetched one by one, 16 left
  EXPECT_EQ(t[t.size() - 2].sqlcode, ECPG_NOT_FOUND);
  expect_windows_sent_ahead(database(), interleaved, t, 10);
}

// A window in flight that fails, read early by a statement that is not a cursor's
// (PREPARE): that statement meets the aborted transaction (the documented difference),
// but the rows before the error still reach the program, and the error at its own FETCH.
TEST_F(FastPathTest, AFailedWindowReadEarlyStillServesTheRowsBeforeIt) {
  auto t = trace("on", [](std::vector<step> &out) {
    open_cursor("declare c cursor for select 10 / (6 - g) from generate_series(1, 12) g", out);
    fetch("fetch c", out);  // rows 1-4 arrive, rows 5.. are asked for
    pgesql_stmt p = statement(PGESQL_STMT_NORMAL, nullptr);
    pgesql_prepare(&p, nullptr, "early", "select 1");
    out.push_back(now(0));
    for (int i = 0; i < 5; ++i) fetch("fetch c", out);
    transaction("rollback", out);
  });
  ASSERT_EQ(t.size(), 9u);
  EXPECT_EQ(t[1], (step{0, "00000", 1, 2}));  // 10 / 5
  EXPECT_EQ(t[2].state, "25P02");
  EXPECT_EQ(t[3], (step{0, "00000", 1, 2}));  // 10 / 4 = 2
  EXPECT_EQ(t[6], (step{0, "00000", 1, 10}));  // row 5: 10 / 1
  EXPECT_EQ(t[7].state, "22012");
}

// FETCH n into arrays reads the next n rows while the program works through these
// (issue 24); the program sees what it sees with readahead off, wherever it stops,
// whatever it runs between FETCHes, and where a later row fails.
void array_windows(std::vector<step> &out) {
  exec_sql("create temp table src as select g from generate_series(1, 40) g", out);
  open_cursor("declare a cursor for select g from src order by g", out);
  open_cursor("declare h cursor with hold for select g * 10 from generate_series(1, 9) g", out);
  fetch_many("fetch 3 from a", out);
  exec_sql("update src set g = -g", out);  // the cursor's snapshot predates it either way
  fetch_many("fetch 3 from a", out);
  fetch("fetch next from a", out);
  fetch("move 2 in a", out, false);
  fetch_many("fetch forward 5 from a", out);
  fetch_many("fetch 2 from h", out);
  fetch("fetch prior from a", out);
  fetch_many("fetch 6 from a", out);
  fetch_many("fetch 2 from h", out);
  transaction("commit", out);  // a is gone; h is held with rows asked for ahead
  fetch_many("fetch 6 from a", out);
  transaction("rollback", out);
  for (int i = 0; i < 4; ++i) fetch_many("fetch 2 from h", out);
  exec_sql("close h", out);
  open_cursor("declare e cursor for select 10 / (9 - g) from generate_series(1, 12) g", out);
  fetch_many("fetch 4 from e", out);
  fetch_many("fetch 4 from e", out);  // row 9 is in the window read ahead, not in these
  fetch_many("fetch 4 from e", out);  // the failing row
  exec_sql("select 1", out);
  transaction("rollback", out);
  open_cursor("declare z cursor for select g from generate_series(1, 7) g", out);
  for (int i = 0; i < 4; ++i) fetch_many("fetch 3 from z", out);
  transaction("commit", out);
}

TEST_F(FastPathTest, ArrayFetchesReadTheNextRowsAheadUnseen) {
  auto t = same_either_way(array_windows);
  ASSERT_EQ(t.size(), 33u);
  EXPECT_EQ(t[3].rows, 3);
  EXPECT_EQ(t[5].rows, 3);
  EXPECT_EQ(t[6].value, 7);    // FETCH NEXT after two arrays of 3
  EXPECT_EQ(t[7].rows, 2);     // MOVE 2
  EXPECT_EQ(t[8].rows, 5);     // rows 10..14
  EXPECT_EQ(t[10].value, 13);  // FETCH PRIOR: back before row 14
  EXPECT_EQ(t[14].state, "34000");  // a went with the transaction
  EXPECT_EQ(t[16].rows, 2);    // h: rows 50, 60 after the commit
  EXPECT_EQ(t[18].rows, 1);    // the last row, 90
  EXPECT_EQ(t[18].value, 90);
  EXPECT_EQ(t[19].sqlcode, ECPG_NOT_FOUND);
  EXPECT_EQ(t[22].rows, 4);
  EXPECT_EQ(t[23].rows, 4);
  EXPECT_EQ(t[24].state, "22012");
  EXPECT_EQ(t[25].state, "25P02");
  EXPECT_EQ(t[28].rows, 3);
  EXPECT_EQ(t[30].rows, 1);
  EXPECT_EQ(t[30].value, 7);
  EXPECT_EQ(t[31].sqlcode, ECPG_NOT_FOUND);
  expect_windows_sent_ahead(database(), array_windows, t, 5);
}

// FETCH n bigger than the windows in flight (the cap, or FETCH NEXT's smaller windows): the
// rows still come in order, none skipped, whatever was asked for ahead of them.
void arrays_past_the_windows(std::vector<step> &out) {
  open_cursor("declare c cursor for select g from generate_series(1, 60) g", out);
  fetch("fetch next from c", out);
  for (int i = 0; i < 3; ++i) fetch("fetch next from c", out);
  fetch_many("fetch 6 from c", out);   // rows 5..10: more than the window in flight
  fetch("fetch next from c", out);
  fetch_many("fetch 9 from c", out);
  fetch_many("fetch 2 from c", out);
  fetch_many("fetch 30 from c", out);
  fetch_many("fetch 30 from c", out);  // the last rows and the end
  transaction("commit", out);
}

TEST_F(FastPathTest, ArrayFetchesBiggerThanTheWindowsKeepTheRowOrder) {
  auto t = same_either_way(arrays_past_the_windows);
  ASSERT_EQ(t.size(), 12u);
  EXPECT_EQ(t[4].value, 4);
  EXPECT_EQ(t[5].rows, 6);
  EXPECT_EQ(t[6].value, 11);
  EXPECT_EQ(t[9].rows, 30);
  EXPECT_EQ(t[10].rows, 8);  // rows 53..60
  expect_windows_sent_ahead(database(), arrays_past_the_windows, t, 3);
  // a count past an Execute's 32-bit row limit runs as written (the server refuses it: its
  // FETCH counts are 32-bit too), not as a window that would wrap
  auto huge = same_either_way([](std::vector<step> &out) {
    open_cursor("declare c cursor for select g from generate_series(1, 30) g", out);
    fetch("fetch next from c", out);
    fetch("fetch next from c", out);
    fetch_many("fetch 4294967301 from c", out);
    fetch("fetch next from c", out);
    transaction("commit", out);
  });
  ASSERT_EQ(huge.size(), 6u);
  EXPECT_EQ(huge[3].sqlcode, ECPG_PGSQL);
  EXPECT_EQ(huge[4].state, "25P02");
}

}  // namespace
