#include "huntdb/ingest/evtx/problem.h"

#include <fmt/format.h>

namespace huntdb::ingest::evtx {

std::string format_problem(const Problem& p) { return fmt::format("{} @0x{:x}: {}", p.file, p.offset, p.reason); }

}  // namespace huntdb::ingest::evtx
