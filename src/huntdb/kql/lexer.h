// The KQL lexer: UTF-8 text to tokens, following the official lexer's rules (longest keyword
// match with an identifier boundary, `datetime(...)`-style literals scanned raw, escape rules of
// quoted strings, numbers that become timespans or identifiers by their suffix).
#pragma once

#include <string_view>
#include <vector>

#include "huntdb/common/diagnostic.h"
#include "huntdb/kql/token.h"

namespace huntdb::kql {

// Tokenizes the whole text; the last token is always End. Lexical errors (unterminated strings,
// stray characters) are appended to `diagnostics` and the offending text still becomes a token.
std::vector<Token> tokenize(std::string_view text, Diagnostics& diagnostics);

// Character classes shared with the name printer.
bool is_identifier_start(std::string_view text, size_t pos);
bool is_identifier_char(std::string_view text, size_t pos);
// True if `name` lexes as exactly one plain identifier that is not a reserved keyword.
bool is_plain_identifier(std::string_view name);

}  // namespace huntdb::kql
