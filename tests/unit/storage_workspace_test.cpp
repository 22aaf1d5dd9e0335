// The workspace (src/huntdb/storage/workspace.cpp, snapshot.cpp, merge_policy.cpp,
// retention.cpp): tables, appends split into extents, snapshots that outlive merges and drops,
// merges that keep rows and order, retention, atomic replace, reopening.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <thread>

#include "huntdb/storage/fault_env.h"
#include "huntdb/storage/workspace.h"
#include "huntdb/types/datetime.h"
#include "storage_test_util.h"

namespace huntdb::storage {
namespace {

using testing::all_types_table;
using testing::expect_same_rows;
using testing::rows_of;

constexpr int64_t kNow = 1'700'000'000LL * 10'000'000 + 100'000LL * 10'000'000;

WorkspaceOptions options(FaultEnv& env, uint64_t extent_rows = 1024 * 1024) {
  WorkspaceOptions o;
  o.env = &env;
  o.extent_rows = extent_rows;
  o.now = [] { return kNow; };
  return o;
}

size_t extent_files(FaultEnv& env) {
  size_t n = 0;
  for (const auto& name : env.list("/ws/extents")) n += name.ends_with(".hdbx") ? 1 : 0;
  return n;
}

TEST(StorageWorkspace, CreateAppendReadReopen) {
  FaultEnv env;
  Table data = all_types_table(2500, 300);
  {
    auto ws = Workspace::open("/ws", options(env, 1000));
    EXPECT_TRUE(ws->tables().empty());
    ws->create_table("SecurityEvent", data.schema);
    auto infos = ws->append("SecurityEvent", data);
    ASSERT_EQ(infos.size(), 3u);  // 1000 + 1000 + 500
    EXPECT_EQ(infos[0].rows, 1000u);
    EXPECT_EQ(infos[2].rows, 500u);
    EXPECT_EQ(infos[0].created_ticks, kNow);
    ASSERT_TRUE(infos[0].min_time && infos[0].max_time);
    EXPECT_LT(*infos[0].min_time, *infos[0].max_time);
    EXPECT_LE(*infos[0].max_time, *infos[1].min_time);
    EXPECT_GT(infos[0].bytes, 0u);
    auto snap = ws->snapshot();
    const TableSnapshot* t = snap->find("SecurityEvent");
    ASSERT_TRUE(t);
    EXPECT_EQ(t->rows(), 2500u);
    expect_same_rows(data, t->read());
  }
  auto ws = Workspace::open("/ws", options(env));
  EXPECT_EQ(ws->tables(), std::vector<std::string>{"SecurityEvent"});
  expect_same_rows(data, ws->snapshot()->find("SecurityEvent")->read());
}

TEST(StorageWorkspace, ReadsAskedColumnsOnly) {
  FaultEnv env;
  auto ws = Workspace::open("/ws", options(env));
  Table data = all_types_table(3000);
  ws->create_table("T", data.schema);
  ws->append("T", data);
  env.reset_bytes_read();
  std::vector<std::string> cols = {"Computer"};
  Table got = ws->snapshot()->find("T")->read(cols);
  ASSERT_EQ(got.schema.columns.size(), 1u);
  EXPECT_EQ(got.row_count(), 3000u);
  auto reader = ws->snapshot()->find("T")->extents[0]->reader();
  const auto& meta = reader->footer().columns[reader->column_index("Computer")];
  // The trailer and footer, plus that one chunk.
  EXPECT_LT(env.bytes_read(), meta.size + 4096);
}

TEST(StorageWorkspace, InputColumnsMatchedByName) {
  FaultEnv env;
  auto ws = Workspace::open("/ws", options(env));
  TableSchema schema;
  schema.columns = {{"A", ScalarType::Long}, {"B", ScalarType::String}};
  ws->create_table("T", schema);
  Table in;
  in.schema.columns = {{"B", ScalarType::String}};
  ColumnBuilder b(ScalarType::String);
  b.append_string("x");
  in.batches.push_back(Batch{{b.finish()}, 1});
  ws->append("T", in);
  Table got = ws->snapshot()->find("T")->read();
  EXPECT_TRUE(got.batches[0].columns[0]->is_null(0));
  EXPECT_EQ(got.batches[0].columns[1]->string_at(0), "x");
  Table bad;
  bad.schema.columns = {{"B", ScalarType::Long}};
  bad.batches.push_back(Batch{{Column::make_longs(ScalarType::Long, {1})}, 1});
  EXPECT_THROW(ws->append("T", bad), StorageError);
  EXPECT_THROW(ws->append("NoSuchTable", in), StorageError);
}

TEST(StorageWorkspace, CreateMergeAddsColumnsOldExtentsReadNulls) {
  FaultEnv env;
  auto ws = Workspace::open("/ws", options(env));
  TableSchema s1;
  s1.columns = {{"A", ScalarType::Long}};
  ws->create_table("T", s1);
  EXPECT_NO_THROW(ws->create_table("T", s1));  // same schema: nothing to do
  TableSchema other;
  other.columns = {{"A", ScalarType::String}};
  EXPECT_THROW(ws->create_table("T", other), StorageError);
  EXPECT_THROW(ws->create_merge_table("T", other), StorageError);
  Table in;
  in.schema = s1;
  in.batches.push_back(Batch{{Column::make_longs(ScalarType::Long, {1, 2})}, 2});
  ws->append("T", in);
  TableSchema s2;
  s2.columns = {{"A", ScalarType::Long}, {"C", ScalarType::Real}};
  ws->create_merge_table("T", s2);
  EXPECT_EQ(ws->schema("T")->columns.size(), 2u);
  Table got = ws->snapshot()->find("T")->read();
  ASSERT_EQ(got.schema.columns.size(), 2u);
  EXPECT_TRUE(got.batches[0].columns[1]->is_null(1));
}

TEST(StorageWorkspace, DropTableDeletesFilesWhenSnapshotsRelease) {
  FaultEnv env;
  auto ws = Workspace::open("/ws", options(env));
  Table data = all_types_table(100);
  ws->create_table("T", data.schema);
  ws->append("T", data);
  auto held = ws->snapshot();
  EXPECT_TRUE(ws->drop_table("T"));
  EXPECT_FALSE(ws->drop_table("T"));
  EXPECT_FALSE(ws->snapshot()->find("T"));
  // The old snapshot still reads the table.
  expect_same_rows(data, held->find("T")->read());
  EXPECT_EQ(extent_files(env), 1u);
  held.reset();
  EXPECT_EQ(extent_files(env), 0u);
}

TEST(StorageWorkspace, ReplaceIsAtomic) {
  FaultEnv env;
  auto ws = Workspace::open("/ws", options(env));
  Table a = all_types_table(300, 100, 1), b = all_types_table(50, 100, 2);
  ws->create_table("T", a.schema);
  ws->append("T", a);
  auto before = ws->snapshot();
  ws->replace("T", b);
  expect_same_rows(a, before->find("T")->read());
  expect_same_rows(b, ws->snapshot()->find("T")->read());
  // set_or_replace creates a missing table with the rows' schema.
  ws->set_or_replace("New", b);
  expect_same_rows(b, ws->snapshot()->find("New")->read());
  // Replacing with nothing empties the table.
  ws->replace("T", Table{a.schema, {}});
  EXPECT_EQ(ws->snapshot()->find("T")->rows(), 0u);
}

TEST(StorageWorkspace, MergeKeepsRowsAndOrder) {
  FaultEnv env;
  WorkspaceOptions o = options(env);
  o.merge_policy.small_extent_rows = 500;
  o.merge_policy.target_rows = 1000;
  auto ws = Workspace::open("/ws", o);
  Table data = all_types_table(2000, 100);
  ws->create_table("T", data.schema);
  for (size_t i = 0; i < 2000; i += 100) ws->append("T", rows_of(data, i, i + 100));
  EXPECT_EQ(ws->snapshot()->find("T")->extents.size(), 20u);
  auto before = ws->snapshot();
  EXPECT_EQ(ws->merge(), 2u);  // 10 + 10 extents of 100 rows -> 2 of 1000
  auto after = ws->snapshot();
  EXPECT_EQ(after->find("T")->extents.size(), 2u);
  expect_same_rows(data, after->find("T")->read());
  // Snapshot isolation: the old snapshot still reads its 20 extents, whose files stay.
  EXPECT_EQ(before->find("T")->extents.size(), 20u);
  expect_same_rows(data, before->find("T")->read());
  EXPECT_EQ(extent_files(env), 22u);
  before.reset();
  EXPECT_EQ(extent_files(env), 2u);
  EXPECT_EQ(ws->merge(), 0u);  // nothing small left
  auto reopened = Workspace::open("/ws", options(env));
  expect_same_rows(data, reopened->snapshot()->find("T")->read());
}

TEST(StorageMergePolicy, PicksRunsOfSmallExtents) {
  MergePolicy p;
  p.small_extent_rows = 100;
  p.target_rows = 250;
  std::vector<ExtentInfo> e;
  uint64_t rows[] = {50, 50, 50, 50, 50, 50, 1000, 10, 10, 99, 500, 5};
  for (size_t i = 0; i < std::size(rows); ++i) e.push_back(ExtentInfo{.id = i + 1, .rows = rows[i]});
  auto groups = p.pick(e);
  // 1..5 fill 250 rows; 6 alone before the big 7 waits; 8..10 end at the big 11; 12 waits.
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0], (std::vector<uint64_t>{1, 2, 3, 4, 5}));
  EXPECT_EQ(groups[1], (std::vector<uint64_t>{8, 9, 10}));
}

TEST(StorageWorkspace, MergeLosesToConcurrentDrop) {
  // An input dropped between the merge's snapshot and its publish: the merge publishes nothing.
  FaultEnv env;
  WorkspaceOptions o = options(env);
  o.merge_policy.small_extent_rows = 500;
  auto ws = Workspace::open("/ws", o);
  Table data = all_types_table(300, 100);
  ws->create_table("T", data.schema);
  for (int i = 0; i < 3; ++i) ws->append("T", rows_of(data, i * 100, i * 100 + 100));
  ws->set_retention("T", RetentionPolicy{1});  // everything is older than a tick
  EXPECT_EQ(ws->apply_retention(), 3u);
  EXPECT_EQ(ws->merge(), 0u);
  EXPECT_EQ(ws->snapshot()->find("T")->rows(), 0u);
}

TEST(StorageWorkspace, RetentionDropsOldExtents) {
  FaultEnv env;
  auto ws = Workspace::open("/ws", options(env, 1000));
  Table data = all_types_table(3000, 500);  // TimeGenerated: 1 s apart from 1.7e9 s
  ws->create_table("T", data.schema);
  ws->append("T", data);
  EXPECT_EQ(ws->apply_retention(), 0u);  // default policy keeps everything
  auto infos = ws->snapshot()->find("T")->extent_infos();
  ASSERT_EQ(infos.size(), 3u);
  // Keep what is newer than the first extent's newest row.
  ws->set_retention("T", RetentionPolicy{kNow - *infos[0].max_time - 1});
  EXPECT_EQ(ws->apply_retention(), 1u);
  auto left = ws->snapshot()->find("T")->extent_infos();
  ASSERT_EQ(left.size(), 2u);
  EXPECT_EQ(left[0].id, infos[1].id);
  expect_same_rows(rows_of(data, 1000, 3000), ws->snapshot()->find("T")->read());
  // The policy is published with the table.
  auto reopened = Workspace::open("/ws", options(env));
  EXPECT_EQ(reopened->snapshot()->find("T")->retention.soft_delete_ticks, kNow - *infos[0].max_time - 1);
}

TEST(StorageWorkspace, BackgroundMaintenanceMergesAppends) {
  std::string dir = ::testing::TempDir() + "huntdb_ws_bg_" + std::to_string(::getpid());
  WorkspaceOptions o;
  o.merge_policy.small_extent_rows = 1000;
  auto ws = Workspace::open(dir, o);
  Table data = all_types_table(1000, 50);
  ws->create_table("T", data.schema);
  ws->start_background_maintenance(std::chrono::milliseconds(20));
  // Appends while the merger runs; readers take snapshots in between.
  for (size_t i = 0; i < 1000; i += 50) {
    ws->append("T", rows_of(data, i, i + 50));
    auto snap = ws->snapshot();
    EXPECT_EQ(snap->find("T")->rows(), i + 50);
  }
  for (int i = 0; i < 200 && ws->snapshot()->find("T")->extents.size() > 1; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  ws->stop_background_maintenance();
  EXPECT_EQ(ws->snapshot()->find("T")->extents.size(), 1u);
  expect_same_rows(data, ws->snapshot()->find("T")->read());
  ws.reset();
  std::filesystem::remove_all(dir);
}

TEST(StorageWorkspace, OpenRemovesLeftovers) {
  FaultEnv env;
  {
    auto ws = Workspace::open("/ws", options(env));
    Table data = all_types_table(10);
    ws->create_table("T", data.schema);
    ws->append("T", data);
  }
  // What a crash leaves: temp files and an extent no manifest lists.
  for (const char* p : {"/ws/extents/0000000000000063.hdbx.tmp", "/ws/extents/0000000000000064.hdbx", "/ws/MANIFEST.tmp"}) {
    auto f = env.open_writable(p);
    f->append("partial");
    f->close();
  }
  auto ws = Workspace::open("/ws", options(env));
  EXPECT_EQ(extent_files(env), 1u);
  EXPECT_FALSE(env.exists("/ws/MANIFEST.tmp"));
  EXPECT_FALSE(env.exists("/ws/extents/0000000000000063.hdbx.tmp"));
  EXPECT_EQ(ws->snapshot()->find("T")->rows(), 10u);
}

}  // namespace
}  // namespace huntdb::storage
