// The parse pattern's literal matcher must give exactly what the lazy, fully anchored regex
// gives: checked against RE2 over many small patterns and texts.
#include "huntdb/exec/parse_pattern.h"

#include <random>

#include <gtest/gtest.h>
#include <re2/re2.h>

namespace huntdb::exec {
namespace {

using analyze::ParsePart;

ParsePart literal(std::string s) {
  ParsePart p;
  p.literal = std::move(s);
  return p;
}
ParsePart capture(int column, ScalarType type = ScalarType::String) {
  ParsePart p;
  p.column = column;
  p.type = type;
  return p;
}
ParsePart wildcard() {
  ParsePart p;
  p.wildcard = true;
  return p;
}

TEST(ParsePattern, LiteralMatcherAgreesWithLazyRegex) {
  std::mt19937 rng(7);
  const char* literals[] = {"a", "-", "=", "ab", "b-", "=a"};
  const char alphabet[] = "ab-=\n";
  for (int round = 0; round < 400; ++round) {
    std::vector<ParsePart> parts;
    std::string re;
    int columns = 0;
    size_t n = 1 + rng() % 5;
    for (size_t i = 0; i < n; ++i) {
      switch (rng() % 3) {
        case 0: {
          std::string l = literals[rng() % 6];
          parts.push_back(literal(l));
          re += RE2::QuoteMeta(l);
          break;
        }
        case 1:
          parts.push_back(capture(columns++));
          re += "(.*?)";
          break;
        default:
          parts.push_back(wildcard());
          re += "(?:.*?)";
      }
    }
    ParsePattern pattern(parts, "simple", "");
    RE2::Options opts;
    opts.set_dot_nl(true);
    RE2 reference(re, opts);
    ASSERT_TRUE(reference.ok()) << re;
    for (int t = 0; t < 60; ++t) {
      std::string text;
      size_t len = rng() % 9;
      for (size_t k = 0; k < len; ++k) text += alphabet[rng() % 5];
      std::vector<re2::StringPiece> sub(static_cast<size_t>(columns) + 1);
      bool want = reference.Match(text, 0, text.size(), RE2::ANCHOR_BOTH, sub.data(), columns + 1);
      std::vector<std::string_view> got;
      bool matched = pattern.match(text, got);
      ASSERT_EQ(matched, want) << "pattern " << re << " text '" << text << "'";
      if (!matched) continue;
      for (int c = 0; c < columns; ++c)
        EXPECT_EQ(got[c], std::string_view(sub[c + 1].data(), sub[c + 1].size())) << "pattern " << re << " text '" << text << "'";
    }
  }
}

TEST(ParsePattern, NumericCapturesMatchOnlyNumbers) {
  ParsePattern pattern({literal("v="), capture(0, ScalarType::Long), literal(";"), capture(1)}, "simple", "");
  std::vector<std::string_view> got;
  ASSERT_TRUE(pattern.match("v=-42;rest", got));
  EXPECT_EQ(got[0], "-42");
  EXPECT_EQ(got[1], "rest");
  EXPECT_FALSE(pattern.match("v=4x;rest", got));
}

TEST(ParsePattern, RelaxedNumericCapturesTakeAnyText) {
  ParsePattern pattern({literal("v="), capture(0, ScalarType::Long), literal(";")}, "relaxed", "");
  std::vector<std::string_view> got;
  ASSERT_TRUE(pattern.match("v=4x;", got));
  EXPECT_EQ(got[0], "4x");
}

TEST(ParsePattern, RegexKindCapturesAreGreedyUnlessUngreedy) {
  std::vector<ParsePart> parts{wildcard(), literal("="), capture(0), literal(","), wildcard()};
  std::vector<std::string_view> got;
  ASSERT_TRUE(ParsePattern(parts, "regex", "").match("k=a,b,c", got));
  EXPECT_EQ(got[0], "a,b");
  ASSERT_TRUE(ParsePattern(parts, "regex", "U").match("k=a,b,c", got));
  EXPECT_EQ(got[0], "a");
}

TEST(ParsePattern, UserGroupsDoNotShiftCaptures) {
  ParsePattern pattern({literal("(x|y)+:"), capture(0), literal("(;)")}, "regex", "");
  std::vector<std::string_view> got;
  ASSERT_TRUE(pattern.match("xy:value;", got));
  EXPECT_EQ(got[0], "value");
}

TEST(ParsePattern, BadKindOrFlagsFail) {
  EXPECT_ANY_THROW(ParsePattern({capture(0)}, "fuzzy", ""));
  EXPECT_ANY_THROW(ParsePattern({capture(0)}, "regex", "q"));
  EXPECT_ANY_THROW(ParsePattern({literal("(")}, "regex", ""));
}

}  // namespace
}  // namespace huntdb::exec
