// Every file of ../shared/data loads, each with the count of records its manifest gives
// (manifest.tsv: the records libevtx / a JSON parser read), and nothing is quarantined. The three
// files libevtx cannot parse (manifest: FAILS, 0 events) load with the records their chunk headers
// announce, as huntdb's EVTX reader reads them (evtx_record_reader_test.cpp).
#include <fstream>
#include <sstream>

#include "ingest_test_util.h"

namespace huntdb::ingest::testing {
namespace {

struct ManifestRow {
  std::string path;
  uint64_t events = 0;
  bool libevtx_fails = false;
};

std::vector<ManifestRow> manifest() {
  std::vector<ManifestRow> rows;
  std::ifstream in(data_path("manifest.tsv"));
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, '\t')) cells.push_back(cell);
    if (cells.size() < 14) continue;
    rows.push_back({cells[0], std::stoull(cells[7]), cells[13].starts_with("FAILS")});
  }
  return rows;
}

TEST(IngestDataFiles, EveryFileLoadsWithTheManifestCount) {
  if (!have_data()) GTEST_SKIP() << "no ../shared/data";
  auto rows = manifest();
  ASSERT_EQ(rows.size(), 321u);
  uint64_t total = 0;
  for (const auto& row : rows) {
    auto loaded = load_files({data_path(row.path)});
    const auto& r = loaded.results[0];
    EXPECT_TRUE(r.error.empty()) << row.path << ": " << r.error;
    uint64_t expected = row.events;
    if (row.libevtx_fails) {
      if (row.path.find("Defender threat detected") != std::string::npos) expected = 6;
      else if (row.path.find("PowerLurk") != std::string::npos) expected = 10;
      else if (row.path.find("SharpHound") != std::string::npos) expected = 55;
      else ADD_FAILURE() << "a new file libevtx cannot read: " << row.path;
    }
    EXPECT_EQ(r.records, expected) << row.path;
    EXPECT_EQ(r.quarantined, 0u) << row.path;
    for (auto& q : loaded.quarantine.records()) ADD_FAILURE() << format_quarantined(q);
    total += r.records;
  }
  EXPECT_EQ(total, 27998u + 6 + 10 + 55);
}

}  // namespace
}  // namespace huntdb::ingest::testing
