// Bad input never stops a file: each record that cannot be mapped is set aside with its file,
// offset (and line, for text) and the reason, and every other record still loads.
#include <fstream>
#include <iterator>

#include "ingest_test_util.h"

namespace huntdb::ingest::testing {
namespace {

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

uint64_t total_rows(const Loaded& l) {
  uint64_t n = 0;
  for (const auto& [name, t] : l.tables.tables()) n += t->row_count();
  return n;
}

TEST(IngestQuarantine, TruncatedEvtxKeepsTheRecordsBeforeTheCut) {
  if (!have_data()) GTEST_SKIP();
  std::string bytes = read_bytes(data_path("evtx/DeepBlueCLI/powersploit-security.evtx"));
  ASSERT_EQ(bytes.size(), 69632u);
  auto path = write_temp("truncated.evtx", bytes.substr(0, 4096 + 20000));
  auto l = load_files({path});
  const auto& r = l.results[0];
  EXPECT_EQ(r.format, LogFormat::Evtx);
  EXPECT_TRUE(r.error.empty());
  EXPECT_GT(r.records, 0u);
  EXPECT_LT(r.records, 27u);
  EXPECT_EQ(total_rows(l), r.records);
  ASSERT_FALSE(l.quarantine.empty());
  for (const auto& q : l.quarantine.records()) {
    EXPECT_EQ(q.file, path);
    EXPECT_GE(q.offset, 4096u);
    EXPECT_LE(q.offset, 4096u + 20000u);
    EXPECT_FALSE(q.reason.empty());
    EXPECT_NE(format_quarantined(q).find(" @0x"), std::string::npos) << format_quarantined(q);
  }
}

TEST(IngestQuarantine, CorruptRecordInTheMiddleOfAnEvtxChunk) {
  if (!have_data()) GTEST_SKIP();
  std::string bytes = read_bytes(data_path("evtx/DeepBlueCLI/powersploit-security.evtx"));
  // Overwrite the BinXml of the tenth record (records start with the signature "**\0\0" and a
  // 24-byte header).
  size_t at = 4096 + 512;
  for (int n = 0; n < 10; ++n) at = bytes.find(std::string("**\0\0", 4), at + 1);
  ASSERT_NE(at, std::string::npos);
  for (size_t i = at + 24; i < at + 24 + 48; ++i) bytes[i] = static_cast<char>(0xA5);
  auto path = write_temp("corrupt.evtx", bytes);
  auto l = load_files({path});
  // The damaged record is lost, the 26 others load; the quarantine says which and why (and that
  // the chunk's checksum no longer matches).
  EXPECT_EQ(l.results[0].records, 26u);
  bool skipped = false;
  for (const auto& q : l.quarantine.records()) {
    EXPECT_EQ(q.file, path);
    if (q.reason.find("record skipped") != std::string::npos) {
      skipped = true;
      EXPECT_GT(q.offset, at - 1);
    }
  }
  EXPECT_TRUE(skipped);
}

TEST(IngestQuarantine, BinaryGarbageIsNotALogFormat) {
  std::string bytes;
  for (int i = 0; i < 4096; ++i) bytes += static_cast<char>((i * 7919) % 256);
  auto path = write_temp("garbage.bin", bytes);
  auto l = load_files({path});
  EXPECT_EQ(l.results[0].records, 0u);
  EXPECT_FALSE(l.results[0].error.empty());
  ASSERT_EQ(l.quarantine.count(), 1u);
  EXPECT_EQ(l.quarantine.records()[0].file, path);
  EXPECT_TRUE(l.tables.tables().empty());
}

TEST(IngestQuarantine, GarbageAfterAnEvtxHeader) {
  std::string bytes = std::string("ElfFile\0", 8);
  for (int i = 0; i < 70000; ++i) bytes += static_cast<char>((i * 31 + 7) % 251);
  auto path = write_temp("garbage.evtx", bytes);
  auto l = load_files({path});
  EXPECT_EQ(l.results[0].format, LogFormat::Evtx);
  EXPECT_EQ(l.results[0].records, 0u);
  EXPECT_FALSE(l.quarantine.empty());
}

TEST(IngestQuarantine, JsonLinesBadLinesAreSetAsideWithLineAndOffset) {
  std::string good1 = R"({"EventID":4688,"Channel":"Security","Hostname":"ws1","TimeCreated":"2020-10-19T03:30:41.104Z","NewProcessName":"C:\\x\\a.exe"})";
  std::string truncated = R"({"EventID":4688,"Channel":"Secu)";
  std::string array = "[1,2,3]";
  std::string no_id = R"({"Channel":"Security","Hostname":"ws1"})";
  std::string bad_id = R"({"EventID":"abc","Channel":"Security"})";
  std::string good2 = R"({"EventID":7045,"Channel":"System","SourceName":"Service Control Manager","Hostname":"ws1"})";
  std::string text = good1 + "\n" + truncated + "\n" + array + "\n\n" + no_id + "\r\n" + bad_id + "\n" + good2;
  auto path = write_temp("bad_lines.jsonl", text);
  auto l = load_files({path});
  EXPECT_EQ(l.results[0].records, 2u);
  EXPECT_EQ(l.results[0].quarantined, 4u);
  ASSERT_EQ(l.quarantine.records().size(), 4u);
  const auto& q = l.quarantine.records();
  EXPECT_EQ(q[0].line, 2u);
  EXPECT_EQ(q[0].offset, good1.size() + 1);
  EXPECT_TRUE(q[0].reason.starts_with("invalid JSON")) << q[0].reason;
  EXPECT_EQ(q[1].line, 3u);
  EXPECT_EQ(q[1].reason, "not a JSON object");
  EXPECT_EQ(q[2].line, 5u);
  EXPECT_TRUE(q[2].reason.starts_with("not a Windows event")) << q[2].reason;
  EXPECT_EQ(q[3].line, 6u);
  EXPECT_EQ(q[3].reason, "EventID is not a number: 'abc'");
  EXPECT_EQ(format_quarantined(q[1]), path + ":3: not a JSON object");
  ASSERT_NE(l.tables.table("SecurityEvent"), nullptr);
  ASSERT_NE(l.tables.table("Event"), nullptr);
  EXPECT_EQ(l.tables.table("SecurityEvent")->row_count(), 1u);
  EXPECT_EQ(l.tables.table("Event")->row_count(), 1u);
}

TEST(IngestQuarantine, CsvRowsWithTheWrongFieldCount) {
  std::string csv = "EventID,Channel,Hostname,CommandLine\n"
                    "4688,Security,ws1,cmd.exe /c whoami\n"
                    "4688,Security\n"
                    "4688,Security,ws1,\"a, b\",extra\n"
                    "7045,System,ws1,\n";
  auto path = write_temp("bad_rows.csv", csv);
  auto l = load_files({path});
  EXPECT_EQ(l.results[0].records, 2u);
  ASSERT_EQ(l.quarantine.records().size(), 2u);
  EXPECT_EQ(l.quarantine.records()[0].line, 3u);
  EXPECT_EQ(l.quarantine.records()[1].line, 4u);
  EXPECT_EQ(l.quarantine.records()[0].reason, "row 3 has 2 fields, the header 4");
}

TEST(IngestQuarantine, TextThatIsNotAWindowsLog) {
  auto path = write_temp("notes.txt", "hello world\nthis is not a log\n");
  auto l = load_files({path});
  EXPECT_EQ(l.results[0].format, LogFormat::Csv);
  EXPECT_EQ(l.results[0].records, 0u);
  EXPECT_EQ(l.results[0].quarantined, 1u);
  // Said once for the file (a README or a license in a folder of logs), not once per line.
  EXPECT_TRUE(l.quarantine.records()[0].reason.starts_with("not a log file")) << l.quarantine.records()[0].reason;
  EXPECT_FALSE(l.results[0].error.empty());
}

TEST(IngestQuarantine, MissingFile) {
  auto l = load_files({::testing::TempDir() + "no-such-file.evtx"});
  EXPECT_FALSE(l.results[0].error.empty());
  EXPECT_EQ(l.quarantine.count(), 1u);
}

TEST(IngestQuarantine, OneBadFileDoesNotStopTheNext) {
  if (!have_data()) GTEST_SKIP();
  auto bad = write_temp("bad_first.jsonl", "{not json\n");
  auto l = load_files({bad, data_path("evtx/DeepBlueCLI/powersploit-security.evtx")});
  EXPECT_EQ(l.results[0].quarantined, 1u);
  EXPECT_EQ(l.results[1].records, 27u);
  EXPECT_EQ(total_rows(l), 27u);
}

}  // namespace
}  // namespace huntdb::ingest::testing
