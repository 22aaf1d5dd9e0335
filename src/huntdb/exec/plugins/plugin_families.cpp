#include "huntdb/exec/plugins/plugin_families.h"

namespace huntdb::exec {

std::vector<std::span<const PluginEntry>> plugin_families() {
  // One line per family file (for example `bag_plugins()` from bag_unpack.cpp).
  return {
      bag_unpack_plugins(),
      pivot_plugins(),
      ip_lookup_plugins(),
      narrow_plugins(),
      autocluster_plugins(),
      basket_plugins(),
      diffpatterns_plugins(),
  };
}

}  // namespace huntdb::exec
