// Compares a result table with the table the docs show (see loose_match.h for cells and
// output_order.h for when row order counts).
//
// Column names must match as the docs write them, markup removed (unmarkup_cell: backticks,
// escapes), and in the same order. The docs' tables are hand-written markdown, so the header is
// taken at its word: a page that shows a column under a name the query does not give it fails,
// and is listed as such in the report rather than excused.
#pragma once

#include <optional>
#include <string>

#include "docs_examples.h"
#include "huntdb/column/column.h"

namespace huntdb::conformance {

// Why `actual` does not match `expected` (one line), or nullopt when it does.
std::optional<std::string> compare_table(const ExpectedTable& expected, const Table& actual, bool ordered);

}  // namespace huntdb::conformance
