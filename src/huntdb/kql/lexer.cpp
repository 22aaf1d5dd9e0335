#include "huntdb/kql/lexer.h"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

#include <utf8proc.h>

namespace huntdb::kql {

namespace {

struct KeywordInfo {
  std::string_view text;
  KeywordRole role;
};

constexpr KeywordRole ID = KeywordRole::Id;
constexpr KeywordRole EXT = KeywordRole::Ext;
constexpr KeywordRole RES = KeywordRole::Res;

constexpr std::array<KeywordInfo, static_cast<size_t>(Keyword::Count_)> kKeywords = {{
    {"", RES},
#define KW(id, text, role) {text, role},
#include "huntdb/kql/keywords.def"
#undef KW
}};

// Keywords bucketed by first byte, longest first, so the first prefix match is the longest.
struct KeywordIndex {
  std::array<std::vector<Keyword>, 256> by_first;
  KeywordIndex() {
    for (size_t i = 1; i < kKeywords.size(); ++i) {
      auto k = static_cast<Keyword>(i);
      by_first[static_cast<unsigned char>(kKeywords[i].text[0])].push_back(k);
    }
    for (auto& v : by_first)
      std::sort(v.begin(), v.end(), [](Keyword a, Keyword b) {
        return keyword_text(a).size() > keyword_text(b).size();
      });
  }
};

const KeywordIndex& keyword_index() {
  static const KeywordIndex index;
  return index;
}

// Decodes the code point at pos (invalid bytes decode as U+FFFD, one byte long).
char32_t decode(std::string_view s, size_t pos, size_t* len) {
  utf8proc_int32_t cp = 0;
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + pos),
                            static_cast<utf8proc_ssize_t>(s.size() - pos), &cp);
  if (n <= 0) {
    *len = 1;
    return 0xFFFD;
  }
  *len = static_cast<size_t>(n);
  return static_cast<char32_t>(cp);
}

bool ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool hex_digit(char c) { return ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// KQL names are ASCII: letters, digits and '_' (a non-ASCII letter is not part of a name).
size_t letter_len(std::string_view s, size_t pos) { return pos < s.size() && ascii_letter(s[pos]) ? 1 : 0; }

size_t letter_or_digit_len(std::string_view s, size_t pos) {
  return pos < s.size() && (ascii_letter(s[pos]) || ascii_digit(s[pos])) ? 1 : 0;
}

size_t ident_char_len(std::string_view s, size_t pos) {
  if (pos < s.size() && s[pos] == '_') return 1;
  return letter_or_digit_len(s, pos);
}

// The whitespace Kusto skips between tokens, including the Unicode spaces and the zero-width
// space and byte-order mark that pasted queries often carry. Returns its byte length or 0.
size_t whitespace_len(std::string_view s, size_t pos) {
  unsigned char c = s[pos];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') return 1;
  if (c < 0x80) return 0;
  size_t len;
  char32_t cp = decode(s, pos, &len);
  switch (cp) {
    case 0x00A0: case 0x1680: case 0x180E: case 0x2000: case 0x2001: case 0x2002: case 0x2003:
    case 0x2004: case 0x2005: case 0x2006: case 0x2007: case 0x2008: case 0x2009: case 0x200A:
    case 0x200B: case 0x202F: case 0x205F: case 0x3000: case 0xFEFF:
      return len;
    default:
      return 0;
  }
}

bool is_line_break_start(std::string_view s, size_t pos) {
  unsigned char c = s[pos];
  if (c == '\n' || c == '\r') return true;
  if (c < 0x80) return false;
  size_t len;
  char32_t cp = decode(s, pos, &len);
  return cp == 0x2028 || cp == 0x2029;
}

class Lexer {
 public:
  Lexer(std::string_view text, Diagnostics& diags) : s_(text), diags_(diags) {}

  std::vector<Token> run() {
    std::vector<Token> tokens;
    tokens.reserve(s_.size() / 4 + 4);
    while (true) {
      Token t = next();
      tokens.push_back(t);
      if (t.kind == TokenKind::End) break;
    }
    return tokens;
  }

 private:
  std::string_view s_;
  Diagnostics& diags_;
  size_t pos_ = 0;

  char peek(size_t p) const { return p < s_.size() ? s_[p] : '\0'; }

  void error(uint32_t begin, uint32_t end, std::string message) {
    diags_.push_back(Diagnostic{DiagnosticKind::Syntax, Severity::Error, std::move(message), Span{begin, end}});
  }

  void skip_trivia() {
    while (pos_ < s_.size()) {
      if (size_t w = whitespace_len(s_, pos_)) {
        pos_ += w;
      } else if (s_[pos_] == '/' && peek(pos_ + 1) == '/') {
        while (pos_ < s_.size() && !is_line_break_start(s_, pos_)) ++pos_;
      } else {
        break;
      }
    }
  }

  Token make(TokenKind kind, uint32_t trivia, size_t begin, size_t end, Keyword kw = Keyword::None) {
    pos_ = end;
    return Token{kind, kw, trivia, static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
  }

  Token next() {
    uint32_t trivia = static_cast<uint32_t>(pos_);
    skip_trivia();
    size_t p = pos_;
    if (p >= s_.size()) return make(TokenKind::End, trivia, p, p);
    char c = s_[p];

    bool letter_or_digit = letter_or_digit_len(s_, p) > 0;
    if (!letter_or_digit) {
      if (auto t = punctuation(p); t.second > 0) return make(t.first, trivia, p, p + t.second);
      if (c == '\'' || c == '"' || (c == '`' && s_.substr(p, 3) == "```"))
        return string_literal(trivia, p);
      if (c == '@' && (peek(p + 1) == '\'' || peek(p + 1) == '"' || (peek(p + 1) == '`' && s_.substr(p + 1, 3) == "```")))
        return string_literal(trivia, p);
      if (c == '#') {
        size_t e = p;
        while (e < s_.size() && !is_line_break_start(s_, e)) ++e;
        return make(TokenKind::Directive, trivia, p, e);
      }
    }

    // Keywords (words and the multi-character operator keywords like !contains, hint.strategy).
    if (auto [kw, len] = match_keyword(p); kw != Keyword::None) {
      if (peek(p + len) == '(') {
        if (TokenKind goo = goo_kind(kw); goo != TokenKind::End) return goo_literal(trivia, p, len, goo, kw);
      }
      if (ident_char_len(s_, p + len) == 0) return make(TokenKind::Identifier, trivia, p, p + len, kw);
    }

    if (c == '_' || c == '$' || letter_len(s_, p) > 0) {
      if (size_t b = bool_literal(p)) return make(TokenKind::Bool, trivia, p, p + b);
      if (size_t g = raw_guid(p)) return make(TokenKind::RawGuid, trivia, p, p + g);
      size_t id = identifier(p);
      if (id == 1 && (c == 'h' || c == 'H')) {
        char n = peek(p + 1);
        if (n == '\'' || n == '"' || n == '@' || (n == '`' && s_.substr(p + 1, 3) == "```")) {
          if (n != '@' || peek(p + 2) == '\'' || peek(p + 2) == '"' || s_.substr(p + 2, 3) == "```")
            return string_literal(trivia, p);
        }
      }
      return make(TokenKind::Identifier, trivia, p, p + id);
    }
    if (ascii_digit(c)) {
      if (size_t g = raw_guid(p)) return make(TokenKind::RawGuid, trivia, p, p + g);
      if (size_t r = real_literal(p)) return make(TokenKind::Real, trivia, p, p + r);
      if (size_t t = timespan_literal(p)) return make(TokenKind::Timespan, trivia, p, p + t);
      if (size_t l = long_literal(p)) return make(TokenKind::Long, trivia, p, p + l);
      if (size_t id = identifier(p)) return make(TokenKind::Identifier, trivia, p, p + id);
    }
    if (c == '!') return make(TokenKind::Bang, trivia, p, p + 1);

    size_t len = 1;
    if (static_cast<unsigned char>(c) >= 0x80) decode(s_, p, &len);
    error(static_cast<uint32_t>(p), static_cast<uint32_t>(p + len), "Unexpected: " + std::string(s_.substr(p, len)));
    return make(TokenKind::Bad, trivia, p, p + len);
  }

  std::pair<TokenKind, size_t> punctuation(size_t p) const {
    char c = s_[p];
    char n = peek(p + 1);
    switch (c) {
      case '(': return {TokenKind::LParen, 1};
      case ')': return {TokenKind::RParen, 1};
      case '[': return {TokenKind::LBracket, 1};
      case ']': return {TokenKind::RBracket, 1};
      case '{': return {TokenKind::LBrace, 1};
      case '}': return {TokenKind::RBrace, 1};
      case '|': return {TokenKind::Bar, 1};
      case '.': return n == '.' ? std::pair{TokenKind::DotDot, size_t{2}} : std::pair{TokenKind::Dot, size_t{1}};
      case '+': return {TokenKind::Plus, 1};
      case '-': return {TokenKind::Minus, 1};
      case '*': return {TokenKind::Star, 1};
      case '/': return {TokenKind::Slash, 1};
      case '%': return {TokenKind::Percent, 1};
      case '<':
        if (n == '=') return {TokenKind::LessEqual, 2};
        if (n == '|') return {TokenKind::LessBar, 2};
        if (n == '>') return {TokenKind::LessGreater, 2};
        return {TokenKind::Less, 1};
      case '>': return n == '=' ? std::pair{TokenKind::GreaterEqual, size_t{2}} : std::pair{TokenKind::Greater, size_t{1}};
      case '=':
        if (n == '=') return {TokenKind::EqualEqual, 2};
        if (n == '>') return {TokenKind::FatArrow, 2};
        if (n == '~') return {TokenKind::EqualTilde, 2};
        return {TokenKind::Equal, 1};
      case '!':
        if (n == '=') return {TokenKind::BangEqual, 2};
        if (n == '~') return {TokenKind::BangTilde, 2};
        return {TokenKind::End, 0};
      case ':': return {TokenKind::Colon, 1};
      case ';': return {TokenKind::Semicolon, 1};
      case ',': return {TokenKind::Comma, 1};
      case '?': return {TokenKind::Question, 1};
      case '@':
        if (n != '\'' && n != '"' && n != '`') return {TokenKind::At, 1};
        return {TokenKind::End, 0};
      default: return {TokenKind::End, 0};
    }
  }

  std::pair<Keyword, size_t> match_keyword(size_t p) const {
    const auto& bucket = keyword_index().by_first[static_cast<unsigned char>(s_[p])];
    for (Keyword k : bucket) {
      std::string_view t = keyword_text(k);
      if (s_.compare(p, t.size(), t) == 0) return {k, t.size()};
    }
    return {Keyword::None, 0};
  }

  static TokenKind goo_kind(Keyword k) {
    switch (k) {
      case Keyword::TLong: return TokenKind::Long;
      case Keyword::TInt: return TokenKind::Int;
      case Keyword::TReal:
      case Keyword::TDouble: return TokenKind::Real;
      case Keyword::TDecimal: return TokenKind::Decimal;
      case Keyword::TBool: return TokenKind::Bool;
      case Keyword::TDateTime:
      case Keyword::TDate: return TokenKind::DateTime;
      case Keyword::TTime:
      case Keyword::TTimespan: return TokenKind::Timespan;
      case Keyword::TGuid: return TokenKind::Guid;
      default: return TokenKind::End;
    }
  }

  // datetime(...), guid(...), long(...): the parenthesized text is taken raw, up to ')' or the
  // end of the line; the literal's own parser validates it later.
  Token goo_literal(uint32_t trivia, size_t p, size_t kwlen, TokenKind kind, Keyword kw) {
    size_t e = p + kwlen + 1;
    while (e < s_.size() && s_[e] != ')' && !is_line_break_start(s_, e)) ++e;
    if (e < s_.size() && s_[e] == ')') {
      ++e;
    } else {
      error(static_cast<uint32_t>(e), static_cast<uint32_t>(e), "Missing: )");
    }
    return make(kind, trivia, p, e, kw);
  }

  size_t bool_literal(size_t p) const {
    static constexpr std::string_view kBools[] = {"true", "True", "TRUE", "false", "False", "FALSE"};
    for (auto b : kBools)
      if (s_.compare(p, b.size(), b) == 0 && ident_char_len(s_, p + b.size()) == 0) return b.size();
    return 0;
  }

  size_t hex_run(size_t p, size_t n) const {
    for (size_t i = 0; i < n; ++i)
      if (!hex_digit(peek(p + i))) return 0;
    return n;
  }

  size_t raw_guid(size_t p) const {
    if (p + 36 > s_.size()) return 0;
    if (hex_run(p, 8) && s_[p + 8] == '-' && hex_run(p + 9, 4) && s_[p + 13] == '-' && hex_run(p + 14, 4) &&
        s_[p + 18] == '-' && hex_run(p + 19, 4) && s_[p + 23] == '-' && hex_run(p + 24, 12))
      return 36;
    return 0;
  }

  size_t identifier(size_t p) const {
    size_t e = p;
    char c = s_[p];
    if (c == '_' || c == '$' || letter_len(s_, p) > 0) {
      e += (c == '_' || c == '$') ? 1 : letter_len(s_, p);
      while (size_t l = ident_char_len(s_, e)) e += l;
      return e - p;
    }
    if (ascii_digit(c)) {
      while (ascii_digit(peek(e))) ++e;
      // Digits followed by a letter or '_' make an identifier (e.g. 3Dchart).
      if (letter_len(s_, e) > 0 || peek(e) == '_') {
        while (size_t l = ident_char_len(s_, e)) e += l;
        return e - p;
      }
    }
    return 0;
  }

  size_t digits(size_t p) const {
    size_t e = p;
    while (ascii_digit(peek(e))) ++e;
    return e - p;
  }

  size_t exponent(size_t p) const {
    char c = peek(p);
    if (c != 'e' && c != 'E') return 0;
    size_t e = p + 1;
    if (peek(e) == '+' || peek(e) == '-') ++e;
    size_t d = digits(e);
    if (d == 0) return 0;
    return e + d - p;
  }

  size_t real_literal(size_t p) const {
    size_t d = digits(p);
    if (d == 0) return 0;
    size_t e = p + d;
    if (peek(e) == '.' && (peek(e + 1) != '.' || peek(e + 2) == '.')) {
      ++e;
      e += digits(e);
      e += exponent(e);
    } else {
      size_t x = exponent(e);
      if (x == 0) return 0;
      e += x;
    }
    if (ident_char_len(s_, e)) return 0;
    return e - p;
  }

  size_t timespan_literal(size_t p) const {
    static constexpr std::string_view kSuffixes[] = {
        "microseconds", "milliseconds", "nanoseconds", "microsecond", "millisecond", "nanosecond", "microsec",
        "millisec",     "nanosec",      "minutes",     "seconds",     "millis",      "minute",     "second",
        "micros",       "nanos",        "micro",       "milli",       "nano",        "hours",      "ticks",
        "days",         "hour",         "tick",        "min",         "sec",         "day",        "hrs",
        "ms",           "hr",           "m",           "s",           "d",           "h"};
    size_t n = digits(p);
    if (n == 0) return 0;
    if (peek(p + n) == '.') n += 1 + digits(p + n + 1);
    for (auto suf : kSuffixes) {
      if (s_.compare(p + n, suf.size(), suf) == 0) {
        size_t e = p + n + suf.size();
        if (ident_char_len(s_, e)) return 0;
        return e - p;
      }
    }
    return 0;
  }

  size_t long_literal(size_t p) const {
    if (s_[p] == '0' && (peek(p + 1) == 'x' || peek(p + 1) == 'X')) {
      size_t e = p + 2;
      if (hex_digit(peek(e))) {
        while (hex_digit(peek(e))) ++e;
        if (!ident_char_len(s_, e)) return e - p;
      }
    }
    size_t d = digits(p);
    if (d > 0 && !ident_char_len(s_, p + d)) return d;
    return 0;
  }

  size_t escape_len(size_t p) const {
    char c = peek(p + 1);
    switch (c) {
      case '\\': case '\'': case '"': case 'a': case 'b': case 'f': case 'n': case 'r': case 't': case 'v':
        return 2;
      case 'u': return hex_run(p + 2, 4) ? 6 : 0;
      case 'U': return hex_run(p + 2, 8) ? 10 : 0;
      case 'x': return hex_run(p + 2, 2) ? 4 : 0;
      default: {
        char c1 = peek(p + 1);
        if (c1 < '0' || c1 > '7') return 0;
        char c2 = peek(p + 2);
        if (c2 < '0' || c2 > '7') return 2;
        char c3 = peek(p + 3);
        if (c3 >= '0' && c3 <= '7' && c1 <= '3') return 4;
        return 3;
      }
    }
  }

  Token string_literal(uint32_t trivia, size_t start) {
    size_t p = start;
    if (s_[p] == 'h' || s_[p] == 'H') ++p;
    bool verbatim = false;
    if (s_[p] == '@') {
      verbatim = true;
      ++p;
    }
    if (s_.substr(p, 3) == "```") {
      size_t close = s_.find("```", p + 3);
      if (close == std::string_view::npos) {
        error(static_cast<uint32_t>(s_.size()), static_cast<uint32_t>(s_.size()), "Missing: ```");
        return make(TokenKind::String, trivia, start, s_.size());
      }
      return make(TokenKind::String, trivia, start, close + 3);
    }
    char quote = s_[p++];
    while (p < s_.size()) {
      char c = s_[p];
      if (c == quote && verbatim && peek(p + 1) == quote) {
        p += 2;
      } else if (c == '\\' && !verbatim) {
        size_t e = escape_len(p);
        if (e == 0) break;  // not an escape: the string ends here, unterminated
        p += e;
      } else if (c == quote || is_line_break_start(s_, p)) {
        break;
      } else {
        ++p;
      }
    }
    if (peek(p) == quote && p < s_.size()) {
      ++p;
    } else {
      error(static_cast<uint32_t>(p), static_cast<uint32_t>(p), std::string("Missing: ") + quote);
    }
    return make(TokenKind::String, trivia, start, p);
  }
};

}  // namespace

std::string_view keyword_text(Keyword k) { return kKeywords[static_cast<size_t>(k)].text; }
KeywordRole keyword_role(Keyword k) { return kKeywords[static_cast<size_t>(k)].role; }

std::vector<Token> tokenize(std::string_view text, Diagnostics& diagnostics) {
  return Lexer(text, diagnostics).run();
}

bool is_identifier_start(std::string_view text, size_t pos) {
  return pos < text.size() && (text[pos] == '_' || text[pos] == '$' || letter_len(text, pos) > 0);
}

bool is_identifier_char(std::string_view text, size_t pos) { return ident_char_len(text, pos) > 0; }

bool is_plain_identifier(std::string_view name) {
  if (name.empty() || ascii_digit(name[0])) return false;
  Diagnostics ignored;
  auto toks = tokenize(name, ignored);
  return toks.size() == 2 && toks[0].kind == TokenKind::Identifier && toks[0].begin == 0 &&
         toks[0].end == name.size() && (toks[0].kw == Keyword::None || keyword_role(toks[0].kw) == KeywordRole::Id) &&
         !toks[0].has_trivia();
}

}  // namespace huntdb::kql
