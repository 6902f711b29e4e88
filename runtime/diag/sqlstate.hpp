// SQLSTATE values the runtime itself reports (the server sends its own).
#pragma once

namespace pgesql::diag::sqlstate {

inline constexpr const char *ok = "00000";
inline constexpr const char *no_data = "02000";
inline constexpr const char *using_does_not_match_parameters = "07001";
inline constexpr const char *using_does_not_match_targets = "07002";
inline constexpr const char *restricted_data_type_attribute = "07006";
inline constexpr const char *invalid_descriptor_index = "07009";
inline constexpr const char *unable_to_connect = "08001";
inline constexpr const char *connection_does_not_exist = "08003";
inline constexpr const char *transaction_resolution_unknown = "08007";
inline constexpr const char *cardinality_violation = "21000";
inline constexpr const char *null_value_no_indicator = "22002";
inline constexpr const char *datetime_field_overflow = "22008";
inline constexpr const char *active_transaction = "25001";
inline constexpr const char *no_active_transaction = "25P01";
inline constexpr const char *invalid_statement_name = "26000";
inline constexpr const char *invalid_descriptor_name = "33000";
inline constexpr const char *invalid_cursor_name = "34000";
inline constexpr const char *syntax_error = "42601";
inline constexpr const char *datatype_mismatch = "42804";
inline constexpr const char *duplicate_cursor = "42P03";
inline constexpr const char *unique_violation = "23505";
inline constexpr const char *connection_lost = "57P02";
inline constexpr const char *internal_error = "YE000";
inline constexpr const char *out_of_memory = "YE001";

}  // namespace pgesql::diag::sqlstate
