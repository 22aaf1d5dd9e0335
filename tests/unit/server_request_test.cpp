// Request bodies and client request properties (src/huntdb/server/request.cpp, limits.cpp).
#include <gtest/gtest.h>

#include "huntdb/server/limits.h"
#include "huntdb/server/request.h"

namespace huntdb::server {
namespace {

QueryRequest parse_ok(std::string_view body) {
  auto r = parse_query_request(body);
  EXPECT_TRUE(std::holds_alternative<QueryRequest>(r)) << std::get<BadRequest>(r).message;
  return std::holds_alternative<QueryRequest>(r) ? std::get<QueryRequest>(r) : QueryRequest{};
}

std::string parse_error(std::string_view body) {
  auto r = parse_query_request(body);
  return std::holds_alternative<BadRequest>(r) ? std::get<BadRequest>(r).message : "";
}

TEST(ServerRequest, BodyWithoutProperties) {
  auto r = parse_ok(R"({"db":"NetDefaultDB","csl":"print x=1"})");
  EXPECT_EQ(r.db, "NetDefaultDB");
  EXPECT_EQ(r.csl, "print x=1");
  EXPECT_FALSE(r.properties.server_timeout);
  EXPECT_FALSE(r.properties.no_truncation);
}

TEST(ServerRequest, PropertiesAsObjectOrJsonString) {
  const char* object = R"({"db":"d","csl":"q","properties":{"Options":{"servertimeout":"00:01:30.000",)"
                       R"("results_progressive_enabled":false,"truncationmaxrecords":3},"Parameters":{"state":"TEXAS"}}})";
  const char* string = R"({"db":"d","csl":"q","properties":"{\"Options\":{\"servertimeout\":\"00:01:30\",)"
                       R"(\"truncationmaxrecords\":\"3\"},\"Parameters\":{\"state\":\"TEXAS\"}}"})";
  for (const char* body : {object, string}) {
    auto r = parse_ok(body);
    ASSERT_TRUE(r.properties.server_timeout);
    EXPECT_EQ(r.properties.server_timeout->count(), 90'000);
    ASSERT_TRUE(r.properties.truncation_max_records);
    EXPECT_EQ(*r.properties.truncation_max_records, 3u);
    ASSERT_EQ(r.properties.parameters.size(), 1u);
    EXPECT_EQ(r.properties.parameters[0].first, "state");
    EXPECT_EQ(r.properties.parameters[0].second.as_string(), "TEXAS");
  }
}

TEST(ServerRequest, OptionsInEveryForm) {
  auto r = parse_ok(R"({"csl":"q","properties":{"Options":{"NoTruncation":"true","query_language":"KQL",)"
                    R"("results_progressive_enabled":true,"queryconsistency":"strongconsistency"}}})");
  EXPECT_TRUE(r.properties.no_truncation);
  EXPECT_TRUE(r.properties.progressive);
  EXPECT_EQ(r.properties.query_language, "kql");
  EXPECT_EQ(r.db, "");
}

// `set` statements in the query text hold for that query over the request's own properties.
TEST(ServerRequest, SetStatementsOverrideRequestOptions) {
  auto r = parse_ok(R"({"csl":"q","properties":{"Options":{"truncationmaxrecords":4}}})");
  EXPECT_FALSE(apply_set_statements(r.properties, {{"notruncation", "true"}, {"truncationmaxrecords", "10"},
                                                   {"querytrace", "true"}}));
  EXPECT_TRUE(r.properties.no_truncation);
  EXPECT_EQ(r.properties.truncation_max_records, 10u);
  auto bad = apply_set_statements(r.properties, {{"truncationmaxrecords", "many"}});
  ASSERT_TRUE(bad);
  EXPECT_NE(bad->message.find("truncationmaxrecords"), std::string::npos);
}

TEST(ServerRequest, ParameterLiteralsAreUnwrapped) {
  auto r = parse_ok(R"j({"csl":"q","properties":{"Parameters":{"d":"datetime(2024-01-02)","n":42,"b":true,)j"
                    R"j("s":"string('x')","plain":"datetime"}}})j");
  const auto& p = r.properties.parameters;
  ASSERT_EQ(p.size(), 5u);
  EXPECT_EQ(p[0].second.as_string(), "2024-01-02");
  EXPECT_EQ(p[1].second.as_long(), 42);
  EXPECT_TRUE(p[2].second.as_bool());
  EXPECT_EQ(p[3].second.as_string(), "x");
  EXPECT_EQ(p[4].second.as_string(), "datetime");
}

TEST(ServerRequest, BadBodiesSayWhy) {
  EXPECT_NE(parse_error("{not json").find("not valid JSON"), std::string::npos);
  EXPECT_NE(parse_error("[1,2]").find("JSON object"), std::string::npos);
  EXPECT_NE(parse_error(R"({"db":"x"})").find("'csl'"), std::string::npos);
  EXPECT_NE(parse_error(R"({"csl":"q","db":5})").find("'db'"), std::string::npos);
  EXPECT_NE(parse_error(R"({"csl":"q","properties":"{bad"})").find("properties"), std::string::npos);
  EXPECT_NE(parse_error(R"({"csl":"q","properties":{"Options":{"servertimeout":"soon"}}})").find("servertimeout"),
            std::string::npos);
}

TEST(ServerLimits, TruncationDefaultsAndOverrides) {
  RequestProperties p;
  auto l = result_limits(p);
  EXPECT_EQ(l.max_records, 500'000u);
  EXPECT_EQ(l.max_bytes, 64u << 20);
  p.truncation_max_records = 10;
  EXPECT_EQ(result_limits(p).max_records, 10u);
  p.no_truncation = true;
  EXPECT_EQ(result_limits(p).max_records, kUnlimited);
}

TEST(ServerLimits, TimeoutIsCappedByTheServer) {
  RequestProperties p;
  ServerLimits s;
  s.max_timeout = std::chrono::seconds(10);
  s.default_timeout = std::chrono::seconds(5);
  EXPECT_EQ(run_options(p, s, nullptr).time_limit, std::chrono::seconds(5));
  p.server_timeout = std::chrono::minutes(5);
  EXPECT_EQ(run_options(p, s, nullptr).time_limit, std::chrono::seconds(10));
}

}  // namespace
}  // namespace huntdb::server
