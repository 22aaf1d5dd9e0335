// An engine over the Sentinel workspace schema with every table present and empty: queries bind
// as they would in a real workspace and run over no rows. Used by the tests that execute the
// whole hunting corpus.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "huntdb/engine.h"
#include "support/guarded_run.h"

namespace huntdb::testing {

// The schema's tables become empty in-memory tables; its stored functions stay functions.
// Fails the calling test (ADD_FAILURE) and returns null if the schema cannot be read.
std::unique_ptr<Engine> make_empty_sentinel_workspace();

// The clock and time budget every corpus query runs with: a fixed now() so results do not
// depend on the day, and a limit so that no query can hang the suite.
RunOptions corpus_run_options();

}  // namespace huntdb::testing
