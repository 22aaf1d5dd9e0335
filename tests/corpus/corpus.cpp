#include "corpus.h"

#include <fstream>
#include <unordered_map>

#include <gtest/gtest.h>

namespace huntdb::testing {

std::string shared_dir() {
  if (const char* env = std::getenv("HUNTDB_SHARED_DIR")) return env;
  return HUNTDB_SHARED_DIR;
}

std::vector<CorpusQuery> load_corpus(const std::string& relative_name) {
  std::vector<CorpusQuery> out;
  std::string base = shared_dir() + "/" + relative_name;
  std::ifstream queries(base + ".jsonl");
  std::ifstream oracle(base + ".oracle.jsonl");
  if (!queries || !oracle) {
    ADD_FAILURE() << "cannot read " << base << ".jsonl and its .oracle.jsonl";
    return out;
  }
  std::unordered_map<std::string, nlohmann::json> verdicts;
  std::string line;
  while (std::getline(oracle, line)) {
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line);
    std::string id = j["id"].is_string() ? j["id"].get<std::string>() : j["id"].dump();
    verdicts[id] = std::move(j);
  }
  while (std::getline(queries, line)) {
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line);
    CorpusQuery q;
    q.id = j["id"].is_string() ? j["id"].get<std::string>() : j["id"].dump();
    q.query = j["query"].get<std::string>();
    auto it = verdicts.find(q.id);
    if (it != verdicts.end()) q.oracle = it->second;
    out.push_back(std::move(q));
  }
  return out;
}

}  // namespace huntdb::testing
