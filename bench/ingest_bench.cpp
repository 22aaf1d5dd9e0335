// Ingestion throughput end to end: files of ../shared/data (read in place, never copied into the
// repository) decoded, mapped to SecurityEvent / Event and assembled into 64K-row column batches.
// Every benchmark reports `rows/s`: records mapped per second of wall time, summed over the
// threads (with Threads(2) two ingestions run side by side, each over every file, so the counter
// is what the machine's two cores do together), and "records/s per core" / "MB/s per core": the
// same per second of CPU time of the thread doing the work, whatever else the machine ran.
//   BM_IngestEvtx                 every EVTX sample; batches dropped (goal: >= 200,000 per core)
//   BM_IngestJsonLines            the Security-Datasets JSON lines; batches dropped
//   BM_JsonLinesParseOnly         the floor under any JSON-lines ingestion of these files: every line
//                                 parsed with simdjson On-Demand and every string unescaped, nothing
//                                 mapped or kept
//   BM_IngestJsonLinesWorkspace   the same, 36 times over (each copy k days later), loaded into a fresh workspace on
//                                 disk as `huntdb ingest` loads them (WorkspaceLoader: extent
//                                 encoding, term index, zstd, fsync, manifest swap, overlapped
//                                 with the mapping)
//                                 (goal for JSON lines: >= 1,000,000 on 2 cores)
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <simdjson.h>

#include "json_copies.h"
#include "huntdb/ingest/mapped_file.h"
#include "huntdb/ingest/table_mapper.h"
#include "huntdb/ingest/workspace_loader.h"
#include "huntdb/storage/workspace.h"

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

const std::vector<std::string>& json_files() {
  static const auto paths = files("json", ".json");
  return paths;
}

// Maps every file once, handing each batch to `sink`; returns the records mapped.
uint64_t ingest_all(const std::vector<std::string>& paths, BatchSink sink) {
  TableMapper mapper(std::move(sink));
  uint64_t records = 0;
  for (const auto& p : paths) records += ingest_file(p, mapper).records;
  mapper.finish();
  return records;
}

uint64_t ingest_dropping_batches(const std::vector<std::string>& paths) {
  uint64_t rows = 0;
  uint64_t records = ingest_all(paths, [&](const std::string&, const TableSchema&, Batch b) { rows += b.rows; });
  benchmark::DoNotOptimize(rows);
  return records;
}

// Loads every file into a new workspace in `dir` as `huntdb ingest` does (WorkspaceLoader:
// files mapped on every core, each table published every 256K rows on another thread, small
// extents merged at the end).
uint64_t ingest_into_workspace(const std::vector<std::string>& paths, const std::string& dir) {
  fs::remove_all(dir);
  auto ws = storage::Workspace::open(dir);
  uint64_t records = 0;
  {
    WorkspaceLoader loader(*ws);
    for (const auto& r : loader.load_files(paths)) records += r.records;
    loader.finish();
  }
  ws->merge();  // as `huntdb ingest` ends: the small extents of the last files merged
  ws.reset();
  fs::remove_all(dir);
  return records;
}

// CPU time of the calling thread, in seconds: what one core spent, whatever else the machine ran.
double thread_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// CPU time of the whole process (every thread: the publisher's and the encoders' too).
double process_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// `cpu`: the seconds of CPU time the measuring thread spent in the loop.
void report(benchmark::State& state, const std::vector<std::string>& paths, uint64_t records, double cpu) {
  uint64_t bytes = 0;
  for (const auto& p : paths) bytes += fs::file_size(p);
  state.SetItemsProcessed(static_cast<int64_t>(records));
  // File bytes: the Security-Datasets records are large (1-4 KB each, with the rendered message),
  // so rows/s alone says little across data sets.
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["rows/s"] = benchmark::Counter(static_cast<double>(records), benchmark::Counter::kIsRate);
  state.counters["files"] = static_cast<double>(paths.size());
  if (cpu > 0) {
    // Per thread, averaged over the threads: each thread's own rate is one core's.
    using benchmark::Counter;
    state.counters["records/s per core"] = Counter(static_cast<double>(records) / cpu, Counter::kAvgThreads);
    state.counters["MB/s per core"] =
        Counter(static_cast<double>(state.iterations() * bytes) / cpu / 1e6, Counter::kAvgThreads);
  }
}

void run(benchmark::State& state, const std::vector<std::string>& paths) {
  if (paths.empty()) return state.SkipWithError("no sample files in ../shared/data");
  uint64_t records = 0;
  const double cpu_start = thread_cpu_seconds();
  for (auto _ : state) records += ingest_dropping_batches(paths);
  report(state, paths, records, thread_cpu_seconds() - cpu_start);
}

void BM_IngestEvtx(benchmark::State& state) {
  static const auto paths = files("evtx", ".evtx");
  run(state, paths);
}
BENCHMARK(BM_IngestEvtx)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_IngestJsonLines(benchmark::State& state) { run(state, json_files()); }
BENCHMARK(BM_IngestJsonLines)->Unit(benchmark::kMillisecond)->UseRealTime()->Threads(1)->Threads(2);

// Parses every line of every file (mapped, as the reader maps them) and reads every string, so
// that the mapping's share of BM_IngestJsonLines is plain: what remains is mapping and columns.
uint64_t parse_only(const std::vector<std::string>& paths) {
  simdjson::ondemand::parser parser;
  std::string padded;
  uint64_t records = 0, string_bytes = 0;
  for (const auto& p : paths) {
    std::string error;
    MappedFile file = MappedFile::open(p, error);
    std::string_view text(reinterpret_cast<const char*>(file.bytes().data()), file.bytes().size());
    for (size_t pos = 0; pos < text.size();) {
      size_t end = std::min(text.find('\n', pos), text.size());
      std::string_view line = text.substr(pos, end - pos);
      pos = end + 1;
      if (line.size() < 2) continue;
      size_t capacity = text.size() - static_cast<size_t>(line.data() - text.data());
      if (capacity < line.size() + simdjson::SIMDJSON_PADDING) {
        padded.assign(line).append(simdjson::SIMDJSON_PADDING, ' ');
        line = std::string_view(padded.data(), line.size());
        capacity = padded.size();
      }
      simdjson::ondemand::document doc;
      simdjson::ondemand::object obj;
      if (parser.iterate(line.data(), line.size(), capacity).get(doc) || doc.get_object().get(obj)) continue;
      for (auto field : obj) {
        std::string_view key, value;
        simdjson::ondemand::json_type type;
        if (field.unescaped_key().get(key) || field.value().type().get(type)) break;
        string_bytes += key.size();
        if (type == simdjson::ondemand::json_type::string && !field.value().get_string().get(value))
          string_bytes += value.size();
      }
      ++records;
    }
  }
  benchmark::DoNotOptimize(string_bytes);
  return records;
}

void BM_JsonLinesParseOnly(benchmark::State& state) {
  const auto& paths = json_files();
  if (paths.empty()) return state.SkipWithError("no sample files in ../shared/data");
  uint64_t records = 0;
  const double cpu_start = thread_cpu_seconds();
  for (auto _ : state) records += parse_only(paths);
  report(state, paths, records, thread_cpu_seconds() - cpu_start);
}
BENCHMARK(BM_JsonLinesParseOnly)->Unit(benchmark::kMillisecond)->UseRealTime()->Threads(1)->Threads(2);

// The JSON samples are 29 MB; a host's logs are more. Loaded 36 times over (1 GB, 517K records:
// a full publication of Event's 256K rows while the rest is mapped, then the rest) the loader
// shows its steady state; json_copies.h says why each copy is moved k days later.
constexpr int kWorkspaceRepeats = 36;

// The copies, written once per process under the temporary folder and removed at exit.
struct ShiftedCopies {
  fs::path dir = fs::temp_directory_path() / ("huntdb_ingest_copies_" + std::to_string(::getpid()));
  std::vector<std::string> paths = bench::write_date_shifted_copies(json_files(), dir.string(), kWorkspaceRepeats);
  ~ShiftedCopies() { fs::remove_all(dir); }
};

const std::vector<std::string>& shifted_copies() {
  static const ShiftedCopies copies;
  return copies.paths;
}

void BM_IngestJsonLinesWorkspace(benchmark::State& state) {
  if (json_files().empty()) return state.SkipWithError("no sample files in ../shared/data");
  const auto& paths = shifted_copies();
  std::string dir = (fs::temp_directory_path() / ("huntdb_ingest_" + std::to_string(::getpid()) + "_" +
                                                  std::to_string(state.thread_index())))
                        .string();
  uint64_t records = 0;
  const double cpu_start = process_cpu_seconds();
  for (auto _ : state) records += ingest_into_workspace(paths, dir);
  const double cpu = process_cpu_seconds() - cpu_start;
  // Publishing runs on threads of its own, so this thread's CPU time is not the load's: no
  // per-core counters here. Instead, rows per second of the process's CPU time (all its
  // threads; with Threads(2) both loads run over the same span, so each thread's share of the
  // rows over that span sums to the total): what a core achieves whatever else the machine
  // runs, and twice it bounds what two cores can do.
  report(state, paths, records, 0);
  if (cpu > 0) state.counters["rows per CPU-second"] = static_cast<double>(records) / cpu;
}
BENCHMARK(BM_IngestJsonLinesWorkspace)->Unit(benchmark::kMillisecond)->UseRealTime()->Threads(1)->Threads(2);

}  // namespace
