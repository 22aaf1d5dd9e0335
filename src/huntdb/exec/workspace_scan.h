// Scans over a workspace snapshot. Each extent is pruned before it is read: by the min/max of
// the columns a scan bounds (a TimeGenerated window reads only the extents that overlap it) and
// by the term index of string columns for `has` terms. Only the columns the query reads are
// decoded; the others come back as nulls.
#pragma once

#include <span>

#include "huntdb/exec/query_context.h"
#include "huntdb/storage/snapshot.h"

namespace huntdb::exec {

// A query's tables: in-memory ones first (`memory`, may be null), then the snapshot's.
class WorkspaceTables : public TableSource {
 public:
  WorkspaceTables(const TableSource* memory, storage::SnapshotPtr snapshot)
      : memory_(memory), snapshot_(std::move(snapshot)) {}

  TablePtr table(std::string_view name) const override;
  TablePtr scan(const analyze::TableScanPlan& p, ScanStats& stats) const override;

 private:
  const TableSource* memory_;
  storage::SnapshotPtr snapshot_;
};

// False when no row of the extent can satisfy every bound (the extent can be skipped).
bool extent_may_match(const storage::ExtentReader& extent, const TableSchema& schema,
                      std::span<const analyze::ScanBound> bounds);

}  // namespace huntdb::exec
