// For the hunting queries the official type checker accepts (with the Sentinel schema), huntdb
// must infer the same result columns — names and types, in order — for at least 95% of them.
#include <fstream>

#include <gtest/gtest.h>

#include "corpus.h"
#include "huntdb/engine.h"

namespace huntdb {
namespace {

std::string columns_text(const nlohmann::json& cols) {
  std::string s;
  for (const auto& c : cols) s += c["name"].get<std::string>() + ":" + c["type"].get<std::string>() + ", ";
  return s;
}

std::string columns_text(const TableSchema& t) {
  std::string s;
  for (const auto& c : t.columns) s += c.name + ":" + std::string(type_name(c.type)) + ", ";
  return s;
}

TEST(SchemaAgreement, HuntingCorpusWithSentinelSchema) {
  Engine engine;
  auto err = analyze::Catalog::load_file(testing::shared_dir() + "/tools/kql-oracle/schemas/sentinel.json",
                                         engine.catalog());
  ASSERT_FALSE(err) << *err;
  size_t total = 0, agree = 0;
  std::ofstream report("schema_disagreements.txt");
  for (const auto& q : testing::load_corpus("corpus/hunting-queries")) {
    const auto& o = q.oracle;
    if (o.is_null() || o.contains("error") || !o["syntax_errors"].empty() || !o["semantic_errors"].empty()) continue;
    if (!o["result_columns"].is_array()) continue;
    ++total;
    QueryCheck c = engine.check(q.query);
    std::string expected = columns_text(o["result_columns"]);
    std::string actual = c.result ? columns_text(*c.result) : "(not a table)";
    if (expected == actual) {
      ++agree;
    } else {
      report << q.id << "\n  oracle: " << expected << "\n  huntdb: " << actual << "\n";
    }
  }
  double rate = total ? 100.0 * agree / total : 0;
  std::printf("schema agreement: %zu/%zu (%.2f%%)\n", agree, total, rate);
  EXPECT_GT(total, 4000u);
  EXPECT_GE(rate, 95.0) << "see schema_disagreements.txt in the test's working directory";
}

}  // namespace
}  // namespace huntdb
