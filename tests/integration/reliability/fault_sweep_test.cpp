// Cuts, stalls and corrupts a representative session at byte offsets in every
// phase, in both directions, through tests/support's proxy. The program must
// see a class-08 SQLSTATE at the step the fault hit (08007 for COMMIT), fail
// every later step, and never report success for work that did not happen;
// no trial may hang past the configured timeouts.
//
// PGESQL_FAULT_SWEEP=all cuts at every byte offset instead of a sample.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <map>
#include <set>
#include <sstream>

#include "../exec/exec_fixture.hpp"
#include "fault_proxy.hpp"
#include "session_script.hpp"
#include "test_env.hpp"

namespace pgesql::test {
namespace {

using Clock = std::chrono::steady_clock;

// Byte offsets where each phase's traffic ends, per direction (from a clean run).
struct PhaseMap {
  std::vector<std::size_t> to_server_end, to_client_end;
  const std::vector<std::size_t> &ends(Direction d) const { return d == Direction::to_server ? to_server_end : to_client_end; }
  std::size_t phase_of(Direction d, std::size_t offset) const {
    const auto &e = ends(d);
    for (std::size_t i = 0; i < e.size(); ++i)
      if (offset < e[i]) return i;
    return e.size();
  }
};

struct Recorder {
  FaultProxy *proxy;
  PhaseMap *map;
};

void record_phase_end(std::size_t, void *context) {
  auto *r = static_cast<Recorder *>(context);
  r->map->to_server_end.push_back(r->proxy->forwarded(Direction::to_server));
  r->map->to_client_end.push_back(r->proxy->forwarded(Direction::to_client));
}

std::string session_target(int proxy_port, const std::string &extra) {
  return "postgresql://" + env("PGESQL_TEST_SUPERUSER") + ":" + env("PGESQL_TEST_SUPERUSER_PASSWORD") +
         "@127.0.0.1:" + std::to_string(proxy_port) + "/" + env("PGESQL_TEST_DATABASE") + "?" + extra;
}

// Offsets to try inside [begin, end): all of them, or `edge` at each end and `inner` evenly between.
std::vector<std::size_t> sample(std::size_t begin, std::size_t end, std::size_t edge, std::size_t inner, bool all) {
  std::set<std::size_t> out;
  if (end <= begin) return {};
  if (all || end - begin <= inner + 2 * edge) {
    for (std::size_t i = begin; i < end; ++i) out.insert(i);
  } else {
    for (std::size_t i = 0; i < edge; ++i) {
      out.insert(begin + i);
      out.insert(end - 1 - i);
    }
    for (std::size_t k = 1; k <= inner; ++k) out.insert(begin + (end - begin) * k / (inner + 1));
  }
  return {out.begin(), out.end()};
}

class FaultSweep : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    disconnect_all();
    ASSERT_EQ(connect_to(env("PGESQL_TEST_DATABASE").c_str(), "admin", 1), 0) << sqlca.sqlerrm.sqlerrmc;
    ASSERT_TRUE(prepare_session_tables("admin")) << sqlca.sqlerrm.sqlerrmc;
  }
  static void TearDownTestSuite() { disconnect_all(); }

  // A clean session through the proxy: every step succeeds; returns the phase map.
  PhaseMap measure(const std::string &extra, int trial) {
    FaultProxy proxy("127.0.0.1", std::atoi(env("PGESQL_TEST_PORT").c_str()));
    proxy.arm({});
    PhaseMap map;
    Recorder rec{&proxy, &map};
    const auto steps = run_session(session_target(proxy.port(), extra), "fi", trial, record_phase_end, &rec);
    for (const auto &s : steps) EXPECT_TRUE(s.ok()) << s.phase << ": " << s.message;
    EXPECT_TRUE(session_row_committed("admin", trial));
    return map;
  }

  // One faulty session; checks the outcome and returns it as "SQLSTATE@phase" (or "ok").
  std::string trial(const Fault &fault, const std::string &extra, const PhaseMap &map, int id,
                    std::chrono::milliseconds limit) {
    FaultProxy proxy("127.0.0.1", std::atoi(env("PGESQL_TEST_PORT").c_str()));
    proxy.arm(fault);
    const auto start = Clock::now();
    const auto steps = run_session(session_target(proxy.port(), extra), "fi", id);
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
    disconnect_all_but_admin();
    std::ostringstream where;
    where << to_string(fault.kind) << " " << to_string(fault.direction) << " at byte " << fault.offset;
    EXPECT_LT(took, limit) << where.str() << " took " << took.count() << " ms";

    std::size_t failed = steps.size();
    for (std::size_t i = 0; i < steps.size(); ++i)
      if (!steps[i].ok()) {
        failed = i;
        break;
      }
    const bool committed = session_row_committed("admin", id);
    const std::size_t fault_phase = map.phase_of(fault.direction, fault.offset);
    const std::size_t last_phase = session_phases().size() - 1;
    if (failed == steps.size() || steps[failed].phase == "disconnect") {
      // Everything the program was told succeeded did: only the goodbye may have been hit.
      EXPECT_GE(fault_phase, last_phase) << where.str() << ": no error";
      EXPECT_TRUE(committed) << where.str() << ": COMMIT succeeded but the row is missing";
      return "ok";
    }
    const StepOutcome &f = steps[failed];
    EXPECT_EQ(f.sqlstate.substr(0, 2), "08") << where.str() << ": " << f.phase << " got " << f.sqlstate << " "
                                             << f.message;
    if (fault.kind == Fault::Kind::cut) {
      EXPECT_EQ(f.phase, session_phases()[fault_phase]) << where.str() << ": failed in the wrong phase";
    }
    if (f.phase == "commit") {
      EXPECT_EQ(f.sqlstate, "08007") << where.str();
    } else {
      EXPECT_FALSE(committed) << where.str() << ": failed before COMMIT but the row is committed";
    }
    for (std::size_t i = failed + 1; i < steps.size(); ++i) {
      if (steps[i].phase != "disconnect") {
        EXPECT_FALSE(steps[i].ok()) << where.str() << ": " << steps[i].phase << " succeeded after the failure";
      }
    }
    std::string result = f.sqlstate + "@" + f.phase;
    if (f.sqlstate == "08007") result += committed ? "(committed)" : "(rolled back)";
    return result;
  }

  static void disconnect_all_but_admin() {
    pgesql_stmt s = statement(PGESQL_STMT_NORMAL, nullptr);
    pgesql_disconnect(&s, "fi");
  }

  static void print_matrix(const char *title, const std::map<std::string, std::map<std::string, int>> &m) {
    std::printf("%s\n", title);
    for (const auto &[cell, outcomes] : m) {
      std::printf("  %-24s", cell.c_str());
      for (const auto &[o, n] : outcomes) std::printf(" %s x%d", o.c_str(), n);
      std::printf("\n");
    }
    std::fflush(stdout);
  }

  static int next_trial() {
    static int n = 100000;
    return ++n;
  }
};

TEST_F(FaultSweep, CutAtEveryPhaseInBothDirections) {
  const char *mode = std::getenv("PGESQL_FAULT_SWEEP");
  const bool all = mode != nullptr && std::string(mode) == "all";
  const std::string extra = "sslmode=disable&connect_timeout=5&pgesql_read_timeout=5000";
  const PhaseMap map = measure(extra, next_trial());
  ASSERT_EQ(map.to_server_end.size(), session_phases().size());
  std::map<std::string, std::map<std::string, int>> matrix;
  int trials = 0;
  for (Direction d : {Direction::to_server, Direction::to_client}) {
    std::size_t begin = 0;
    for (std::size_t p = 0; p < session_phases().size(); ++p) {
      const std::size_t end = map.ends(d)[p];
      for (std::size_t offset : sample(begin, end, 2, 5, all)) {
        const std::string o = trial({Fault::Kind::cut, d, offset}, extra, map, next_trial(), std::chrono::seconds(4));
        ++matrix[std::string(to_string(d)) + " " + session_phases()[p]][o];
        ++trials;
        if (HasFailure()) return;
      }
      begin = end;
    }
  }
  std::printf("cut sweep: %d trials; session bytes to-server %zu, to-client %zu\n", trials,
              map.to_server_end.back(), map.to_client_end.back());
  print_matrix("cut point (direction, phase) -> outcomes:", matrix);
}

TEST_F(FaultSweep, StallInEachPhaseEndsAtTheReadTimeout) {
  const std::string extra = "sslmode=disable&connect_timeout=2&pgesql_read_timeout=700";
  const PhaseMap map = measure(extra, next_trial());
  std::map<std::string, std::map<std::string, int>> matrix;
  for (Direction d : {Direction::to_client, Direction::to_server}) {
    std::size_t begin = 0;
    for (std::size_t p = 0; p < session_phases().size(); ++p) {
      const std::size_t end = map.ends(d)[p];
      if (end > begin && session_phases()[p] != "disconnect") {
        // The connect phase waits for connect_timeout (2 s), the others for the read timeout.
        const std::string o = trial({Fault::Kind::stall, d, (begin + end) / 2}, extra, map, next_trial(),
                                    std::chrono::milliseconds(3500));
        ++matrix[std::string(to_string(d)) + " " + session_phases()[p]][o];
      }
      begin = end;
    }
  }
  print_matrix("stall point (direction, phase) -> outcomes:", matrix);
}

TEST_F(FaultSweep, CorruptedTlsTrafficIsAConnectionError) {
  // Without TLS the protocol has no integrity check; with it, a flipped byte must never pass.
  const std::string extra = "sslmode=require&connect_timeout=2&pgesql_read_timeout=1500";
  const PhaseMap map = measure(extra, next_trial());
  std::map<std::string, std::map<std::string, int>> matrix;
  for (Direction d : {Direction::to_server, Direction::to_client}) {
    std::size_t begin = 0;
    for (std::size_t p = 0; p < session_phases().size(); ++p) {
      const std::size_t end = map.ends(d)[p];
      for (std::size_t offset : sample(begin, end, 1, 1, false)) {
        if (session_phases()[p] == "disconnect") break;
        const std::string o =
            trial({Fault::Kind::corrupt, d, offset}, extra, map, next_trial(), std::chrono::milliseconds(4000));
        ++matrix[std::string(to_string(d)) + " " + session_phases()[p]][o];
        if (HasFailure()) return;
      }
      begin = end;
    }
  }
  print_matrix("corrupt point under TLS (direction, phase) -> outcomes:", matrix);
}

}  // namespace
}  // namespace pgesql::test
