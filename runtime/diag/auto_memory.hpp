// Buffers the runtime allocates for `char *` host variables that were NULL.
// A statement's allocations are freed if it fails (or by ECPGfree_auto_mem);
// once the next statement starts they belong to the program, as in ECPG.
#pragma once

#include <cstddef>

namespace pgesql::diag {

// malloc()s size bytes (zeroed) and registers them; null when out of memory.
void *auto_allocate(std::size_t size);

// Registers memory allocated elsewhere with malloc().
void register_auto_memory(void *p);

// Start of a statement: forget the previous statement's allocations.
void forget_auto_memory();

// Frees this thread's registered allocations.
void free_auto_memory();

}  // namespace pgesql::diag
