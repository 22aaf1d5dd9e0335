// Lexical tokens of KQL. Words are Identifier tokens tagged with the keyword they spell (if any):
// most KQL keywords are contextual, so the parser decides whether `kind` or `count` is a name.
#pragma once

#include <cstdint>
#include <string_view>

#include "huntdb/common/source.h"

namespace huntdb::kql {

enum class Keyword : uint16_t {
  None,
#define KW(id, text, role) id,
#include "huntdb/kql/keywords.def"
#undef KW
  Count_
};

enum class KeywordRole : uint8_t { Id, Ext, Res };

std::string_view keyword_text(Keyword k);
KeywordRole keyword_role(Keyword k);

enum class TokenKind : uint8_t {
  End,
  Bad,        // a character that is not part of the language
  Directive,  // #connect ... (a client directive line)
  Identifier, // names and keywords (see Token::kw)
  // literals
  String,
  Bool,
  Long,
  Int,       // int(...)
  Real,      // 1.5, 1e3, real(...), double(...)
  Decimal,   // decimal(...)
  DateTime,  // datetime(...), date(...)
  Timespan,  // 10m, 1.5h, time(...), timespan(...)
  Guid,      // guid(...)
  RawGuid,   // 8-4-4-4-12 hex digits without guid(...)
  // punctuation
  LParen, RParen, LBracket, RBracket, LBrace, RBrace,
  Bar, LessBar, Plus, Minus, Star, Slash, Percent,
  Dot, DotDot, Less, LessEqual, Greater, GreaterEqual,
  Equal, EqualEqual, BangEqual, LessGreater, EqualTilde, BangTilde,
  Colon, Semicolon, Comma, At, Question, FatArrow, Bang,
};

struct Token {
  TokenKind kind = TokenKind::End;
  Keyword kw = Keyword::None;
  uint32_t trivia_begin = 0;  // start of the whitespace/comments before the token
  uint32_t begin = 0;
  uint32_t end = 0;

  Span span() const { return Span{begin, end}; }
  bool has_trivia() const { return trivia_begin != begin; }
  bool is(Keyword k) const { return kind == TokenKind::Identifier && kw == k; }
};

}  // namespace huntdb::kql
