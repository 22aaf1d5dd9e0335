// What the response writers (v1, v2) turn into JSON: a query's result tables, what it cost, and
// the error that stopped it while it ran, if any.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "huntdb/engine.h"
#include "huntdb/server/kusto_error.h"

namespace huntdb::server {

struct QueryReply {
  std::vector<ResultTable> tables;
  QueryStats stats;
  std::optional<KustoError> error;  // the query failed while running (reported in-band)
  std::string client_request_id;
  std::string activity_id;          // a guid
  int64_t finished_ticks = 0;       // when the query finished (datetime ticks)
};

// What a writer sent: rows, and whether a limit cut them (with Kusto's message).
struct ReplySummary {
  size_t rows = 0;
  bool truncated = false;
  std::string truncation_message;
};

}  // namespace huntdb::server
