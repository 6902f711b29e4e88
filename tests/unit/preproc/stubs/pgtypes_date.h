#ifndef PGESQL_TEST_STUB_PGTYPES_DATE_H
#define PGESQL_TEST_STUB_PGTYPES_DATE_H
typedef long date;
#endif
