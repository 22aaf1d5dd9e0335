#include "huntdb/functions/registry.h"

namespace huntdb::functions {

void register_series_functions(Registry& r) { (void)r; }

}  // namespace huntdb::functions
