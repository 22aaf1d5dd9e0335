// `search "term"` and `* has "term"`: rows where any column matches the term.
#pragma once

#include <string_view>

#include "huntdb/column/column.h"
#include "huntdb/kql/ast.h"

namespace huntdb::exec {

// A term matches a column's text as `op` says (has by default). In search terms, a leading
// and/or trailing `*` turn `has` into hassuffix, hasprefix or contains, as Kusto's search does.
ColumnPtr search_term_column(const Batch& batch, std::string_view term, kql::BinaryOp op);

}  // namespace huntdb::exec
