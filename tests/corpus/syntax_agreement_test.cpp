// huntdb and the official KQL parser must agree on whether each real query has syntax errors,
// for at least 99.5% of the hunting corpus and the documentation examples together.
#include <fstream>

#include <gtest/gtest.h>

#include "corpus.h"
#include "huntdb/kql/parser.h"

namespace huntdb {
namespace {

struct Agreement {
  size_t total = 0;
  size_t agree = 0;
  std::vector<std::string> disagreements;
};

Agreement measure(const std::vector<testing::CorpusQuery>& corpus) {
  Agreement a;
  for (const auto& q : corpus) {
    if (q.oracle.is_null() || q.oracle.contains("error")) continue;  // the oracle itself failed on it
    ++a.total;
    bool oracle_errors = !q.oracle["syntax_errors"].empty();
    auto tree = kql::parse(q.query);
    bool ours = has_errors(tree->diagnostics);
    if (ours == oracle_errors) {
      ++a.agree;
    } else {
      std::string first = ours ? tree->diagnostics[0].message : q.oracle["syntax_errors"][0]["message"].get<std::string>();
      a.disagreements.push_back(q.id + (ours ? "  [huntdb only] " : "  [oracle only] ") + first);
    }
  }
  return a;
}

TEST(SyntaxAgreement, HuntingCorpusAndDocsExamples) {
  auto hunting = measure(testing::load_corpus("corpus/hunting-queries"));
  auto docs = measure(testing::load_corpus("conformance/docs-examples"));
  size_t total = hunting.total + docs.total;
  size_t agree = hunting.agree + docs.agree;
  ASSERT_GT(total, 6000u);
  double rate = 100.0 * agree / total;
  std::printf("syntax agreement: hunting %zu/%zu, docs %zu/%zu, overall %.2f%%\n", hunting.agree, hunting.total,
              docs.agree, docs.total, rate);
  std::ofstream report("syntax_disagreements.txt");
  for (const auto& d : hunting.disagreements) report << d << "\n";
  for (const auto& d : docs.disagreements) report << d << "\n";
  EXPECT_GE(rate, 99.5) << "see syntax_disagreements.txt in the test's working directory";
}

}  // namespace
}  // namespace huntdb
