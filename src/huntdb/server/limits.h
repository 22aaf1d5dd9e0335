// Per-query limits: the time a query may run, how much of its result is sent, and how much
// memory one operator's result may hold. Kusto's defaults: 4 minutes (at most 1 hour), and
// results truncated at 500,000 records or 64 MB unless the request sets `notruncation`
// (`truncationmaxrecords` / `truncationmaxsize` override the figures).
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "huntdb/engine.h"
#include "huntdb/server/query_reply.h"
#include "huntdb/server/request.h"

namespace huntdb::server {

struct ServerLimits {
  std::chrono::milliseconds default_timeout{std::chrono::minutes(4)};
  std::chrono::milliseconds max_timeout{std::chrono::hours(1)};
  uint64_t memory_limit_bytes = 0;  // per operator result; zero: none
  size_t max_body_bytes = 4 << 20;  // a request body larger than this is refused (413)
};

struct ResultLimits {
  size_t max_records = 500'000;
  size_t max_bytes = 64ull << 20;
};

inline constexpr size_t kUnlimited = static_cast<size_t>(-1);

// The truncation limits a request asks for (Kusto's defaults unless overridden).
ResultLimits result_limits(const RequestProperties& p);

// The engine's run options for a request: its time limit (servertimeout, capped by the server's
// maximum), parameters, memory budget, and the flag that cancels it.
RunOptions run_options(const RequestProperties& p, const ServerLimits& limits, const std::atomic<bool>* cancel);

// Kusto's text for a result cut by a limit (E_QUERY_RESULT_SET_TOO_LARGE).
std::string truncation_message(const ResultLimits& limits, bool by_size);

// The JSON rows of one result table within the limits, counted into `summary`. Once a table was
// cut, the tables after it send no rows.
std::string limited_rows_json(const Table& table, const ResultLimits& limits, ReplySummary& summary);

}  // namespace huntdb::server
