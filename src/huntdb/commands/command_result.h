// Building a command's result table from a column list and rows of values, as Kusto returns
// small metadata tables (.show tables, .show functions, ...).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "huntdb/column/column.h"

namespace huntdb::commands {

using ResultColumns = std::vector<std::pair<std::string, ScalarType>>;
using ResultRow = std::vector<Value>;

TablePtr make_result(const ResultColumns& columns, const std::vector<ResultRow>& rows);

}  // namespace huntdb::commands
