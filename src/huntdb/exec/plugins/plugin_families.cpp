#include "huntdb/exec/plugins/plugin_families.h"

namespace huntdb::exec {

std::vector<std::span<const PluginEntry>> plugin_families() {
  // One line per family file (for example `bag_plugins()` from bag_unpack.cpp).
  return {
      active_users_count_plugins(),
      activity_counts_metrics_plugins(),
      activity_engagement_plugins(),
      activity_metrics_plugins(),
      sliding_window_counts_plugins(),
      rolling_percentile_plugins(),
      session_count_plugins(),
      new_activity_metrics_plugins(),
      dcount_intersect_plugins(),
      funnel_sequence_plugins(),
      funnel_sequence_completion_plugins(),
  };
}

}  // namespace huntdb::exec
