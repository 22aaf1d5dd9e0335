// diffpatterns(SplitColumn, SplitValueA, SplitValueB [, WeightColumn, Threshold, MaxDimensions,
// CustomWildcard, ...]): patterns whose share of the rows differs most between two sets.
//
// Followed: https://learn.microsoft.com/kusto/query/diffpatterns-plugin. Set A is the rows
// where tostring(SplitColumn) == SplitValueA, set B likewise; PercentA = 100 * CountA / the
// weight of A, PercentB likewise, PercentDiffAB = |PercentA - PercentB|, and patterns come by
// PercentDiffAB, largest first (as in the page's example). The search is documented only in
// outline; here the candidates are the closed frequent patterns of A and of B (weight at least
// Threshold, default 0.05, of their set; at most MaxDimensions values, default unlimited),
// those whose difference reaches Threshold (as a share) are kept, and of a pattern that
// contains or is contained in a better one only the better is returned ("a small set of
// patterns"). The split and weight columns show the wildcard.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "huntdb/exec/exec_error.h"
#include "huntdb/exec/plugins/pattern_mining.h"
#include "huntdb/exec/plugins/plugin_args.h"
#include "huntdb/exec/plugins/plugin_families.h"
#include "huntdb/exec/table_util.h"
#include "huntdb/types/format.h"

namespace huntdb::exec {

namespace {

using namespace plugins;

bool contains(const Pattern& big, const Pattern& small) {
  return std::includes(big.begin(), big.end(), small.begin(), small.end());
}

std::string text_arg(const PluginCall& call, size_t i) {
  Value v = required_constant(call, i, i == 1 ? "SplitValueA" : "SplitValueB");
  return v.type == ScalarType::String && !v.is_null() ? v.as_string() : format_value(v);
}

TablePtr diffpatterns(const PluginCall& call) {
  const Table& input = *call.input;
  const analyze::Expr* split = column_arg(call, 0);
  int split_column = split ? input.schema.index_of(split->name) : -1;
  if (split_column < 0) throw ExecError("diffpatterns: the split column must be a column of the input.");
  std::string value_a = text_arg(call, 1), value_b = text_arg(call, 2);
  size_t weight_column = SIZE_MAX;
  ColumnPtr weight = weight_arg(call, 3, &weight_column);
  double threshold = real_arg(call, 4, 0.05);
  if (!(threshold > 0 && threshold <= 1)) throw ExecError("diffpatterns: the threshold must be in the range (0, 1].");
  double max_dims = real_arg(call, 5, 0);
  Wildcards wildcards = read_wildcards(call, 6);

  std::vector<size_t> excluded{static_cast<size_t>(split_column)};
  if (weight) excluded.push_back(weight_column);
  PatternData data(input, excluded, weight);

  // The two sets, by the split column's text.
  ColumnPtr split_values = gather_column(input, static_cast<size_t>(split_column));
  std::vector<uint32_t> rows_a, rows_b;
  for (size_t r = 0; r < split_values->size(); ++r) {
    std::string v = format_value(split_values->value_at(r));
    if (v == value_a) rows_a.push_back(static_cast<uint32_t>(r));
    else if (v == value_b) rows_b.push_back(static_cast<uint32_t>(r));
  }
  double total_a = data.total(&rows_a), total_b = data.total(&rows_b);

  size_t dims = max_dims > 0 ? static_cast<size_t>(max_dims) : 0;
  std::vector<Pattern> candidates;
  if (total_a > 0) candidates = data.closed_frequent(&rows_a, threshold * total_a, dims);
  if (total_b > 0)
    for (auto& p : data.closed_frequent(&rows_b, threshold * total_b, dims))
      if (std::find(candidates.begin(), candidates.end(), p) == candidates.end()) candidates.push_back(std::move(p));

  struct Found {
    Pattern pattern;
    double count_a, count_b, percent_a, percent_b, diff;
  };
  std::vector<Found> found;
  for (auto& p : candidates) {
    double a = data.weight_of(p, &rows_a), b = data.weight_of(p, &rows_b);
    double pa = total_a > 0 ? 100.0 * a / total_a : 0, pb = total_b > 0 ? 100.0 * b / total_b : 0;
    double diff = std::fabs(pa - pb);
    if (diff < threshold * 100) continue;
    found.push_back({std::move(p), a, b, pa, pb, diff});
  }
  std::stable_sort(found.begin(), found.end(), [](const Found& x, const Found& y) {
    if (x.diff != y.diff) return x.diff > y.diff;
    return x.pattern.size() < y.pattern.size();
  });
  std::vector<Found> kept;
  for (auto& f : found) {
    bool redundant = std::any_of(kept.begin(), kept.end(), [&](const Found& k) {
      return contains(k.pattern, f.pattern) || contains(f.pattern, k.pattern);
    });
    if (!redundant) kept.push_back(std::move(f));
  }

  ColumnBuilder ids(ScalarType::Long), count_a(ScalarType::Long), count_b(ScalarType::Long),
      percent_a(ScalarType::Real), percent_b(ScalarType::Real), diff(ScalarType::Real);
  std::vector<Pattern> patterns;
  for (size_t i = 0; i < kept.size(); ++i) {
    ids.append_long(static_cast<int64_t>(i));
    count_a.append_long(static_cast<int64_t>(kept[i].count_a));
    count_b.append_long(static_cast<int64_t>(kept[i].count_b));
    percent_a.append_real(kept[i].percent_a);
    percent_b.append_real(kept[i].percent_b);
    diff.append_real(kept[i].diff);
    patterns.push_back(kept[i].pattern);
  }
  std::vector<ColumnPtr> columns{ids.finish(),       count_a.finish(),   count_b.finish(),
                                 percent_a.finish(), percent_b.finish(), diff.finish()};
  for (auto& c : pattern_columns(data, input, patterns, wildcards)) columns.push_back(std::move(c));
  TableSchema schema;
  schema.columns = {{"SegmentId", ScalarType::Long}, {"CountA", ScalarType::Long},   {"CountB", ScalarType::Long},
                    {"PercentA", ScalarType::Real},  {"PercentB", ScalarType::Real}, {"PercentDiffAB", ScalarType::Real}};
  for (const auto& c : input.schema.columns) schema.columns.push_back(c);
  return table_of(std::move(schema), std::move(columns), patterns.size());
}

constexpr PluginEntry kEntries[] = {{"diffpatterns", diffpatterns}};

}  // namespace

std::span<const PluginEntry> diffpatterns_plugins() { return kEntries; }

}  // namespace huntdb::exec
