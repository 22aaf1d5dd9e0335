// Ingestion throughput end to end: files of ../shared/data (read in place, never copied into the
// repository) decoded, mapped to SecurityEvent / Event and assembled into 64K-row column batches
// (the batches are dropped, storage is not measured here).
//   BM_IngestEvtx        every EVTX sample; "records/s per core" = records per second of CPU
//                        time on the one thread that reads them (goal: >= 200,000), "MB/s per
//                        core" the same over file bytes; items/s is over wall time
//   BM_IngestJsonLines   the Security-Datasets JSON lines; items/s = rows per second, on one and
//                        on two threads (goal: >= 1,000,000 on 2 cores)
#include <time.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "huntdb/ingest/table_mapper.h"

namespace {

using namespace huntdb;
using namespace huntdb::ingest;
namespace fs = std::filesystem;

std::vector<std::string> files(const char* dir, const char* extension) {
  std::vector<std::string> paths;
  fs::path root = fs::path(HUNTDB_SHARED_DIR) / "data" / dir;
  if (fs::is_directory(root))
    for (const auto& e : fs::recursive_directory_iterator(root))
      if (e.is_regular_file() && e.path().extension() == extension) paths.push_back(e.path().string());
  std::sort(paths.begin(), paths.end());
  return paths;
}

// Maps every file once; returns the records mapped.
uint64_t ingest_all(const std::vector<std::string>& paths) {
  uint64_t rows = 0;
  TableMapper mapper([&](const std::string&, const TableSchema&, Batch b) { rows += b.rows; });
  uint64_t records = 0;
  for (const auto& p : paths) records += ingest_file(p, mapper).records;
  mapper.finish();
  benchmark::DoNotOptimize(rows);
  return records;
}

// CPU time of the calling thread, in seconds: what one core spent, whatever else the machine ran.
double thread_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

void run(benchmark::State& state, const std::vector<std::string>& paths) {
  if (paths.empty()) return state.SkipWithError("no sample files in ../shared/data");
  uint64_t records = 0;
  const double cpu_start = thread_cpu_seconds();
  for (auto _ : state) records += ingest_all(paths);
  const double cpu = thread_cpu_seconds() - cpu_start;
  uint64_t bytes = 0;
  for (const auto& p : paths) bytes += fs::file_size(p);
  state.SetItemsProcessed(static_cast<int64_t>(records));
  // File bytes: the Security-Datasets records are large (1-4 KB each, with the rendered message),
  // so rows/s alone says little across data sets.
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["files"] = static_cast<double>(paths.size());
  if (cpu > 0) {
    // Per thread, averaged over the threads: each thread's own rate is one core's.
    using benchmark::Counter;
    state.counters["records/s per core"] = Counter(static_cast<double>(records) / cpu, Counter::kAvgThreads);
    state.counters["MB/s per core"] =
        Counter(static_cast<double>(state.iterations() * bytes) / cpu / 1e6, Counter::kAvgThreads);
  }
}

void BM_IngestEvtx(benchmark::State& state) {
  static const auto paths = files("evtx", ".evtx");
  run(state, paths);
}
BENCHMARK(BM_IngestEvtx)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_IngestJsonLines(benchmark::State& state) {
  static const auto paths = files("json", ".json");
  run(state, paths);
}
BENCHMARK(BM_IngestJsonLines)->Unit(benchmark::kMillisecond)->UseRealTime()->Threads(1)->Threads(2);

}  // namespace
