#include "huntdb/exec/plugins/plugin_families.h"

namespace huntdb::exec {

std::vector<std::span<const PluginEntry>> plugin_families() {
  // One line per family file (for example `bag_plugins()` from bag_unpack.cpp).
  return {
      bag_unpack_plugins(),
      pivot_plugins(),
      ip_lookup_plugins(),
      geo_lookup_plugins(),
      narrow_plugins(),
      autocluster_plugins(),
      basket_plugins(),
      diffpatterns_plugins(),
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
      rows_near_plugins(),
  };
}

}  // namespace huntdb::exec
