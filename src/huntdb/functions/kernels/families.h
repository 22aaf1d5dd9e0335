// The kernel families, each in its own file, each attaching its kernels to the registry.
#pragma once

#include "huntdb/functions/registry.h"

namespace huntdb::functions {

void attach_aggregate_kernels(Registry& r);
void attach_string_concat_kernels(Registry& r);
void attach_string_char_kernels(Registry& r);
void attach_string_search_kernels(Registry& r);
void attach_string_regex_kernels(Registry& r);
void attach_string_parser_kernels(Registry& r);
void attach_string_xml_kernels(Registry& r);
void attach_encoding_kernels(Registry& r);
void attach_hash_kernels(Registry& r);
void attach_compression_kernels(Registry& r);
void attach_punycode_kernels(Registry& r);
void attach_dynamic_json_kernels(Registry& r);
void attach_dynamic_array_kernels(Registry& r);
void attach_dynamic_build_kernels(Registry& r);
void attach_dynamic_set_kernels(Registry& r);
void attach_dynamic_bag_kernels(Registry& r);
void attach_ip_kernels(Registry& r);
void attach_ip_search_kernels(Registry& r);
void attach_geo_kernels(Registry& r);
void attach_misc_kernels(Registry& r);
void attach_datetime_calendar_kernels(Registry& r);
void attach_datetime_bin_kernels(Registry& r);
void attach_datetime_format_kernels(Registry& r);
void attach_datetime_make_kernels(Registry& r);
void attach_datetime_timezone_kernels(Registry& r);
void attach_conversion_kernels(Registry& r);
void attach_conditional_kernels(Registry& r);
void attach_math_basic_kernels(Registry& r);
void attach_math_special_kernels(Registry& r);
void attach_math_extremes_kernels(Registry& r);
void attach_math_bitwise_kernels(Registry& r);
void attach_unit_conversion_kernels(Registry& r);
void attach_list_kernels(Registry& r);
void attach_distinct_kernels(Registry& r);
void attach_argminmax_kernels(Registry& r);
void attach_percentile_kernels(Registry& r);
void attach_statistics_kernels(Registry& r);
void attach_schema_kernels(Registry& r);
void attach_sketch_kernels(Registry& r);
void attach_window_kernels(Registry& r);
void attach_series_kernels(Registry& r);
void attach_series_analysis_kernels(Registry& r);

}  // namespace huntdb::functions
