// A synthetic SecurityEvent table for benchmarks: N rows over 30 days, a few hundred computers,
// a few thousand accounts, a couple of hundred process paths (system binaries mostly, as in
// real logs), stored dictionary-encoded as storage stores low-cardinality strings.
// Deterministic for a given row count.
#pragma once

#include <cstddef>

#include "huntdb/column/column.h"

namespace huntdb::bench {

TablePtr make_security_events(size_t rows);

}  // namespace huntdb::bench
