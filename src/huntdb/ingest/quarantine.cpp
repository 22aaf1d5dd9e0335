#include "huntdb/ingest/quarantine.h"

#include <fmt/format.h>

namespace huntdb::ingest {

std::string format_quarantined(const QuarantinedRecord& r) {
  if (r.line > 0) return fmt::format("{}:{}: {}", r.file, r.line, r.reason);
  return fmt::format("{} @0x{:x}: {}", r.file, r.offset, r.reason);
}

}  // namespace huntdb::ingest
