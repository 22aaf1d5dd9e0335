#include "huntdb/storage/merge_policy.h"

namespace huntdb::storage {

std::vector<std::vector<uint64_t>> MergePolicy::pick(std::span<const ExtentInfo> extents) const {
  std::vector<std::vector<uint64_t>> groups;
  std::vector<uint64_t> group;
  uint64_t rows = 0;
  auto close = [&] {
    if (group.size() >= std::max<size_t>(min_inputs, 2)) groups.push_back(group);
    group.clear();
    rows = 0;
  };
  for (const auto& e : extents) {
    if (e.rows >= small_extent_rows) {
      close();  // a big extent ends a run: merging across it would reorder rows
      continue;
    }
    if (!group.empty() && (rows + e.rows > target_rows || group.size() >= max_inputs)) close();
    group.push_back(e.id);
    rows += e.rows;
  }
  close();
  return groups;
}

}  // namespace huntdb::storage
