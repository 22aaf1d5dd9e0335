// `huntdb query`: runs one query and prints its result (or its errors, line:col with a caret).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "huntdb/engine.h"

namespace huntdb::cli {

struct QueryOptions {
  std::string workspace;
  std::string format = "table";
  std::string schema;
  std::string file;
  std::string text;
  bool explain = false;  // print the optimized plan instead of running it
  bool columns_only = false;  // print the result's columns (names and types) instead of running it
  std::vector<std::string> tables;  // Name=path.csv|path.jsonl, loaded as in-memory tables
  bool stats = false;                // print the query's statistics on stderr
  bool demo = false;                 // query the built-in demo tables (generated in memory)
  size_t demo_rows = 1'000'000;
  int demo_days = 30;
  uint64_t demo_seed = 1;
};

int run_query(Engine& engine, const QueryOptions& opt, std::ostream& out, std::ostream& err);

}  // namespace huntdb::cli
