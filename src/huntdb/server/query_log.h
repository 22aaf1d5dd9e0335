// What the server records about each request: one JSON line on stderr per request (request id,
// duration, rows, outcome), and the recent queries and commands kept in memory for the server's
// own `.show queries` command.
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <ostream>
#include <string>

#include "huntdb/column/column.h"

namespace huntdb::server {

struct QueryLogEntry {
  std::string client_request_id;  // x-ms-client-request-id
  std::string activity_id;
  std::string method;
  std::string path;
  std::string database;
  std::string text;               // the query or command (empty for other requests)
  std::string user;               // x-ms-user, or the token's role
  std::string application;        // x-ms-app
  int64_t started_ticks = 0;      // datetime ticks
  double seconds = 0;
  int http_status = 0;
  uint64_t rows = 0;
  std::string outcome;            // Completed, Failed, Cancelled, Truncated, Rejected
  std::string failure;            // the error shown to the client, if any
  double cpu_seconds = 0;
  uint64_t peak_memory_bytes = 0;
};

class QueryLog {
 public:
  explicit QueryLog(std::ostream* out, size_t keep = 1000) : out_(out), keep_(keep) {}

  // Writes the entry's JSON line; keeps it when it was a query or a command.
  void record(QueryLogEntry e);

  // The kept queries, newest first, with Kusto's `.show queries` columns.
  TablePtr recent_queries() const;

 private:
  std::ostream* out_;
  size_t keep_;
  mutable std::mutex mu_;
  std::deque<QueryLogEntry> recent_;
};

// One entry as a JSON line (without the newline); exposed for tests.
std::string log_line_json(const QueryLogEntry& e);

}  // namespace huntdb::server
