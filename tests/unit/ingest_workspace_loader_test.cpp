// WorkspaceLoader (src/huntdb/ingest/workspace_loader.cpp): files mapped on one thread and
// published on another land in the workspace exactly as mapped, publication by publication, each
// table once it has gathered its own share, and a publication that fails stops the load with its
// error.
#include "huntdb/ingest/workspace_loader.h"

#include <unistd.h>

#include <filesystem>
#include <map>
#include <vector>

#include "ingest_test_util.h"

namespace huntdb::ingest::testing {
namespace {

std::string fresh_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / (name + "_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  return dir.string();
}

uint64_t stored_rows(const storage::Workspace& ws, const std::string& table) {
  auto snapshot = ws.snapshot();
  const auto* t = snapshot->find(table);
  return t ? t->read().row_count() : 0;
}

TEST(WorkspaceLoader, PublishesEveryMappedRowInSmallPublications) {
  if (!have_data()) GTEST_SKIP();
  std::vector<std::string> files = {data_path("json/cmd_psexec_lsa_secrets_dump_2020-10-1903305471.json"),
                                    data_path("json/psh_lsass_memory_dump_comsvcs_2020-10-18T19500924.json")};
  Loaded expected = load_files(files);
  std::string dir = fresh_dir("huntdb_loader");
  {
    auto ws = storage::Workspace::open(dir);
    std::vector<std::pair<std::string, uint64_t>> publications;
    LoaderOptions options;
    options.publish_rows = 100;
    options.on_published = [&](const std::string& table, uint64_t rows) { publications.emplace_back(table, rows); };
    uint64_t records = 0;
    {
      WorkspaceLoader loader(*ws, {}, options);
      for (const auto& f : files) records += loader.load(f).records;
      loader.finish();
      auto published = loader.published_rows();
      for (const auto& [name, table] : expected.tables.tables()) {
        EXPECT_EQ(published[name], table->row_count()) << name;
        EXPECT_EQ(stored_rows(*ws, name), table->row_count()) << name;
      }
    }
    EXPECT_EQ(records, expected.results[0].records + expected.results[1].records);
    // Every file's rows were handed over on their own (each file passes 100 rows).
    EXPECT_GE(publications.size(), 2u);
    // A table goes once it has 100 rows of its own (Event: 243, then 148), not when all tables
    // together have (SecurityEvent's 43 and 36 rows wait, and go together at the end): only a
    // table's last publication may be smaller.
    std::map<std::string, std::vector<uint64_t>> per_table;
    for (const auto& [table, rows] : publications) per_table[table].push_back(rows);
    for (const auto& [table, sizes] : per_table)
      for (size_t i = 0; i + 1 < sizes.size(); ++i) EXPECT_GE(sizes[i], 100u) << table << " publication " << i;
    EXPECT_EQ(per_table["SecurityEvent"].size(), 1u);
    uint64_t reported = 0;
    for (const auto& p : publications) reported += p.second;
    EXPECT_EQ(reported, records);
  }
  std::filesystem::remove_all(dir);
}

TEST(WorkspaceLoader, FilesMappedOnSeveralThreadsLandAsWhenMappedOneByOne) {
  if (!have_data()) GTEST_SKIP();
  const std::string kGoodLine =
      R"({"EventID":4688,"Channel":"Security","Hostname":"ws1","TimeCreated":"2020-10-19T03:30:41.104Z"})";
  std::vector<std::string> files = {
      data_path("json/cmd_psexec_lsa_secrets_dump_2020-10-1903305471.json"),
      write_temp("loader_bad_lines.jsonl", kGoodLine + "\nnot json\n{\"EventID\":\"x\"}\n"),
      data_path("json/psh_lsass_memory_dump_comsvcs_2020-10-18T19500924.json"),
      data_path("json/cmd_process_herpaderping_mimiexplorer_2020-10-2623583501.json"),
      write_temp("loader_bad_line.jsonl", kGoodLine + "\n[1,2]\n")};
  auto load = [&](bool parallel, std::vector<std::string>& rejected, std::vector<uint64_t>& records) {
    std::string dir = fresh_dir(parallel ? "huntdb_loader_parallel" : "huntdb_loader_serial");
    std::map<std::string, uint64_t> stored;
    {
      auto ws = storage::Workspace::open(dir);
      LoaderOptions options;
      options.publish_rows = 100;
      options.mapping_threads = 3;
      WorkspaceLoader loader(*ws, {}, options);
      if (parallel) {
        size_t calls = 0;
        for (const auto& r : loader.load_files(files, [&](size_t, const IngestFileResult&) { ++calls; }))
          records.push_back(r.records);
        EXPECT_EQ(calls, files.size());
      } else {
        for (const auto& f : files) records.push_back(loader.load(f).records);
      }
      loader.finish();
      for (const auto& q : loader.quarantine().records()) rejected.push_back(format_quarantined(q));
      stored = loader.published_rows();
      for (const auto& [table, rows] : stored) EXPECT_EQ(stored_rows(*ws, table), rows) << table;
    }
    std::filesystem::remove_all(dir);
    return stored;
  };
  std::vector<std::string> serial_rejected, parallel_rejected;
  std::vector<uint64_t> serial_records, parallel_records;
  auto serial = load(false, serial_rejected, serial_records);
  auto parallel = load(true, parallel_rejected, parallel_records);
  EXPECT_EQ(parallel, serial);
  EXPECT_EQ(parallel_records, serial_records);  // per file, in the order given
  EXPECT_EQ(parallel_rejected, serial_rejected);  // in the order of the files
  EXPECT_EQ(serial_rejected.size(), 3u);
}

TEST(WorkspaceLoader, AFailedPublicationStopsTheLoadWithItsError) {
  std::string line = R"({"EventID":4688,"Channel":"Security","Hostname":"ws1","TimeCreated":"2020-10-19T03:30:41.104Z"})";
  std::string path = write_temp("loader_one.jsonl", line + "\n");
  std::string dir = fresh_dir("huntdb_loader_fail");
  {
    auto ws = storage::Workspace::open(dir);
    // A SecurityEvent whose TimeGenerated is a string: the mapped rows cannot be appended to it.
    TableSchema wrong;
    wrong.columns = {{"TimeGenerated", ScalarType::String}};
    ws->create_table("SecurityEvent", wrong);
    WorkspaceLoader loader(*ws);
    EXPECT_EQ(loader.load(path).records, 1u);
    EXPECT_THROW(loader.finish(), storage::StorageError);
    EXPECT_THROW(loader.load(path), storage::StorageError);
    EXPECT_EQ(loader.published_rows().count("SecurityEvent"), 0u);
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace huntdb::ingest::testing
