// A table's retention policy (Kusto's soft-delete period): extents whose newest TimeGenerated
// is older than the period are dropped. The default keeps everything.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace huntdb::storage {

struct ExtentInfo;

struct RetentionPolicy {
  std::optional<int64_t> soft_delete_ticks;  // nullopt: keep forever
  bool operator==(const RetentionPolicy&) const = default;
};

// Ids of the extents the policy expires at `now_ticks`. An extent's age is that of its newest
// TimeGenerated; an extent without one (no such column, or all null) ages from its creation.
std::vector<uint64_t> expired_extents(const RetentionPolicy& policy, std::span<const ExtentInfo> extents,
                                      int64_t now_ticks);

}  // namespace huntdb::storage
