// Fuzzes the date, timestamp and interval parsers, the defmt scanners and the
// fmt formatters. Input: "<text>\n<format>".
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <pgtypes_date.h>
#include <pgtypes_interval.h>
#include <pgtypes_timestamp.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  if (size > 1024) return 0;
  std::string input(reinterpret_cast<const char *>(data), size);
  std::size_t split = input.find('\n');
  std::string text = input.substr(0, split);
  std::string fmt = split == std::string::npos ? "" : input.substr(split + 1);
  char *end = nullptr;

  date d = PGTYPESdate_from_asc(text.data(), &end);
  PGTYPESchar_free(PGTYPESdate_to_asc(d));
  std::vector<char> out(fmt.size() + 1);
  PGTYPESdate_fmt_asc(d, fmt.c_str(), out.data());
  int mdy[3];
  PGTYPESdate_julmdy(d, mdy);
  PGTYPESdate_dayofweek(d);
  date parsed = 0;
  PGTYPESdate_defmt_asc(&parsed, fmt.c_str(), text.c_str());

  timestamp ts = PGTYPEStimestamp_from_asc(text.data(), &end);
  PGTYPESchar_free(PGTYPEStimestamp_to_asc(ts));
  char buf[128];
  PGTYPEStimestamp_fmt_asc(&ts, buf, sizeof buf, fmt.c_str());
  timestamp scanned = 0;
  PGTYPEStimestamp_defmt_asc(text.c_str(), fmt.c_str(), &scanned);
  PGTYPESchar_free(PGTYPEStimestamp_to_asc(scanned));

  interval *iv = PGTYPESinterval_from_asc(text.data(), &end);
  if (iv != nullptr) {
    PGTYPESchar_free(PGTYPESinterval_to_asc(iv));
    timestamp sum;
    PGTYPEStimestamp_add_interval(&ts, iv, &sum);
    PGTYPEStimestamp_sub_interval(&ts, iv, &sum);
    PGTYPESinterval_free(iv);
  }
  return 0;
}
