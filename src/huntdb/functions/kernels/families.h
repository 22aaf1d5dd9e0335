// The kernel families, each in its own file, each attaching its kernels to the registry.
#pragma once

#include "huntdb/functions/registry.h"

namespace huntdb::functions {

void attach_aggregate_kernels(Registry& r);
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

}  // namespace huntdb::functions
