// Storage rates on 1M SecurityEvent-like rows (bench/security_events.h): appending them to a
// workspace on the real filesystem (extent encoding, zstd, fsync, manifest swap), reading all
// their columns back, and the bytes on disk per row. BM_TermIndexBuild times the term index
// builder alone over the string columns of the JSON samples in ../shared/data/json.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "huntdb/common/string_map.h"
#include "huntdb/ingest/table_collector.h"
#include "huntdb/ingest/table_mapper.h"
#include "huntdb/storage/term_index.h"
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

// The distinct values of one string column of one table, in order of first appearance, with the
// rows holding each: what the extent writer hands the term index builder (views into the
// column's bytes, which lie back to back).
struct DistinctValues {
  std::vector<char> bytes;
  std::vector<std::pair<std::string_view, uint64_t>> values;
  uint64_t rows = 0;

  DistinctValues(const std::vector<std::pair<std::string, uint64_t>>& in, uint64_t total_rows) : rows(total_rows) {
    for (const auto& [v, n] : in) bytes.insert(bytes.end(), v.begin(), v.end());
    size_t at = 0;
    for (const auto& [v, n] : in) {
      values.emplace_back(std::string_view(bytes.data() + at, v.size()), n);
      at += v.size();
    }
  }
  // The views point into `bytes`: a move keeps them valid, a copy would not.
  DistinctValues(DistinctValues&&) noexcept = default;
  DistinctValues(const DistinctValues&) = delete;
};

// Every string column of every table the JSON samples map to (as `huntdb ingest` maps them; the
// samples make one extent per table).
const std::vector<DistinctValues>& json_sample_columns() {
  static const std::vector<DistinctValues> columns = [] {
    std::vector<std::filesystem::path> paths;
    std::filesystem::path root = std::filesystem::path(HUNTDB_SHARED_DIR) / "data" / "json";
    if (std::filesystem::is_directory(root))
      for (const auto& e : std::filesystem::recursive_directory_iterator(root))
        if (e.is_regular_file() && e.path().extension() == ".json") paths.push_back(e.path());
    std::sort(paths.begin(), paths.end());
    ingest::TableCollector collector;
    ingest::TableMapper mapper(collector.sink());
    for (const auto& p : paths) ingest::ingest_file(p.string(), mapper);
    mapper.finish();
    std::vector<DistinctValues> out;
    for (const auto& [name, table] : collector.tables()) {
      for (size_t c = 0; c < table->schema.columns.size(); ++c) {
        if (table->schema.columns[c].type != ScalarType::String) continue;
        StringMap<size_t> index_of;
        std::vector<std::pair<std::string, uint64_t>> distinct;
        uint64_t rows = 0;
        for (const auto& b : table->batches) {
          const Column& col = *b.columns[c];
          for (size_t i = 0; i < col.size(); ++i) {
            auto [it, added] = index_of.try_emplace(std::string(col.string_at(i)), distinct.size());
            if (added) distinct.emplace_back(it->first, 0);
            ++distinct[it->second].second;
          }
          rows += b.rows;
        }
        out.emplace_back(distinct, rows);
      }
    }
    return out;
  }();
  return columns;
}

// Times TermIndexBuilder over `columns`, one index per column: MB/s of distinct values and
// terms/s (runs of 3+ letters and digits, repeats included).
void time_term_index_builds(benchmark::State& state, const std::vector<DistinctValues>& columns) {
  uint64_t bytes = 0, terms = 0, values = 0;
  for (const auto& col : columns)
    for (const auto& [v, n] : col.values) {
      ++values;
      bytes += v.size();
      storage::for_each_term(v, [&](std::string_view t, bool) { terms += t.size() >= storage::kMinTermLength; });
    }
  size_t index_bytes = 0, bloom_columns = 0;
  for (auto _ : state) {
    index_bytes = 0;
    bloom_columns = 0;
    for (const auto& col : columns) {
      storage::TermIndexBuilder b;
      for (const auto& [v, n] : col.values) b.add(v, n);
      std::string index = b.finish(col.rows);
      index_bytes += index.size();
      bloom_columns += index[0] == 2;
    }
    benchmark::DoNotOptimize(index_bytes);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["terms/s"] = benchmark::Counter(static_cast<double>(terms), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["index bytes"] = static_cast<double>(index_bytes);
  state.counters["bloom columns"] = static_cast<double>(bloom_columns);
  state.counters["columns"] = static_cast<double>(columns.size());
  state.counters["values"] = static_cast<double>(values);
}

// Each string column of the samples: lists of exact terms, as most columns of an extent get.
void BM_TermIndexBuild(benchmark::State& state) {
  if (json_sample_columns().empty()) return state.SkipWithError("no sample files in ../shared/data/json");
  time_term_index_builds(state, json_sample_columns());
}
BENCHMARK(BM_TermIndexBuild)->Unit(benchmark::kMillisecond)->UseRealTime();

// All the samples' values in one column, each with two ids of its own (as a record id and a
// sequence number): more distinct terms
// than the exact list holds, so a bloom filter, as a free-text column of a large extent gets.
void BM_TermIndexBuildBloom(benchmark::State& state) {
  if (json_sample_columns().empty()) return state.SkipWithError("no sample files in ../shared/data/json");
  static const std::vector<DistinctValues> one = [] {
    std::vector<std::pair<std::string, uint64_t>> all;
    uint64_t rows = 0;
    for (const auto& col : json_sample_columns()) {
      for (const auto& [v, n] : col.values) {
        std::string id = std::to_string(all.size());
        all.emplace_back(std::string(v) + " rec" + id + " seq" + id, n);
      }
      rows += col.rows;
    }
    std::vector<DistinctValues> one;
    one.emplace_back(all, rows);
    return one;
  }();
  time_term_index_builds(state, one);
}
BENCHMARK(BM_TermIndexBuildBloom)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace huntdb::bench
