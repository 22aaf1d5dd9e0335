// EVTX reading throughput over every sample file in ../shared/data/evtx (311 files, 13,714
// records): decoding alone, decoding plus the wevtutil-style XML, and opening (mmap) from disk.
// records/s is the figure to watch (goal: >= 200,000 per core). Bytes are counted two ways:
// `bytes_per_second` over the chunks that hold records, `file_bytes/s` over whole files (many
// samples are 1.1 MB preallocated files with one used chunk, which the reader skips cheaply).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "huntdb/ingest/evtx/chunk_header.h"
#include "huntdb/ingest/evtx/event_xml.h"
#include "huntdb/ingest/evtx/file_header.h"
#include "huntdb/ingest/evtx/record_reader.h"

namespace {

using namespace huntdb::ingest::evtx;
namespace fs = std::filesystem;

struct Corpus {
  std::vector<std::string> paths;
  std::vector<std::vector<uint8_t>> files;
  size_t file_bytes = 0;
  size_t used_bytes = 0;  // file headers plus chunks with a signature
  size_t records = 0;
};

const Corpus& corpus() {
  static const Corpus c = [] {
    Corpus c;
    fs::path dir = fs::path(HUNTDB_SHARED_DIR) / "data" / "evtx";
    if (fs::is_directory(dir))
      for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file() && e.path().extension() == ".evtx") c.paths.push_back(e.path().string());
    std::sort(c.paths.begin(), c.paths.end());
    for (const auto& p : c.paths) {
      std::ifstream in(p, std::ios::binary);
      c.files.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
      const auto& f = c.files.back();
      c.file_bytes += f.size();
      c.used_bytes += std::min<size_t>(f.size(), kFileHeaderSize);
      for (size_t off = kFileHeaderSize; off < f.size(); off += kChunkSize) {
        std::span<const uint8_t> chunk(f.data() + off, std::min<size_t>(kChunkSize, f.size() - off));
        if (has_chunk_signature(chunk)) c.used_bytes += chunk.size();
      }
      auto file = EvtxFile::from_bytes(f, p);
      for_each_record(file, [&](const Event&) { ++c.records; });
    }
    return c;
  }();
  return c;
}

void report(benchmark::State& state, const Corpus& c) {
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * c.records));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.used_bytes));
  state.counters["records"] = static_cast<double>(c.records);
  state.counters["files"] = static_cast<double>(c.files.size());
  state.counters["file_bytes/s"] =
      benchmark::Counter(static_cast<double>(c.file_bytes), benchmark::Counter::kIsIterationInvariantRate);
}

// Decoding every record to the element tree, System fields and data values.
void BM_EvtxDecode(benchmark::State& state) {
  const Corpus& c = corpus();
  if (c.records == 0) return state.SkipWithError("no sample files");
  for (auto _ : state) {
    size_t n = 0;
    for (size_t i = 0; i < c.files.size(); ++i) {
      auto file = EvtxFile::from_bytes(c.files[i], c.paths[i]);
      RecordReader reader(file);
      while (const Event* e = reader.next()) n += e->data_count();
    }
    benchmark::DoNotOptimize(n);
  }
  report(state, c);
}
BENCHMARK(BM_EvtxDecode)->Unit(benchmark::kMillisecond);

// Decoding plus the XML text of every record (what SecurityEvent keeps for EventData).
void BM_EvtxDecodeToXml(benchmark::State& state) {
  const Corpus& c = corpus();
  if (c.records == 0) return state.SkipWithError("no sample files");
  std::string xml;
  for (auto _ : state) {
    size_t n = 0;
    for (size_t i = 0; i < c.files.size(); ++i) {
      auto file = EvtxFile::from_bytes(c.files[i], c.paths[i]);
      RecordReader reader(file);
      while (const Event* e = reader.next()) {
        xml.clear();
        append_event_xml(*e, xml);
        n += xml.size();
      }
    }
    benchmark::DoNotOptimize(n);
  }
  report(state, c);
}
BENCHMARK(BM_EvtxDecodeToXml)->Unit(benchmark::kMillisecond);

// Opening each file from disk (mmap, page cache warm) and decoding it.
void BM_EvtxOpenAndDecode(benchmark::State& state) {
  const Corpus& c = corpus();
  if (c.records == 0) return state.SkipWithError("no sample files");
  for (auto _ : state) {
    size_t n = 0;
    for (const auto& p : c.paths) {
      auto file = EvtxFile::open(p);
      RecordReader reader(file);
      while (const Event* e = reader.next()) n += e->data_count();
    }
    benchmark::DoNotOptimize(n);
  }
  report(state, c);
}
BENCHMARK(BM_EvtxOpenAndDecode)->Unit(benchmark::kMillisecond);

}  // namespace
