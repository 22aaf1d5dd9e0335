// huntdb's central hunt end to end: the rare-process query (examples/hunts/
// 05-new-processes-this-week.kql: filters, a daily summarize, activity_counts_metrics joined with
// activity_engagement) over the demo workspace, 10 million SecurityEvent rows over 30 days by
// default (HUNTDB_BENCH_ROWS). The demo is generated once. Counters: rows/s (SecurityEvent rows
// over all cores), rows/s per core, and the answer (result rows), which
// bench/peers/duckdb_rare_process.mjs must match.
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <benchmark/benchmark.h>

#include "demo_workspace.h"
#include "huntdb/engine.h"
#include "huntdb/exec/thread_pool.h"

namespace {

const size_t kDemoRows = [] {
  const char* env = std::getenv("HUNTDB_BENCH_ROWS");
  return env ? static_cast<size_t>(std::strtoull(env, nullptr, 10)) : size_t{10'000'000};
}();

struct Workspace {
  huntdb::Engine engine;
  size_t security_events = 0;
};

const Workspace& workspace() {
  static const Workspace* w = [] {
    auto* ws = new Workspace();
    huntdb::demo::DemoData data = huntdb::demo::generate_demo(huntdb::bench::demo_options(kDemoRows));
    for (const auto& [name, table] : data.tables) {
      if (name == "SecurityEvent") ws->security_events = table->row_count();
      ws->engine.add_table(name, table);
    }
    return ws;
  }();
  return *w;
}

// The published hunt as the examples ship it, so the benchmark times what users run.
std::string rare_process_query() {
  const char* path = HUNTDB_EXAMPLES_DIR "/hunts/05-new-processes-this-week.kql";
  std::ifstream in(path);
  if (!in) throw std::runtime_error(std::string("cannot read ") + path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void BM_RareProcessHunt(benchmark::State& state) {
  const Workspace& w = workspace();
  const std::string query = rare_process_query();
  huntdb::RunOptions options;
  options.now = huntdb::bench::demo_options(kDemoRows).now;
  double answer = 0;
  for (auto _ : state) {
    huntdb::QueryResult r = w.engine.run(query, options);
    if (!r.ok()) {
      state.SkipWithError(r.errors[0].message.c_str());
      return;
    }
    answer = static_cast<double>(r.tables[0].table->row_count());
    benchmark::DoNotOptimize(r.tables);
  }
  const auto rows = static_cast<double>(w.security_events);
  const auto cores = static_cast<double>(huntdb::exec::ThreadPool::shared().size());
  state.counters["answer"] = answer;
  state.counters["rows/s"] = benchmark::Counter(rows * state.iterations(), benchmark::Counter::kIsRate);
  state.counters["rows/s/core"] = benchmark::Counter(rows * state.iterations() / cores, benchmark::Counter::kIsRate);
}

// One run takes most of a second: warm up first and average several runs, as the peer takes
// the median of five after a warm-up.
BENCHMARK(BM_RareProcessHunt)->Unit(benchmark::kMillisecond)->UseRealTime()->MinWarmUpTime(1.0)->MinTime(4.0);

}  // namespace
