// Engine::load_table: files become tables, typed by inference or by the catalog's declaration.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "huntdb/engine.h"

namespace huntdb {
namespace {

std::string write_temp(const std::string& name, const std::string& text) {
  std::string path = ::testing::TempDir() + name;
  std::ofstream(path) << text;
  return path;
}

ScalarType type_of(const Engine& e, const std::string& table, const std::string& column) {
  const TableSchema* t = e.catalog().table(table);
  const ColumnSchema* c = t ? t->find(column) : nullptr;
  return c ? c->type : ScalarType::Unknown;
}

TEST(EngineLoadTable, CsvColumnsAreInferred) {
  Engine e;
  std::string path = write_temp("infer.csv", "n,when,name,flag\n1,2018-04-24T02:00:00Z,a,true\n2,2018-04-25T00:00:00Z,b,false\n");
  ASSERT_FALSE(e.load_table("T", path));
  EXPECT_EQ(type_of(e, "T", "n"), ScalarType::Long);
  EXPECT_EQ(type_of(e, "T", "when"), ScalarType::DateTime);
  EXPECT_EQ(type_of(e, "T", "name"), ScalarType::String);
  EXPECT_EQ(type_of(e, "T", "flag"), ScalarType::Bool);
  QueryResult r = e.run("T | where when > datetime(2018-04-24 12:00) | project n");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.tables[0].table->row_count(), 1u);
}

TEST(EngineLoadTable, DeclaredTypesWin) {
  Engine e;
  ASSERT_FALSE(analyze::Catalog::load_json(R"({"tables": {"T": {"n": "string", "when": "string"}}})", e.catalog()));
  std::string path = write_temp("declared.csv", "n,when\n1,2018-04-24T02:00:00Z\n");
  ASSERT_FALSE(e.load_table("T", path));
  EXPECT_EQ(type_of(e, "T", "n"), ScalarType::String);
  EXPECT_EQ(type_of(e, "T", "when"), ScalarType::String);
}

TEST(EngineLoadTable, JsonLinesAndKqlFiles) {
  Engine e;
  std::string jsonl = write_temp("rows.jsonl", "{\"a\": 1, \"b\": {\"x\": [1,2]}}\n{\"a\": 2, \"c\": \"z\"}\n");
  ASSERT_FALSE(e.load_table("J", jsonl));
  EXPECT_EQ(type_of(e, "J", "a"), ScalarType::Long);
  EXPECT_EQ(type_of(e, "J", "b"), ScalarType::Dynamic);
  EXPECT_EQ(type_of(e, "J", "c"), ScalarType::String);
  std::string kql = write_temp("rows.kql", "range i from 1 to 3 step 1 | extend s = strcat('r', i)");
  ASSERT_FALSE(e.load_table("K", kql));
  QueryResult r = e.run("K | summarize x = make_list(s)");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.tables[0].table->batches[0].columns[0]->value_at(0).type, ScalarType::Dynamic);
}

TEST(EngineLoadTable, BadFilesSayWhy) {
  Engine e;
  auto missing = e.load_table("T", ::testing::TempDir() + "does-not-exist.csv");
  ASSERT_TRUE(missing);
  EXPECT_NE(missing->find("cannot open"), std::string::npos);
  auto bad = e.load_table("T", write_temp("bad.jsonl", "{\"a\": 1}\nnot json\n"));
  ASSERT_TRUE(bad);
  EXPECT_NE(bad->find(":2:"), std::string::npos) << *bad;
  auto quote = e.load_table("T", write_temp("quote.csv", "a,b\n\"x,1\n"));
  ASSERT_TRUE(quote);
  EXPECT_NE(quote->find("not closed"), std::string::npos) << *quote;
}

}  // namespace
}  // namespace huntdb
