// Any Windows event -> a WindowsEvent row, the table the Azure Monitor Agent fills with forwarded
// events: the System fields by their own names (Provider, Channel, EventLevel/EventLevelName as
// Windows numbers them, Task, Opcode, Keywords, ...) and EventData as a property bag of the data
// values, so that queries read them as EventData.CommandLine. This is also huntdb's parsed view
// of Sysmon: WindowsEvent | where Provider == "Microsoft-Windows-Sysmon" | extend
// Image = tostring(EventData.Image).
#pragma once

#include <string>

#include "huntdb/ingest/table_builder.h"
#include "huntdb/ingest/windows_event.h"

namespace huntdb::ingest {

inline constexpr const char* kWindowsEventTable = "WindowsEvent";

const TableSchema& windows_event_schema();

// "Critical", "Error", "Warning", "Information", "Verbose" for levels 1-5, "LogAlways" for 0.
std::string_view windows_level_name(std::string_view level);

class WindowsEventMapper {
 public:
  explicit WindowsEventMapper(TableBuilder& out);
  void map(const WindowsEvent& e);

 private:
  TableBuilder& out_;
  int time_, channel_, computer_, correlation_, event_data_, event_id_, level_, level_name_, record_id_, keywords_,
      opcode_, provider_, process_id_, thread_id_, user_id_, task_, version_, type_;
};

}  // namespace huntdb::ingest
