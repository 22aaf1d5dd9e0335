// Everything one running query shares: the tables it reads, its clock, its parameters, the
// thread pool, and the results computed once per query (materialize, toscalar).
#pragma once

#include <atomic>
#include <chrono>
#include <optional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <absl/container/flat_hash_map.h>

#include "huntdb/analyze/logical_plan.h"
#include "huntdb/column/column.h"
#include "huntdb/exec/thread_pool.h"
#include "huntdb/functions/kernel.h"

namespace huntdb::exec {

// What the scans of one query read, as Kusto's query completion information reports it.
struct ScanStats {
  std::atomic<uint64_t> extents_total{0};    // extents of the tables scanned
  std::atomic<uint64_t> extents_scanned{0};  // extents read after pruning
  std::atomic<uint64_t> rows_read{0};
  std::atomic<uint64_t> bytes_read{0};       // compressed bytes of the columns read
};

// Where table scans find their rows.
class TableSource {
 public:
  virtual ~TableSource() = default;
  // The rows of a table, or null if there is no such table.
  virtual TablePtr table(std::string_view name) const = 0;
  // The rows a scan needs: its table, with the columns it does not read left as nulls; a
  // source that can skip data by the scan's bounds (time ranges, terms) does so. Null if there
  // is no such table.
  virtual TablePtr scan(const analyze::TableScanPlan& p, ScanStats& stats) const;
};

class QueryContext {
 public:
  QueryContext(const TableSource& tables, ThreadPool& pool) : tables_(tables), pool_(pool) {}

  const TableSource& tables() const { return tables_; }
  ScanStats& scan_stats() { return scan_stats_; }
  ThreadPool& pool() { return pool_; }

  functions::KernelContext kernel;
  // Values of `declare query_parameters` given by the caller.
  std::vector<std::pair<std::string, Value>> parameters;
  // Set from another thread to stop the query at the next batch.
  std::atomic<bool> cancelled{false};
  // After this moment the query stops as if cancelled (a caller's time limit).
  void set_deadline(std::chrono::steady_clock::time_point t) { deadline_ = t; }
  // A flag the caller owns (a server whose client went away): set, the query stops as if
  // cancelled. It must outlive the query.
  void set_cancel_flag(const std::atomic<bool>* flag) { external_cancel_ = flag; }
  // The most bytes one operator's result may hold; past it the query stops. Zero: no limit.
  void set_memory_limit(uint64_t bytes) { memory_limit_ = bytes; }

  // Throws ExecError when the query was cancelled or ran past its deadline. Operators call it
  // between batches, so a long query stops within one batch's work.
  void check_cancelled() const;
  // Throws ExecError when a table an operator materialized is over the memory limit.
  void check_memory(const Table& t) const;

  // Results computed once per query: materialized tables and scalar subqueries, by node.
  TablePtr cached_table(const analyze::Plan* p);
  void cache_table(const analyze::Plan* p, TablePtr t);
  std::mutex& cache_mutex() { return mu_; }

 private:
  const TableSource& tables_;
  ScanStats scan_stats_;
  ThreadPool& pool_;
  std::optional<std::chrono::steady_clock::time_point> deadline_;
  const std::atomic<bool>* external_cancel_ = nullptr;
  uint64_t memory_limit_ = 0;
  std::mutex mu_;
  absl::flat_hash_map<const analyze::Plan*, TablePtr> tables_cache_;
};

}  // namespace huntdb::exec
