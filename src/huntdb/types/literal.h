// KQL's typed literals: datetime(2015-12-31), timespan(15 seconds), guid(...), long(0xf),
// real(nan), bool(true), int(null), ... Decoding a literal token's text into a Value, and writing
// a Value as KQL literal text that reads back as the same value.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "huntdb/types/value.h"

namespace huntdb {

// The whole token text, type name included: "datetime(2015-12-31 23:59:59.9)". The type names
// and aliases are those parse_type_name() knows; X(null) is the null of that type; the text of a
// datetime, timespan or guid may also be quoted (datetime('2007-04-07')). nullopt when the text
// is not a valid literal, and for datetime() (the current time is not a constant).
std::optional<Value> parse_typed_literal(std::string_view token_text);

// KQL text for v: true, 5, int(5), long(-1), 0.5, real(nan), decimal(1.5), "a\"b",
// datetime(2018-04-24T02:00:00.0000000Z), timespan(1.02:03:04), guid(...), dynamic([1,2]),
// int(null), ...
std::string format_literal(const Value& v);

}  // namespace huntdb
