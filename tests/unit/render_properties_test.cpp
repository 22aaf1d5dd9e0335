// `render` keeps its chart kind and properties as written, for the clients that draw them:
// bare words (kind=stacked), strings, numbers, booleans and column lists.
#include <gtest/gtest.h>

#include "huntdb/engine.h"
#include "huntdb/types/format.h"

namespace huntdb {
namespace {

std::map<std::string, std::string> properties(const std::string& query) {
  Engine e;
  QueryResult r = e.run(query);
  EXPECT_TRUE(r.ok()) << query;
  std::map<std::string, std::string> out;
  if (r.tables.empty() || !r.tables[0].visualization) return out;
  out["visualization"] = r.tables[0].visualization->kind;
  for (const auto& [k, v] : r.tables[0].visualization->properties) out[k] = format_value(v);
  return out;
}

TEST(RenderProperties, BareWordsKeepEveryLetter) {
  for (const char* kind : {"stacked", "stacked100", "unstacked", "default"}) {
    auto legacy = properties(std::string("print a=\"x\", n=1 | render columnchart kind=") + kind);
    EXPECT_EQ(legacy["kind"], kind);
    auto with = properties(std::string("print a=\"x\", n=1 | render barchart with (kind=") + kind + ")");
    EXPECT_EQ(with["kind"], kind);
    EXPECT_EQ(with["visualization"], "barchart");
  }
}

TEST(RenderProperties, StringsNumbersAndColumnLists) {
  auto p = properties(
      "print a=\"x\", n=1, m=2 | render linechart with (title=\"Runs, by day\", ymin=0, accumulate=true, "
      "ycolumns=n, m, legend=hidden)");
  EXPECT_EQ(p["title"], "Runs, by day");
  EXPECT_EQ(p["ymin"], "0");
  EXPECT_EQ(p["accumulate"], "true");
  EXPECT_EQ(p["ycolumns"], "n, m");
  EXPECT_EQ(p["legend"], "hidden");
}

}  // namespace
}  // namespace huntdb
