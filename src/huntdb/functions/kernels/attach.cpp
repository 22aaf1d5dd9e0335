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
  attach_string_json_kernels(r);
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
  attach_misc_kernels(r);
}

}  // namespace huntdb::functions
