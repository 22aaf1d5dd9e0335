// The order of each Sysmon event's EventData fields (Sysmon's event manifest, schema 4.x). EVTX
// records keep it; JSON exports lose it, and hunting queries read Sysmon data by position
// (parse_xml(EventData).DataItem.EventData.Data[4] is a process creation's Image, [10] its
// CommandLine), so mapped JSON records are put back in this order.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "huntdb/ingest/windows_event.h"

namespace huntdb::ingest {

// The field names of Sysmon event `event_id` in manifest order; empty for an ID not listed.
std::span<const std::string_view> sysmon_field_order(uint32_t event_id);

// Sorts e.data into that order; fields the order does not name follow, in their own order.
void order_sysmon_fields(WindowsEvent& e);

}  // namespace huntdb::ingest
