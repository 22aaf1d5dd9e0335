// Values as JSON, the way the Kusto REST API puts them in result rows: bool and numbers as
// themselves (real NaN and infinities as the strings "NaN", "Infinity", "-Infinity"), decimal as a
// string, datetime as an ISO 8601 string with seven fraction digits, timespan as
// [-][d.]hh:mm:ss[.fffffff], guid as a string, dynamic as its JSON value, null as null.
#pragma once

#include <string>
#include <string_view>

#include "huntdb/types/value.h"

namespace huntdb {

// Appends s as a JSON string literal (quoted, escaped; control characters as \uXXXX).
void append_json_string(std::string& out, std::string_view s);

// Appends v as the Kusto REST API sends it in a result row.
void append_json_value(std::string& out, const Value& v);

}  // namespace huntdb
