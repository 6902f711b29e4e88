/*
 * ecpgtype.h: ECPG's host-variable type codes and descriptor item codes.
 * The values equal PGESQL_T_* and PGESQL_D_* in pgesql/pgesql.h (the runtime
 * checks this at compile time), so SQLDA sqltype values and programs using
 * these names see ECPG's numbers.
 */
#ifndef _ECPGTYPE_H
#define _ECPGTYPE_H

#ifdef __cplusplus
extern "C" {
#endif

enum ECPGttype {
  ECPGt_char = 1,
  ECPGt_unsigned_char,
  ECPGt_short,
  ECPGt_unsigned_short,
  ECPGt_int,
  ECPGt_unsigned_int,
  ECPGt_long,
  ECPGt_unsigned_long,
  ECPGt_long_long,
  ECPGt_unsigned_long_long,
  ECPGt_bool,
  ECPGt_float,
  ECPGt_double,
  ECPGt_varchar,
  ECPGt_varchar2,
  ECPGt_numeric,
  ECPGt_decimal,
  ECPGt_date,
  ECPGt_timestamp,
  ECPGt_interval,
  ECPGt_array,
  ECPGt_struct,
  ECPGt_union,
  ECPGt_descriptor,
  ECPGt_char_variable,
  ECPGt_const,
  ECPGt_EOIT,
  ECPGt_EORT,
  ECPGt_NO_INDICATOR,
  ECPGt_string,
  ECPGt_sqlda,
  ECPGt_bytea
};

enum ECPGdtype {
  ECPGd_count = 1,
  ECPGd_data,
  ECPGd_di_code,
  ECPGd_di_precision,
  ECPGd_indicator,
  ECPGd_key_member,
  ECPGd_length,
  ECPGd_name,
  ECPGd_nullable,
  ECPGd_octet,
  ECPGd_precision,
  ECPGd_ret_length,
  ECPGd_ret_octet,
  ECPGd_scale,
  ECPGd_type,
  ECPGd_EODT,
  ECPGd_cardinality
};

#define IS_SIMPLE_TYPE(type)                                                    \
  (((type) >= ECPGt_char && (type) <= ECPGt_interval) || ((type) == ECPGt_string) || \
   ((type) == ECPGt_bytea))

/* ECPG's statement kinds (as ECPGdo took them); kept for programs that name them. */
enum ECPG_statement_type {
  ECPGst_normal,
  ECPGst_execute,
  ECPGst_exec_immediate,
  ECPGst_prepnormal,
  ECPGst_prepare,
  ECPGst_exec_with_exprlist
};

#ifdef __cplusplus
}
#endif

#endif /* _ECPGTYPE_H */
