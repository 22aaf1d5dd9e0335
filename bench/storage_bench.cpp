// Storage rates on 1M SecurityEvent-like rows (bench/security_events.h): appending them to a
// workspace on the real filesystem (extent encoding, zstd, fsync, manifest swap), reading all
// their columns back, and the bytes on disk per row.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>

#include "huntdb/storage/workspace.h"
#include "security_events.h"

namespace huntdb::bench {
namespace {

constexpr size_t kRows = 1'000'000;

const TablePtr& events() {
  static TablePtr t = make_security_events(kRows);
  return t;
}

std::string bench_dir(const char* name) {
  return (std::filesystem::temp_directory_path() / ("huntdb_" + std::string(name) + "_" + std::to_string(::getpid())))
      .string();
}

void BM_StorageWrite(benchmark::State& state) {
  const TablePtr& t = events();
  uint64_t bytes = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::string dir = bench_dir("write");
    std::filesystem::remove_all(dir);
    auto ws = storage::Workspace::open(dir);
    ws->create_table("SecurityEvent", t->schema);
    state.ResumeTiming();
    auto infos = ws->append("SecurityEvent", *t);
    state.PauseTiming();
    bytes = 0;
    for (const auto& e : infos) bytes += e.bytes;
    ws.reset();
    std::filesystem::remove_all(dir);
    state.ResumeTiming();
  }
  state.counters["rows/s"] = benchmark::Counter(static_cast<double>(kRows), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["bytes/row"] = static_cast<double>(bytes) / static_cast<double>(kRows);
}
BENCHMARK(BM_StorageWrite)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_StorageRead(benchmark::State& state) {
  const TablePtr& t = events();
  std::string dir = bench_dir("read");
  std::filesystem::remove_all(dir);
  auto ws = storage::Workspace::open(dir);
  ws->create_table("SecurityEvent", t->schema);
  ws->append("SecurityEvent", *t);
  uint64_t bytes = 0;
  for (const auto& e : ws->snapshot()->find("SecurityEvent")->extents) bytes += e->info().bytes;
  size_t rows = 0;
  for (auto _ : state) {
    // A fresh snapshot of a fresh workspace: nothing decoded is cached between iterations.
    auto fresh = storage::Workspace::open(dir);
    Table got = fresh->snapshot()->find("SecurityEvent")->read();
    rows = got.row_count();
    benchmark::DoNotOptimize(got);
  }
  if (rows != kRows) state.SkipWithError("wrong row count");
  state.counters["rows/s"] = benchmark::Counter(static_cast<double>(kRows), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["bytes/row"] = static_cast<double>(bytes) / static_cast<double>(kRows);
  ws.reset();
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_StorageRead)->Unit(benchmark::kMillisecond)->UseRealTime();

// One column of the same data, as a query reading only `Account` would.
void BM_StorageReadOneColumn(benchmark::State& state) {
  const TablePtr& t = events();
  std::string dir = bench_dir("read1");
  std::filesystem::remove_all(dir);
  auto ws = storage::Workspace::open(dir);
  ws->create_table("SecurityEvent", t->schema);
  ws->append("SecurityEvent", *t);
  std::vector<std::string> cols = {"Account"};
  for (auto _ : state) {
    auto fresh = storage::Workspace::open(dir);
    Table got = fresh->snapshot()->find("SecurityEvent")->read(cols);
    benchmark::DoNotOptimize(got);
  }
  state.counters["rows/s"] = benchmark::Counter(static_cast<double>(kRows), benchmark::Counter::kIsIterationInvariantRate);
  ws.reset();
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_StorageReadOneColumn)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace huntdb::bench
