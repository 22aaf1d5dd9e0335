#include "huntdb/server/query_log.h"

#include <fmt/format.h>

#include "huntdb/types/datetime.h"
#include "huntdb/types/value_json.h"

namespace huntdb::server {

std::string log_line_json(const QueryLogEntry& e) {
  std::string out = "{\"time\":";
  append_json_string(out, format_datetime_round_trip(e.started_ticks));
  auto field = [&](std::string_view key, std::string_view value) {
    out.push_back(',');
    append_json_string(out, key);
    out.push_back(':');
    append_json_string(out, value);
  };
  field("request_id", e.client_request_id);
  field("activity_id", e.activity_id);
  field("method", e.method);
  field("path", e.path);
  fmt::format_to(std::back_inserter(out), ",\"status\":{},\"duration_ms\":{:.3f},\"rows\":{}", e.http_status,
                 e.seconds * 1000, e.rows);
  field("outcome", e.outcome);
  if (!e.database.empty()) field("db", e.database);
  if (!e.failure.empty()) field("error", e.failure);
  out.push_back('}');
  return out;
}

void QueryLog::record(QueryLogEntry e) {
  std::string line = log_line_json(e);
  line.push_back('\n');
  std::lock_guard<std::mutex> lock(mu_);
  if (out_) out_->write(line.data(), static_cast<std::streamsize>(line.size())).flush();
  if (e.text.empty()) return;
  recent_.push_front(std::move(e));
  if (recent_.size() > keep_) recent_.pop_back();
}

TablePtr QueryLog::recent_queries() const {
  auto t = std::make_shared<Table>();
  const std::pair<const char*, ScalarType> columns[] = {
      {"ClientActivityId", ScalarType::String}, {"Text", ScalarType::String},
      {"Database", ScalarType::String},         {"StartedOn", ScalarType::DateTime},
      {"LastUpdatedOn", ScalarType::DateTime},  {"Duration", ScalarType::TimeSpan},
      {"State", ScalarType::String},            {"RootActivityId", ScalarType::String},
      {"User", ScalarType::String},             {"FailureReason", ScalarType::String},
      {"Application", ScalarType::String},      {"TotalCpu", ScalarType::TimeSpan},
      {"MemoryPeak", ScalarType::Long},         {"ResultRows", ScalarType::Long},
  };
  std::vector<ColumnBuilder> b;
  for (const auto& [name, type] : columns) {
    t->schema.columns.push_back({name, type});
    b.emplace_back(type);
  }
  std::lock_guard<std::mutex> lock(mu_);
  for (const auto& e : recent_) {
    const auto duration = static_cast<int64_t>(e.seconds * kTicksPerSecond);
    b[0].append_string(e.client_request_id);
    b[1].append_string(e.text);
    b[2].append_string(e.database);
    b[3].append_long(e.started_ticks);
    b[4].append_long(e.started_ticks + duration);
    b[5].append_long(duration);
    b[6].append_string(e.outcome);
    b[7].append_string(e.activity_id);
    b[8].append_string(e.user);
    b[9].append_string(e.failure);
    b[10].append_string(e.application);
    b[11].append_long(static_cast<int64_t>(e.cpu_seconds * kTicksPerSecond));
    b[12].append_long(static_cast<int64_t>(e.peak_memory_bytes));
    b[13].append_long(static_cast<int64_t>(e.rows));
  }
  Batch batch;
  batch.rows = recent_.size();
  for (auto& builder : b) batch.columns.push_back(builder.finish());
  if (batch.rows > 0) t->batches.push_back(std::move(batch));
  return t;
}

}  // namespace huntdb::server
