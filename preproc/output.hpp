// The generated code as it is produced: streamed to a file in chunks, so a
// 200k-line program never sits in memory whole (or kept, for tests).
#pragma once
#include <ostream>
#include <string>
#include <string_view>

namespace pgesql::pp {

class Output {
 public:
  explicit Output(std::ostream *sink = nullptr) : sink_(sink) {}
  Output &operator+=(std::string_view s) {
    append(s);
    return *this;
  }
  Output &operator+=(char c) {
    append(std::string_view(&c, 1));
    return *this;
  }
  void append(std::string_view s) {
    if (s.empty()) return;
    buf_.append(s);
    last_ = s.back();
    if (sink_ && buf_.size() >= kChunk) flush();
  }
  bool empty() const { return last_ == '\0'; }
  char back() const { return last_; }  // the last character written, '\0' before any
  void flush() {
    if (!sink_) return;
    sink_->write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }
  // Without a sink: everything written so far.
  const std::string &text() const { return buf_; }

 private:
  static constexpr std::size_t kChunk = 1 << 16;
  std::ostream *sink_;
  std::string buf_;
  char last_ = '\0';
};

}  // namespace pgesql::pp
