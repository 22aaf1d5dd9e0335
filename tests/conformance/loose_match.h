// Loose comparison of a result cell with the cell the docs show. The docs' tables are markdown
// written by hand, so a cell matches when it says the same thing:
// - markup is removed first: wrapping backticks, <br> as a newline, \| and HTML entities
//   (&nbsp; alone is an empty cell);
// - nulls are empty cells (some pages write `null` or `(null)`);
// - booleans compare case-insensitively (True, FALSE), and as 1 / 0;
// - numbers compare as numbers, within the rounding the docs' digits show: `0.982` matches
//   0.98213 (half a unit in the last written digit, plus a relative 1e-9 for binary noise);
//   thousands separators are allowed (700,000,000);
// - datetimes and timespans compare as instants / durations, in any form the docs use
//   (2018-07-01 00:00:00.0000000, 2018-07-01T00:00:00Z, ...);
// - guids compare case-insensitively;
// - dynamic values, and strings that both look like JSON, compare structurally: `[1,2]` equals
//   `[1, 2]`, property order does not matter, numbers follow the rule above and strings that are
//   both ISO datetimes compare as instants; an array written with its strings unquoted
//   ([yes, no]) matches when it is the same text once quotes and spaces are dropped;
// - other text compares exactly, or else with runs of whitespace collapsed (markdown folds
//   them), or else without a pair of double quotes around the whole cell ("abc" for abc).
#pragma once

#include <string>
#include <string_view>

#include "huntdb/types/value.h"

namespace huntdb::conformance {

// The text the docs mean by a cell, markup removed.
std::string unmarkup_cell(std::string_view cell);

// True if `actual` matches the docs' cell text `expected` (as written, markup included).
bool cell_matches(std::string_view expected, const Value& actual);

// True if `actual` is within the rounding of the decimal number written as `expected`.
bool number_matches(std::string_view expected, double actual);

}  // namespace huntdb::conformance
