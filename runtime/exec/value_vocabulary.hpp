// The host-value layer (values/) as the statement modules name it. exec/ is
// the layer that drives a statement from host variables to the wire and back,
// so nearly every file here speaks this vocabulary; naming it once keeps the
// modules free of values:: on every line while the dependency stays one way.
#pragma once

#include "values/bytea_text.hpp"
#include "values/host_object.hpp"
#include "values/host_var.hpp"
#include "values/integer_text.hpp"
#include "values/param_format.hpp"
#include "values/pgtypes_bridge.hpp"
#include "values/query_result.hpp"
#include "values/result_fields.hpp"
#include "values/result_store.hpp"
#include "values/utc_timestamp.hpp"

namespace pgesql::exec {

using values::all_rows;
using values::array_kind;
using values::column_info;
using values::copy_rows;
using values::decode_bytea_text;
using values::double_text;
using values::field_value;
using values::float_text;
using values::format_host_param;
using values::format_host_row;
using values::format_param;
using values::host_row_count;
using values::host_var;
using values::integer_text;
using values::is_integer_indicator_type;
using values::param_value;
using values::parse_utc_timestamp;
using values::pgtypes_from_text;
using values::pgtypes_status;
using values::pgtypes_to_text;
using values::query_result;
using values::read_indicator;
using values::resolve;
using values::result_fields;
using values::result_rows;
using values::server_message;
using values::store_column;
using values::store_host_column;
using values::store_options;
using values::store_value;
using values::type_name;
using values::utc_timestamp_text;
using values::varchar_header;
using values::write_indicator;

}  // namespace pgesql::exec
