// Connect time and round trips, pgesql's runtime against libpq on the same server.
//
//   bench_conn [--quick] ["conninfo" ...]
//
// Without conninfo arguments it uses the unix socket from PGHOST/PGPORT and, when
// the test cluster's variables are set, TCP without and with TLS (SCRAM user).
// Prints the median time per operation of several batches and the ratio pgesql/libpq.
#include <libpq-fe.h>

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "conn/config_resolver.hpp"
#include "conn/connection.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using namespace pgesql;

struct Options {
  int batches = 7;
  int connects = 50;
  int round_trips = 2000;
};

struct Medians {
  double pgesql_us;
  double libpq_us;
  double pgesql_cpu_us;  // the client's own CPU time: its overhead, without the server's and the scheduler's
  double libpq_cpu_us;
};

double thread_cpu_us() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e6 + static_cast<double>(t.tv_nsec) / 1e3;
}

// Median microseconds per operation over `batches` runs of `ops` operations each,
// alternating the two clients batch by batch so load changes hit both alike.
Medians compare(int batches, int ops, const std::function<void()> &ours, const std::function<void()> &theirs) {
  std::vector<double> a, b, a_cpu, b_cpu;
  const auto time_batch = [ops](const std::function<void()> &op, std::vector<double> &wall, std::vector<double> &cpu) {
    const double cpu_start = thread_cpu_us();
    const auto start = Clock::now();
    for (int i = 0; i < ops; ++i) op();
    const std::chrono::duration<double, std::micro> spent = Clock::now() - start;
    wall.push_back(spent.count() / ops);
    cpu.push_back((thread_cpu_us() - cpu_start) / ops);
  };
  ours();  // warm up both: caches, first-use allocations
  theirs();
  for (int i = 0; i < batches; ++i) {
    time_batch(ours, a, a_cpu);
    time_batch(theirs, b, b_cpu);
  }
  const auto median = [](std::vector<double> &v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
  };
  return {median(a), median(b), median(a_cpu), median(b_cpu)};
}

[[noreturn]] void die(const std::string &what) {
  std::fprintf(stderr, "bench_conn: %s\n", what.c_str());
  std::exit(1);
}

PGconn *libpq_connect(const std::string &conninfo) {
  PGconn *c = PQconnectdb(conninfo.c_str());
  if (PQstatus(c) != CONNECTION_OK) die(std::string("libpq: ") + PQerrorMessage(c));
  return c;
}

void libpq_check(PGresult *r, ExecStatusType want) {
  if (PQresultStatus(r) != want) die(std::string("libpq: ") + PQresultErrorMessage(r));
  PQclear(r);
}

std::unique_ptr<conn::Connection> pgesql_connect(const std::string &conninfo) {
  return conn::Connection::open(conn::resolve_config(conn::parse_target(conninfo), conn::process_environment()));
}

void row(const char *what, Medians m) {
  std::printf("  %-30s %9.1f %9.1f %6.2f   %9.1f %9.1f %6.2f\n", what, m.pgesql_us, m.libpq_us,
              m.pgesql_us / m.libpq_us, m.pgesql_cpu_us, m.libpq_cpu_us, m.pgesql_cpu_us / m.libpq_cpu_us);
  std::fflush(stdout);
}

void bench_target(const std::string &label, const std::string &conninfo, const Options &o) {
  std::printf("\n%s\n  %-30s %9s %9s %6s   %9s %9s %6s\n", label.c_str(), "median us/op", "pgesql", "libpq",
              "ratio", "cpu:pgesql", "libpq", "ratio");
  row("connect + disconnect",
      compare(o.batches, o.connects, [&] { pgesql_connect(conninfo); }, [&] { PQfinish(libpq_connect(conninfo)); }));

  auto ours = pgesql_connect(conninfo);
  PGconn *theirs = libpq_connect(conninfo);

  row("simple query: SELECT 1",
      compare(o.batches, o.round_trips, [&] { ours->simple_query("SELECT 1"); },
              [&] { libpq_check(PQexec(theirs, "SELECT 1"), PGRES_TUPLES_OK); }));

  const char *sql = "SELECT $1::int4 + 1";
  ours->prepare("bench_stmt", sql);
  libpq_check(PQprepare(theirs, "bench_stmt", sql, 0, nullptr), PGRES_COMMAND_OK);
  const conn::ParamValue values[] = {std::string_view("41")};
  const char *libpq_values[] = {"41"};
  row("prepared statement, 1 param",
      compare(o.batches, o.round_trips, [&] { ours->execute_prepared("bench_stmt", {values}, false); },
              [&] {
                libpq_check(PQexecPrepared(theirs, "bench_stmt", 1, libpq_values, nullptr, nullptr, 0),
                            PGRES_TUPLES_OK);
              }));

  row("unnamed statement with params",
      compare(o.batches, o.round_trips, [&] { ours->execute(sql, {values}); },
              [&] {
                libpq_check(PQexecParams(theirs, sql, 1, nullptr, libpq_values, nullptr, nullptr, 0),
                            PGRES_TUPLES_OK);
              }));

  const char *wide = "SELECT g, 'row ' || g, now() FROM generate_series(1, 10000) g";
  row("10000-row result (text)",
      compare(o.batches, std::max(1, o.round_trips / 100), [&] { ours->execute(wide); },
              [&] { libpq_check(PQexecParams(theirs, wide, 0, nullptr, nullptr, nullptr, nullptr, 0), PGRES_TUPLES_OK); }));
  PQfinish(theirs);
}

std::string env(const char *name) {
  const char *v = std::getenv(name);
  return v ? v : "";
}

}  // namespace

int main(int argc, char **argv) {
  Options o;
  std::vector<std::pair<std::string, std::string>> targets;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--quick") == 0) {
      o.batches = 3;
      o.connects = 10;
      o.round_trips = 300;
    } else {
      targets.emplace_back(argv[i], argv[i]);
    }
  }
  if (targets.empty()) {
    targets.emplace_back("unix socket (trust)", "sslmode=disable");
    const std::string host = env("PGESQL_TEST_HOST"), user = env("PGESQL_TEST_SCRAM_USER");
    if (!host.empty() && !user.empty()) {
      const std::string base = "host=" + host + " user=" + user + " password=" + env("PGESQL_TEST_SCRAM_PASSWORD");
      targets.emplace_back("TCP, SCRAM-SHA-256, no TLS", base + " sslmode=disable");
      targets.emplace_back("TCP, SCRAM-SHA-256-PLUS, TLS", base + " sslmode=require");
    }
  }
  std::printf("pgesql runtime vs libpq %d: %d interleaved batches, median per operation\n", PQlibVersion(), o.batches);
  try {
    for (const auto &[label, conninfo] : targets) bench_target(label, conninfo, o);
  } catch (const pgesql::conn::Error &e) {
    die(std::string("pgesql: ") + e.what());
  }
  return 0;
}
