// The text of a scalar value as Kusto's tostring() gives it and as query results show it.
#pragma once

#include <string>

#include "huntdb/types/dynamic.h"
#include "huntdb/types/value.h"

namespace huntdb {

// bool: true / false; int, long: decimal digits; real: see number_format.h (1, 0.5, 1E+20, NaN,
// Infinity); decimal: fixed notation; datetime: 2018-04-24T02:00:00Z (fraction only when there
// is one); timespan: [-][d.]hh:mm:ss[.fffffff]; guid: lowercase 8-4-4-4-12; string: itself;
// dynamic: a string holds its text unquoted, null is empty, anything else is its JSON text.
// A null of any type is the empty string (tostring(int(null)) is "").
std::string format_value(const Value& v);
void append_value(std::string& out, const Value& v);

// tostring() of a dynamic value (see format_value).
std::string format_dynamic(const DynValue& d);

}  // namespace huntdb
