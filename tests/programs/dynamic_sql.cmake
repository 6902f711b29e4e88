# Dynamic SQL, SQL descriptors and SQLDA: expected stdout produced by the same programs under ECPG.
pgesql_program_test(dynamic_prepare)
pgesql_program_test(sql_descriptors)
pgesql_program_test(sqlda)
