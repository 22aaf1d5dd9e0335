// EVTX records as WindowsEvents: the System fields and EventData/UserData values the EVTX reader
// decoded, the UserData payload as XML, and the time as ticks.
#pragma once

#include <string>

#include "huntdb/ingest/evtx/event.h"
#include "huntdb/ingest/windows_event.h"

namespace huntdb::ingest {

// Fills `out` from `e`; `scratch` holds text `out` refers to (the UserData XML). False when the
// record has no EventID (nothing to map it by).
bool windows_event_from_evtx(const evtx::Event& e, WindowsEvent& out, std::string& scratch);

}  // namespace huntdb::ingest
