// Parser throughput over the whole hunting corpus (5,000 real queries).
#include <fstream>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include "huntdb/kql/parser.h"

namespace {

std::vector<std::string> load_hunting_corpus() {
  std::vector<std::string> out;
  std::ifstream in(std::string(HUNTDB_SHARED_DIR) + "/corpus/hunting-queries.jsonl");
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) out.push_back(nlohmann::json::parse(line)["query"].get<std::string>());
  return out;
}

void BM_ParseHuntingCorpus(benchmark::State& state) {
  static const std::vector<std::string> corpus = load_hunting_corpus();
  size_t bytes = 0;
  for (const auto& q : corpus) bytes += q.size();
  for (auto _ : state) {
    for (const auto& q : corpus) {
      auto tree = huntdb::kql::parse(q);
      benchmark::DoNotOptimize(tree->root);
    }
  }
  state.SetItemsProcessed(state.iterations() * corpus.size());
  state.SetBytesProcessed(state.iterations() * bytes);
  state.counters["queries"] = static_cast<double>(corpus.size());
}
BENCHMARK(BM_ParseHuntingCorpus)->Unit(benchmark::kMillisecond);

}  // namespace
