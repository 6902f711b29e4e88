#ifndef PGESQL_TEST_STUB_PGTYPES_TIMESTAMP_H
#define PGESQL_TEST_STUB_PGTYPES_TIMESTAMP_H
typedef long long timestamp;
#endif
