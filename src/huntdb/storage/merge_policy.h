// Which small extents to merge. Many small appends (a collector shipping every few seconds)
// make many small extents, each with its own footer, dictionaries and indexes; merging them
// into extents of about target_rows rows keeps scans and pruning cheap.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "huntdb/storage/manifest.h"

namespace huntdb::storage {

struct MergePolicy {
  uint64_t small_extent_rows = 256 * 1024;  // extents under this many rows are merged
  uint64_t target_rows = 1024 * 1024;       // a merged extent holds at most this many
  size_t min_inputs = 2;
  size_t max_inputs = 64;

  // Groups of extent ids, each to become one extent: runs of small extents taken in table
  // order (so merged rows keep their order), each run as long as target_rows and max_inputs allow.
  std::vector<std::vector<uint64_t>> pick(std::span<const ExtentInfo> extents) const;
};

}  // namespace huntdb::storage
