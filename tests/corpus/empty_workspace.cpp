#include "empty_workspace.h"

#include <gtest/gtest.h>

#include "corpus.h"
#include "huntdb/types/datetime.h"

namespace huntdb::testing {

std::unique_ptr<Engine> make_empty_sentinel_workspace() {
  auto engine = std::make_unique<Engine>();
  auto err = analyze::Catalog::load_file(shared_dir() + "/tools/kql-oracle/schemas/sentinel.json", engine->catalog());
  if (err) {
    ADD_FAILURE() << *err;
    return nullptr;
  }
  // Copy the names first: add_table updates the catalog being walked.
  std::vector<std::string> names = engine->catalog().table_names();
  for (const auto& name : names) {
    auto t = std::make_shared<Table>();
    t->schema = *engine->catalog().table(name);
    engine->add_table(name, std::move(t));
  }
  return engine;
}

RunOptions corpus_run_options() {
  RunOptions o;
  o.now = *parse_datetime("2024-01-15T12:00:00Z");
  o.time_limit = std::chrono::milliseconds(2000);
  return o;
}

}  // namespace huntdb::testing
