// Compares a result table with the table the docs show (see loose_match.h for cells and
// output_order.h for when row order counts).
//
// Column names must match as the docs write them, markup removed (unmarkup_cell: backticks,
// escapes), in the same order and number. Two quirks of hand-written pages are allowed:
// - a name that differs only in letter case (the page shows ID, the query says Id);
// - any header over a column the engine named itself (print_0, Column1): pages often label
//   such a column (`print sin(1)` shown under "result"). The official parser's naming of those
//   columns is checked by the corpus schema agreement test instead.
// Any other difference fails and is listed in the report, even where the page is at fault
// (a typo such as DateType for DataType); failing cases stay counted.
#pragma once

#include <optional>
#include <string>

#include "docs_examples.h"
#include "huntdb/column/column.h"

namespace huntdb::conformance {

// Why `actual` does not match `expected` (one line), or nullopt when it does.
std::optional<std::string> compare_table(const ExpectedTable& expected, const Table& actual, bool ordered);

}  // namespace huntdb::conformance
