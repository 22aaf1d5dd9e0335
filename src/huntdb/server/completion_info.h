// The outcome rows both response versions report: one per event (the query's status, what it
// consumed), with Kusto's levels (2 error, 4 information) and payloads.
#pragma once

#include <string>
#include <vector>

#include "huntdb/server/query_reply.h"

namespace huntdb::server {

struct CompletionEvent {
  int level = 4;                 // 2: error, 3: warning, 4: information
  std::string level_name = "Info";
  int status_code = 0;
  std::string status_name = "S_OK (0)";
  int event_type = 4;
  std::string event_type_name = "QueryInfo";
  std::string payload;           // JSON text
};

// QueryInfo (completed, or the error / truncation that cut it) and QueryResourceConsumption.
std::vector<CompletionEvent> completion_events(const QueryReply& reply, const ReplySummary& summary);

}  // namespace huntdb::server
