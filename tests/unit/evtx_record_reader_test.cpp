// The reader over real files: every sample file reads without a problem and yields exactly the
// records its chunk headers announce; damaged copies (bad checksums, broken framing, missing
// chunks, truncation) yield every record that is still readable plus a problem for the rest; and
// the three files libevtx cannot read give their records.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
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

const fs::path kDir = fs::path(HUNTDB_SHARED_DIR) / "data" / "evtx";

std::vector<fs::path> sample_files() {
  std::vector<fs::path> out;
  if (!fs::is_directory(kDir)) return out;
  for (const auto& e : fs::recursive_directory_iterator(kDir))
    if (e.is_regular_file() && e.path().extension() == ".evtx") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

Bytes load(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Records the chunk headers announce (last - first record number + 1, over chunks with a signature).
uint64_t announced_records(const Bytes& f) {
  uint64_t n = 0;
  for (size_t off = kFileHeaderSize; off + kChunkHeaderSize <= f.size(); off += kChunkSize) {
    std::span<const uint8_t> chunk(f.data() + off, std::min<size_t>(kChunkSize, f.size() - off));
    if (!has_chunk_signature(chunk)) continue;
    ChunkHeader h = parse_chunk_header(chunk);
    n += h.last_record_number - h.first_record_number + 1;
  }
  return n;
}

struct Read {
  std::vector<Event> events;
  ProblemList problems;
};

Read read_bytes(const Bytes& b, const std::string& name = "copy.evtx") {
  Read r;
  auto f = EvtxFile::from_bytes(b, name);
  r.problems = for_each_record(f, [&](const Event& e) { r.events.push_back(e); });
  return r;
}

std::string describe(const ProblemList& p) {
  std::string s;
  for (const auto& x : p.list()) s += format_problem(x) + "\n";
  return s;
}

bool mentions(const ProblemList& p, std::string_view what) {
  return std::any_of(p.list().begin(), p.list().end(),
                     [&](const Problem& x) { return x.reason.find(what) != std::string::npos; });
}

size_t find_utf16(const Bytes& b, std::u16string_view s) {
  Bytes needle;
  for (char16_t c : s) needle.push_back(static_cast<uint8_t>(c)), needle.push_back(static_cast<uint8_t>(c >> 8));
  auto it = std::search(b.begin(), b.end(), needle.begin(), needle.end());
  return it == b.end() ? std::string::npos : static_cast<size_t>(it - b.begin());
}

// Chunk-relative offsets of the records of the chunk at file offset `chunk`.
std::vector<uint32_t> record_offsets(const Bytes& f, size_t chunk) {
  std::vector<uint32_t> out;
  ChunkHeader h = parse_chunk_header(std::span<const uint8_t>(f.data() + chunk, kChunkSize));
  for (uint32_t p = kChunkHeaderSize; p + 28 <= h.free_space_offset; p += le32(f.data() + chunk + p + 4))
    out.push_back(p);
  return out;
}

TEST(EvtxRecordReader, EverySampleFileReadsCleanlyAndCompletely) {
  const auto files = sample_files();
  if (files.empty()) GTEST_SKIP() << "no sample files under " << kDir;
  uint64_t total = 0;
  for (const auto& path : files) {
    Bytes bytes = load(path);
    auto file = EvtxFile::open(path.string());
    RecordReader reader(file);
    uint64_t n = 0;
    while (const Event* e = reader.next()) {
      ++n;
      ASSERT_NE(e->root(), kNoNode) << path;
      EXPECT_EQ(e->name(e->root()), "Event");
      for (SystemField f : {SystemField::ProviderName, SystemField::EventID, SystemField::TimeCreated,
                            SystemField::EventRecordID, SystemField::Channel, SystemField::Computer})
        EXPECT_TRUE(e->has(f)) << path << " record " << e->record_id() << " lacks " << system_field_name(f);
      EXPECT_TRUE(e->event_id().has_value()) << path;
      EXPECT_TRUE(e->event_record_id().has_value()) << path;
      EXPECT_TRUE(e->time_created_filetime().has_value()) << path << " " << e->system(SystemField::TimeCreated);
      EXPECT_NE(e->data_section(), DataSection::None) << path << " record " << e->record_id();
    }
    EXPECT_TRUE(reader.problems().empty()) << path << "\n" << describe(reader.problems());
    EXPECT_EQ(n, announced_records(bytes)) << path;
    EXPECT_EQ(reader.stats().records, n);
    EXPECT_EQ(reader.stats().bad_records, 0u);
    total += n;
  }
  std::printf("[ evtx reader ] %zu files, %llu records\n", files.size(), static_cast<unsigned long long>(total));
  // 13,643 records in the 308 files evtxexport reads plus 71 in the three it cannot.
  EXPECT_EQ(total, 13714u);
}

TEST(EvtxRecordReader, ReadsTheFilesLibevtxRejects) {
  // libevtx 20181227 and python-evtx stop at the first record of these ("unsupported type 0x05"):
  // their records are BinXml without templates whose element starts lack the dependency id.
  struct Expect {
    const char* path;
    size_t records;
    size_t index;  // one record checked in detail
    uint32_t event_id;
    uint64_t event_record_id;
    const char* data_name;
    const char* data_value;
  };
  const Expect cases[] = {
      {"EVTX-to-MITRE-Attack/Antivirus/ID1116-1117-Defender threat detected.evtx", 6, 0, 1116, 171, "Threat Name",
       "HackTool:Win64/Mikatz!dha"},
      {"EVTX-to-MITRE-Attack/TA0003-Persistence/T1546-Event Triggered Execution/ID800-4103-4104-WMI registration via "
       "PowerLurk.evtx",
       10, 7, 4104, 30204, "ScriptBlockId", "e0e50dd9-152a-4e73-abef-d419adf732e6"},
      {"EVTX-to-MITRE-Attack/TA0007-Discovery/T1069-Permission Groups Discovery/ID4799-4624-Local admin group "
       "enumerated by SharpHound.evtx",
       55, 1, 4799, 9796985, "TargetSid", "S-1-5-32-544"},
  };
  for (const auto& c : cases) {
    fs::path path = kDir / c.path;
    if (!fs::exists(path)) GTEST_SKIP() << path << " missing";
    Bytes bytes = load(path);
    Read r = read_bytes(bytes, path.string());
    EXPECT_TRUE(r.problems.empty()) << describe(r.problems);
    ASSERT_EQ(r.events.size(), c.records) << c.path;
    EXPECT_EQ(r.events.size(), announced_records(bytes));
    const Event& e = r.events[c.index];
    EXPECT_EQ(e.event_id(), c.event_id);
    EXPECT_EQ(e.event_record_id(), c.event_record_id);
    EXPECT_EQ(e.data_value(c.data_name), c.data_value) << event_xml(e);
    std::printf("[ evtx reader ] libevtx cannot read %s; huntdb reads %zu records\n", c.path, r.events.size());
  }
  // A closer look at the Defender detection.
  Read d = read_bytes(load(kDir / cases[0].path));
  const Event& e = d.events[0];
  EXPECT_EQ(e.system(SystemField::ProviderName), "Microsoft-Windows-Windows Defender");
  EXPECT_EQ(e.system(SystemField::ProviderGuid), "{11cd958a-c507-4ef3-b3f2-5fd9dfbd2c78}");  // a string there
  EXPECT_EQ(e.system(SystemField::TimeCreated), "2020-12-11T12:28:01.2990045Z");
  EXPECT_EQ(e.system(SystemField::Channel), "Microsoft-Windows-Windows Defender/Operational");
  EXPECT_EQ(e.system(SystemField::UserID), "S-1-5-18");
  EXPECT_EQ(e.data_value("Path"), "file:_C:\\Users\\admmig\\Documents\\mimidrv.sys");
  EXPECT_EQ(e.data_value("Unused"), "");
}

TEST(EvtxRecordReader, DirtyFileChunksPastTheHeaderCountAreRead) {
  // The header says 12 chunks and "dirty"; a 13th chunk holds records 892..901.
  fs::path path = kDir / "DeepBlueCLI/wmi-event-filter-persistance.evtx";
  if (!fs::exists(path)) GTEST_SKIP();
  Bytes bytes = load(path);
  ProblemList header_problems;
  FileHeader h = parse_file_header(bytes, header_problems);
  EXPECT_TRUE(h.dirty());
  EXPECT_EQ(h.chunk_count, 12);
  Read r = read_bytes(bytes);
  EXPECT_TRUE(r.problems.empty()) << describe(r.problems);
  ASSERT_EQ(r.events.size(), 901u);
  EXPECT_EQ(r.events.back().event_record_id(), 901u);
}

const char* kSmall = "EVTX-to-MITRE-Attack/TA0003-Persistence/T1136-Create account/ID4720-Local user created.evtx";
const char* kMulti = "DeepBlueCLI/wmi-event-filter-persistance.evtx";  // 13 chunks, 901 records

TEST(EvtxRecordReader, BadChecksumsAreReportedButDoNotStopReading) {
  fs::path path = kDir / kSmall;
  if (!fs::exists(path)) GTEST_SKIP();
  const Bytes good = load(path);
  const Read base = read_bytes(good);
  ASSERT_EQ(base.events.size(), 2u);

  Bytes b = good;
  b[24] ^= 0x01;  // next record id, covered by the file header checksum
  Read r = read_bytes(b);
  EXPECT_TRUE(mentions(r.problems, "file header checksum")) << describe(r.problems);
  EXPECT_EQ(r.events.size(), 2u);

  b = good;
  b[kFileHeaderSize + 200] ^= 0x01;  // in the chunk's string table, covered by the chunk header checksum
  r = read_bytes(b);
  EXPECT_TRUE(mentions(r.problems, "chunk 0 header checksum")) << describe(r.problems);
  EXPECT_EQ(r.events.size(), 2u);

  // Change one character of a value: the record data checksum fails, the record still reads, and
  // the changed value is what the file now says.
  b = good;
  size_t at = find_utf16(b, u"jump01.offsec.lan");
  ASSERT_NE(at, std::string::npos);
  b[at] = 'J';
  r = read_bytes(b);
  EXPECT_TRUE(mentions(r.problems, "record data checksum")) << describe(r.problems);
  ASSERT_EQ(r.events.size(), 2u);
  EXPECT_EQ(r.events[0].system(SystemField::Computer), "Jump01.offsec.lan");
  EXPECT_EQ(r.problems.list()[0].file, "copy.evtx");
  EXPECT_EQ(r.problems.list()[0].offset, kFileHeaderSize + 52);
}

TEST(EvtxRecordReader, BrokenRecordFramingSkipsOnlyThatRecord) {
  fs::path path = kDir / kMulti;
  if (!fs::exists(path)) GTEST_SKIP();
  const Bytes good = load(path);
  const size_t chunk1 = kFileHeaderSize + kChunkSize;
  const auto recs = record_offsets(good, chunk1);
  ASSERT_GT(recs.size(), 10u);

  // A wrong signature, a wrong trailing size copy, and an impossible size: one record lost each.
  Bytes b = good;
  b[chunk1 + recs[3]] = 'X';
  uint32_t size5 = le32(b.data() + chunk1 + recs[5] + 4);
  b[chunk1 + recs[5] + size5 - 4] ^= 0x10;
  b[chunk1 + recs[7] + 6] = 0x7F;  // size becomes > 8 MiB
  Read r = read_bytes(b);
  EXPECT_EQ(r.events.size(), 901u - 3u) << describe(r.problems);
  EXPECT_TRUE(mentions(r.problems, "no record signature")) << describe(r.problems);
  EXPECT_TRUE(mentions(r.problems, "disagrees with its trailing copy")) << describe(r.problems);
  EXPECT_TRUE(mentions(r.problems, "does not fit in the chunk")) << describe(r.problems);
  EXPECT_TRUE(mentions(r.problems, "record data checksum"));
  // The records after each broken one in the same chunk are all there.
  std::vector<uint64_t> ids;
  for (const auto& e : r.events) ids.push_back(*e.event_record_id());
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
  EXPECT_EQ(ids.back(), 901u);
}

TEST(EvtxRecordReader, AMissingChunkCostsOnlyItsRecords) {
  fs::path path = kDir / kMulti;
  if (!fs::exists(path)) GTEST_SKIP();
  Bytes b = load(path);
  const size_t chunk2 = kFileHeaderSize + 2 * kChunkSize;
  ChunkHeader h = parse_chunk_header(std::span<const uint8_t>(b.data() + chunk2, kChunkSize));
  const uint64_t lost = h.last_record_number - h.first_record_number + 1;
  std::fill(b.begin() + chunk2, b.begin() + chunk2 + kChunkSize, 0);
  Read r = read_bytes(b);
  EXPECT_EQ(r.events.size(), 901u - lost);
  EXPECT_TRUE(mentions(r.problems, "chunk 2 has no \"ElfChnk\" signature")) << describe(r.problems);
  EXPECT_EQ(r.problems.count(), 1u) << describe(r.problems);
}

TEST(EvtxRecordReader, TruncatedFilesYieldTheRecordsThatFit) {
  fs::path path = kDir / kMulti;
  if (!fs::exists(path)) GTEST_SKIP();
  const Bytes good = load(path);
  const size_t chunk5 = kFileHeaderSize + 5 * kChunkSize;
  const auto recs = record_offsets(good, chunk5);
  ASSERT_GT(recs.size(), 20u);
  uint64_t before = 0;
  for (size_t c = 0; c < 5; ++c) before += record_offsets(good, kFileHeaderSize + c * kChunkSize).size();

  // Cut in the middle of record 20 of chunk 5: the first 20 records of that chunk still read.
  Bytes b(good.begin(), good.begin() + static_cast<long>(chunk5 + recs[20] + 30));
  Read r = read_bytes(b);
  EXPECT_EQ(r.events.size(), before + 20) << describe(r.problems);
  EXPECT_TRUE(mentions(r.problems, "chunk 5 is cut off")) << describe(r.problems);

  // Cut inside a chunk header, and inside the file header.
  b.assign(good.begin(), good.begin() + static_cast<long>(chunk5 + 100));
  r = read_bytes(b);
  EXPECT_EQ(r.events.size(), before);
  EXPECT_TRUE(mentions(r.problems, "cut off inside its header")) << describe(r.problems);
  b.assign(good.begin(), good.begin() + 1000);
  r = read_bytes(b);
  EXPECT_EQ(r.events.size(), 0u);
  EXPECT_TRUE(mentions(r.problems, "inside the 4096-byte header")) << describe(r.problems);
}

TEST(EvtxRecordReader, HopelessInputsGiveProblemsNotCrashes) {
  Read r = read_bytes({});
  EXPECT_EQ(r.events.size(), 0u);
  EXPECT_TRUE(mentions(r.problems, "too short")) << describe(r.problems);

  r = read_bytes(Bytes(200000, 0xAB));
  EXPECT_EQ(r.events.size(), 0u);
  EXPECT_TRUE(mentions(r.problems, "signature is not")) << describe(r.problems);

  auto missing = EvtxFile::open("/nonexistent/dir/file.evtx");
  auto p = for_each_record(missing, [](const Event&) { FAIL(); });
  ASSERT_EQ(p.count(), 1u);
  EXPECT_NE(p.list()[0].reason.find("cannot open"), std::string::npos);
  EXPECT_EQ(p.list()[0].file, "/nonexistent/dir/file.evtx");

  auto dir = EvtxFile::open(kDir.string());
  p = for_each_record(dir, [](const Event&) { FAIL(); });
  EXPECT_EQ(p.count(), 1u);
}

TEST(EvtxRecordReader, ProblemListIsBounded) {
  // A file of garbage can produce a problem every few bytes; only a bounded number is kept.
  ProblemList list("x");
  for (size_t i = 0; i < ProblemList::kMaxKept + 10; ++i) list.add(i, "p");
  EXPECT_EQ(list.list().size(), ProblemList::kMaxKept);
  EXPECT_EQ(list.count(), ProblemList::kMaxKept + 10);
}

}  // namespace
}  // namespace huntdb::ingest::evtx
