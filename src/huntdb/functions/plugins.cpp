#include "huntdb/functions/registry.h"

namespace huntdb::functions {

void register_plugins(Registry& r) { (void)r; }

}  // namespace huntdb::functions
