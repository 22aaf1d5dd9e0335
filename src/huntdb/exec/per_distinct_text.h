// Computes columns from a string column once per distinct text when the column is
// dictionary-encoded (security logs repeat the same message text over and over), and spreads
// the results back to the rows. Batches of one table share their dictionary, so results are
// cached per dictionary for the whole operator.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include <absl/container/flat_hash_map.h>

#include "huntdb/column/column.h"

namespace huntdb::exec {

class PerDistinctText {
 public:
  // compute(texts, n) gives columns of n rows for the first n rows of `texts`.
  using Compute = std::function<std::vector<ColumnPtr>(const Column& texts, size_t n)>;

  explicit PerDistinctText(Compute compute) : compute_(std::move(compute)) {}

  // The computed columns for every row of `text` (a string column of `rows` rows).
  std::vector<ColumnPtr> run(const ColumnPtr& text, size_t rows);

 private:
  Compute compute_;
  std::mutex mu_;
  absl::flat_hash_map<const Column*, std::pair<ColumnPtr, std::shared_ptr<const std::vector<ColumnPtr>>>> cache_;
};

}  // namespace huntdb::exec
