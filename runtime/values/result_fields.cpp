#include "values/result_fields.hpp"

namespace pgesql::values {

void result_fields::append(const result_fields &from, std::size_t first, std::size_t count) {
  if (count == 0) return;
  // the slice's bytes are contiguous in `from`: one copy, offsets shifted
  const slot *begin = from.slots_.data() + first;
  const slot *end = begin + count;
  const std::size_t from_offset = begin->offset;
  const slot &last = end[-1];
  const std::size_t to_offset = last.offset + (last.length == null_length ? 0 : last.length + 1);
  const std::size_t shift = bytes_.size();
  bytes_.append(from.bytes_, from_offset, to_offset - from_offset);
  slots_.reserve(slots_.size() + count);
  for (const slot *s = begin; s != end; ++s) slots_.push_back({s->offset - from_offset + shift, s->length});
}

}  // namespace pgesql::values
