// The face of the huntdb library: what the CLI, the server and the tests use. Internal layers
// (kql/, analyze/, ...) stay behind it.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "huntdb/analyze/catalog.h"
#include "huntdb/common/diagnostic.h"
#include "huntdb/common/source.h"
#include "huntdb/types/schema.h"

namespace huntdb {

// What the front end says about a query without running it.
struct QueryCheck {
  std::shared_ptr<const SourceText> source;
  bool is_command = false;           // a management command (leading '.')
  Diagnostics syntax_errors;
  Diagnostics semantic_errors;
  std::optional<TableSchema> result;  // the result schema when the query yields a table
  std::optional<ScalarType> scalar;   // the result type when it yields a scalar

  bool ok() const { return !has_errors(syntax_errors) && !has_errors(semantic_errors); }
};

class Engine {
 public:
  Engine();
  ~Engine();

  // The tables and functions queries can see.
  analyze::Catalog& catalog() { return catalog_; }
  const analyze::Catalog& catalog() const { return catalog_; }

  // Parses and binds a query: syntax errors, semantic errors and the result schema.
  QueryCheck check(std::string query) const;

 private:
  analyze::Catalog catalog_;
};

}  // namespace huntdb
