// Crash safety of the workspace (src/huntdb/storage/workspace.cpp) on the fault-injecting
// filesystem (fault_env.h): a crash at every single I/O call of an append and of a merge, and
// fsync errors and short writes at every call, must leave a workspace that opens with every
// previously published extent intact, the new rows either all visible or absent, no row
// twice, and no file left that the manifest does not list.
#include <gtest/gtest.h>

#include "huntdb/storage/fault_env.h"
#include "huntdb/storage/workspace.h"
#include "storage_test_util.h"

namespace huntdb::storage {
namespace {

using testing::all_types_table;
using testing::expect_same_rows;
using testing::rows_of;

WorkspaceOptions options(FaultEnv& env) {
  WorkspaceOptions o;
  o.env = &env;
  o.extent_rows = 150;  // the appended rows span two extents: both or neither must appear
  o.merge_policy.small_extent_rows = 1000;
  o.now = [] { return int64_t{1'800'000'000} * 10'000'000; };
  return o;
}

const Table& data() {
  static const Table t = all_types_table(600, 50, 17);
  return t;
}
Table published() { return rows_of(data(), 0, 300); }  // before the operation
Table appended() { return rows_of(data(), 300, 550); }  // the operation's rows

// The workspace every case starts from: table T with `published()` in several extents.
void prepare(FaultEnv& env) {
  auto ws = Workspace::open("/ws", options(env));
  ws->create_table("T", data().schema);
  ws->append("T", rows_of(data(), 0, 100));
  ws->append("T", rows_of(data(), 100, 200));
  ws->append("T", rows_of(data(), 200, 300));
}

// After a restart: opens, and holds exactly the published rows, or those and then `extra`.
// Returns whether `extra` is there.
bool check_reopened(FaultEnv& env, const Table& extra, const std::string& label) {
  std::unique_ptr<Workspace> ws;
  try {
    ws = Workspace::open("/ws", options(env));
  } catch (const StorageError& e) {
    ADD_FAILURE() << label << ": reopen failed: " << e.what();
    return false;
  }
  auto snap = ws->snapshot();
  const TableSnapshot* t = snap->find("T");
  if (!t) {
    ADD_FAILURE() << label << ": table T is gone";
    return false;
  }
  Table got;
  try {
    got = t->read();
  } catch (const StorageError& e) {
    ADD_FAILURE() << label << ": read failed: " << e.what();
    return false;
  }
  size_t files = 0;
  for (const auto& name : env.list("/ws/extents")) files += 1 + 0 * name.size();
  EXPECT_EQ(files, t->extents.size()) << label << ": files the manifest does not list";
  Table before = published();
  if (got.row_count() == before.row_count()) {
    expect_same_rows(before, got);
    return false;
  }
  Table both = before;
  both.batches.insert(both.batches.end(), extra.batches.begin(), extra.batches.end());
  EXPECT_EQ(got.row_count(), both.row_count()) << label;
  if (got.row_count() == both.row_count()) expect_same_rows(both, got);
  return true;
}

int64_t calls_of(const std::function<void(Workspace&)>& op) {
  FaultEnv env;
  prepare(env);
  auto ws = Workspace::open("/ws", options(env));
  int64_t before = env.mutating_calls();
  op(*ws);
  return env.mutating_calls() - before;
}

void crash_at_every_call(const std::function<void(Workspace&)>& op, const Table& extra, const char* what) {
  int64_t calls = calls_of(op);
  ASSERT_GT(calls, 10);
  int visible = 0;
  for (int64_t crash = 0; crash <= calls; ++crash) {
    FaultEnv env;
    prepare(env);
    bool finished = false;
    {
      auto ws = Workspace::open("/ws", options(env));
      env.crash_after(crash);
      try {
        op(*ws);
        finished = true;
      } catch (const StorageError&) {
      }
    }
    // The last calls may be deletions of replaced files, which are best-effort (open() removes
    // what they leave), so an operation may finish although a crash came before its end.
    if (crash == calls) {
      EXPECT_TRUE(finished) << what;
    }
    env.restart();
    std::string label = std::string(what) + ", crash at call " + std::to_string(crash) + " of " + std::to_string(calls);
    bool seen = check_reopened(env, extra, label);
    visible += seen ? 1 : 0;
    if (finished && extra.row_count() > 0) {
      EXPECT_TRUE(seen) << label << ": a finished operation must be durable";
    }
    if (::testing::Test::HasFailure()) return;
  }
  if (extra.row_count() > 0) {
    EXPECT_GE(visible, 1);
  }
}

TEST(StorageCrash, AppendAtEveryCall) {
  crash_at_every_call([](Workspace& ws) { ws.append("T", appended()); }, appended(), "append");
}

TEST(StorageCrash, MergeAtEveryCall) {
  // A merge changes no rows: before and after, the table reads the published rows in order.
  crash_at_every_call(
      [](Workspace& ws) {
        if (ws.merge() != 1) throw std::logic_error("expected one merge");
      },
      Table{}, "merge");
  // And a finished merge leaves one extent.
  FaultEnv env;
  prepare(env);
  auto ws = Workspace::open("/ws", options(env));
  ws->merge();
  EXPECT_EQ(ws->snapshot()->find("T")->extents.size(), 1u);
}

TEST(StorageCrash, ReplaceAtEveryCall) {
  // The table holds the old rows or exactly the new ones.
  int64_t calls = calls_of([](Workspace& ws) { ws.replace("T", appended()); });
  for (int64_t crash = 0; crash < calls; ++crash) {
    FaultEnv env;
    prepare(env);
    {
      auto ws = Workspace::open("/ws", options(env));
      env.crash_after(crash);
      try {
        ws->replace("T", appended());
      } catch (const StorageError&) {
      }
    }
    env.restart();
    auto ws = Workspace::open("/ws", options(env));
    Table got = ws->snapshot()->find("T")->read();
    if (got.row_count() == 300) {
      expect_same_rows(published(), got);
    } else {
      expect_same_rows(appended(), got);
    }
    if (::testing::Test::HasFailure()) return;
  }
}

// Errors that are not crashes: the operation fails, the workspace stays usable, and after a
// later append and a crash, the published rows and the later rows are all there.
void error_at_every_call(bool fsync_errors) {
  for (int64_t nth = 0;; ++nth) {
    FaultEnv env;
    prepare(env);
    bool failed = false;
    {
      auto ws = Workspace::open("/ws", options(env));
      if (fsync_errors)
        env.fail_sync(nth);
      else
        env.short_write(nth);
      try {
        ws->append("T", appended());
      } catch (const StorageError&) {
        failed = true;
      }
      if (fsync_errors)
        env.fail_sync(-1);
      else
        env.short_write(-1);
      // Still usable: a later append publishes.
      ws->append("T", rows_of(data(), 550, 600));
      EXPECT_EQ(ws->snapshot()->find("T")->rows() % 50, 0u);
    }
    env.restart();  // power loss after the later append
    auto ws = Workspace::open("/ws", options(env));
    Table got = ws->snapshot()->find("T")->read();
    Table want = published();
    Table later = rows_of(data(), 550, 600);
    if (got.row_count() == 350) {
      want.batches.insert(want.batches.end(), later.batches.begin(), later.batches.end());
    } else {
      Table extra = appended();
      want.batches.insert(want.batches.end(), extra.batches.begin(), extra.batches.end());
      want.batches.insert(want.batches.end(), later.batches.begin(), later.batches.end());
    }
    expect_same_rows(want, got);
    if (::testing::Test::HasFailure() || !failed) return;  // past the last sync / append
  }
}

TEST(StorageCrash, FsyncErrorAtEverySync) { error_at_every_call(true); }
TEST(StorageCrash, ShortWriteAtEveryWrite) { error_at_every_call(false); }

TEST(StorageCrash, CrashDuringOpenCleanup) {
  // A crash while open() removes leftovers leaves them to the next open.
  // Crash when the manifest swap begins (its 6 calls are the append's last): the new extent
  // files are durable but listed nowhere.
  int64_t calls = calls_of([](Workspace& ws) { ws.append("T", appended()); });
  FaultEnv env;
  prepare(env);
  {
    auto ws = Workspace::open("/ws", options(env));
    env.crash_after(calls - 6);
    EXPECT_THROW(ws->append("T", appended()), StorageError);
  }
  env.restart();
  env.crash_after(0);
  EXPECT_ANY_THROW(Workspace::open("/ws", options(env)));
  env.restart();
  EXPECT_FALSE(check_reopened(env, appended(), "after an interrupted cleanup"));
}

}  // namespace
}  // namespace huntdb::storage
