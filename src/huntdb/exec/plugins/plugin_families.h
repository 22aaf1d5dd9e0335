// Each plugin family file exposes its entries; plugin_families() lists them all.
#pragma once

#include <span>
#include <vector>

#include "huntdb/exec/plugins/plugin.h"

namespace huntdb::exec {

std::vector<std::span<const PluginEntry>> plugin_families();

}  // namespace huntdb::exec
