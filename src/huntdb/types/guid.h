// GUID text: the canonical form Kusto writes and the forms it reads.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "huntdb/types/value.h"

namespace huntdb {

// Lowercase 8-4-4-4-12: 74be27de-1e4e-49d9-b579-fe0b331d3642.
std::string format_guid(const Guid& g);

// The text of a guid(...) literal: 8-4-4-4-12 or 32 hex digits, optionally in braces or
// parentheses, hex digits of either case. nullopt for anything else.
std::optional<Guid> parse_guid(std::string_view text);

// toguid() of a string, as the Kusto reference page "toguid()" describes it: the first 32 hex
// digits of the text, skipping hyphens, make the guid and whatever follows is ignored
// ("0123456789ab-cdef-0123-456789abcdef" converts). nullopt if a character other than a hex digit
// or a hyphen comes before 32 digits are read.
std::optional<Guid> parse_guid_lenient(std::string_view text);

}  // namespace huntdb
