// Writes query results for people (aligned tables), for spreadsheets (CSV) and for programs
// (JSON in the shape of the Kusto REST v1 response: {"Tables": [{TableName, Columns, Rows}]},
// values encoded as the REST API sends them: types/value_json.h).
#pragma once

#include <ostream>
#include <vector>

#include "huntdb/engine.h"

namespace huntdb::cli {

void write_tables(std::ostream& out, const std::vector<ResultTable>& tables);
void write_csv(std::ostream& out, const std::vector<ResultTable>& tables);
void write_json(std::ostream& out, const std::vector<ResultTable>& tables);

}  // namespace huntdb::cli
