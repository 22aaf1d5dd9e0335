// A workspace: a folder holding tables as immutable extents listed by one manifest. This is
// the face of storage for the engine (queries over snapshots, management commands, ingestion).
//
//   dir/MANIFEST             the published tables, extents and stored functions (manifest.h)
//   dir/extents/<id>.hdbx    one file per extent (extent_format.h)
//
// Every change (append, replace, drop, merge, retention) writes its new extent files first
// (temp name, fsync, rename, fsync the folder) and then publishes them with one atomic manifest
// swap, so a crash at any moment leaves the workspace openable with every published extent
// intact and nothing half-written visible. open() removes what a crash left behind (temp files,
// extent files no manifest lists). Readers take a snapshot() and are not disturbed by later
// changes. Methods are thread-safe; changes are published one at a time.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "huntdb/column/column.h"
#include "huntdb/storage/env.h"
#include "huntdb/storage/manifest.h"
#include "huntdb/storage/merge_policy.h"
#include "huntdb/storage/retention.h"
#include "huntdb/storage/snapshot.h"
#include "huntdb/storage/storage_error.h"

namespace huntdb::storage {

struct WorkspaceOptions {
  Env* env = nullptr;                   // the real filesystem when null
  uint64_t extent_rows = 1024 * 1024;   // an append is split into extents of at most this many rows
  MergePolicy merge_policy;
  std::function<int64_t()> now;         // the clock, in datetime ticks (the system clock when empty)
};

class Workspace {
 public:
  // Opens the workspace in `dir`, creating it if missing, and removes what a crash left behind.
  static std::unique_ptr<Workspace> open(const std::string& dir, WorkspaceOptions options = {});
  ~Workspace();
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  const std::string& dir() const { return dir_; }
  Env& env() const { return *env_; }

  // --- tables
  std::vector<std::string> tables() const;
  std::optional<TableSchema> schema(std::string_view table) const;
  // .create table: a no-op when the table exists with this schema, an error when it differs.
  void create_table(const std::string& name, const TableSchema& schema);
  // .create-merge table: creates the table, or adds the columns it lacks (existing columns
  // must keep their types). Extents written before read the new columns as nulls.
  void create_merge_table(const std::string& name, const TableSchema& schema);
  // .drop table: false when there was no such table.
  bool drop_table(const std::string& name);
  void set_retention(const std::string& table, RetentionPolicy policy);

  // --- stored functions (.create function, .alter function, .drop function)
  std::vector<FunctionRecord> functions() const;
  std::optional<FunctionRecord> function(std::string_view name) const;
  // Adds the function, or replaces the one of that name.
  void put_function(const FunctionRecord& f);
  // false when there was no such function.
  bool drop_function(const std::string& name);

  // --- data. Input columns are matched to the table's by name; table columns the input lacks
  // are null; an input column the table lacks or of another type is an error.
  // Appends rows as one or more new extents (of at most extent_rows rows), all published at once.
  std::vector<ExtentInfo> append(const std::string& table, const Table& rows);
  // Replaces the table's rows by these, atomically (.set-or-replace; the table must exist).
  std::vector<ExtentInfo> replace(const std::string& table, const Table& rows);
  // .set-or-replace: creates the table with the rows' schema when it does not exist.
  std::vector<ExtentInfo> set_or_replace(const std::string& table, const Table& rows);

  // A consistent view of every table and its extents.
  SnapshotPtr snapshot() const;

  // --- maintenance
  // One round of the merge policy over every table; returns the number of merged extents published.
  size_t merge();
  // Drops extents past their table's retention; returns how many.
  size_t apply_retention();
  // Runs merge() and apply_retention() on a thread: every `interval`, and soon after an append.
  void start_background_maintenance(std::chrono::milliseconds interval = std::chrono::seconds(5));
  void stop_background_maintenance();

 private:
  Workspace(std::string dir, WorkspaceOptions options);
  void load();
  int64_t now() const;
  std::string extents_dir() const;
  std::vector<Batch> conform(const TableSchema& schema, const Table& rows) const;
  std::vector<std::shared_ptr<ExtentHandle>> write_extents(const TableSchema& schema, std::span<const Batch> batches,
                                                           int64_t created_ticks, uint64_t extent_rows);
  // Publishes the manifest `change` makes of the current one, with `added` as the handles of
  // the extents it adds. On failure nothing changes in memory, and added files are removed
  // when no manifest on disk can list them.
  void publish(const std::function<void(Manifest&)>& change, const std::vector<std::shared_ptr<ExtentHandle>>& added);
  void discard(const std::vector<std::shared_ptr<ExtentHandle>>& extents);
  bool merge_group(const TableSnapshot& table, const std::vector<uint64_t>& ids);
  void notify_maintenance();

  std::string dir_;
  Env* env_;
  WorkspaceOptions options_;

  std::mutex commit_mu_;          // one publish at a time; guards manifest_
  Manifest manifest_;
  mutable std::mutex state_mu_;   // guards current_
  SnapshotPtr current_;
  std::atomic<uint64_t> next_id_{1};

  std::mutex bg_mu_;
  std::condition_variable bg_cv_;
  bool bg_stop_ = false, bg_wake_ = false;
  std::thread bg_thread_;
};

}  // namespace huntdb::storage
