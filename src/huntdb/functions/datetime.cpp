#include "huntdb/functions/registry.h"

namespace huntdb::functions {

void register_datetime_functions(Registry& r) { (void)r; }

}  // namespace huntdb::functions
