// The count of operator new calls since the program started (counting_allocator.cpp).
#pragma once

#ifdef __cplusplus
extern "C" {
#endif
unsigned long allocations_so_far(void);
#ifdef __cplusplus
}
#endif
