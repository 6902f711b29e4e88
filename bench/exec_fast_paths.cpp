// The statement layer's fast paths, each off and on, through the C ABI as
// generated code calls it (numbers only; bench8's runner compares with ECPG):
//   bench_exec_fast_paths [rows]     with PGHOST/PGPORT/PGUSER/PGDATABASE set
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "pgesql/pgesql.h"
#include "sqlca.h"

namespace {

using Clock = std::chrono::steady_clock;

pgesql_var int_var(int *p) { return {PGESQL_T_INT, p, 1, 1, sizeof(int), PGESQL_T_NO_INDICATOR, nullptr, 0, 0, 0}; }

void check(const char *what) {
  if (sqlca.sqlcode < 0) {
    std::fprintf(stderr, "%s: %.*s\n", what, sqlca.sqlerrm.sqlerrml, sqlca.sqlerrm.sqlerrmc);
    std::exit(1);
  }
}

void connect(const char *setting) {
  setenv("PGESQL_STMT_CACHE_SIZE", setting[1] == 'n' ? "256" : "0", 1);
  setenv("PGESQL_FETCH_READAHEAD", setting[1] == 'n' ? "256" : "off", 1);
  static const pgesql_stmt s = {PGESQL_STMT_NORMAL, 0, nullptr, nullptr, "bench", 1, 1, 0, nullptr};
  pgesql_disconnect(&s, "ALL");
  const char *db = std::getenv("PGDATABASE");
  pgesql_connect(&s, db ? db : "postgres", nullptr, nullptr, nullptr, 1);
  check("connect");
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Microseconds per call of a static SELECT with one parameter, median of batches.
double select_loop(int calls) {
  static const pgesql_stmt q = {PGESQL_STMT_NORMAL, 0, "select $1::int4 + 1 where $1 > 0", nullptr, "bench", 2, 1, 0, nullptr};
  std::vector<double> batches;
  for (int b = 0; b < 7; ++b) {
    const auto start = Clock::now();
    for (int i = 1; i <= calls; ++i) {
      int in = i, out = 0;
      pgesql_var vin = int_var(&in), vout = int_var(&out);
      pgesql_exec(&q, nullptr, nullptr, 1, &vin, 1, &vout);
    }
    check("select");
    batches.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count() / calls);
  }
  return median(batches);
}

// Milliseconds to read `rows` rows one FETCH at a time, median of batches.
double cursor_loop(int rows) {
  static const pgesql_stmt begin = {PGESQL_STMT_TRANSACTION, 0, "begin", nullptr, "bench", 3, 1, 0, nullptr};
  static const pgesql_stmt commit = {PGESQL_STMT_TRANSACTION, 0, "commit", nullptr, "bench", 4, 1, 0, nullptr};
  // marked safe by hand (the preprocessor would not judge generate_series so): this measures readahead itself
  static const pgesql_stmt open = {PGESQL_STMT_OPEN, 0, "declare c cursor for select g, g * 2 from generate_series(1, $1) g",
                                   "c", "bench", 5, 1, PGESQL_FACT_READAHEAD_SAFE, nullptr};
  static const pgesql_stmt fetch = {PGESQL_STMT_FETCH, 0, "fetch next from c", "c", "bench", 6, 1, 0, nullptr};
  static const pgesql_stmt close = {PGESQL_STMT_CLOSE, 0, "close c", "c", "bench", 7, 1, 0, nullptr};
  std::vector<double> batches;
  for (int b = 0; b < 5; ++b) {
    const auto start = Clock::now();
    pgesql_exec(&begin, nullptr, nullptr, 0, nullptr, 0, nullptr);
    int n = rows;
    pgesql_var vn = int_var(&n);
    pgesql_exec(&open, nullptr, nullptr, 1, &vn, 0, nullptr);
    check("open");
    int seen = 0;
    for (;;) {
      int g = 0, twice = 0;
      pgesql_var out[] = {int_var(&g), int_var(&twice)};
      pgesql_exec(&fetch, nullptr, nullptr, 0, nullptr, 2, out);
      if (sqlca.sqlcode != 0) break;
      ++seen;
    }
    check("fetch");
    if (seen != rows) std::fprintf(stderr, "fetched %d rows, expected %d\n", seen, rows);
    pgesql_exec(&close, nullptr, nullptr, 0, nullptr, 0, nullptr);
    pgesql_exec(&commit, nullptr, nullptr, 0, nullptr, 0, nullptr);
    batches.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  return median(batches);
}

}  // namespace

int main(int argc, char **argv) {
  const int rows = argc > 1 ? std::atoi(argv[1]) : 10000;
  std::printf("%-44s %10s %10s %6s\n", "median", "off", "on", "ratio");
  connect("off");
  const double select_off = select_loop(2000);
  const double cursor_off = cursor_loop(rows);
  connect("on");
  const double select_on = select_loop(2000);
  const double cursor_on = cursor_loop(rows);
  std::printf("%-44s %10.1f %10.1f %6.2f\n", "static SELECT, 1 param (us/call; cache)", select_off, select_on,
              select_on / select_off);
  std::string label = "FETCH NEXT x " + std::to_string(rows) + " (ms; readahead)";
  std::printf("%-44s %10.1f %10.1f %6.2f\n", label.c_str(), cursor_off, cursor_on, cursor_on / cursor_off);
  return 0;
}
