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

// Where table scans find their rows.
class TableSource {
 public:
  virtual ~TableSource() = default;
  // The rows of a table, or null if there is no such table.
  virtual TablePtr table(std::string_view name) const = 0;
};

class QueryContext {
 public:
  QueryContext(const TableSource& tables, ThreadPool& pool) : tables_(tables), pool_(pool) {}

  const TableSource& tables() const { return tables_; }
  ThreadPool& pool() { return pool_; }

  functions::KernelContext kernel;
  // Values of `declare query_parameters` given by the caller.
  std::vector<std::pair<std::string, Value>> parameters;
  // Set from another thread to stop the query at the next batch.
  std::atomic<bool> cancelled{false};
  // After this moment the query stops as if cancelled (a caller's time limit).
  void set_deadline(std::chrono::steady_clock::time_point t) { deadline_ = t; }

  // Throws ExecError when the query was cancelled or ran past its deadline. Operators call it
  // between batches, so a long query stops within one batch's work.
  void check_cancelled() const;

  // Results computed once per query: materialized tables and scalar subqueries, by node.
  TablePtr cached_table(const analyze::Plan* p);
  void cache_table(const analyze::Plan* p, TablePtr t);
  std::mutex& cache_mutex() { return mu_; }

 private:
  const TableSource& tables_;
  ThreadPool& pool_;
  std::optional<std::chrono::steady_clock::time_point> deadline_;
  std::mutex mu_;
  absl::flat_hash_map<const analyze::Plan*, TablePtr> tables_cache_;
};

}  // namespace huntdb::exec
