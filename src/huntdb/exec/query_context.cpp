#include "huntdb/exec/query_context.h"

#include <fmt/format.h>

#include "huntdb/exec/exec_error.h"

namespace huntdb::exec {

void QueryContext::check_cancelled() const {
  if (cancelled.load(std::memory_order_relaxed) ||
      (external_cancel_ && external_cancel_->load(std::memory_order_relaxed)))
    throw ExecError("The query was cancelled.");
  if (deadline_ && std::chrono::steady_clock::now() >= *deadline_)
    throw ExecError("The query ran past its time limit.");
}

void QueryContext::check_memory(const Table& t) const {
  if (memory_limit_ == 0) return;
  size_t bytes = t.memory_bytes();
  if (bytes > memory_limit_)
    throw ExecError(fmt::format("The query needed more memory than its limit of {} MB (one operator's result held {} MB).",
                                memory_limit_ >> 20, bytes >> 20));
}

TablePtr QueryContext::cached_table(const analyze::Plan* p) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = tables_cache_.find(p);
  return it == tables_cache_.end() ? nullptr : it->second;
}

void QueryContext::cache_table(const analyze::Plan* p, TablePtr t) {
  std::lock_guard<std::mutex> lock(mu_);
  tables_cache_[p] = std::move(t);
}

}  // namespace huntdb::exec

namespace huntdb::exec {

TablePtr TableSource::scan(const analyze::TableScanPlan& p, ScanStats& stats) const {
  TablePtr t = table(p.table);
  if (!t) return nullptr;
  stats.rows_read += t->row_count();
  bool all = true;
  for (size_t c = 0; c < p.needed.size(); ++c) all = all && p.needed[c];
  if (p.needed.empty() || all) return t;
  // Columns nothing reads become constant nulls, so operators that copy rows (where, sort, join)
  // do not copy them.
  auto out = std::make_shared<Table>();
  out->schema = t->schema;
  out->batches.reserve(t->batches.size());
  for (const auto& b : t->batches) {
    Batch nb = b;
    for (size_t c = 0; c < nb.columns.size() && c < p.needed.size(); ++c)
      if (!p.needed[c]) nb.columns[c] = Column::make_nulls(t->schema.columns[c].type, b.rows);
    out->batches.push_back(std::move(nb));
  }
  return out;
}

}  // namespace huntdb::exec
