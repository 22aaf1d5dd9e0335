// Writes date-shifted copies of the JSON-lines samples (bench/json_copies.h) for
// bench/ingest_cli.sh, which times `huntdb ingest` over them.
//   huntdb_bench_json_copies SAMPLES_DIR OUT_DIR COPIES
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "../json_copies.h"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: huntdb_bench_json_copies SAMPLES_DIR OUT_DIR COPIES\n";
    return 2;
  }
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(argv[1]))
    if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  auto paths = huntdb::bench::write_date_shifted_copies(files, argv[2], std::atoi(argv[3]));
  std::cout << paths.size() << " files\n";
  return 0;
}
