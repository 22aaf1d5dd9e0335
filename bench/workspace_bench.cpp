// Queries over an on-disk workspace: the demo's 30 days (10 million SecurityEvent rows by default,
// HUNTDB_BENCH_ROWS) written as extents, then read back through the engine as `huntdb query
// --workspace` does. The one-hour window must read only the extents whose TimeGenerated range
// overlaps it: the benchmark fails if it scans more than the manifest says overlap. Counters:
// extents total / overlapping / scanned, rows and bytes read, and the hunt's answer.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include "demo_workspace.h"
#include "huntdb/engine.h"
#include "huntdb/storage/manifest.h"
#include "huntdb/storage/workspace.h"
#include "huntdb/types/datetime.h"

namespace {

const size_t kRows = [] {
  const char* env = std::getenv("HUNTDB_BENCH_ROWS");
  return env ? static_cast<size_t>(std::strtoull(env, nullptr, 10)) : size_t{10'000'000};
}();

constexpr int64_t kHour = 36'000'000'000;  // ticks

struct DiskWorkspace {
  std::filesystem::path dir;
  std::vector<huntdb::storage::ExtentInfo> extents;  // SecurityEvent's, as written
  huntdb::Engine engine;
};

// Written once per process into a fresh temporary folder, removed at exit.
DiskWorkspace& disk_workspace() {
  static DiskWorkspace* w = [] {
    auto* ws = new DiskWorkspace();
    ws->dir = std::filesystem::temp_directory_path() / fmt::format("huntdb_bench_workspace_{}", ::getpid());
    std::filesystem::remove_all(ws->dir);
    {
      auto storage = huntdb::storage::Workspace::open(ws->dir.string());
      huntdb::demo::DemoData data = huntdb::demo::generate_demo(huntdb::bench::demo_options(kRows));
      for (const auto& [name, table] : data.tables) {
        auto written = storage->set_or_replace(name, *table);
        if (name == "SecurityEvent") ws->extents = written;
      }
    }
    if (auto error = ws->engine.open_workspace(ws->dir.string())) throw std::runtime_error(*error);
    std::atexit([] { std::filesystem::remove_all(disk_workspace().dir); });
    return ws;
  }();
  return *w;
}

size_t extents_overlapping(const DiskWorkspace& w, int64_t from, int64_t to) {
  size_t n = 0;
  for (const auto& e : w.extents) {
    if (!e.min_time || !e.max_time || (*e.min_time <= to && *e.max_time >= from)) ++n;
  }
  return n;
}

void report(benchmark::State& state, const huntdb::QueryResult& r) {
  state.counters["extents_total"] = static_cast<double>(r.stats.extents_total);
  state.counters["extents_scanned"] = static_cast<double>(r.stats.extents_scanned);
  state.counters["rows_read"] = static_cast<double>(r.stats.rows_read);
  state.counters["MB_read"] = static_cast<double>(r.stats.bytes_read) / 1e6;
  state.counters["answer"] = static_cast<double>(r.tables.empty() ? 0 : r.tables[0].table->row_count());
}

// Three days before the demo's `now`, in the afternoon: an hour inside the history.
void BM_WorkspaceOneHourWindow(benchmark::State& state) {
  DiskWorkspace& w = disk_workspace();
  const int64_t from = huntdb::bench::demo_options(kRows).now - 3 * 24 * kHour;
  const int64_t to = from + kHour;
  const std::string query = fmt::format(
      "SecurityEvent | where TimeGenerated between (datetime({}) .. datetime({})) | summarize count() by EventID",
      huntdb::format_datetime_iso(from), huntdb::format_datetime_iso(to));
  huntdb::QueryResult r;
  for (auto _ : state) {
    r = w.engine.run(query);
    if (!r.ok()) {
      state.SkipWithError(r.errors[0].message.c_str());
      return;
    }
  }
  const size_t overlapping = extents_overlapping(w, from, to);
  if (r.stats.extents_scanned > overlapping) {
    state.SkipWithError(
        fmt::format("scanned {} extents, only {} overlap the hour", r.stats.extents_scanned, overlapping).c_str());
    return;
  }
  state.counters["extents_overlapping"] = static_cast<double>(overlapping);
  report(state, r);
}
BENCHMARK(BM_WorkspaceOneHourWindow)->Unit(benchmark::kMillisecond)->UseRealTime();

// The central rare-process hunt (examples/hunts/05), read from extents rather than memory.
void BM_WorkspaceRareProcessHunt(benchmark::State& state) {
  DiskWorkspace& w = disk_workspace();
  std::ifstream in(HUNTDB_EXAMPLES_DIR "/hunts/05-new-processes-this-week.kql");
  std::stringstream text;
  text << in.rdbuf();
  huntdb::RunOptions options;
  options.now = huntdb::bench::demo_options(kRows).now;
  huntdb::QueryResult r;
  for (auto _ : state) {
    r = w.engine.run(text.str(), options);
    if (!r.ok()) {
      state.SkipWithError(r.errors[0].message.c_str());
      return;
    }
  }
  report(state, r);
}
BENCHMARK(BM_WorkspaceRareProcessHunt)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(3.0);

}  // namespace
