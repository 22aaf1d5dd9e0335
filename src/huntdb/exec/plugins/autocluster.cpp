// autocluster([SizeWeight, WeightColumn, NumSeeds, CustomWildcard, ...]): a few patterns that
// together describe much of the input.
//
// Followed: https://learn.microsoft.com/kusto/query/autocluster-plugin, which outlines the
// Seed-Expand search: local searches from NumSeeds (default 25) starting points, each pattern
// scored by "a weighted geometric mean with weights SizeWeight and 1-SizeWeight" of its size
// and its informativeness. Here:
// - size is the share of the input's weight the pattern covers, informativeness the share of
//   the columns it fixes: score = size^SizeWeight * informativeness^(1-SizeWeight), SizeWeight
//   defaulting to 0.5;
// - the seeds are the most frequent distinct rows (all columns fixed); each is expanded by
//   freeing, one at a time, the column whose release raises the score most, while the score
//   rises;
// - the distinct results are returned best score first, leaving out one that contains or is
//   contained in a better one (the page: "a small set of patterns").
// Kusto's exact search (its sampling and tie-breaking) is not documented, so the patterns may
// differ from Kusto's on the same data.
#include <algorithm>
#include <cmath>

#include <absl/container/flat_hash_map.h>
#include <fmt/format.h>

#include "huntdb/exec/exec_error.h"
#include "huntdb/exec/plugins/pattern_mining.h"
#include "huntdb/exec/plugins/plugin_args.h"
#include "huntdb/exec/plugins/plugin_families.h"

namespace huntdb::exec {

namespace {

using namespace plugins;

bool contains(const Pattern& big, const Pattern& small) {
  return std::includes(big.begin(), big.end(), small.begin(), small.end());
}

struct Scorer {
  const PatternData& data;
  double size_weight;
  double total;
  double score(double weight, size_t values) const {
    if (weight <= 0 || values == 0) return 0;
    double size = weight / total;
    double info = static_cast<double>(values) / static_cast<double>(data.dimensions());
    return std::pow(size, size_weight) * std::pow(info, 1 - size_weight);
  }
};

// Frees columns of `p` while that raises the score. One pass over the rows per step: a row
// matches `p` without column d when d is its only mismatch.
Pattern expand(const PatternData& data, const Scorer& s, Pattern p) {
  size_t rows = data.rows();
  double current = s.score(data.weight_of(p), p.size());
  while (!p.empty()) {
    double matched = 0;
    std::vector<double> freed(p.size(), 0);  // weight of rows whose only mismatch is p[i]
    for (size_t r = 0; r < rows; ++r) {
      int mismatch = -1, count = 0;
      for (size_t i = 0; i < p.size() && count < 2; ++i)
        if (data.code(p[i].first, r) != p[i].second) {
          mismatch = static_cast<int>(i);
          ++count;
        }
      if (count == 0) matched += data.weight(r);
      else if (count == 1) freed[mismatch] += data.weight(r);
    }
    int best = -1;
    double best_score = current;
    for (size_t i = 0; i < p.size(); ++i) {
      double sc = s.score(matched + freed[i], p.size() - 1);
      if (sc > best_score) {
        best_score = sc;
        best = static_cast<int>(i);
      }
    }
    if (best < 0) break;
    p.erase(p.begin() + best);
    current = best_score;
  }
  return p;
}

TablePtr autocluster(const PluginCall& call) {
  const Table& input = *call.input;
  double size_weight = real_arg(call, 0, 0.5);
  if (!(size_weight >= 0 && size_weight <= 1)) throw ExecError("autocluster: SizeWeight must be between 0 and 1.");
  size_t weight_column = SIZE_MAX;
  ColumnPtr weight = weight_arg(call, 1, &weight_column);
  double seeds = real_arg(call, 2, 25);
  Wildcards wildcards = read_wildcards(call, 3);

  std::vector<size_t> excluded;
  if (weight) excluded.push_back(weight_column);
  PatternData data(input, excluded, weight);
  double total = data.total();
  Scorer scorer{data, size_weight, total};

  // Seeds: the distinct rows, heaviest first.
  std::vector<Pattern> results;
  if (total > 0 && data.dimensions() > 0) {
    absl::flat_hash_map<std::vector<uint32_t>, std::pair<double, size_t>> distinct;  // codes -> weight, first row
    for (size_t r = 0; r < data.rows(); ++r) {
      std::vector<uint32_t> key(data.dimensions());
      for (size_t d = 0; d < key.size(); ++d) key[d] = data.code(d, r);
      auto [it, added] = distinct.try_emplace(std::move(key), 0.0, r);
      it->second.first += data.weight(r);
    }
    std::vector<std::pair<double, size_t>> rows;
    for (const auto& [key, v] : distinct) rows.push_back(v);
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    if (rows.size() > static_cast<size_t>(std::max(1.0, seeds))) rows.resize(static_cast<size_t>(std::max(1.0, seeds)));
    for (const auto& [w, row] : rows) {
      Pattern seed;
      for (size_t d = 0; d < data.dimensions(); ++d) seed.push_back({static_cast<uint32_t>(d), data.code(d, row)});
      Pattern p = expand(data, scorer, std::move(seed));
      if (!p.empty() && std::find(results.begin(), results.end(), p) == results.end()) results.push_back(std::move(p));
    }
  }
  std::vector<double> counts, scores;
  for (const Pattern& p : results) {
    counts.push_back(data.weight_of(p));
    scores.push_back(scorer.score(counts.back(), p.size()));
  }
  std::vector<size_t> order(results.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return scores[a] > scores[b]; });
  std::vector<Pattern> kept;
  std::vector<double> kept_counts;
  for (size_t i : order) {
    const Pattern& p = results[i];
    bool redundant = std::any_of(kept.begin(), kept.end(), [&](const Pattern& k) { return contains(k, p) || contains(p, k); });
    if (redundant) continue;
    kept.push_back(p);
    kept_counts.push_back(counts[i]);
  }

  ColumnBuilder ids(ScalarType::Long), count(ScalarType::Long), percent(ScalarType::Real);
  for (size_t i = 0; i < kept.size(); ++i) {
    ids.append_long(static_cast<int64_t>(i));
    count.append_long(static_cast<int64_t>(kept_counts[i]));
    percent.append_real(100.0 * kept_counts[i] / total);
  }
  std::vector<ColumnPtr> columns{ids.finish(), count.finish(), percent.finish()};
  for (auto& c : pattern_columns(data, input, kept, wildcards)) columns.push_back(std::move(c));
  TableSchema schema;
  schema.columns = {{"SegmentId", ScalarType::Long}, {"Count", ScalarType::Long}, {"Percent", ScalarType::Real}};
  for (const auto& c : input.schema.columns) schema.columns.push_back(c);
  return table_of(std::move(schema), std::move(columns), kept.size());
}

constexpr PluginEntry kEntries[] = {{"autocluster", autocluster}};

}  // namespace

std::span<const PluginEntry> autocluster_plugins() { return kEntries; }

}  // namespace huntdb::exec
