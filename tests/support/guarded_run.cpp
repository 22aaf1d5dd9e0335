#include "guarded_run.h"

#include <chrono>
#include <exception>

namespace huntdb::testing {

GuardedRun run_guarded(const Engine& engine, const std::string& query, const RunOptions& options) {
  GuardedRun out;
  auto start = std::chrono::steady_clock::now();
  try {
    out.result = engine.run(query, options);
    if (!out.result.ok()) out.error = out.result.errors.front().message;
  } catch (const std::exception& e) {
    out.uncaught = true;
    out.error = std::string("uncaught exception: ") + e.what();
  } catch (...) {
    out.uncaught = true;
    out.error = "uncaught exception of unknown type";
  }
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return out;
}

}  // namespace huntdb::testing
