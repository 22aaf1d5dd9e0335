#include "huntdb/server/v1_writer.h"

#include <fmt/format.h>

#include "huntdb/column/table_json.h"
#include "huntdb/server/completion_info.h"
#include "huntdb/server/visualization_json.h"
#include "huntdb/types/datetime.h"
#include "huntdb/types/value_json.h"

namespace huntdb::server {

namespace {

void append_table(std::string& out, std::string_view name, std::string_view columns, std::string_view rows) {
  if (out.back() != '[') out.push_back(',');
  out.append("{\"TableName\":");
  append_json_string(out, name);
  out.append(",\"Columns\":").append(columns).append(",\"Rows\":").append(rows).push_back('}');
}

constexpr std::string_view kPropertiesColumns = R"([{"ColumnName":"Value","DataType":"String","ColumnType":"string"}])";

constexpr std::string_view kStatusColumns =
    R"([{"ColumnName":"Timestamp","DataType":"DateTime","ColumnType":"datetime"},)"
    R"({"ColumnName":"Severity","DataType":"Int32","ColumnType":"int"},)"
    R"({"ColumnName":"SeverityName","DataType":"String","ColumnType":"string"},)"
    R"({"ColumnName":"StatusCode","DataType":"Int32","ColumnType":"int"},)"
    R"({"ColumnName":"StatusDescription","DataType":"String","ColumnType":"string"},)"
    R"({"ColumnName":"Count","DataType":"Int32","ColumnType":"int"},)"
    R"({"ColumnName":"RequestId","DataType":"Guid","ColumnType":"guid"},)"
    R"({"ColumnName":"ActivityId","DataType":"Guid","ColumnType":"guid"},)"
    R"({"ColumnName":"SubActivityId","DataType":"Guid","ColumnType":"guid"},)"
    R"({"ColumnName":"ClientActivityId","DataType":"String","ColumnType":"string"}])";

constexpr std::string_view kTocColumns =
    R"([{"ColumnName":"Ordinal","DataType":"Int64","ColumnType":"long"},)"
    R"({"ColumnName":"Kind","DataType":"String","ColumnType":"string"},)"
    R"({"ColumnName":"Name","DataType":"String","ColumnType":"string"},)"
    R"({"ColumnName":"Id","DataType":"String","ColumnType":"string"},)"
    R"({"ColumnName":"PrettyName","DataType":"String","ColumnType":"string"}])";

std::string status_rows(const QueryReply& reply, const ReplySummary& summary) {
  std::string rows = "[";
  for (const auto& e : completion_events(reply, summary)) {
    if (rows.size() > 1) rows.push_back(',');
    rows.push_back('[');
    append_json_string(rows, format_datetime_round_trip(reply.finished_ticks));
    fmt::format_to(std::back_inserter(rows), ",{},", e.level);
    append_json_string(rows, e.level_name);
    fmt::format_to(std::back_inserter(rows), ",{},", e.status_code);
    append_json_string(rows, e.payload);
    rows.append(",1,");
    for (int i = 0; i < 3; ++i) {
      append_json_string(rows, reply.activity_id);
      rows.push_back(',');
    }
    append_json_string(rows, reply.client_request_id);
    rows.push_back(']');
  }
  rows.push_back(']');
  return rows;
}

}  // namespace

std::string write_v1_response(const QueryReply& reply, const ResultLimits& limits, V1Shape shape,
                              ReplySummary* summary_out) {
  ReplySummary summary;
  std::string out = "{\"Tables\":[";
  std::string toc = "[";
  auto toc_row = [&](size_t ordinal, std::string_view kind, std::string_view name) {
    if (toc.size() > 1) toc.push_back(',');
    fmt::format_to(std::back_inserter(toc), "[{},", ordinal);
    append_json_string(toc, kind);
    toc.push_back(',');
    append_json_string(toc, name);
    toc.push_back(',');
    append_json_string(toc, fmt::format("{}-{}", reply.activity_id, ordinal));
    toc.append(",\"\"]");
  };
  size_t ordinal = 0;
  for (const auto& t : reply.tables) {
    std::string columns;
    append_columns_json(columns, t.table->schema, true);
    const std::string rows = limited_rows_json(*t.table, limits, summary);
    const std::string table_name = fmt::format("Table_{}", ordinal);
    append_table(out, table_name, columns, rows);
    toc_row(ordinal++, "QueryResult", t.name.empty() ? "PrimaryResult" : t.name);
  }
  if (shape == V1Shape::Query) {
    std::string props = "[";
    for (size_t i = 0; i < reply.tables.size(); ++i) {
      if (i) props.push_back(',');
      props.push_back('[');
      append_json_string(props, visualization_json(reply.tables[i].visualization));
      props.push_back(']');
    }
    props.push_back(']');
    append_table(out, fmt::format("Table_{}", ordinal), kPropertiesColumns, props);
    toc_row(ordinal++, "QueryProperties", "@ExtendedProperties");
    append_table(out, fmt::format("Table_{}", ordinal), kStatusColumns, status_rows(reply, summary));
    toc_row(ordinal++, "QueryStatus", "QueryStatus");
    toc.push_back(']');
    append_table(out, fmt::format("Table_{}", ordinal), kTocColumns, toc);
  }
  out.append("]}");
  if (summary_out) *summary_out = summary;
  return out;
}

}  // namespace huntdb::server
