// The JSONPath subset of extract_json and the bag_* functions (functions/kernels/json_path.h),
// from the Kusto reference page "JSONPath expressions".
#include "huntdb/functions/kernels/json_path.h"

#include <gtest/gtest.h>

namespace huntdb::functions {
namespace {

std::string select(std::string_view path, std::string_view json) {
  auto p = parse_json_path(path);
  if (!p) return "bad path";
  auto doc = parse_json(json);
  if (!doc) return "bad json";
  const DynValue* v = select_json_path(**doc, *p);
  return v ? to_json(*v) : "none";
}

TEST(JsonPath, ChildrenAndSubscripts) {
  const char* doc = R"({"a":{"b c":[10,{"d":"x"}]},"e":1})";
  EXPECT_EQ(select("$", doc), R"({"a":{"b c":[10,{"d":"x"}]},"e":1})");
  EXPECT_EQ(select("$.e", doc), "1");
  EXPECT_EQ(select("$['a']['b c'][1].d", doc), R"("x")");
  EXPECT_EQ(select("$[\"a\"][\"b c\"][0]", doc), "10");
  EXPECT_EQ(select("$.a['b c'][-1]", doc), R"({"d":"x"})");
  EXPECT_EQ(select("$.a['b c'][2]", doc), "none");
  EXPECT_EQ(select("$.missing", doc), "none");
  EXPECT_EQ(select("$.e.f", doc), "none");
}

TEST(JsonPath, UnsupportedSyntaxIsRejected) {
  EXPECT_FALSE(parse_json_path("a.b"));
  EXPECT_FALSE(parse_json_path("$.a[*]"));
  EXPECT_FALSE(parse_json_path("$..a"));
  EXPECT_FALSE(parse_json_path("$.a['b"));
  EXPECT_FALSE(parse_json_path("$x"));
  EXPECT_TRUE(parse_json_path("$['it\\'s']"));
  EXPECT_EQ(parse_json_path("$['it\\'s']")->at(0).key, "it's");
}

TEST(JsonPath, BagKeysArePathsOnlyWithADollar) {
  auto plain = parse_bag_key("key.with.dots");
  ASSERT_TRUE(plain);
  ASSERT_EQ(plain->size(), 1u);
  EXPECT_EQ(plain->at(0).key, "key.with.dots");
  auto path = parse_bag_key("$.a.b");
  ASSERT_TRUE(path);
  EXPECT_EQ(path->size(), 2u);
}

}  // namespace
}  // namespace huntdb::functions
