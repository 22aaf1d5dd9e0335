#include "huntdb/kql/parser.h"

#include <random>

#include <gtest/gtest.h>

#include "huntdb/analyze/binder.h"
#include "huntdb/kql/printer.h"

namespace huntdb::kql {
namespace {

std::vector<std::string> messages(const SyntaxTree& t) {
  std::vector<std::string> out;
  for (const auto& d : t.diagnostics) {
    auto lc = t.source->locate(d.span.begin);
    out.push_back(std::to_string(lc.line) + ":" + std::to_string(lc.col) + " " + d.message);
  }
  return out;
}

TEST(Parser, ReportsSeveralErrorsInOnePass) {
  // The parenthesis opens a sub-pipeline that runs to the end; every gap is reported where it
  // is, as the official parser reports them.
  auto t = parse("T | where (a ==\n| project b,\n| take");
  EXPECT_EQ(messages(*t), (std::vector<std::string>{"1:16 Missing expression", "2:13 Missing expression",
                                                    "3:7 Missing expression", "3:7 Expected: )"}));
}

TEST(Parser, FormatsErrorsWithLineColumnAndCaret) {
  auto t = parse("SecurityEvent\n| where EventID == 4624 and\n| take 10");
  ASSERT_FALSE(t->diagnostics.empty());
  std::string text = format_diagnostic(*t->source, t->diagnostics[0]);
  EXPECT_EQ(text,
            "2:28: syntax error: Missing expression\n"
            "  | where EventID == 4624 and\n"
            "                             ^\n");
}

TEST(Parser, KeepsSpansOfNodes) {
  auto t = parse("print x = strlen('abc')");
  auto* block = t->root->as<QueryBlockNode>();
  auto* print = block->statements[0]->as<ExprStmtNode>()->expr->as<PrintNode>();
  auto* named = print->items[0]->as<SimpleNamedNode>();
  EXPECT_EQ(t->source->slice(named->span), "x = strlen('abc')");
  EXPECT_EQ(t->source->slice(named->value->span), "strlen('abc')");
}

TEST(Parser, PrecedenceFollowsKusto) {
  // string operators bind tighter than arithmetic; equality does not chain
  auto t = parse("print a + b contains c and d == e");
  EXPECT_TRUE(t->diagnostics.empty());
  EXPECT_EQ(print(t->root, PrintMode::Tree), "print ((a + (b contains c)) and (d == e))");
}

TEST(Parser, TenThousandDeepNestingIsAnErrorNotACrash) {
  std::string q = "print " + std::string(10000, '(') + "1" + std::string(10000, ')');
  auto t = parse(q);
  ASSERT_FALSE(t->diagnostics.empty());
  EXPECT_NE(t->diagnostics[0].message.find("nested too deeply"), std::string::npos);
  std::string calls = "print ";
  for (int i = 0; i < 10000; ++i) calls += "f(";
  calls += "1" + std::string(10000, ')');
  EXPECT_FALSE(parse(calls)->diagnostics.empty());
}

TEST(Parser, OneMegabyteQueriesParseBindAndPrint) {
  // A long `or` chain (generated IOC filters look like this) and a long pipeline.
  std::string ors = "T | where ";
  for (int i = 0; ors.size() < (1u << 20); ++i) ors += (i ? " or " : "") + std::string("a == ") + std::to_string(i);
  std::string pipes = "T";
  while (pipes.size() < (1u << 20)) pipes += " | where a > 1";
  analyze::Catalog catalog;
  catalog.add_table("T", TableSchema{{{"a", ScalarType::Long}}, false});
  for (const std::string* q : {&ors, &pipes}) {
    auto t = parse(*q);
    EXPECT_TRUE(t->diagnostics.empty());
    auto a = analyze::analyze(*t, catalog);
    EXPECT_TRUE(a.diagnostics.empty());
    ASSERT_TRUE(a.result.is_table());
    EXPECT_EQ(a.result.columns->columns.size(), 1u);
    EXPECT_EQ(print(t->root).size(), q->size());
  }
}

TEST(Parser, RandomBytesNeverCrashTheFrontEnd) {
  std::mt19937 rng(42);
  const std::string alphabet = "abcT|()[]{}'\"=!<>~.,;:-+*/%@$#\\ \n\t0123456789xyzwherproject";
  analyze::Catalog catalog;
  for (int i = 0; i < 2000; ++i) {
    std::string q;
    size_t n = rng() % 200;
    for (size_t j = 0; j < n; ++j) q += alphabet[rng() % alphabet.size()];
    auto t = parse(q);
    analyze::analyze(*t, catalog);
    print(t->root);
  }
}

}  // namespace
}  // namespace huntdb::kql
