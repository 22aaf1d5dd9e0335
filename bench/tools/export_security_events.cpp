// Writes the benchmarks' synthetic SecurityEvent table as CSV, so that peer engines measured
// beside huntdb (bench/peers) read exactly the same rows.
//   huntdb_bench_data ROWS OUT.csv
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "../security_events.h"
#include "huntdb/types/format.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: huntdb_bench_data ROWS OUT.csv\n";
    return 2;
  }
  size_t rows = std::strtoull(argv[1], nullptr, 10);
  huntdb::TablePtr t = huntdb::bench::make_security_events(rows);
  std::ofstream out(argv[2]);
  if (!out) {
    std::cerr << "cannot write " << argv[2] << "\n";
    return 1;
  }
  for (size_t c = 0; c < t->schema.columns.size(); ++c) out << (c ? "," : "") << t->schema.columns[c].name;
  out << "\n";
  std::string line;
  for (const auto& b : t->batches)
    for (size_t r = 0; r < b.rows; ++r) {
      line.clear();
      for (size_t c = 0; c < b.columns.size(); ++c) {
        if (c) line += ',';
        std::string v = huntdb::format_value(b.columns[c]->value_at(r));
        // Paths hold no commas or quotes; quote anyway where a value could need it.
        if (v.find_first_of(",\"") != std::string::npos) {
          line += '"';
          for (char ch : v) line += ch == '"' ? std::string("\"\"") : std::string(1, ch);
          line += '"';
        } else {
          line += v;
        }
      }
      line += '\n';
      out << line;
    }
  return out.good() ? 0 : 1;
}
