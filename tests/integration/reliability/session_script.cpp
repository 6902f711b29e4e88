#include "session_script.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>

#include "../exec/exec_fixture.hpp"

namespace pgesql::test {
namespace {

StepOutcome outcome(const std::string &phase) {
  return StepOutcome{phase, sqlca.sqlcode, sqlstate_now(), sqlca.sqlerrm.sqlerrmc};
}

// COPY TO STDOUT writes to the program's stdout: send it to /dev/null meanwhile.
class QuietStdout {
 public:
  QuietStdout() {
    std::fflush(stdout);
    saved_ = ::dup(1);
    const int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, 1);
    ::close(null);
  }
  ~QuietStdout() {
    std::fflush(stdout);
    ::dup2(saved_, 1);
    ::close(saved_);
  }

 private:
  int saved_;
};

}  // namespace

std::vector<StepOutcome> run_session(const std::string &target, const char *name, int trial,
                                     void (*after_phase)(std::size_t, void *), void *context) {
  std::vector<StepOutcome> steps;
  const auto phase_done = [&](std::size_t i) {
    if (after_phase) after_phase(i, context);
  };
  connect_to(target.c_str(), name, 0);
  steps.push_back(outcome("connect"));
  phase_done(0);

  char note[32] = "it's \\ \"quoted\"";
  pgesql_var ins_in[2] = {scalar(PGESQL_T_INT, &trial), chars(note, sizeof note)};
  pgesql_stmt ins = statement(PGESQL_STMT_NORMAL, "insert into fault_rows values ($1, $2)");
  pgesql_exec(&ins, name, nullptr, 2, ins_in, 0, nullptr);
  steps.push_back(outcome("insert"));
  phase_done(1);

  int count = 0;
  long long sum = 0;
  pgesql_var q_out[2] = {scalar(PGESQL_T_INT, &count), scalar(PGESQL_T_LONG_LONG, &sum)};
  pgesql_stmt q = statement(PGESQL_STMT_NORMAL, "select count(*), sum(v) from fault_src");
  pgesql_exec(&q, name, nullptr, 0, nullptr, 2, q_out);
  steps.push_back(outcome("query"));
  phase_done(2);

  pgesql_stmt open = statement(PGESQL_STMT_OPEN, "declare fault_cur cursor for select v from fault_src order by v");
  open.name = "fault_cur";
  pgesql_exec(&open, name, nullptr, 0, nullptr, 0, nullptr);
  steps.push_back(outcome("cursor"));
  int values[3] = {};
  pgesql_var f_out = {PGESQL_T_INT, values, 1, 3, sizeof(int), PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0};
  pgesql_stmt fetch = statement(PGESQL_STMT_FETCH, "fetch 3 from fault_cur");
  fetch.name = "fault_cur";
  for (int i = 0; i < 2; ++i) {
    pgesql_exec(&fetch, name, nullptr, 0, nullptr, 1, &f_out);
    steps.push_back(outcome("cursor"));
  }
  // one row at a time: readahead has its next window in flight while rows are handed out
  int one = 0;
  pgesql_var one_out = scalar(PGESQL_T_INT, &one);
  pgesql_stmt next = statement(PGESQL_STMT_FETCH, "fetch next from fault_cur");
  next.name = "fault_cur";
  for (int i = 0; i < 15; ++i) {
    pgesql_exec(&next, name, nullptr, 0, nullptr, 1, &one_out);
    steps.push_back(outcome("cursor"));
  }
  pgesql_stmt close = statement(PGESQL_STMT_CLOSE, "close fault_cur");
  close.name = "fault_cur";
  pgesql_exec(&close, name, nullptr, 0, nullptr, 0, nullptr);
  steps.push_back(outcome("cursor"));
  phase_done(3);

  {
    QuietStdout quiet;
    pgesql_stmt copy = statement(PGESQL_STMT_NORMAL, "copy (select v from fault_src where v <= 5) to stdout");
    pgesql_exec(&copy, name, nullptr, 0, nullptr, 0, nullptr);
  }
  steps.push_back(outcome("copy"));
  phase_done(4);

  pgesql_stmt commit = statement(PGESQL_STMT_TRANSACTION, "commit");
  pgesql_exec(&commit, name, nullptr, 0, nullptr, 0, nullptr);
  steps.push_back(outcome("commit"));
  phase_done(5);

  pgesql_stmt bye = statement(PGESQL_STMT_NORMAL, nullptr);
  pgesql_disconnect(&bye, name);
  steps.push_back(outcome("disconnect"));
  phase_done(6);
  return steps;
}

bool prepare_session_tables(const char *admin) {
  return run("drop table if exists fault_rows, fault_src", admin) == 0 &&
         run("create table fault_rows (trial int primary key, note text)", admin) == 0 &&
         run("create table fault_src (v int)", admin) == 0 &&
         run("insert into fault_src select generate_series(1, 20)", admin) == 0;
}

bool session_row_committed(const char *admin, int trial) {
  int n = -1;
  pgesql_var in = scalar(PGESQL_T_INT, &trial);
  pgesql_var out = scalar(PGESQL_T_INT, &n);
  pgesql_stmt s = statement(PGESQL_STMT_NORMAL, "select count(*) from fault_rows where trial = $1");
  pgesql_exec(&s, admin, nullptr, 1, &in, 1, &out);
  return n == 1;
}

}  // namespace pgesql::test
