#include "huntdb/functions/registry.h"

namespace huntdb::functions {

void register_aggregates(Registry& r) { (void)r; }

}  // namespace huntdb::functions
