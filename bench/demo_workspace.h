// The demo workspace the hunt benchmark runs over, shared by the benchmark (bench/hunt_bench.cpp)
// and the CSV export the peers read (bench/tools/export_demo_events.cpp), so that both see the
// same rows: 30 days ending at a fixed `now`, a fixed seed. bench/peers/duckdb_rare_process.mjs
// repeats kDemoNow (its answer check catches a mismatch).
#pragma once

#include <cstddef>

#include "huntdb/demo/demo.h"
#include "huntdb/types/datetime.h"

namespace huntdb::bench {

inline constexpr const char* kDemoNow = "2026-11-20T15:30:00Z";

inline demo::DemoOptions demo_options(size_t rows) {
  demo::DemoOptions o;
  o.days = 30;
  o.rows = rows;
  o.seed = 1;
  o.now = *parse_datetime(kDemoNow);
  return o;
}

}  // namespace huntdb::bench
