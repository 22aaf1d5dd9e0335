// Running one query for a test that measures many: the result or the first error, and the time
// it took. A C++ exception escaping the engine is a bug; it is reported as
// "uncaught exception: ..." instead of ending the test binary, so the measurement completes and
// the test can fail on it.
#pragma once

#include <string>

#include "huntdb/engine.h"

namespace huntdb::testing {

struct GuardedRun {
  QueryResult result;
  bool uncaught = false;
  std::string error;  // the first error's message; empty when the query ran
  double seconds = 0;
  bool ok() const { return error.empty(); }
};

GuardedRun run_guarded(const Engine& engine, const std::string& query, const RunOptions& options);

}  // namespace huntdb::testing
