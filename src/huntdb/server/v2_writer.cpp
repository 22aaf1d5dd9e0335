#include "huntdb/server/v2_writer.h"

#include <fmt/format.h>

#include "huntdb/column/table_json.h"
#include "huntdb/server/completion_info.h"
#include "huntdb/server/visualization_json.h"
#include "huntdb/types/datetime.h"
#include "huntdb/types/value_json.h"

namespace huntdb::server {

namespace {

void append_string_field(std::string& out, std::string_view key, std::string_view value) {
  append_json_string(out, key);
  out.push_back(':');
  append_json_string(out, value);
}

// A DataTable frame whose columns and rows are already JSON text.
void append_data_table(std::string& out, int id, std::string_view kind, std::string_view name,
                       std::string_view columns, std::string_view rows) {
  fmt::format_to(std::back_inserter(out), ",\n{{\"FrameType\":\"DataTable\",\"TableId\":{},", id);
  append_string_field(out, "TableKind", kind);
  out.push_back(',');
  append_string_field(out, "TableName", name);
  out.append(",\"Columns\":").append(columns).append(",\"Rows\":").append(rows).push_back('}');
}

std::string query_properties_rows(const QueryReply& reply) {
  std::string rows = "[";
  for (size_t i = 0; i < reply.tables.size(); ++i) {
    if (i) rows.push_back(',');
    // Primary results are numbered from 1 (0 is this table).
    fmt::format_to(std::back_inserter(rows), "[{},\"Visualization\",", i + 1);
    append_json_string(rows, visualization_json(reply.tables[i].visualization));
    rows.push_back(']');
  }
  rows.push_back(']');
  return rows;
}

std::string completion_rows(const QueryReply& reply, const ReplySummary& summary) {
  std::string rows = "[";
  bool first = true;
  for (const auto& e : completion_events(reply, summary)) {
    if (!first) rows.push_back(',');
    first = false;
    rows.push_back('[');
    append_json_string(rows, format_datetime_round_trip(reply.finished_ticks));
    rows.push_back(',');
    append_json_string(rows, reply.client_request_id);
    rows.push_back(',');
    append_json_string(rows, reply.activity_id);
    rows.push_back(',');
    append_json_string(rows, reply.activity_id);
    rows.push_back(',');
    append_json_string(rows, reply.activity_id);
    fmt::format_to(std::back_inserter(rows), ",{},", e.level);
    append_json_string(rows, e.level_name);
    fmt::format_to(std::back_inserter(rows), ",{},", e.status_code);
    append_json_string(rows, e.status_name);
    fmt::format_to(std::back_inserter(rows), ",{},", e.event_type);
    append_json_string(rows, e.event_type_name);
    rows.push_back(',');
    append_json_string(rows, e.payload);
    rows.push_back(']');
  }
  rows.push_back(']');
  return rows;
}

constexpr std::string_view kQueryPropertiesColumns =
    R"([{"ColumnName":"TableId","ColumnType":"int"},{"ColumnName":"Key","ColumnType":"string"},)"
    R"({"ColumnName":"Value","ColumnType":"dynamic"}])";

constexpr std::string_view kCompletionColumns =
    R"([{"ColumnName":"Timestamp","ColumnType":"datetime"},{"ColumnName":"ClientRequestId","ColumnType":"string"},)"
    R"({"ColumnName":"ActivityId","ColumnType":"guid"},{"ColumnName":"SubActivityId","ColumnType":"guid"},)"
    R"({"ColumnName":"ParentActivityId","ColumnType":"guid"},{"ColumnName":"Level","ColumnType":"int"},)"
    R"({"ColumnName":"LevelName","ColumnType":"string"},{"ColumnName":"StatusCode","ColumnType":"int"},)"
    R"({"ColumnName":"StatusCodeName","ColumnType":"string"},{"ColumnName":"EventType","ColumnType":"int"},)"
    R"({"ColumnName":"EventTypeName","ColumnType":"string"},{"ColumnName":"Payload","ColumnType":"string"}])";

}  // namespace

std::string write_v2_response(const QueryReply& reply, const ResultLimits& limits, bool progressive,
                              ReplySummary* summary_out) {
  ReplySummary summary;
  std::string out = "[";
  fmt::format_to(std::back_inserter(out), "{{\"FrameType\":\"DataSetHeader\",\"IsProgressive\":{},\"Version\":\"v2.0\"}}",
                 progressive ? "true" : "false");
  append_data_table(out, 0, "QueryProperties", "@ExtendedProperties", kQueryPropertiesColumns,
                    query_properties_rows(reply));
  for (size_t i = 0; i < reply.tables.size(); ++i) {
    const auto& t = reply.tables[i];
    const int id = static_cast<int>(i) + 1;
    std::string columns;
    append_columns_json(columns, t.table->schema, false);
    const size_t rows_before = summary.rows;
    const std::string rows = limited_rows_json(*t.table, limits, summary);
    const std::string name = t.name.empty() ? "PrimaryResult" : t.name;
    if (!progressive) {
      append_data_table(out, id, "PrimaryResult", name, columns, rows);
      continue;
    }
    fmt::format_to(std::back_inserter(out), ",\n{{\"FrameType\":\"TableHeader\",\"TableId\":{},", id);
    append_string_field(out, "TableKind", "PrimaryResult");
    out.push_back(',');
    append_string_field(out, "TableName", name);
    out.append(",\"Columns\":").append(columns).push_back('}');
    fmt::format_to(std::back_inserter(out),
                   ",\n{{\"FrameType\":\"TableFragment\",\"TableFragmentType\":\"DataAppend\",\"TableId\":{},"
                   "\"FieldCount\":{},\"Rows\":",
                   id, t.table->schema.columns.size());
    out.append(rows).push_back('}');
    fmt::format_to(std::back_inserter(out), ",\n{{\"FrameType\":\"TableCompletion\",\"TableId\":{},\"RowCount\":{}}}",
                   id, summary.rows - rows_before);
  }
  append_data_table(out, static_cast<int>(reply.tables.size()) + 1, "QueryCompletionInformation",
                    "QueryCompletionInformation", kCompletionColumns, completion_rows(reply, summary));
  const bool has_errors = reply.error || summary.truncated;
  fmt::format_to(std::back_inserter(out), ",\n{{\"FrameType\":\"DataSetCompletion\",\"HasErrors\":{},\"Cancelled\":{}",
                 has_errors ? "true" : "false", reply.error && reply.error->code == "Cancelled" ? "true" : "false");
  if (has_errors) {
    KustoError e;
    if (reply.error) {
      e = *reply.error;
    } else {
      e.code = "LimitsExceeded";
      e.message = "Request is invalid and cannot be executed.";
      e.type = "Kusto.Data.Exceptions.KustoServicePartialQueryFailureLimitsExceededException";
      e.detail = summary.truncation_message;
    }
    out.append(",\"OneApiErrors\":[{\"error\":").append(error_object_json(e)).append("}]");
  }
  out.append("}\n]");
  if (summary_out) *summary_out = summary;
  return out;
}

}  // namespace huntdb::server
