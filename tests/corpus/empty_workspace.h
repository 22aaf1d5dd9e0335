// An engine over the Sentinel workspace schema with every table present and empty: queries bind
// as they would in a real workspace and run over no rows. Used by the tests that execute the
// whole hunting corpus.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "huntdb/engine.h"

namespace huntdb::testing {

// The schema's tables become empty in-memory tables; its stored functions stay functions.
// Fails the calling test (ADD_FAILURE) and returns null if the schema cannot be read.
std::unique_ptr<Engine> make_empty_sentinel_workspace();

// The clock and time budget every corpus query runs with: a fixed now() so results do not
// depend on the day, and a limit so that no query can hang the suite.
RunOptions corpus_run_options();

// The outcome of one Engine::run: the first error's message, or "" on success. A C++ exception
// escaping the engine is a bug; it is reported as "uncaught exception: ..." instead of ending
// the test binary so the measurement still completes.
struct RunOutcome {
  bool ok = false;
  bool uncaught = false;
  std::string error;
  double seconds = 0;
};
RunOutcome run_query(const Engine& engine, const std::string& query, const RunOptions& options);

}  // namespace huntdb::testing
