#include "huntdb/storage/retention.h"

#include "huntdb/storage/manifest.h"

namespace huntdb::storage {

std::vector<uint64_t> expired_extents(const RetentionPolicy& policy, std::span<const ExtentInfo> extents,
                                      int64_t now_ticks) {
  std::vector<uint64_t> out;
  if (!policy.soft_delete_ticks) return out;
  int64_t cutoff = now_ticks - *policy.soft_delete_ticks;
  for (const auto& e : extents) {
    int64_t newest = e.max_time ? *e.max_time : e.created_ticks;
    if (newest < cutoff) out.push_back(e.id);
  }
  return out;
}

}  // namespace huntdb::storage
