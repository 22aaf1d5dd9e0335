// The XML texts Log Analytics keeps beside the parsed columns, built from an event's data values:
// the EventData element (SecurityEvent.EventData, and inside Event.EventData's DataItem wrapper)
// and the insertion strings as <Param> elements (Event.ParameterXml).
#pragma once

#include <cstdint>
#include <string>

#include "huntdb/ingest/windows_event.h"

namespace huntdb::ingest {

// <EventData xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><Data Name="x">v</Data>...
// </EventData>; the source's own payload XML when it has one for UserData.
void append_payload_xml(const WindowsEvent& e, std::string& out);

// <DataItem type="System.XmlData" time="..." sourceHealthServiceId="..."> payload </DataItem>, the
// shape of Event.EventData that hunting queries read with parse_xml(EventData).DataItem.EventData.
void append_data_item_xml(const WindowsEvent& e, std::string& out);

// <Param>v1</Param><Param>v2</Param>...
void append_parameter_xml(const WindowsEvent& e, std::string& out);

// The time as Log Analytics writes it in XML: 2021-06-11T09:07:15.6350000Z.
void append_xml_time(int64_t ticks, std::string& out);

}  // namespace huntdb::ingest
