// Malformed input never crashes the front end: every corpus query, cut at random points, goes
// through the parser, the binder and the printer.
#include <random>

#include <gtest/gtest.h>

#include "corpus.h"
#include "huntdb/engine.h"
#include "huntdb/kql/parser.h"
#include "huntdb/kql/printer.h"

namespace huntdb {
namespace {

TEST(TruncatedQueries, EveryCorpusQueryCutAtRandomPointsIsHandled) {
  Engine engine;
  auto err = analyze::Catalog::load_file(testing::shared_dir() + "/tools/kql-oracle/schemas/sentinel.json",
                                         engine.catalog());
  ASSERT_FALSE(err) << *err;
  std::mt19937 rng(2026);
  size_t cuts = 0, with_errors = 0;
  for (const char* name : {"corpus/hunting-queries", "conformance/docs-examples"}) {
    for (const auto& q : testing::load_corpus(name)) {
      if (q.query.empty()) continue;
      for (int i = 0; i < 3; ++i) {
        std::string cut = q.query.substr(0, rng() % q.query.size());
        QueryCheck c = engine.check(cut);
        auto tree = kql::parse(cut);
        kql::print(tree->root);
        ++cuts;
        with_errors += c.ok() ? 0 : 1;
      }
    }
  }
  std::printf("truncated queries: %zu checked, %zu reported errors, none crashed\n", cuts, with_errors);
  EXPECT_GT(cuts, 20000u);
  EXPECT_GT(with_errors, cuts / 2);  // most cuts leave broken text, and it is reported
}

}  // namespace
}  // namespace huntdb
