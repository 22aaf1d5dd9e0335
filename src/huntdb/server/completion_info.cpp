#include "huntdb/server/completion_info.h"

#include <fmt/format.h>

#include "huntdb/types/datetime.h"
#include "huntdb/types/value_json.h"

namespace huntdb::server {

namespace {

std::string status_payload(std::string_view text) {
  std::string out = "{\"Count\":1,\"Text\":";
  append_json_string(out, text);
  out.push_back('}');
  return out;
}

std::string consumption_payload(const QueryStats& s, size_t rows) {
  return fmt::format(
      "{{\"ExecutionTime\":{:.3f},\"resource_usage\":{{\"cpu\":{{\"total cpu\":{},\"user\":\"00:00:00\",\"kernel\":"
      "\"00:00:00\"}},\"memory\":{{\"peak_per_node\":{}}}}},\"input_dataset_statistics\":{{\"extents\":{{"
      "\"total\":{},\"scanned\":{}}},\"rows\":{{\"total\":{},\"scanned\":{}}}}},\"dataset_statistics\":[{{"
      "\"table_row_count\":{},\"table_size\":0}}]}}",
      s.seconds, [&] {
        std::string t;
        append_json_string(t, format_timespan(static_cast<int64_t>(s.cpu_seconds * kTicksPerSecond)));
        return t;
      }(),
      s.peak_memory_bytes, s.extents_total, s.extents_scanned, s.rows_read, s.rows_read, rows);
}

}  // namespace

std::vector<CompletionEvent> completion_events(const QueryReply& reply, const ReplySummary& summary) {
  std::vector<CompletionEvent> out;
  CompletionEvent status;
  if (reply.error) {
    status.level = 2;
    status.level_name = "Error";
    status.status_code = -2133196798;  // 0x80DA0002, a failed query
    status.status_name = "Query execution has failed";
    status.payload = status_payload(reply.error->detail);
  } else if (summary.truncated) {
    status.level = 2;
    status.level_name = "Error";
    status.status_code = -2133196797;  // 0x80DA0003, E_QUERY_RESULT_SET_TOO_LARGE
    status.status_name = "E_QUERY_RESULT_SET_TOO_LARGE";
    status.payload = status_payload(summary.truncation_message);
  } else {
    status.payload = status_payload("Query completed successfully");
  }
  out.push_back(std::move(status));
  CompletionEvent consumption;
  consumption.event_type = 5;
  consumption.event_type_name = "QueryResourceConsumption";
  consumption.payload = consumption_payload(reply.stats, summary.rows);
  out.push_back(std::move(consumption));
  return out;
}

}  // namespace huntdb::server
