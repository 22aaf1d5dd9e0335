// Attaches every family's kernels to the registry's entries.
#include "huntdb/functions/kernels/families.h"

namespace huntdb::functions {

void attach_kernels(Registry& r) {
  attach_aggregate_kernels(r);
  attach_string_concat_kernels(r);
  attach_string_char_kernels(r);
  attach_string_search_kernels(r);
  attach_string_regex_kernels(r);
  attach_string_parser_kernels(r);
  attach_string_xml_kernels(r);
  attach_encoding_kernels(r);
  attach_hash_kernels(r);
  attach_compression_kernels(r);
  attach_punycode_kernels(r);
  attach_dynamic_json_kernels(r);
  attach_dynamic_array_kernels(r);
  attach_dynamic_build_kernels(r);
  attach_dynamic_set_kernels(r);
  attach_dynamic_bag_kernels(r);
  attach_ip_kernels(r);
  attach_ip_search_kernels(r);
  attach_geo_kernels(r);
  attach_misc_kernels(r);
  attach_datetime_calendar_kernels(r);
  attach_datetime_bin_kernels(r);
  attach_datetime_format_kernels(r);
  attach_datetime_make_kernels(r);
  attach_datetime_timezone_kernels(r);
  attach_conversion_kernels(r);
  attach_conditional_kernels(r);
  attach_math_basic_kernels(r);
  attach_math_special_kernels(r);
  attach_math_extremes_kernels(r);
  attach_math_bitwise_kernels(r);
  attach_unit_conversion_kernels(r);
  attach_list_kernels(r);
  attach_distinct_kernels(r);
  attach_argminmax_kernels(r);
  attach_percentile_kernels(r);
  attach_statistics_kernels(r);
  attach_schema_kernels(r);
  attach_sketch_kernels(r);
  attach_window_kernels(r);
  attach_series_kernels(r);
  attach_series_analysis_kernels(r);
}

}  // namespace huntdb::functions
