// Whether the order of a query's result rows means anything, so that a comparison with the docs
// may depend on it.
//
// The rule is Kusto's own notion of a serialized row set (the serialize operator's page): rows
// are in a defined order when they come out of sort / order by, top, range, serialize or
// getschema (and top-hitters), and stay so through the operators that keep the order: where,
// extend, project and its project-* forms, parse, mv-expand, take / limit, and render / as,
// which only annotate. Anything else (summarize, join, union, distinct, datatable, evaluate,
// a table, ...) gives rows in no promised order, even when the docs happen to show them in the
// order of the input; such results are compared as multisets. `let` names are followed to
// the tabular expression they stand for. print gives one row, so its order is moot.
#pragma once

#include <string>
#include <vector>

namespace huntdb::conformance {

// One flag per result the query yields (its tabular expression statements, in order): true when
// that result's row order is defined. Empty if the query does not parse.
std::vector<bool> ordered_results(const std::string& query);

}  // namespace huntdb::conformance
