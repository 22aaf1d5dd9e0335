// Damaged input must never crash or hang the reader: real files with random bytes flipped or
// overwritten, and cut at random points, are read to the end, every yielded record is rendered,
// and any change inside checksummed bytes is reported as a problem. The seed is fixed so a failure
// reproduces; set HUNTDB_EVTX_FUZZ_ROUNDS to run longer and HUNTDB_EVTX_FUZZ_SEED to explore.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "huntdb/ingest/evtx/bytes.h"
#include "huntdb/ingest/evtx/chunk_header.h"
#include "huntdb/ingest/evtx/event.h"
#include "huntdb/ingest/evtx/event_xml.h"
#include "huntdb/ingest/evtx/file_header.h"
#include "huntdb/ingest/evtx/record_reader.h"

namespace huntdb::ingest::evtx {
namespace {

namespace fs = std::filesystem;
using Bytes = std::vector<uint8_t>;

Bytes load(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A spread of sample files: every kind of record layout the corpus has (Security, Sysmon,
// PowerShell, System with classic providers, UserData, the template-less files) and a dirty
// multi-chunk file.
std::vector<fs::path> fuzz_inputs() {
  const fs::path dir = fs::path(HUNTDB_SHARED_DIR) / "data" / "evtx";
  std::vector<fs::path> all;
  if (!fs::is_directory(dir)) return all;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == ".evtx") all.push_back(e.path());
  std::sort(all.begin(), all.end());
  std::vector<fs::path> out;
  for (size_t i = 0; i < all.size(); i += 16) out.push_back(all[i]);
  for (const char* p : {"EVTX-to-MITRE-Attack/Antivirus/ID1116-1117-Defender threat detected.evtx",
                        "DeepBlueCLI/wmi-event-filter-persistance.evtx", "DeepBlueCLI/many-events-application.evtx",
                        "DeepBlueCLI/many-events-system.evtx"})
    if (fs::exists(dir / p)) out.push_back(dir / p);
  return out;
}

// Byte ranges a checksum covers: the file header's first 120 bytes, and per chunk its header
// (minus bytes 120..127) and its record data.
std::vector<std::pair<size_t, size_t>> checksummed(const Bytes& f) {
  std::vector<std::pair<size_t, size_t>> out{{0, 120}};
  for (size_t off = kFileHeaderSize; off + kChunkSize <= f.size(); off += kChunkSize) {
    std::span<const uint8_t> chunk(f.data() + off, kChunkSize);
    if (!has_chunk_signature(chunk)) continue;
    ChunkHeader h = parse_chunk_header(chunk);
    out.push_back({off, off + 120});
    out.push_back({off + 128, off + h.free_space_offset});
  }
  return out;
}

// End of the last chunk that holds records: damage beyond it meets only empty space.
size_t used_end(const Bytes& f) {
  size_t end = kFileHeaderSize;
  for (size_t off = kFileHeaderSize; off + kChunkSize <= f.size(); off += kChunkSize)
    if (has_chunk_signature(std::span<const uint8_t>(f.data() + off, kChunkSize))) end = off + kChunkSize;
  return std::min(end, f.size());
}

struct Outcome {
  size_t records = 0;
  size_t problems = 0;
};

Outcome read_everything(const Bytes& b) {
  Outcome o;
  auto f = EvtxFile::from_bytes(b, "fuzz.evtx");
  RecordReader reader(f);
  std::string xml;
  while (const Event* e = reader.next()) {
    ++o.records;
    // Touch everything a caller might: the rendering, the System fields, the data.
    xml.clear();
    append_event_xml(*e, xml);
    for (size_t i = 0; i < static_cast<size_t>(SystemField::kCount); ++i) (void)e->system(static_cast<SystemField>(i));
    for (size_t i = 0; i < e->data_count(); ++i) (void)e->data(i);
    (void)e->event_id(), (void)e->time_created_filetime();
  }
  o.problems = reader.problems().count();
  return o;
}

TEST(EvtxFuzz, DamagedFilesNeverCrashOrHang) {
  const auto inputs = fuzz_inputs();
  if (inputs.empty()) GTEST_SKIP() << "no sample files";
  int rounds = 40;
  if (const char* env = std::getenv("HUNTDB_EVTX_FUZZ_ROUNDS")) rounds = std::max(1, std::atoi(env));
  uint64_t seed = 20240611;
  if (const char* env = std::getenv("HUNTDB_EVTX_FUZZ_SEED")) seed = std::strtoull(env, nullptr, 10);
  std::mt19937_64 rng(seed);
  size_t runs = 0, records = 0, detected = 0;
  for (const auto& path : inputs) {
    const Bytes good = load(path);
    const auto sums = checksummed(good);
    const size_t end = used_end(good);
    const size_t clean_records = read_everything(good).records;
    for (int round = 0; round < rounds; ++round) {
      Bytes b = good;
      const int kind = static_cast<int>(rng() % 4);
      if (kind == 0 || kind == 3) {  // flip a few bits
        int n = 1 + static_cast<int>(rng() % 8);
        for (int i = 0; i < n; ++i) b[rng() % end] ^= static_cast<uint8_t>(1u << (rng() % 8));
      }
      if (kind == 1 || kind == 3) {  // overwrite a run with random bytes, or with a chosen token
        size_t at = rng() % end, len = 1 + rng() % 64;
        for (size_t i = at; i < std::min(end, at + len); ++i)
          b[i] = (rng() % 4 == 0) ? static_cast<uint8_t>(rng() % 0x10) : static_cast<uint8_t>(rng());
      }
      bool cut = false;
      if (kind == 2 || (kind == 3 && rng() % 2 == 0)) {  // cut the file short
        b.resize(rng() % (end + 1));
        cut = true;
      }
      const Outcome o = read_everything(b);
      ++runs;
      records += o.records;
      // A record takes at least 28 bytes; more would mean records conjured from nothing.
      EXPECT_LE(o.records, b.size() / 28) << path;
      if (!cut) {
        bool touched = false;
        for (auto [lo, hi] : sums)
          for (size_t i = lo; i < std::min(hi, b.size()) && !touched; ++i) touched = b[i] != good[i];
        if (touched) {
          EXPECT_GT(o.problems, 0u) << path << " round " << round << ": damage went unreported";
          ++detected;
        } else {
          EXPECT_EQ(o.records, clean_records) << path << " round " << round;
        }
      }
    }
  }
  std::printf("[ evtx fuzz ] %zu damaged files read (%zu records, %zu with checksummed damage reported)\n", runs,
              records, detected);
}

}  // namespace
}  // namespace huntdb::ingest::evtx
