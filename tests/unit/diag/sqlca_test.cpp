#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <thread>

#include "diag/auto_memory.hpp"
#include "diag/error_message.hpp"
#include "diag/raise.hpp"
#include "diag/sqlca.hpp"
#include "ecpgerrno.h"
#include "ecpglib.h"
#include "pgesql/pgesql.h"

namespace {

using namespace pgesql::diag;

std::string state(const sqlca_t &ca) { return std::string(ca.sqlstate, 5); }

TEST(Sqlca, StartsAsEcpgInitialisesIt) {
  reset_sqlca();
  const sqlca_t *ca = ECPGget_sqlca();
  EXPECT_EQ(std::string(ca->sqlcaid, 8), "SQLCA   ");
  EXPECT_EQ(ca->sqlabc, static_cast<long>(sizeof(sqlca_t)));
  EXPECT_EQ(std::string(ca->sqlerrp, 8), "NOT SET ");
  EXPECT_EQ(state(*ca), "00000");
  EXPECT_EQ(ca->sqlcode, 0);
  EXPECT_EQ(ca->sqlwarn[0], 0);
}

TEST(Sqlca, IsPerThread) {
  reset_sqlca();
  raise_error(7, ECPG_NO_CONN, "08003", "x");
  sqlca_t *mine = ECPGget_sqlca();
  sqlca_t *theirs = nullptr;
  long their_code = -1;
  std::thread t([&] {
    theirs = ECPGget_sqlca();
    their_code = theirs->sqlcode;
  });
  t.join();
  EXPECT_NE(mine, theirs);
  EXPECT_EQ(their_code, 0);
  EXPECT_EQ(mine->sqlcode, ECPG_NO_CONN);
}

TEST(Raise, UsesEcpgTextsAndStates) {
  reset_sqlca();
  raise_error(12, ECPG_NO_CONN, "08003", "con2");
  const sqlca_t &ca = thread_sqlca();
  EXPECT_EQ(ca.sqlcode, -220);
  EXPECT_EQ(state(ca), "08003");
  EXPECT_STREQ(ca.sqlerrm.sqlerrmc, "connection \"con2\" does not exist on line 12");
  EXPECT_EQ(ca.sqlerrm.sqlerrml, static_cast<int>(std::strlen(ca.sqlerrm.sqlerrmc)));
}

TEST(Raise, NotFound) {
  reset_sqlca();
  raise_not_found(33);
  EXPECT_EQ(thread_sqlca().sqlcode, 100);
  EXPECT_EQ(state(thread_sqlca()), "02000");
  EXPECT_STREQ(thread_sqlca().sqlerrm.sqlerrmc, "no data found on line 33");
}

TEST(ErrorMessage, CoversEveryCodeWithItsWording) {
  EXPECT_EQ(error_message(ECPG_MISSING_INDICATOR, 5, nullptr), "null value without indicator on line 5");
  EXPECT_EQ(error_message(ECPG_INT_FORMAT, 5, "abc"),
            "invalid input syntax for type int: \"abc\", on line 5");
  EXPECT_EQ(error_message(ECPG_CONVERT_BOOL, 5, nullptr),
            "could not convert boolean value: size mismatch, on line 5");
  EXPECT_EQ(error_message(ECPG_CONVERT_BOOL, 5, "x"), "invalid syntax for type boolean: \"x\", on line 5");
  EXPECT_EQ(error_message(ECPG_NOT_CONN, 9, "main"), "not connected to connection \"main\" on line 9");
  EXPECT_EQ(error_message(ECPG_CONNECT, 9, "db"), "could not connect to database \"db\" on line 9");
  EXPECT_EQ(error_message(ECPG_INVALID_STMT, 9, "st"), "invalid statement name \"st\" on line 9");
  EXPECT_EQ(error_message(ECPG_TOO_MANY_MATCHES, 9, nullptr), "SQL error -203 on line 9");
  EXPECT_EQ(error_message(ECPG_DATE_FORMAT, 9, nullptr), "SQL error -209 on line 9");
  EXPECT_EQ(error_message(ECPG_OUT_OF_MEMORY, 1, nullptr), "out of memory on line 1");
}

TEST(RaiseServerError, MapsSqlstateToEcpgCodes) {
  reset_sqlca();
  raise_server_error(40, "42P01", "relation \"nosuch\" does not exist", false);
  EXPECT_EQ(thread_sqlca().sqlcode, ECPG_PGSQL);
  EXPECT_EQ(state(thread_sqlca()), "42P01");
  EXPECT_STREQ(thread_sqlca().sqlerrm.sqlerrmc, "relation \"nosuch\" does not exist on line 40");
  raise_server_error(41, "23505", "duplicate key", false);
  EXPECT_EQ(thread_sqlca().sqlcode, ECPG_DUPLICATE_KEY);
  raise_server_error(41, "23505", "duplicate key", true);
  EXPECT_EQ(thread_sqlca().sqlcode, ECPG_INFORMIX_DUPLICATE_KEY);
  raise_server_error(42, "21000", "more than one row", false);
  EXPECT_EQ(thread_sqlca().sqlcode, ECPG_SUBSELECT_NOT_ONE);
  raise_server_error(42, "21000", "more than one row", true);
  EXPECT_EQ(thread_sqlca().sqlcode, ECPG_INFORMIX_SUBSELECT_NOT_ONE);
}

TEST(RaiseServerError, TruncatesLongMessages) {
  reset_sqlca();
  std::string longmsg(400, 'x');
  raise_server_error(1, "XX000", longmsg.c_str(), false);
  EXPECT_EQ(thread_sqlca().sqlerrm.sqlerrml, SQLERRMC_LEN - 1);
  EXPECT_EQ(thread_sqlca().sqlerrm.sqlerrmc[SQLERRMC_LEN - 1], '\0');
}

TEST(RaiseServerWarning, SetsWarningFlagsAndCodes) {
  reset_sqlca();
  raise_server_warning("25001", "there is already a transaction in progress");
  EXPECT_EQ(thread_sqlca().sqlcode, ECPG_WARNING_IN_TRANSACTION);
  EXPECT_EQ(thread_sqlca().sqlwarn[0], 'W');
  EXPECT_EQ(thread_sqlca().sqlwarn[2], 'W');
  EXPECT_STREQ(thread_sqlca().sqlerrm.sqlerrmc, "there is already a transaction in progress");
  reset_sqlca();
  raise_server_warning("00000", "just a notice");
  EXPECT_EQ(thread_sqlca().sqlwarn[0], 0);
  raise_server_warning("01000", "generic");
  EXPECT_EQ(thread_sqlca().sqlcode, 0);
  EXPECT_EQ(state(thread_sqlca()), "01000");
}

TEST(AutoMemory, ErrorFreesTheStatementsAllocations) {
  forget_auto_memory();
  void *p = auto_allocate(16);
  ASSERT_NE(p, nullptr);
  raise_error(1, ECPG_EMPTY, "YE000");  // frees p (checked under ASan/valgrind)
  forget_auto_memory();
  void *q = auto_allocate(8);
  forget_auto_memory();  // now owned by the "program"
  ECPGfree_auto_mem();   // must not free q
  std::memset(q, 1, 8);
  std::free(q);
}

TEST(CopySqlstate, CopiesFiveCharactersAndNul) {
  reset_sqlca();
  raise_not_found(1);
  char buf[6] = "xxxxx";
  pgesql_copy_sqlstate(buf);
  EXPECT_STREQ(buf, "02000");
}

}  // namespace

namespace {

TEST(AutoMemory, ThreadExitLeavesTheLastStatementsMemoryToTheProgram) {
  void *kept = nullptr;
  std::thread t([&] {
    pgesql::diag::forget_auto_memory();
    kept = pgesql::diag::auto_allocate(32);
  });
  t.join();
  ASSERT_NE(kept, nullptr);
  std::free(kept);  // a double free here if thread exit had freed it (seen under ASan)
}

}  // namespace
