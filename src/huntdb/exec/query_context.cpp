#include "huntdb/exec/query_context.h"

#include "huntdb/exec/exec_error.h"

namespace huntdb::exec {

void QueryContext::check_cancelled() const {
  if (cancelled.load(std::memory_order_relaxed)) throw ExecError("The query was cancelled.");
  if (deadline_ && std::chrono::steady_clock::now() >= *deadline_)
    throw ExecError("The query ran past its time limit.");
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
