// Runs the examples of the Kusto reference docs (../shared/conformance/docs-examples.jsonl,
// filtered as its README recommends) through Engine::run with a fixed now(), and compares each
// result with the table the docs show (result_compare.h says how loosely). Prints the pass rate
// per kind and subkind, overall, and the headline rate that leaves out geo_* functions and graph
// operators; every failing example is listed with a one-line reason in
// docs_examples_failures.txt in the test's working directory (the build folder).
//
// The test fails when a rate drops below its floor: the measured rate rounded down to the whole
// percent. Raise the floors as the rates rise.
#include <cstdio>
#include <fstream>
#include <map>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "../corpus/corpus.h"
#include "docs_examples.h"
#include "huntdb/types/datetime.h"
#include "output_order.h"
#include "result_compare.h"
#include "support/guarded_run.h"
#include "support/reason_tally.h"

namespace huntdb::conformance {
namespace {

// Measured rates rounded down to the whole percent; the target for the headline is 80%.
constexpr double kOverallFloorPercent = 60;
constexpr double kHeadlineFloorPercent = 87;

struct Tally {
  size_t passed = 0, total = 0;
  void add(bool ok) {
    ++total;
    passed += ok ? 1 : 0;
  }
  double percent() const { return total ? 100.0 * passed / total : 0; }
  std::string text() const { return fmt::format("{:4}/{:<4} {:6.2f}%", passed, total, percent()); }
};

// Why the example fails (one line), or "" when it passes. `crashed` is set when an exception
// escaped the engine (a bug whatever the rate).
std::string check_example(const Engine& engine, const DocsExample& e, const RunOptions& options, bool* crashed) {
  testing::GuardedRun run = testing::run_guarded(engine, e.query, options);
  *crashed = run.uncaught;
  if (!run.ok()) return "error: " + run.error;
  const auto& tables = run.result.tables;
  if (tables.size() != e.expected.size())
    return fmt::format("results: the docs show {} table(s), the query gave {}", e.expected.size(), tables.size());
  std::vector<bool> ordered = ordered_results(e.query);
  for (size_t i = 0; i < tables.size(); ++i) {
    bool in_order = i < ordered.size() && ordered[i];
    if (auto why = compare_table(e.expected[i], *tables[i].table, in_order))
      return (tables.size() > 1 ? fmt::format("table {}: ", i + 1) : std::string()) + *why;
  }
  return "";
}

TEST(DocsExamples, ResultsMatchTheReferenceDocs) {
  auto examples = load_testable_examples(testing::shared_dir() + "/conformance/docs-examples.jsonl");
  ASSERT_EQ(examples.size(), 618u) << "the README's filter gives 618 examples";
  Engine engine;
  RunOptions options;
  options.now = *parse_datetime("2024-01-15T12:00:00Z");
  options.time_limit = std::chrono::milliseconds(5000);

  Tally overall, headline;
  std::map<std::string, Tally> by_kind, by_subkind;
  testing::ReasonTally reasons;
  std::ofstream report("docs_examples_failures.txt");
  size_t crashes = 0;
  for (const auto& e : examples) {
    bool crashed = false;
    std::string why = check_example(engine, e, options, &crashed);
    crashes += crashed ? 1 : 0;
    bool ok = why.empty();
    overall.add(ok);
    if (counts_toward_headline(e)) headline.add(ok);
    by_kind[e.kind].add(ok);
    by_subkind[e.kind + "/" + e.subkind].add(ok);
    if (!ok) {
      report << e.id << ": " << why << "\n";
      reasons.add(why);
    }
  }

  std::string summary = "docs examples, by kind:\n";
  for (const auto& [k, t] : by_kind) summary += fmt::format("  {:<34} {}\n", k, t.text());
  summary += "by kind/subkind:\n";
  for (const auto& [k, t] : by_subkind) summary += fmt::format("  {:<34} {}\n", k, t.text());
  summary += fmt::format("overall                              {}\n", overall.text());
  summary += fmt::format("headline (no geo_*, no graph)        {}\n", headline.text());
  summary += reasons.summary(10);
  report << "\n" << summary;
  std::printf("%s(failures listed in docs_examples_failures.txt)\n", summary.c_str());

  EXPECT_EQ(crashes, 0u) << "exceptions escaped Engine::run; see docs_examples_failures.txt";
  EXPECT_GE(overall.percent(), kOverallFloorPercent) << "see docs_examples_failures.txt";
  EXPECT_GE(headline.percent(), kHeadlineFloorPercent) << "see docs_examples_failures.txt";
}

}  // namespace
}  // namespace huntdb::conformance
