// The executor over 10 million SecurityEvent-like rows: a filter with a two-string-key
// summarize, and the rare-process hunt's exclusion filter — one `!contains` clause against
// fourteen. Over dictionary-encoded strings the fourteen clauses are evaluated once per distinct
// process path, so they should cost about what one clause costs. Counters: rows/s over all
// cores, and rows/s per core.
#include <cstdlib>

#include <benchmark/benchmark.h>

#include "huntdb/engine.h"
#include "huntdb/exec/thread_pool.h"
#include "security_events.h"

namespace {

// HUNTDB_BENCH_ROWS overrides the row count (scripts/bench passes the same to the peers).
const size_t kRows = [] {
  const char* env = std::getenv("HUNTDB_BENCH_ROWS");
  return env ? static_cast<size_t>(std::strtoull(env, nullptr, 10)) : size_t{10'000'000};
}();

huntdb::Engine& engine() {
  static huntdb::Engine* e = [] {
    auto* eng = new huntdb::Engine();
    eng->add_table("SecurityEvent", huntdb::bench::make_security_events(kRows));
    return eng;
  }();
  return *e;
}

// The query's answer, to check against the peers': a one-cell count's value, else the row count.
double answer_of(const huntdb::QueryResult& r) {
  const huntdb::Table& t = *r.tables[0].table;
  if (t.schema.columns.size() == 1 && t.row_count() == 1 && t.schema.columns[0].name == "Count")
    return static_cast<double>(t.batches[0].columns[0]->value_at(0).as_long());
  return static_cast<double>(t.row_count());
}

void run(benchmark::State& state, const char* query) {
  huntdb::Engine& e = engine();
  double answer = 0;
  for (auto _ : state) {
    huntdb::QueryResult r = e.run(query);
    if (!r.ok()) {
      state.SkipWithError(r.errors[0].message.c_str());
      return;
    }
    answer = answer_of(r);
    benchmark::DoNotOptimize(r.tables);
  }
  state.counters["answer"] = answer;
  double cores = static_cast<double>(huntdb::exec::ThreadPool::shared().size());
  state.counters["rows/s"] = benchmark::Counter(static_cast<double>(kRows) * state.iterations(), benchmark::Counter::kIsRate);
  state.counters["rows/s/core"] =
      benchmark::Counter(static_cast<double>(kRows) * state.iterations() / cores, benchmark::Counter::kIsRate);
}

void BM_FilterSummarizeTwoStringKeys(benchmark::State& state) {
  run(state, "SecurityEvent | where EventID == 4688 | summarize count() by Computer, Account");
}

void BM_OneNotContains(benchmark::State& state) {
  run(state, "SecurityEvent | where Process !contains \"\\\\Windows\\\\System\" | count");
}

void BM_FourteenNotContains(benchmark::State& state) {
  run(state,
      "SecurityEvent"
      " | where Process != \"\" and Process != \"-\""
      " | where Process !contains \"\\\\Windows\\\\System\" and Process !contains \"\\\\Program Files\\\\Microsoft\\\\\""
      " and Process !contains \"\\\\ProgramData\\\\\" and Process !contains \"\\\\Windows\\\\WinSxS\\\\\""
      " and Process !contains \"\\\\Windows\\\\SysWOW64\\\\\" and Process !contains \"\\\\Program Files (x86)\\\\\""
      " and Process !contains \"\\\\Microsoft Office\\\\\" and Process !contains \"\\\\Windows Defender\\\\\""
      " and Process !contains \"\\\\Google\\\\Chrome\\\\\" and Process !contains \"\\\\Edge\\\\\""
      " and Process !contains \"conhost\" and Process !contains \"svchost\""
      " | count");
}

BENCHMARK(BM_FilterSummarizeTwoStringKeys)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_OneNotContains)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_FourteenNotContains)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
