// Values of literal tokens as written in KQL: string literals with their escapes, verbatim and
// multi-line forms. (Typed literals such as datetime(...) are decoded in types/.)
#pragma once

#include <string>
#include <string_view>

namespace huntdb::kql {

// The value of one string literal token: 'a\tb', "x", @'c:\dir', h'secret', ```multi```.
std::string decode_string_literal(std::string_view token_text);

// A name quoted so that it lexes back as the same name: plain if it can be, ['...'] otherwise.
std::string quote_name(std::string_view name);
// A string literal whose value is `value`.
std::string quote_string(std::string_view value);

}  // namespace huntdb::kql
