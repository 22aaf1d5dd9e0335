// funnel_sequence_completion(IdColumn, TimelineColumn, Start, End, Step, StateColumn, Sequence,
// MaxSequenceStepWindows): for every bin, window and step of the sequence, the distinct ids that
// went through the sequence's states up to that step, each step at most the window after the
// previous one.
// Kusto docs: funnel-sequence-completion-plugin.md ("MaxSequenceStepWindows: the max allowed
// timespan between 2 sequential steps"; one row per bin, window and step, the windows in the
// order given and the steps in sequence order; the first step's count is the same for every
// window, as in its example). A sequence belongs to the bin_at(t, Step, Start) of its first
// step; rows outside Start .. End are left out.
#include <algorithm>
#include <numeric>
#include <vector>

#include "huntdb/common/string_map.h"
#include "huntdb/exec/plugins/activity_periods.h"
#include "huntdb/exec/plugins/funnel_sequence_state.h"

namespace huntdb::exec {

namespace {

constexpr int64_t kNone = INT64_MIN;

TablePtr funnel_sequence_completion(const PluginCall& call) {
  constexpr std::string_view kName = "funnel_sequence_completion";
  int64_t start = activity::constant_ticks(call, 2, "Start");
  int64_t end = activity::constant_ticks(call, 3, "End");
  auto axis = activity::PeriodAxis::make(activity::constant_arg(call, 4, "Step"), start, kName);
  activity::PeriodList bins(axis, start, end, kName);
  std::vector<std::string> sequence = funnel::string_array_arg(call, 6, "Sequence");
  std::vector<int64_t> windows = funnel::timespan_array_arg(call, 7, "MaxSequenceStepWindows");
  const size_t state_arg[] = {5};
  activity::ActivityRows rows = activity::read_rows(call, 0, 1, call.plan.args.size(), start, end, state_arg);
  funnel::StateCodes states = funnel::state_codes(rows.extra[0]);

  // For each distinct state, the sequence steps it is (a state may appear more than once).
  std::vector<std::vector<uint32_t>> steps_of(states.text.size());
  for (size_t s = 0; s < states.text.size(); ++s)
    for (size_t k = sequence.size(); k-- > 0;)
      if (sequence[k] == states.text[s]) steps_of[s].push_back(static_cast<uint32_t>(k));  // descending

  // Rows of a sequence state, by id then time.
  std::vector<uint32_t> order;
  for (size_t r = 0; r < rows.time.size(); ++r)
    if (!steps_of[states.code[r]].empty()) order.push_back(static_cast<uint32_t>(r));
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return rows.id[a] != rows.id[b] ? rows.id[a] < rows.id[b] : rows.time[a] < rows.time[b];
  });

  size_t m = sequence.size(), w_count = windows.size();
  // count[(bin * windows + w) * m + k]: ids that reached step k.
  std::vector<int64_t> count(bins.size() * w_count * m, 0);
  struct Chain {
    int64_t bin;
    std::vector<int64_t> last;  // per step: the latest time the chain reached it, or kNone
  };
  std::vector<Chain> chains;
  for (size_t b = 0; b < order.size();) {
    size_t e = b;
    while (e < order.size() && rows.id[order[e]] == rows.id[order[b]]) ++e;
    for (size_t w = 0; w < w_count; ++w) {
      chains.clear();
      for (size_t i = b; i < e; ++i) {
        int64_t t = rows.time[order[i]];
        for (uint32_t k : steps_of[states.code[order[i]]]) {
          if (k == 0) {
            int64_t bin = bins.index_of(t);
            auto it = std::find_if(chains.begin(), chains.end(), [&](const Chain& c) { return c.bin == bin; });
            if (it == chains.end()) it = chains.insert(chains.end(), Chain{bin, std::vector<int64_t>(m, kNone)});
            it->last[0] = t;
            continue;
          }
          for (Chain& c : chains)
            if (c.last[k - 1] != kNone && t - c.last[k - 1] <= windows[w]) c.last[k] = t;
        }
      }
      for (const Chain& c : chains)
        for (size_t k = 0; k < m; ++k)
          if (c.last[k] != kNone) ++count[(static_cast<size_t>(c.bin) * w_count + w) * m + k];
    }
    b = e;
  }

  activity::OutputKeys keys;
  ColumnBuilder state_out(ScalarType::String);
  std::vector<int64_t> period_out, dcount_out;
  for (size_t bin = 0; bin < bins.size() && m > 0 && w_count > 0; ++bin) {
    if (count[bin * w_count * m] == 0) continue;  // no sequence started in the bin
    for (size_t w = 0; w < w_count; ++w)
      for (size_t k = 0; k < m; ++k) {
        keys.add(0, bins.start(bin));
        state_out.append_string(sequence[k]);
        period_out.push_back(windows[w]);
        dcount_out.push_back(count[(bin * w_count + w) * m + k]);
      }
  }
  std::vector<ColumnPtr> metrics;
  metrics.push_back(state_out.finish());
  metrics.push_back(Column::make_longs(ScalarType::TimeSpan, std::move(period_out)));
  metrics.push_back(Column::make_longs(ScalarType::Long, std::move(dcount_out)));
  return activity::make_output(call, rows, keys, std::move(metrics));
}

const PluginEntry kEntries[] = {{"funnel_sequence_completion", funnel_sequence_completion}};

}  // namespace

std::span<const PluginEntry> funnel_sequence_completion_plugins() { return kEntries; }

}  // namespace huntdb::exec
