// Interval text: ECPG's input forms ("1 day 12:59:10", "2 hours ago",
// "1-2", ISO 8601 "P1Y2DT3H") and its postgres_verbose output ("@ 1 day 2 mins").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace pgesql::types {

struct IntervalValue {
  std::int64_t time = 0;  // microseconds
  long month = 0;
};

// 0 or PGTYPES_INTVL_BAD_INTERVAL; consumed as for the date parsers.
int parse_interval_text(std::string_view text, IntervalValue &out, std::size_t &consumed);

std::string format_interval_verbose(const IntervalValue &v);

}  // namespace pgesql::types
