#include "huntdb/functions/registry.h"

namespace huntdb::functions {

void register_window_functions(Registry& r) { (void)r; }

}  // namespace huntdb::functions
