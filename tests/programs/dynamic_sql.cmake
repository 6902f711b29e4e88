# Dynamic SQL, SQL descriptors and SQLDA: expected stdout produced by the same programs under ECPG.
pgesql_program_test(dynamic_prepare)
pgesql_program_test(sql_descriptors)
pgesql_program_test(sqlda)
pgesql_program_test(prepare_as_free)
pgesql_program_test(declare_statement)
pgesql_program_test(informix_sqlda OPTIONS -C INFORMIX)
pgesql_program_test(questionmarks OPTIONS -r questionmarks)
pgesql_program_test(describe_input)
