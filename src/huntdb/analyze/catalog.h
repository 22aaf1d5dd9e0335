// What the binder can see of a database: its tables with their schemas, and its stored
// functions (parameter list and body as KQL text). Loaded from a schema file in the same formats
// the official type checker accepts, or filled from a workspace.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "huntdb/common/string_map.h"

#include "huntdb/types/schema.h"

namespace huntdb::analyze {

struct StoredFunction {
  std::string name;
  std::string parameters;  // "(a:string, n:long = 10)", "" or "()" for none
  std::string body;        // "{ T | where ... }"
  std::string folder;      // for tools that group functions (.show functions)
  std::string docstring;
};

class Catalog {
 public:
  std::string database_name = "huntdb";

  void add_table(std::string name, TableSchema schema);
  bool remove_table(std::string_view name);
  void add_function(StoredFunction f);
  bool remove_function(std::string_view name);

  const TableSchema* table(std::string_view name) const;
  const StoredFunction* function(std::string_view name) const;
  const StringMap<TableSchema>& tables() const { return tables_; }
  // Table names in the order they were added (the schema file's order).
  const std::vector<std::string>& table_names() const { return table_order_; }
  const StringMap<StoredFunction>& functions() const { return functions_; }
  // Function names in the order they were added.
  const std::vector<std::string>& function_names() const { return function_order_; }

  // Reads a schema document. Accepted forms:
  //   {"T": {"col": "type", ...}, ...}
  //   {"tables": {"T": [{"name": "col", "type": "type"}, ["col2", "type"]], "U": "(x:int, y:dynamic)"},
  //    "functions": {"F": {"parameters": "(n:long=10)", "body": "{ T | take n }"}},
  //    "database": "db"}
  // Returns an error message on malformed input.
  static std::optional<std::string> load_json(std::string_view json, Catalog& out);
  static std::optional<std::string> load_file(const std::string& path, Catalog& out);

 private:
  StringMap<TableSchema> tables_;
  std::vector<std::string> table_order_;
  StringMap<StoredFunction> functions_;
  std::vector<std::string> function_order_;
};

}  // namespace huntdb::analyze
