// The kernel families, each in its own file, each attaching its kernels to the registry.
#pragma once

#include "huntdb/functions/registry.h"

namespace huntdb::functions {

void attach_aggregate_kernels(Registry& r);
void attach_dynamic_json_kernels(Registry& r);
void attach_dynamic_array_kernels(Registry& r);
void attach_dynamic_build_kernels(Registry& r);
void attach_dynamic_set_kernels(Registry& r);
void attach_dynamic_bag_kernels(Registry& r);
void attach_ip_kernels(Registry& r);
void attach_ip_search_kernels(Registry& r);
void attach_misc_kernels(Registry& r);

}  // namespace huntdb::functions
