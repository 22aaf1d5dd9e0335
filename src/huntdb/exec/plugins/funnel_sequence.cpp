// funnel_sequence(IdColumn, TimelineColumn, Start, End, MaxSequenceStepWindow, Step,
// StateColumn, Sequence): where an id's events (in time order) go through the sequence's states
// one after the other, each at most MaxSequenceStepWindow after the previous, the state of the
// event just before (prev) and just after (next) the sequence; per bin and (prev, next), the
// distinct ids (dcount) and up to 128 of them (samples).
// Kusto docs: funnel-sequence-plugin.md. prev (next) is empty when no event precedes (follows)
// the sequence within MaxSequenceStepWindow. A sequence belongs to the bin_at(t, Step, Start)
// of its first event; rows outside Start .. End are left out. Only the first of the three
// documented result tables is produced (the one the type checker declares); rows come by bin,
// then dcount from the largest.
#include <algorithm>
#include <tuple>
#include <vector>

#include <absl/container/flat_hash_map.h>

#include "huntdb/exec/plugins/activity_periods.h"
#include "huntdb/exec/plugins/funnel_sequence_state.h"

namespace huntdb::exec {

namespace {

constexpr size_t kMaxSamples = 128;

struct Cell {
  std::vector<uint32_t> ids;          // distinct, in the order found
  std::vector<uint32_t> sample_rows;  // a row of each of the first kMaxSamples ids
};

TablePtr funnel_sequence(const PluginCall& call) {
  constexpr std::string_view kName = "funnel_sequence";
  int64_t start = activity::constant_ticks(call, 2, "Start");
  int64_t end = activity::constant_ticks(call, 3, "End");
  int64_t max_step = activity::constant_ticks(call, 4, "MaxSequenceStepWindow");
  auto axis = activity::PeriodAxis::make(activity::constant_arg(call, 5, "Step"), start, kName);
  activity::PeriodList bins(axis, start, end, kName);
  std::vector<std::string> sequence = funnel::string_array_arg(call, 7, "Sequence");
  const size_t extra_args[] = {6, 0};
  activity::ActivityRows rows = activity::read_rows(call, 0, 1, call.plan.args.size(), start, end, extra_args);
  funnel::StateCodes states = funnel::state_codes(rows.extra[0]);
  const ColumnPtr& id_values = rows.extra[1];

  // The sequence as state codes (a state the data never has: no match at all).
  std::vector<int64_t> seq_codes;
  for (const auto& s : sequence) {
    auto it = std::find(states.text.begin(), states.text.end(), s);
    seq_codes.push_back(it == states.text.end() ? -1 : it - states.text.begin());
  }
  uint32_t none = static_cast<uint32_t>(states.text.size());  // the empty prev / next

  std::vector<uint32_t> order(rows.time.size());
  for (size_t r = 0; r < order.size(); ++r) order[r] = static_cast<uint32_t>(r);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return rows.id[a] != rows.id[b] ? rows.id[a] < rows.id[b] : rows.time[a] < rows.time[b];
  });

  // (bin, prev, next) -> ids
  absl::flat_hash_map<std::tuple<uint32_t, uint32_t, uint32_t>, Cell> cells;
  size_t m = seq_codes.size();
  for (size_t b = 0; b < order.size() && m > 0;) {
    size_t e = b;
    uint32_t id = rows.id[order[b]];
    while (e < order.size() && rows.id[order[e]] == id) ++e;
    for (size_t i = b; i + m <= e; ++i) {
      bool match = true;
      for (size_t k = 0; k < m && match; ++k) {
        uint32_t r = order[i + k];
        match = states.code[r] == seq_codes[k] &&
                (k == 0 || rows.time[r] - rows.time[order[i + k - 1]] <= max_step);
      }
      if (!match) continue;
      uint32_t first = order[i], last = order[i + m - 1];
      uint32_t prev = none, next = none;
      if (i > b && rows.time[first] - rows.time[order[i - 1]] <= max_step) prev = states.code[order[i - 1]];
      if (i + m < e && rows.time[order[i + m]] - rows.time[last] <= max_step) next = states.code[order[i + m]];
      int64_t bin = bins.index_of(rows.time[first]);
      if (bin < 0) continue;
      Cell& c = cells[{static_cast<uint32_t>(bin), prev, next}];
      if (c.ids.empty() || c.ids.back() != id) {  // ids come in order: a repeat is the last one
        c.ids.push_back(id);
        if (c.sample_rows.size() < kMaxSamples) c.sample_rows.push_back(first);
      }
    }
    b = e;
  }

  struct OutRow {
    uint32_t bin, prev, next;
    const Cell* cell;
  };
  std::vector<OutRow> out_rows;
  for (const auto& [key, cell] : cells)
    out_rows.push_back({std::get<0>(key), std::get<1>(key), std::get<2>(key), &cell});
  std::sort(out_rows.begin(), out_rows.end(), [&](const OutRow& a, const OutRow& b) {
    if (a.bin != b.bin) return a.bin < b.bin;
    if (a.cell->ids.size() != b.cell->ids.size()) return a.cell->ids.size() > b.cell->ids.size();
    return std::tie(a.prev, a.next) < std::tie(b.prev, b.next);
  });

  activity::OutputKeys keys;
  ColumnBuilder prev_out(states.values->type()), next_out(states.values->type());
  std::vector<int64_t> dcount;
  std::vector<DynamicPtr> samples;
  auto append_state = [&](ColumnBuilder& to, uint32_t code) {
    if (code == none) to.append_null();  // "" for a string state column
    else to.append_from(*states.values, code);
  };
  for (const OutRow& o : out_rows) {
    keys.add(0, bins.start(o.bin));
    append_state(prev_out, o.prev);
    append_state(next_out, o.next);
    dcount.push_back(static_cast<int64_t>(o.cell->ids.size()));
    DynValue::Elements ids;
    for (uint32_t r : o.cell->sample_rows) ids.push_back(DynValue::from_value(id_values->value_at(r)));
    samples.push_back(DynValue::of_array(std::move(ids)));
  }
  std::vector<ColumnPtr> metrics;
  metrics.push_back(prev_out.finish());
  metrics.push_back(next_out.finish());
  metrics.push_back(Column::make_longs(ScalarType::Long, std::move(dcount)));
  metrics.push_back(Column::make_dynamics(std::move(samples)));
  return activity::make_output(call, rows, keys, std::move(metrics));
}

const PluginEntry kEntries[] = {{"funnel_sequence", funnel_sequence}};

}  // namespace

std::span<const PluginEntry> funnel_sequence_plugins() { return kEntries; }

}  // namespace huntdb::exec
