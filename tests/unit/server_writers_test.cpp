// The v1 and v2 response writers (src/huntdb/server/v1_writer.cpp, v2_writer.cpp): the frames and
// tables Kusto clients read, truncation and in-band errors.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "huntdb/engine.h"
#include "huntdb/server/v1_writer.h"
#include "huntdb/server/v2_writer.h"

namespace huntdb::server {
namespace {

using json = nlohmann::json;

QueryReply reply_of(const std::string& query) {
  Engine e;
  QueryResult r = e.run(query);
  EXPECT_TRUE(r.ok());
  QueryReply reply;
  reply.tables = r.tables;
  reply.client_request_id = "KNC.execute;1";
  reply.activity_id = "00000000-0000-4000-8000-000000000001";
  reply.finished_ticks = 0;
  return reply;
}

const json* frame(const json& frames, std::string_view type, std::string_view kind = "") {
  for (const auto& f : frames)
    if (f["FrameType"] == type && (kind.empty() || f.value("TableKind", "") == kind)) return &f;
  return nullptr;
}

TEST(ServerV2Writer, FramesInKustoOrder) {
  auto reply = reply_of("range x from 1 to 3 step 1 | extend s = strcat('v', x)");
  ReplySummary summary;
  json frames = json::parse(write_v2_response(reply, ResultLimits{}, false, &summary));
  ASSERT_TRUE(frames.is_array());
  ASSERT_EQ(frames.size(), 5u);
  EXPECT_EQ(frames[0]["FrameType"], "DataSetHeader");
  EXPECT_EQ(frames[0]["IsProgressive"], false);
  EXPECT_EQ(frames[1]["TableKind"], "QueryProperties");
  EXPECT_EQ(frames[2]["TableKind"], "PrimaryResult");
  EXPECT_EQ(frames[3]["TableKind"], "QueryCompletionInformation");
  EXPECT_EQ(frames[4]["FrameType"], "DataSetCompletion");
  EXPECT_EQ(frames[4]["HasErrors"], false);
  const json& primary = frames[2];
  EXPECT_EQ(primary["Columns"][0]["ColumnName"], "x");
  EXPECT_EQ(primary["Columns"][0]["ColumnType"], "long");
  EXPECT_EQ(primary["Columns"][1]["ColumnType"], "string");
  EXPECT_EQ(primary["Rows"], json::parse(R"([[1,"v1"],[2,"v2"],[3,"v3"]])"));
  EXPECT_EQ(summary.rows, 3u);
  EXPECT_FALSE(summary.truncated);
}

TEST(ServerV2Writer, RenderReachesQueryProperties) {
  auto reply = reply_of("range x from 1 to 3 step 1 | render timechart with (title='T', ycolumns=x)");
  json frames = json::parse(write_v2_response(reply, ResultLimits{}, false));
  const json* props = frame(frames, "DataTable", "QueryProperties");
  ASSERT_TRUE(props);
  ASSERT_EQ((*props)["Rows"].size(), 1u);
  EXPECT_EQ((*props)["Rows"][0][0], 1);
  EXPECT_EQ((*props)["Rows"][0][1], "Visualization");
  json vis = json::parse((*props)["Rows"][0][2].get<std::string>());
  EXPECT_EQ(vis["Visualization"], "timechart");
  EXPECT_EQ(vis["Title"], "T");
  EXPECT_EQ(vis["YColumns"], "x");
  EXPECT_EQ(vis["Ymin"], "NaN");
  EXPECT_TRUE(vis["XColumn"].is_null());
}

TEST(ServerV2Writer, TruncationIsAnInBandError) {
  auto reply = reply_of("range x from 1 to 10 step 1");
  ResultLimits limits;
  limits.max_records = 4;
  ReplySummary summary;
  json frames = json::parse(write_v2_response(reply, limits, false, &summary));
  EXPECT_EQ((*frame(frames, "DataTable", "PrimaryResult"))["Rows"].size(), 4u);
  const json& done = frames.back();
  EXPECT_EQ(done["HasErrors"], true);
  std::string message = done["OneApiErrors"][0]["error"]["@message"];
  EXPECT_NE(message.find("record count limit 4 (E_QUERY_RESULT_SET_TOO_LARGE)"), std::string::npos);
  const json* info = frame(frames, "DataTable", "QueryCompletionInformation");
  EXPECT_EQ((*info)["Rows"][0][5], 2);  // Level: error
  EXPECT_TRUE(summary.truncated);
}

TEST(ServerV2Writer, SizeLimitCutsWholeRows) {
  auto reply = reply_of("range x from 1 to 1000 step 1");
  ResultLimits limits;
  limits.max_bytes = 100;
  ReplySummary summary;
  json frames = json::parse(write_v2_response(reply, limits, false, &summary));
  auto rows = (*frame(frames, "DataTable", "PrimaryResult"))["Rows"];
  EXPECT_GT(rows.size(), 5u);
  EXPECT_LE(rows.dump().size(), 100u);
  EXPECT_NE(summary.truncation_message.find("data size limit 100"), std::string::npos);
}

TEST(ServerV2Writer, ProgressiveFrames) {
  auto reply = reply_of("range x from 1 to 2 step 1");
  json frames = json::parse(write_v2_response(reply, ResultLimits{}, true));
  EXPECT_EQ(frames[0]["IsProgressive"], true);
  const json* header = frame(frames, "TableHeader");
  const json* fragment = frame(frames, "TableFragment");
  const json* completion = frame(frames, "TableCompletion");
  ASSERT_TRUE(header && fragment && completion);
  EXPECT_EQ((*fragment)["Rows"], json::parse("[[1],[2]]"));
  EXPECT_EQ((*completion)["RowCount"], 2);
  EXPECT_FALSE(frame(frames, "DataTable", "PrimaryResult"));
}

TEST(ServerV2Writer, ExecutionErrorGoesToOneApiErrors) {
  QueryReply reply;
  reply.activity_id = "a";
  KustoError e;
  e.code = "LimitsExceeded";
  e.detail = "The query ran past its time limit.";
  reply.error = e;
  json frames = json::parse(write_v2_response(reply, ResultLimits{}, false));
  EXPECT_EQ(frames.back()["HasErrors"], true);
  EXPECT_EQ(frames.back()["OneApiErrors"][0]["error"]["@message"], "The query ran past its time limit.");
}

TEST(ServerV1Writer, QueryShapeHasStatusAndTableOfContents) {
  auto reply = reply_of("print a = 1, b = 'x'");
  json doc = json::parse(write_v1_response(reply, ResultLimits{}, V1Shape::Query));
  auto& tables = doc["Tables"];
  ASSERT_EQ(tables.size(), 4u);
  EXPECT_EQ(tables[0]["Columns"][0]["DataType"], "Int64");
  EXPECT_EQ(tables[0]["Columns"][1]["DataType"], "String");
  EXPECT_EQ(tables[0]["Rows"], json::parse(R"([[1,"x"]])"));
  const auto& toc = tables[3]["Rows"];
  EXPECT_EQ(toc[0][1], "QueryResult");
  EXPECT_EQ(toc[1][1], "QueryProperties");
  EXPECT_EQ(toc[2][1], "QueryStatus");
  EXPECT_EQ(tables[2]["Rows"][0][1], 4);  // Severity: information
}

TEST(ServerV1Writer, CommandShapeIsTheTablesAlone) {
  auto reply = reply_of("print v = 'x'");
  json doc = json::parse(write_v1_response(reply, ResultLimits{}, V1Shape::Command));
  ASSERT_EQ(doc["Tables"].size(), 1u);
  EXPECT_EQ(doc["Tables"][0]["TableName"], "Table_0");
}

}  // namespace
}  // namespace huntdb::server
