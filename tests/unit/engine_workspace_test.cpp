// Engine over a workspace: queries read a snapshot, scans skip the extents a time window or a
// `has` term rules out (and say so in the query statistics), and management commands create,
// fill, show and drop tables.
#include <gtest/gtest.h>

#include <filesystem>

#include "huntdb/demo/demo.h"
#include "huntdb/engine.h"
#include "huntdb/storage/workspace.h"
#include "huntdb/types/datetime.h"
#include "huntdb/types/format.h"

#include "engine_test_util.h"

namespace huntdb {
namespace {

TEST(EngineWorkspace, TimeWindowReadsOnlyTheExtentsThatOverlapIt) {
  std::string dir = fresh_dir("prune");
  int64_t now = *parse_datetime("2026-11-20T15:30:00Z");
  demo::DemoOptions d;
  d.rows = 120'000;
  d.now = now;
  demo::DemoData data = demo::generate_demo(d);
  TablePtr events = data.tables[0].second;
  std::vector<storage::ExtentInfo> extents;
  {
    storage::WorkspaceOptions o;
    o.extent_rows = 10'000;  // rows come sorted by time: each extent holds a couple of days
    auto ws = storage::Workspace::open(dir, o);
    ws->create_table("SecurityEvent", events->schema);
    extents = ws->append("SecurityEvent", *events);
  }
  ASSERT_GT(extents.size(), 10u);

  Engine memory, disk;
  memory.add_table("SecurityEvent", events);
  ASSERT_FALSE(disk.open_workspace(dir));
  RunOptions options;
  options.now = now;
  std::string window = "SecurityEvent | where TimeGenerated between (datetime(2026-11-10 13:00) .. datetime(2026-11-10 14:00)) | count";
  QueryResult a = disk.execute(window, options);
  QueryResult b = memory.execute(window, options);
  ASSERT_TRUE(a.ok()) << a.errors[0].message;
  EXPECT_EQ(cell(a, 0, "Count"), cell(b, 0, "Count"));
  EXPECT_NE(cell(a, 0, "Count"), "0");
  int64_t lo = *parse_datetime("2026-11-10T13:00:00Z"), hi = *parse_datetime("2026-11-10T14:00:00Z");
  uint64_t overlapping = 0;
  for (const auto& e : extents) overlapping += (*e.min_time <= hi && *e.max_time >= lo) ? 1 : 0;
  EXPECT_EQ(a.stats.extents_total, extents.size());
  EXPECT_EQ(a.stats.extents_scanned, overlapping);
  EXPECT_LE(overlapping, 2u);
  EXPECT_GT(a.stats.bytes_read, 0u);

  // A term no extent holds: nothing is read at all; a term only some hold: only those.
  QueryResult none = disk.execute("SecurityEvent | where CommandLine has 'nosuchterm' | count", options);
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none.stats.extents_scanned, 0u);
  EXPECT_EQ(cell(none, 0, "Count"), "0");
  QueryResult portping = disk.execute("SecurityEvent | where CommandLine has 'portping' | project TimeGenerated", options);
  ASSERT_TRUE(portping.ok());
  EXPECT_EQ(portping.tables[0].table->row_count(), 1u);
  EXPECT_LT(portping.stats.extents_scanned, extents.size());
}

TEST(EngineWorkspace, ManagementCommandsCreateFillShowAndDrop) {
  std::string dir = fresh_dir("commands");
  Engine e;
  ASSERT_FALSE(e.open_workspace(dir));
  QueryResult created = e.execute(".create table Logons (TimeGenerated:datetime, Account:string, Count:long)");
  ASSERT_TRUE(created.ok()) << created.errors[0].message;
  EXPECT_EQ(cell(created, 0, "Schema"), "TimeGenerated:datetime,Account:string,Count:long");

  QueryResult ingested = e.execute(".ingest inline into table Logons <|\n2024-01-01T10:00:00Z,alice,3\n2024-01-02T10:00:00Z,bob,5");
  ASSERT_TRUE(ingested.ok()) << ingested.errors[0].message;
  EXPECT_EQ(cell(ingested, 0, "RowCount"), "2");

  QueryResult appended = e.execute(".set-or-append Logons <| print TimeGenerated = datetime(2024-01-03), Account = 'carol', Count = 7");
  ASSERT_TRUE(appended.ok()) << appended.errors[0].message;
  QueryResult sum = e.execute("Logons | summarize total = sum(Count), n = count()");
  ASSERT_TRUE(sum.ok());
  EXPECT_EQ(cell(sum, 0, "total"), "15");
  EXPECT_EQ(cell(sum, 0, "n"), "3");

  QueryResult copied = e.execute(".set Busy <| Logons | where Count > 4");
  ASSERT_TRUE(copied.ok()) << copied.errors[0].message;
  QueryResult tables = e.execute(".show tables");
  ASSERT_TRUE(tables.ok());
  EXPECT_EQ(tables.tables[0].table->row_count(), 2u);
  QueryResult schema = e.execute(".show table Busy schema as json");
  ASSERT_TRUE(schema.ok());
  EXPECT_NE(cell(schema, 0, "Schema").find("\"CslType\":\"long\""), std::string::npos);
  QueryResult extents = e.execute(".show table Logons extents");
  ASSERT_TRUE(extents.ok());
  EXPECT_EQ(extents.tables[0].table->row_count(), 2u);

  EXPECT_FALSE(e.execute(".set Busy <| print x = 1").ok());  // .set needs a new table
  EXPECT_FALSE(e.execute(".append Nowhere <| print x = 1").ok());
  EXPECT_FALSE(e.execute(".create table Bad (x:nosuchtype)").ok());

  ASSERT_TRUE(e.execute(".drop table Busy").ok());
  EXPECT_FALSE(e.execute("Busy | count").ok());
  EXPECT_TRUE(e.execute(".drop table Busy ifexists").ok());

  // Everything published survives reopening.
  Engine again;
  ASSERT_FALSE(again.open_workspace(dir));
  QueryResult after = again.execute("Logons | summarize total = sum(Count)");
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(cell(after, 0, "total"), "15");
}

TEST(EngineWorkspace, CommandsWithoutAWorkspaceSayWhy) {
  Engine e;
  QueryResult r = e.execute(".show tables");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.errors[0].message.find("workspace"), std::string::npos);
}

}  // namespace
}  // namespace huntdb
