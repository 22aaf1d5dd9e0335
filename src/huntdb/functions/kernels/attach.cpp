// Attaches every family's kernels to the registry's entries.
#include "huntdb/functions/kernels/families.h"

namespace huntdb::functions {

void attach_kernels(Registry& r) {
  attach_aggregate_kernels(r);
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
}

}  // namespace huntdb::functions
