// A consistent view of the workspace at one moment: its tables, their schemas and extents, and
// its stored functions. A
// query reads a snapshot; what is published after it was taken (appends, merges, drops) does
// not change it, and the extent files it holds stay on disk while it lives: a file replaced by a
// merge or dropped is deleted only when the last snapshot holding it is gone.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <vector>

#include "huntdb/column/column.h"
#include "huntdb/storage/env.h"
#include "huntdb/storage/extent_reader.h"
#include "huntdb/storage/manifest.h"

namespace huntdb::storage {

// One published extent: its facts, and its file opened on first use.
class ExtentHandle {
 public:
  ExtentHandle(Env& env, std::string path, ExtentInfo info) : env_(&env), path_(std::move(path)), info_(info) {}
  ~ExtentHandle();
  ExtentHandle(const ExtentHandle&) = delete;
  ExtentHandle& operator=(const ExtentHandle&) = delete;

  const ExtentInfo& info() const { return info_; }
  const std::string& path() const { return path_; }
  // The mapped file with its footer read (statistics, term indexes, lazy columns).
  std::shared_ptr<const ExtentReader> reader() const;
  // The extent's rows as batches holding the asked columns (see ExtentReader::read_batches).
  std::vector<Batch> read(std::span<const ColumnSchema> columns, size_t batch_rows = kBatchRows) const;

  // Called once the extent is no longer published: the file goes when the last holder does.
  void mark_obsolete() const { obsolete_ = true; }

 private:
  Env* env_;
  std::string path_;
  ExtentInfo info_;
  mutable std::mutex mu_;
  mutable std::shared_ptr<const ExtentReader> reader_;
  mutable std::atomic<bool> obsolete_{false};
};
using ExtentHandlePtr = std::shared_ptr<const ExtentHandle>;

struct TableSnapshot {
  std::string name;
  TableSchema schema;
  RetentionPolicy retention;
  std::vector<ExtentHandlePtr> extents;

  uint64_t rows() const;
  std::vector<ExtentInfo> extent_infos() const;
  // The asked columns (all when `columns` is empty) of every extent, as one table.
  Table read(std::span<const std::string> columns = {}) const;
};

struct Snapshot {
  uint64_t generation = 0;
  std::vector<TableSnapshot> tables;
  std::vector<FunctionRecord> functions;

  const TableSnapshot* find(std::string_view name) const;
};
using SnapshotPtr = std::shared_ptr<const Snapshot>;

}  // namespace huntdb::storage
