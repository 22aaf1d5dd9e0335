// Malformed input never crashes the engine: every corpus query, cut at random points, goes
// through the parser, the binder and the printer, and is run with Engine::run on an empty
// Sentinel workspace (with the corpus time limit, so a cut that happens to be expensive cannot
// stall the suite). Errors are expected; crashes and exceptions escaping the engine are not.
#include <random>

#include <gtest/gtest.h>

#include "corpus.h"
#include "empty_workspace.h"
#include "huntdb/engine.h"
#include "huntdb/kql/parser.h"
#include "huntdb/kql/printer.h"

namespace huntdb {
namespace {

TEST(TruncatedQueries, EveryCorpusQueryCutAtRandomPointsIsHandled) {
  auto engine = testing::make_empty_sentinel_workspace();
  ASSERT_TRUE(engine);
  RunOptions options = testing::corpus_run_options();
  std::mt19937 rng(2026);
  size_t cuts = 0, with_errors = 0, ran = 0;
  std::vector<std::string> escaped;
  for (const char* name : {"corpus/hunting-queries", "conformance/docs-examples"}) {
    for (const auto& q : testing::load_corpus(name)) {
      if (q.query.empty()) continue;
      for (int i = 0; i < 3; ++i) {
        std::string cut = q.query.substr(0, rng() % q.query.size());
        QueryCheck c = engine->check(cut);
        auto tree = kql::parse(cut);
        kql::print(tree->root);
        testing::GuardedRun r = testing::run_guarded(*engine, cut, options);
        if (r.uncaught) escaped.push_back(q.id + " cut at " + std::to_string(cut.size()) + ": " + r.error);
        ++cuts;
        with_errors += c.ok() ? 0 : 1;
        ran += r.ok() ? 1 : 0;
      }
    }
  }
  std::printf("truncated queries: %zu checked and run, %zu reported errors, %zu ran to a result, none crashed\n",
              cuts, with_errors, ran);
  EXPECT_GT(cuts, 20000u);
  EXPECT_GT(with_errors, cuts / 2);  // most cuts leave broken text, and it is reported
  for (const auto& e : escaped) ADD_FAILURE() << e;
}

}  // namespace
}  // namespace huntdb
