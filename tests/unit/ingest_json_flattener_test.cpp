// JsonFlattener: the On-Demand reading of flat lines and the DOM reading of nested or broken ones
// give the same fields, and every broken line is refused with the DOM parser's reason.
#include "huntdb/ingest/json_flattener.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace huntdb::ingest {
namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

struct Flattened {
  bool ok = false;
  Fields fields, objects;
  std::string error;
};

Flattened flatten(JsonFlattener& f, const std::string& line) {
  simdjson::padded_string padded(line);  // the line with simdjson's padding after it
  FlatRecord record;
  TextPool pool;
  Flattened out;
  out.ok = f.flatten(std::string_view(padded.data(), padded.size()), padded.size() + simdjson::SIMDJSON_PADDING,
                     record, pool, out.error);
  for (const auto& x : record.fields) out.fields.emplace_back(x.name, x.value);
  for (const auto& x : record.objects) out.objects.emplace_back(x.name, x.value);
  return out;
}

TEST(JsonFlattener, FlatLineOfEveryScalarKind) {
  JsonFlattener f;
  auto r = flatten(f, R"({"EventID":4688,"Neg":-12,"Big":18446744073709551615,"Real":1.5,"Exp":1e3,)"
                      R"("Yes":true,"No":false,"Gone":null,"Esc":"a\\b\"c\u00e9\n","tags":[ "x", 1 ,{"k":null}]})");
  ASSERT_TRUE(r.ok) << r.error;
  Fields want = {{"EventID", "4688"}, {"Neg", "-12"},   {"Big", "18446744073709551615"},
                 {"Real", "1.5"},     {"Exp", "1000"},  {"Yes", "true"},
                 {"No", "false"},     {"Esc", "a\\b\"c\xC3\xA9\n"}, {"tags", R"(["x",1,{"k":null}])"}};
  EXPECT_EQ(r.fields, want);
  EXPECT_TRUE(r.objects.empty());
}

TEST(JsonFlattener, NestedObjectsAreFlattenedWithDots) {
  JsonFlattener f;
  auto r = flatten(f, R"({"@timestamp":"t","winlog":{"event_id":4624,"event_data":{"LogonType":"3"}},"n":2})");
  ASSERT_TRUE(r.ok) << r.error;
  Fields want = {{"@timestamp", "t"}, {"winlog.event_id", "4624"}, {"winlog.event_data.LogonType", "3"}, {"n", "2"}};
  EXPECT_EQ(r.fields, want);
  Fields objects = {{"winlog", R"({"event_id":4624,"event_data":{"LogonType":"3"}})"}};
  EXPECT_EQ(r.objects, objects);
}

TEST(JsonFlattener, BrokenLinesAreRefusedWithTheReason) {
  JsonFlattener f;
  for (const char* line : {R"({"EventID":4688,"Channel":"Secu)", R"({"a":1} trailing)", R"({"a":1,})",
                           R"({"a" 1})", R"({"a":tru})", R"({"a":123456789012345678901234567890})",
                           "{\"a\":\"\xFF\"}"}) {
    auto r = flatten(f, line);
    EXPECT_FALSE(r.ok) << line;
    EXPECT_TRUE(r.error.starts_with("invalid JSON: ")) << line << " -> " << r.error;
  }
  for (const char* line : {"[1,2,3]", "\"text\"", "42"}) {
    auto r = flatten(f, line);
    EXPECT_FALSE(r.ok) << line;
    EXPECT_EQ(r.error, "not a JSON object") << line;
  }
}

TEST(JsonFlattener, AGoodLineAfterABadOneReadsWhole) {
  JsonFlattener f;
  EXPECT_FALSE(flatten(f, R"({"a":)").ok);
  auto r = flatten(f, R"({"a":"x","b":7})");
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.fields, (Fields{{"a", "x"}, {"b", "7"}}));
}

}  // namespace
}  // namespace huntdb::ingest
