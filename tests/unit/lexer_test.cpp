#include "huntdb/kql/lexer.h"

#include <gtest/gtest.h>

namespace huntdb::kql {
namespace {

std::vector<Token> lex(std::string_view text, Diagnostics* diags = nullptr) {
  Diagnostics local;
  return tokenize(text, diags ? *diags : local);
}

std::vector<TokenKind> kinds(std::string_view text) {
  std::vector<TokenKind> out;
  for (const auto& t : lex(text)) out.push_back(t.kind);
  return out;
}

TEST(Lexer, NumbersBecomeTimespansRealsOrIdentifiersByTheirSuffix) {
  EXPECT_EQ(kinds("30d 5m 1.5h 100ms 10microseconds 1tick"),
            (std::vector<TokenKind>{TokenKind::Timespan, TokenKind::Timespan, TokenKind::Timespan,
                                    TokenKind::Timespan, TokenKind::Timespan, TokenKind::Timespan, TokenKind::End}));
  EXPECT_EQ(kinds("1.5 1e3 2. 0x1F 42"),
            (std::vector<TokenKind>{TokenKind::Real, TokenKind::Real, TokenKind::Real, TokenKind::Long,
                                    TokenKind::Long, TokenKind::End}));
  // Digits followed by letters that are no timespan unit make an identifier, as in Kusto.
  EXPECT_EQ(kinds("3Dchart"), (std::vector<TokenKind>{TokenKind::Identifier, TokenKind::End}));
  // `1..10` is a long, a '..' and a long: the dot does not start a fraction.
  EXPECT_EQ(kinds("1..10"), (std::vector<TokenKind>{TokenKind::Long, TokenKind::DotDot, TokenKind::Long, TokenKind::End}));
}

TEST(Lexer, TypedLiteralsAreScannedRawUpToTheClosingParen) {
  auto toks = lex("datetime(2018-04-16 19:10:00.000) guid(74be27de-1e4e-49d9-b579-fe0b331d3642) time(1.2:00:00)");
  ASSERT_EQ(toks.size(), 4u);
  EXPECT_EQ(toks[0].kind, TokenKind::DateTime);
  EXPECT_EQ(toks[0].end - toks[0].begin, 33u);
  EXPECT_EQ(toks[1].kind, TokenKind::Guid);
  EXPECT_EQ(toks[2].kind, TokenKind::Timespan);
  // With a space before '(' it is the keyword, not a literal.
  EXPECT_EQ(lex("datetime (x)")[0].kind, TokenKind::Identifier);
}

TEST(Lexer, StringFormsAndTheirErrors) {
  EXPECT_EQ(kinds(R"('a\'b' "c\"d" @'c:\dir' h'secret' ```multi
line```)"),
            (std::vector<TokenKind>{TokenKind::String, TokenKind::String, TokenKind::String, TokenKind::String,
                                    TokenKind::String, TokenKind::End}));
  Diagnostics diags;
  lex(R"(x == "C:\Windows")", &diags);  // \W is no escape: the string is unterminated there
  ASSERT_FALSE(diags.empty());
  EXPECT_EQ(diags[0].message, "Missing: \"");
}

TEST(Lexer, MultiCharacterKeywordsNeedAnIdentifierBoundary) {
  auto toks = lex("project-away !contains hint.strategy matches regex project-awayx");
  EXPECT_TRUE(toks[0].is(Keyword::ProjectAway));
  EXPECT_TRUE(toks[1].is(Keyword::BangContains));
  EXPECT_TRUE(toks[2].is(Keyword::HintStrategy));
  EXPECT_TRUE(toks[3].is(Keyword::MatchesRegex));
  // `project-awayx` is the plain identifier `project`, then `-`, `awayx` (as the official lexer does).
  EXPECT_EQ(toks[4].kind, TokenKind::Identifier);
  EXPECT_EQ(toks[4].kw, Keyword::None);
  EXPECT_EQ(toks[5].kind, TokenKind::Minus);
}

TEST(Lexer, CommentsAndUnicodeSpacesAreTrivia) {
  auto toks = lex("a // note\n\xE2\x80\x8B b");  // zero-width space before b
  ASSERT_EQ(toks.size(), 3u);
  EXPECT_TRUE(toks[1].has_trivia());
  Diagnostics diags;
  lex("a \xE2\x80\x9C" "b" "\xE2\x80\x9D", &diags);  // curly quotes are not KQL
  EXPECT_FALSE(diags.empty());
}

}  // namespace
}  // namespace huntdb::kql
