// The examples of the Kusto reference docs with their expected outputs
// (../shared/conformance/docs-examples.jsonl; see its README): loading, the recommended filter,
// and which examples count toward the headline rate.
#pragma once

#include <string>
#include <vector>

namespace huntdb::conformance {

// One result table as the docs show it: column headers and cells exactly as written.
struct ExpectedTable {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
};

struct DocsExample {
  std::string id;
  std::string kind;     // function, operator, plugin, other (from the docs' table of contents)
  std::string subkind;  // scalar_function, tabular_operator, geo_function, ...
  std::string query;
  // Every result table the docs show, in order (usually one).
  std::vector<ExpectedTable> expected;
};

// The testable examples: an expected table, no external data, not a fragment, deterministic,
// not truncated, no sandboxed plugin (the README's recommended filter).
std::vector<DocsExample> load_testable_examples(const std::string& path);

// The headline rate leaves out geo_* functions and graph operators: examples filed under
// them (subkinds geo_function, graph_operator, graph_function) and any example whose query calls
// a geo_* function or uses a graph operator.
bool counts_toward_headline(const DocsExample& e);

}  // namespace huntdb::conformance
