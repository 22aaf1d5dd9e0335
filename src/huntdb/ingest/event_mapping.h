// Events of every channel but Security -> Event rows, as Log Analytics' Windows event collection
// fills them: Source (the provider), EventLog (the channel), EventID, EventLevel/EventLevelName
// (Error/Warning/Information, numbered as .NET's EventLogEntryType: 1, 2, 4), EventCategory (the
// task), UserName (the event's user as DOMAIN\name, "N/A" when it has none), RenderedDescription
// (the message; for Sysmon, which has no message file to look up, rebuilt from its title and
// fields as Sysmon renders it), EventData as XML in a DataItem wrapper (what hunting queries read
// with parse_xml(EventData).DataItem.EventData.Data) and ParameterXml (the insertion strings).
#pragma once

#include <string>

#include "huntdb/ingest/table_builder.h"
#include "huntdb/ingest/windows_event.h"

namespace huntdb::ingest {

// "NT AUTHORITY\SYSTEM" for the well-known service SIDs, else the SID itself; "N/A" for none.
std::string_view user_name_of_sid(std::string_view sid);

// Sysmon's rendered message: "Process Create:\r\nRuleName: -\r\nUtcTime: ...".
void append_sysmon_message(const WindowsEvent& e, std::string& out);

class EventMapper {
 public:
  explicit EventMapper(TableBuilder& out);
  void map(const WindowsEvent& e);

 private:
  TableBuilder& out_;
  int time_, computer_, event_id_, source_, event_log_, level_, level_name_, category_, user_name_, rendered_,
      event_data_, parameter_xml_, source_system_, type_;
};

}  // namespace huntdb::ingest
