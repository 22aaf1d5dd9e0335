// Conversions between KQL scalar types with Kusto's semantics: what tobool(), toint(), tolong(),
// toreal() / todouble(), todecimal(), todatetime(), totimespan() and toguid() give. Each returns
// nullopt where Kusto gives null: a null input, text that does not parse, a number out of range,
// an array or a property bag. A dynamic holding a scalar converts as that scalar would (so
// tolong(dynamic("12")) is 12). tostring() is format_value() in format.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "huntdb/types/dynamic.h"
#include "huntdb/types/value.h"

namespace huntdb {

std::optional<bool> to_bool(const Value& v);
std::optional<int32_t> to_int(const Value& v);
std::optional<int64_t> to_long(const Value& v);
std::optional<double> to_real(const Value& v);
std::optional<double> to_decimal(const Value& v);
std::optional<int64_t> to_datetime(const Value& v);  // ticks from the Unix epoch
std::optional<int64_t> to_timespan(const Value& v);  // ticks
std::optional<Guid> to_guid(const Value& v);

// A dynamic scalar as a Value of its own type: dynamic(5) is long 5, dynamic("x") string "x".
// Null, arrays and bags give a null dynamic Value.
Value scalar_of(const DynValue& d);

// The string forms, shared by the conversions above.
// "true" / "false" in any case, or an integer (non-zero is true); surrounding whitespace allowed.
std::optional<bool> parse_bool_text(std::string_view text);
// Decimal digits with an optional sign, or 0x and hex digits; text that reads as a real (1.5,
// 1e3) is truncated toward zero. nullopt beyond the long range.
std::optional<int64_t> parse_long_text(std::string_view text);
// A real number: digits with an optional fraction and exponent, or nan, inf, infinity (any case,
// optional sign). Surrounding whitespace allowed.
std::optional<double> parse_real_text(std::string_view text);

// A real truncated toward zero, if it is a number within the long range.
std::optional<int64_t> real_to_long(double v);

}  // namespace huntdb
