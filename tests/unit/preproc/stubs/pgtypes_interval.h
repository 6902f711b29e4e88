#ifndef PGESQL_TEST_STUB_PGTYPES_INTERVAL_H
#define PGESQL_TEST_STUB_PGTYPES_INTERVAL_H
typedef struct { long long time; long month; } interval;
#endif
