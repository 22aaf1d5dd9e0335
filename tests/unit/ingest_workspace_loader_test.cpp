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
