// Each plugin family file exposes its entries; plugin_families() lists them all.
#pragma once

#include <span>
#include <vector>

#include "huntdb/exec/plugins/plugin.h"

namespace huntdb::exec {

// User analytics (activity_*.cpp, ...).
std::span<const PluginEntry> active_users_count_plugins();
std::span<const PluginEntry> activity_counts_metrics_plugins();
std::span<const PluginEntry> activity_engagement_plugins();
std::span<const PluginEntry> activity_metrics_plugins();
std::span<const PluginEntry> sliding_window_counts_plugins();
std::span<const PluginEntry> rolling_percentile_plugins();
std::span<const PluginEntry> session_count_plugins();
std::span<const PluginEntry> new_activity_metrics_plugins();
std::span<const PluginEntry> dcount_intersect_plugins();
std::span<const PluginEntry> funnel_sequence_plugins();
std::span<const PluginEntry> funnel_sequence_completion_plugins();
std::span<const PluginEntry> rows_near_plugins();  // rows_near.cpp

std::vector<std::span<const PluginEntry>> plugin_families();

std::span<const PluginEntry> bag_unpack_plugins();  // bag_unpack.cpp
std::span<const PluginEntry> pivot_plugins();       // pivot.cpp
std::span<const PluginEntry> ip_lookup_plugins();   // ip_lookup.cpp: ipv4_lookup, ipv6_lookup
std::span<const PluginEntry> geo_lookup_plugins();  // geo_lookup.cpp: geo_polygon_lookup, geo_line_lookup
std::span<const PluginEntry> narrow_plugins();      // narrow.cpp: narrow, schema_merge
std::span<const PluginEntry> autocluster_plugins(); // autocluster.cpp
std::span<const PluginEntry> basket_plugins();      // basket.cpp
std::span<const PluginEntry> diffpatterns_plugins(); // diffpatterns.cpp

}  // namespace huntdb::exec
