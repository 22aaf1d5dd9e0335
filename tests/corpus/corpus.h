// Loads the shared query corpora and the official parser's verdicts beside them.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace huntdb::testing {

struct CorpusQuery {
  std::string id;
  std::string query;
  nlohmann::json oracle;  // the official parser's answer for this query (same id)
};

// Reads `<dir>/<name>.jsonl` and `<dir>/<name>.oracle.jsonl` under the shared folder.
// Fails the calling test (via ADD_FAILURE) if the files are missing.
std::vector<CorpusQuery> load_corpus(const std::string& relative_name);

std::string shared_dir();

}  // namespace huntdb::testing
