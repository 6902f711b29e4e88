// Fuzzes the whole client: the runtime runs a session (client_session.pgc) against
// an in-process fake server on a unix socket whose every reply byte comes from the
// fuzzer. The first input byte picks the connection options (TLS negotiation,
// password, readahead); the rest is what the server sends, written as the client
// reads, after which the server hangs up. The client reads what it is sent and must
// end each statement with an error or a result: no crash, no hang, no leak.
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>

extern "C" void fuzz_client_session(const char *target, const char *password);
extern "C" void ECPGdebug(int n, FILE *dbgs);

namespace {

// One listening socket for the whole run, in a directory of this process's own.
struct Listener {
  std::string dir;
  int fd = -1;
  Listener() {
    char pattern[] = "/tmp/pgesql-fuzz-client.XXXXXX";
    dir = ::mkdtemp(pattern);
    fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const std::string path = dir + "/.s.PGSQL.5432";
    std::strncpy(address.sun_path, path.c_str(), sizeof address.sun_path - 1);
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 || ::listen(fd, 8) != 0) std::abort();
  }
};

// Plays the server for every connection the session opens (a cancel request or a retry
// without TLS opens another): writes the script while draining what the client sends,
// then hangs up. `script` is shared: each connection continues where the last stopped.
void serve(int listener, const std::uint8_t *data, std::size_t size, bool &done) {
  std::size_t sent = 0;
  while (!done) {
    // short waits: the session's end is noticed at once, which sets the run's pace
    pollfd accept_poll{listener, POLLIN, 0};
    if (::poll(&accept_poll, 1, 2) <= 0) continue;
    const int fd = ::accept4(listener, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) continue;
    bool client_open = true;
    int idle = 0;
    while (client_open && idle < 500 && !done) {  // a silent client gets about a second
      pollfd p{fd, static_cast<short>(POLLIN | (sent < size ? POLLOUT : 0)), 0};
      if (::poll(&p, 1, 2) <= 0) {
        ++idle;
        if (sent >= size) ::shutdown(fd, SHUT_WR);
        continue;
      }
      idle = 0;
      if (p.revents & POLLIN) {
        char sink[4096];
        const ssize_t n = ::recv(fd, sink, sizeof sink, 0);
        if (n <= 0) client_open = false;
      }
      if ((p.revents & POLLOUT) && sent < size) {
        // a few bytes at a time early on, so replies also arrive split
        const std::size_t chunk = std::min<std::size_t>(size - sent, sent < 64 ? 7 : 4096);
        const ssize_t n = ::send(fd, data + sent, chunk, MSG_NOSIGNAL);
        if (n > 0) sent += static_cast<std::size_t>(n);
        if (sent >= size) ::shutdown(fd, SHUT_WR);
      }
    }
    ::close(fd);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  static Listener listener;
  if (size < 1) return 0;
  const std::uint8_t options = data[0];
  std::string target = "host=" + listener.dir + " port=5432 dbname=fuzz connect_timeout=2 pgesql_read_timeout=500";
  target += (options & 1) ? " sslmode=prefer" : " sslmode=disable";
  target += (options & 2) ? " pgesql_fetch_readahead=off" : "";
  target += (options & 4) ? " require_auth=!password" : "";
  bool done = false;
  std::thread server(serve, listener.fd, data + 1, size - 1, std::ref(done));
  fuzz_client_session(target.c_str(), (options & 8) ? "" : "fuzz-secret");
  done = true;
  server.join();
  return 0;
}
