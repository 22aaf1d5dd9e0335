// The kernel families, each in its own file, each attaching its kernels to the registry.
#pragma once

#include "huntdb/functions/registry.h"

namespace huntdb::functions {

void attach_aggregate_kernels(Registry& r);
void attach_list_kernels(Registry& r);
void attach_distinct_kernels(Registry& r);
void attach_argminmax_kernels(Registry& r);
void attach_percentile_kernels(Registry& r);
void attach_statistics_kernels(Registry& r);
void attach_schema_kernels(Registry& r);
void attach_sketch_kernels(Registry& r);
void attach_window_kernels(Registry& r);

}  // namespace huntdb::functions
