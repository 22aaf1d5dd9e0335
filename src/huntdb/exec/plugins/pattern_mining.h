// What autocluster, basket and diffpatterns share: the input's columns as discrete dimensions
// (each value a small integer code), weighted rows, frequent-pattern mining, and the result
// rows that show a pattern's values with wildcards for the columns it leaves free.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "huntdb/exec/plugins/plugin.h"

namespace huntdb::exec::plugins {

// A pattern: (dimension, value code) pairs, one per constrained dimension, by dimension.
using Item = std::pair<uint32_t, uint32_t>;
using Pattern = std::vector<Item>;

class PatternData {
 public:
  // Every input column but those in `excluded` is a dimension; `weight` (may be null) holds a
  // numeric weight per row (null weights count 0).
  PatternData(const Table& input, std::span<const size_t> excluded, const ColumnPtr& weight);

  size_t dimensions() const { return dims_.size(); }
  size_t rows() const { return weights_.size(); }
  double weight(size_t row) const { return weights_[row]; }
  uint32_t code(size_t dim, size_t row) const { return codes_[dim][row]; }
  size_t input_column(size_t dim) const { return dims_[dim]; }

  // The total weight of rows (a subset, or all of them when `rows` is null).
  double total(const std::vector<uint32_t>* rows = nullptr) const;
  // Whether a row has every value of the pattern.
  bool matches(const Pattern& p, size_t row) const;
  // The weight of the rows (of a subset, or all) that match.
  double weight_of(const Pattern& p, const std::vector<uint32_t>* rows = nullptr) const;

  // The closed frequent patterns (no pattern with one more value has the same rows) among the
  // rows given (all when null) whose weight is at least min_weight, with 1..max_dims values
  // (0: any number). Stops after `limit` patterns.
  std::vector<Pattern> closed_frequent(const std::vector<uint32_t>* rows, double min_weight, size_t max_dims,
                                       size_t limit = 200000) const;

  // The value of a dimension's code, as a one-row-per-code column (codes index it).
  const ColumnPtr& values(size_t dim) const { return values_[dim]; }

 private:
  std::vector<size_t> dims_;                  // input column of each dimension
  std::vector<std::vector<uint32_t>> codes_;  // [dim][row]
  std::vector<ColumnPtr> values_;             // [dim]: code -> value
  std::vector<double> weights_;
};

// The wildcards of a call's CustomWildcard arguments (from index `first`): one value per type;
// '~' leaves a type's default ("" for strings, null for the others).
struct Wildcards {
  std::vector<Value> values;
  Value for_type(ScalarType t) const;
};
Wildcards read_wildcards(const PluginCall& call, size_t first);

// Whether argument i is absent or the tilde that asks for the default.
bool is_default_arg(const PluginCall& call, size_t i);
// A numeric argument, or the default.
double real_arg(const PluginCall& call, size_t i, double fallback);
// The weight column argument i names (null when it is absent or '~'), as one column.
ColumnPtr weight_arg(const PluginCall& call, size_t i, size_t* input_column);

// The input's columns for the given patterns: the pattern's value where it constrains the
// column, the wildcard elsewhere.
std::vector<ColumnPtr> pattern_columns(const PatternData& data, const Table& input, const std::vector<Pattern>& patterns,
                                       const Wildcards& wildcards);

}  // namespace huntdb::exec::plugins
