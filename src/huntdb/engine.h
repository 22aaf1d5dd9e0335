// The face of the huntdb library: what the CLI, the server and the tests use. Internal layers
// (kql/, analyze/, ...) stay behind it.
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "huntdb/analyze/catalog.h"
#include "huntdb/column/column.h"
#include "huntdb/common/string_map.h"
#include "huntdb/common/diagnostic.h"
#include "huntdb/common/source.h"
#include "huntdb/types/schema.h"

namespace huntdb {

namespace storage {
class Workspace;
}

// What the front end says about a query without running it.
struct QueryCheck {
  std::shared_ptr<const SourceText> source;
  bool is_command = false;           // a management command (leading '.')
  Diagnostics syntax_errors;
  Diagnostics semantic_errors;
  std::optional<TableSchema> result;  // the result schema when the query yields a table
  std::optional<ScalarType> scalar;   // the result type when it yields a scalar
  // The query's `set name [= value];` statements, in order (a bare name is "true"): request
  // properties written in the query text.
  std::vector<std::pair<std::string, std::string>> options;

  bool ok() const { return !has_errors(syntax_errors) && !has_errors(semantic_errors); }
};

// A rendered chart's description (`render`): kind and with(...) properties.
struct Visualization {
  std::string kind;
  std::vector<std::pair<std::string, Value>> properties;
};

struct ResultTable {
  std::string name;  // PrimaryResult, or a fork prong's name
  TablePtr table;
  std::optional<Visualization> visualization;
};

// What running a query gives: its result tables, or the errors that stopped it.
// What running a query cost, as Kusto's query completion information reports it.
struct QueryStats {
  uint64_t extents_total = 0;    // extents of the workspace tables the query scanned
  uint64_t extents_scanned = 0;  // extents read after pruning by time and terms
  uint64_t rows_read = 0;
  uint64_t bytes_read = 0;       // compressed bytes of the columns read
  double seconds = 0;            // wall clock
  double cpu_seconds = 0;        // user + system CPU of the process during the query
  uint64_t peak_memory_bytes = 0;  // the process's peak resident memory
};

struct QueryResult {
  std::shared_ptr<const SourceText> source;
  QueryStats stats;
  Diagnostics errors;  // syntax, semantic, and execution errors (with spans when known)
  std::vector<ResultTable> tables;
  std::string explain;  // the optimized plan, when RunOptions::explain_only
  bool ok() const { return errors.empty(); }
};

struct RunOptions {
  // now() for the query (100 ns ticks from the Unix epoch); 0: the current time.
  int64_t now = 0;
  std::vector<std::pair<std::string, Value>> parameters;
  // Plan and optimize the query without running it (QueryResult::explain).
  bool explain_only = false;
  // Run the plan as the binder made it (tests compare both ways).
  bool optimize = true;
  // Wall-clock budget for running the plan; past it the query stops with an error at the next
  // batch boundary. Zero: no limit.
  std::chrono::milliseconds time_limit{0};
  // Set from another thread (a server whose client went away) to stop the query at the next
  // batch boundary, as time_limit does. Must outlive the call. Null: not cancellable.
  const std::atomic<bool>* cancel = nullptr;
  // The most bytes one operator's result may hold (checked where the executor materializes each
  // operator's table); past it the query stops with an error. Zero: no limit.
  uint64_t memory_limit_bytes = 0;
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

  // Runs a query over the engine's tables.
  QueryResult run(std::string query, const RunOptions& options = {}) const;

  // Opens a workspace folder (creating it if missing): its tables and stored functions join the
  // catalog, the catalog's database takes the folder's name (database_name_of), and queries read
  // the tables from a snapshot taken when each query starts. An error message if it cannot.
  std::optional<std::string> open_workspace(const std::string& dir);
  storage::Workspace* workspace() const { return workspace_.get(); }
  // The name clients see for the workspace in `dir`: the folder's name.
  static std::string database_name_of(const std::string& dir);

  // Runs a query, or a management command (a leading '.': .create table, .show tables,
  // .set-or-append, .create function, .show schema as json, ...; src/huntdb/commands/), which
  // may change the workspace.
  QueryResult execute(std::string text, const RunOptions& options = {});

  // An in-memory table queries can read (its schema joins the catalog).
  void add_table(std::string name, TablePtr table);
  // Loads a CSV or JSON lines file as an in-memory table (or a .kql file: the table its query
  // gives); an error message if it cannot.
  std::optional<std::string> load_table(std::string name, const std::string& path);

 private:
  class Tables;
  QueryResult run_command(std::shared_ptr<const SourceText> source, const RunOptions& options);
  // The catalog's view of the workspace's tables, after it changed.
  void sync_catalog_with_workspace();

  analyze::Catalog catalog_;
  std::unique_ptr<Tables> tables_;
  std::shared_ptr<storage::Workspace> workspace_;
};

}  // namespace huntdb
