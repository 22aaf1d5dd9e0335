#include "huntdb/server/limits.h"

#include <algorithm>

#include <fmt/format.h>

#include "huntdb/column/table_json.h"

namespace huntdb::server {

ResultLimits result_limits(const RequestProperties& p) {
  ResultLimits out;
  if (p.no_truncation) return {kUnlimited, kUnlimited};
  if (p.truncation_max_records) out.max_records = static_cast<size_t>(*p.truncation_max_records);
  if (p.truncation_max_size) out.max_bytes = static_cast<size_t>(*p.truncation_max_size);
  return out;
}

RunOptions run_options(const RequestProperties& p, const ServerLimits& limits, const std::atomic<bool>* cancel) {
  RunOptions o;
  o.parameters = p.parameters;
  o.time_limit = std::min(p.server_timeout.value_or(limits.default_timeout), limits.max_timeout);
  o.cancel = cancel;
  o.memory_limit_bytes = limits.memory_limit_bytes;
  return o;
}

std::string truncation_message(const ResultLimits& limits, bool by_size) {
  if (by_size)
    return fmt::format("Query result set has exceeded the internal data size limit {} (E_QUERY_RESULT_SET_TOO_LARGE).",
                       limits.max_bytes);
  return fmt::format("Query result set has exceeded the internal record count limit {} (E_QUERY_RESULT_SET_TOO_LARGE).",
                     limits.max_records);
}

std::string limited_rows_json(const Table& table, const ResultLimits& limits, ReplySummary& summary) {
  if (summary.truncated) return "[]";
  std::string rows;
  RowsWritten w = append_rows_json(rows, table, limits.max_records, limits.max_bytes);
  summary.rows += w.rows;
  if (w.truncated) {
    summary.truncated = true;
    summary.truncation_message = truncation_message(limits, w.by_size);
  }
  return rows;
}

}  // namespace huntdb::server
