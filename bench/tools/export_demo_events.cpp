// Writes the demo SecurityEvent columns the rare-process hunt reads (TimeGenerated, ProcessName,
// Computer, Account) as CSV, from the same demo workspace bench/hunt_bench.cpp generates, so
// that peer engines (bench/peers/duckdb_rare_process.mjs) read exactly the same rows.
//   huntdb_bench_demo_data ROWS OUT.csv
// Strings are always quoted so that a reader can tell an empty string from a missing value.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>

#include "../demo_workspace.h"
#include "huntdb/functions/kernels/kernel_util.h"

namespace {

void append_quoted(std::string& line, std::string_view v) {
  line += '"';
  for (char ch : v) {
    if (ch == '"') line += '"';
    line += ch;
  }
  line += '"';
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: huntdb_bench_demo_data ROWS OUT.csv\n";
    return 2;
  }
  size_t rows = std::strtoull(argv[1], nullptr, 10);
  huntdb::demo::DemoData data = huntdb::demo::generate_demo(huntdb::bench::demo_options(rows));
  huntdb::TablePtr events;
  for (const auto& [name, table] : data.tables)
    if (name == "SecurityEvent") events = table;
  const auto& cols = events->schema.columns;
  auto index_of = [&](std::string_view name) {
    for (size_t c = 0; c < cols.size(); ++c)
      if (cols[c].name == name) return c;
    throw std::runtime_error("SecurityEvent has no column " + std::string(name));
  };
  const size_t time_col = index_of("TimeGenerated");
  const size_t string_cols[] = {index_of("ProcessName"), index_of("Computer"), index_of("Account")};

  std::ofstream out(argv[2]);
  if (!out) {
    std::cerr << "cannot write " << argv[2] << "\n";
    return 1;
  }
  out << "TimeGenerated,ProcessName,Computer,Account\n";
  std::string line;
  for (const auto& b : events->batches) {
    huntdb::functions::LongReader times(*b.columns[time_col]);
    huntdb::functions::StringReader process(*b.columns[string_cols[0]]), computer(*b.columns[string_cols[1]]),
        account(*b.columns[string_cols[2]]);
    for (size_t r = 0; r < b.rows; ++r) {
      if (times.null(r)) {
        std::cerr << "a TimeGenerated value is null\n";
        return 1;
      }
      // The peers' timestamps hold microseconds. The hunt compares times only with whole
      // seconds (ago(30d) from a whole-second now) and days (startofday), and flooring to a
      // microsecond keeps every such comparison, so the floored time answers the same.
      int64_t t = times.get(r);
      line = huntdb::format_datetime_iso(t - t % huntdb::kTicksPerMicrosecond);
      for (const auto* s : {&process, &computer, &account}) {
        line += ',';
        append_quoted(line, s->get(r));
      }
      line += '\n';
      out << line;
    }
  }
  return out.good() ? 0 : 1;
}
