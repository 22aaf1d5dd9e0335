// basket([Threshold, WeightColumn, MaxDimensions, CustomWildcard, ...]): the frequent patterns
// of the input's values (Apriori).
//
// Followed: https://learn.microsoft.com/kusto/query/basket-plugin. A pattern is a set of
// column values; it is frequent when the rows that have them all weigh at least Threshold
// (default 0.05) of all rows. The page's example returns only the closed patterns: {Damage=NO}
// is left out because every such row also has DamageCrops=0, and {Damage=NO, DamageCrops=0}
// is returned. So are they here: a pattern is returned unless one more value would keep the
// same rows. MaxDimensions (default 5) bounds the values of a pattern. Count is the rows'
// weight, Percent its share of the total. Patterns come by Count, largest first (the page's
// order is that of Kusto's search, which it does not describe).
#include <algorithm>

#include <fmt/format.h>

#include "huntdb/exec/exec_error.h"
#include "huntdb/exec/plugins/pattern_mining.h"
#include "huntdb/exec/plugins/plugin_args.h"
#include "huntdb/exec/plugins/plugin_families.h"

namespace huntdb::exec {

namespace {

using namespace plugins;

TablePtr basket(const PluginCall& call) {
  const Table& input = *call.input;
  double threshold = real_arg(call, 0, 0.05);
  if (!(threshold > 0 && threshold <= 1)) throw ExecError("basket: the threshold must be in the range (0, 1].");
  size_t weight_column = SIZE_MAX;
  ColumnPtr weight = weight_arg(call, 1, &weight_column);
  double max_dims = real_arg(call, 2, 5);
  Wildcards wildcards = read_wildcards(call, 3);

  std::vector<size_t> excluded;
  if (weight) excluded.push_back(weight_column);
  PatternData data(input, excluded, weight);
  double total = data.total();
  std::vector<Pattern> patterns =
      total > 0 ? data.closed_frequent(nullptr, threshold * total, max_dims > 0 ? static_cast<size_t>(max_dims) : 0)
                : std::vector<Pattern>{};
  std::vector<double> counts;
  for (const Pattern& p : patterns) counts.push_back(data.weight_of(p));
  std::vector<size_t> order(patterns.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (counts[a] != counts[b]) return counts[a] > counts[b];
    return patterns[a].size() < patterns[b].size();
  });
  std::vector<Pattern> sorted;
  ColumnBuilder ids(ScalarType::Long), count(ScalarType::Long), percent(ScalarType::Real);
  for (size_t i = 0; i < order.size(); ++i) {
    sorted.push_back(patterns[order[i]]);
    ids.append_long(static_cast<int64_t>(i));
    count.append_long(static_cast<int64_t>(counts[order[i]]));
    percent.append_real(100.0 * counts[order[i]] / total);
  }
  std::vector<ColumnPtr> columns{ids.finish(), count.finish(), percent.finish()};
  for (auto& c : pattern_columns(data, input, sorted, wildcards)) columns.push_back(std::move(c));
  TableSchema schema;
  schema.columns = {{"SegmentId", ScalarType::Long}, {"Count", ScalarType::Long}, {"Percent", ScalarType::Real}};
  for (const auto& c : input.schema.columns) schema.columns.push_back(c);
  return table_of(std::move(schema), std::move(columns), sorted.size());
}

constexpr PluginEntry kEntries[] = {{"basket", basket}};

}  // namespace

std::span<const PluginEntry> basket_plugins() { return kEntries; }

}  // namespace huntdb::exec
