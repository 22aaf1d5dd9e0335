// A process to kill: appends batches to a workspace in a loop (merging now and then, with
// background maintenance on) and prints "committed <n>" once the n-th batch's append returned,
// i.e. once it is published and durable. storage_kill_test SIGKILLs it at random moments and
// checks that every committed batch survived, whole and once.
//
// usage: storage_crash_child DIR [MAX_BATCHES]
// Batch n holds rows n*kRows .. n*kRows+kRows-1 of column Seq; the next run continues from the
// rows the workspace already holds.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "huntdb/storage/workspace.h"

using namespace huntdb;
using namespace huntdb::storage;

constexpr int64_t kRows = 1000;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DIR [MAX_BATCHES]\n", argv[0]);
    return 2;
  }
  long max_batches = argc > 2 ? std::atol(argv[2]) : 1'000'000;
  try {
    WorkspaceOptions options;
    options.merge_policy.small_extent_rows = 8 * kRows;
    auto ws = Workspace::open(argv[1], options);
    TableSchema schema;
    schema.columns = {{"TimeGenerated", ScalarType::DateTime}, {"Seq", ScalarType::Long}, {"Text", ScalarType::String}};
    ws->create_merge_table("T", schema);
    ws->start_background_maintenance(std::chrono::milliseconds(5));
    int64_t next = static_cast<int64_t>(ws->snapshot()->find("T")->rows()) / kRows;
    for (long i = 0; i < max_batches; ++i, ++next) {
      std::vector<int64_t> times(kRows), seq(kRows);
      ColumnBuilder text(ScalarType::String, kRows);
      for (int64_t r = 0; r < kRows; ++r) {
        seq[r] = next * kRows + r;
        times[r] = 1'700'000'000LL * 10'000'000 + seq[r] * 10'000'000;
        text.append_string("event " + std::to_string(seq[r] % 97) + " from host" + std::to_string(seq[r] % 13));
      }
      Table t;
      t.schema = schema;
      t.batches.push_back(Batch{{Column::make_longs(ScalarType::DateTime, std::move(times)),
                                 Column::make_longs(ScalarType::Long, std::move(seq)), text.finish()},
                                static_cast<size_t>(kRows)});
      ws->append("T", t);
      std::printf("committed %lld\n", static_cast<long long>(next));
      std::fflush(stdout);
      if (next % 5 == 4) ws->merge();
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "storage_crash_child: %s\n", e.what());
    return 1;
  }
  return 0;
}
