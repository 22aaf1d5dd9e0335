// The Log Analytics tables Windows events are mapped to: SecurityEvent (the Security channel) and
// Event (every other channel), with Log Analytics' column names and types.
#pragma once

#include "huntdb/types/schema.h"

namespace huntdb::ingest {

inline constexpr const char* kSecurityEventTable = "SecurityEvent";
inline constexpr const char* kEventTable = "Event";

const TableSchema& security_event_schema();
const TableSchema& event_schema();

}  // namespace huntdb::ingest
