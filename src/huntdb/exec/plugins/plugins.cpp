// The table of plugin implementations, gathered from the plugin family files.
#include "huntdb/common/string_map.h"
#include "huntdb/exec/plugins/plugin.h"
#include "huntdb/exec/plugins/plugin_families.h"

namespace huntdb::exec {

PluginFn find_plugin(std::string_view name) {
  static const StringMap<PluginFn> table = [] {
    StringMap<PluginFn> t;
    for (auto family : plugin_families())
      for (const PluginEntry& e : family) t.emplace(std::string(e.name), e.fn);
    return t;
  }();
  auto it = table.find(name);
  return it == table.end() ? nullptr : it->second;
}

}  // namespace huntdb::exec
