// Attaches every family's kernels to the registry's entries.
#include "huntdb/functions/kernels/families.h"

namespace huntdb::functions {

void attach_kernels(Registry& r) {
  attach_aggregate_kernels(r);
  attach_list_kernels(r);
  attach_distinct_kernels(r);
  attach_argminmax_kernels(r);
  attach_percentile_kernels(r);
  attach_statistics_kernels(r);
  attach_schema_kernels(r);
  attach_sketch_kernels(r);
  attach_window_kernels(r);
}

}  // namespace huntdb::functions
