// parse -> print -> parse yields the same tree, for every corpus query that parses.
#include <fstream>

#include <gtest/gtest.h>

#include "corpus.h"
#include "huntdb/kql/parser.h"
#include "huntdb/kql/printer.h"

namespace huntdb {
namespace {

TEST(RoundTrip, EveryParsedCorpusQueryPrintsBackToTheSameTree) {
  size_t checked = 0;
  std::vector<std::string> failures;
  for (const char* name : {"corpus/hunting-queries", "conformance/docs-examples"}) {
    for (const auto& q : testing::load_corpus(name)) {
      auto tree = kql::parse(q.query);
      if (has_errors(tree->diagnostics) || tree->is_command()) continue;
      ++checked;
      std::string printed = kql::print(tree->root);
      auto again = kql::parse(printed);
      std::string shape1 = kql::print(tree->root, kql::PrintMode::Tree);
      std::string shape2 = kql::print(again->root, kql::PrintMode::Tree);
      if (has_errors(again->diagnostics) || shape1 != shape2) failures.push_back(q.id);
    }
  }
  std::printf("round trip: %zu queries checked, %zu failed\n", checked, failures.size());
  std::ofstream report("round_trip_failures.txt");
  for (const auto& f : failures) report << f << "\n";
  EXPECT_GT(checked, 6000u);
  EXPECT_TRUE(failures.empty()) << failures.size() << " failures, first: " << failures.front();
}

}  // namespace
}  // namespace huntdb
