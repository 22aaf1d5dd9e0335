#include "huntdb/ingest/event_mapping.h"

#include <charconv>

#include "huntdb/ingest/event_descriptions.h"
#include "huntdb/ingest/event_xml_text.h"
#include "huntdb/ingest/table_schemas.h"

namespace huntdb::ingest {

namespace {

struct LevelName {
  int32_t level;
  std::string_view name;
};

// Windows levels (1 critical, 2 error, 3 warning, 4 information, 5 verbose, 0 always) as Log
// Analytics' EventLevel/EventLevelName give them.
LevelName event_level(std::string_view level) {
  int v = 4;
  std::from_chars(level.data(), level.data() + level.size(), v);
  if (v == 1 || v == 2) return {1, "Error"};
  if (v == 3) return {2, "Warning"};
  return {4, "Information"};
}

bool is_sysmon(const WindowsEvent& e) { return e.provider == "Microsoft-Windows-Sysmon"; }

}  // namespace

std::string_view user_name_of_sid(std::string_view sid) {
  if (sid.empty()) return "N/A";
  if (sid == "S-1-5-18") return "NT AUTHORITY\\SYSTEM";
  if (sid == "S-1-5-19") return "NT AUTHORITY\\LOCAL SERVICE";
  if (sid == "S-1-5-20") return "NT AUTHORITY\\NETWORK SERVICE";
  return sid;
}

void append_sysmon_message(const WindowsEvent& e, std::string& out) {
  std::string_view title = e.event_id ? sysmon_event_title(*e.event_id) : std::string_view();
  if (title.empty()) return;
  out += title;
  out += ':';
  for (const auto& f : e.data) {
    out += "\r\n";
    out += f.name;
    out += ": ";
    out += f.value;
  }
}

EventMapper::EventMapper(TableBuilder& out) : out_(out) {
  const TableSchema& s = out.schema();
  auto col = [&](const char* name) { return s.index_of(name); };
  time_ = col("TimeGenerated");
  computer_ = col("Computer");
  event_id_ = col("EventID");
  source_ = col("Source");
  event_log_ = col("EventLog");
  level_ = col("EventLevel");
  level_name_ = col("EventLevelName");
  category_ = col("EventCategory");
  user_name_ = col("UserName");
  rendered_ = col("RenderedDescription");
  event_data_ = col("EventData");
  parameter_xml_ = col("ParameterXml");
  source_system_ = col("SourceSystem");
  type_ = col("Type");
}

void EventMapper::map(const WindowsEvent& e) {
  TableBuilder& o = out_;
  if (e.time) o.set_long(time_, *e.time);
  o.set_string(computer_, e.computer);
  if (e.event_id) o.set_int(event_id_, static_cast<int32_t>(*e.event_id));
  o.set_string(source_, e.event_source_name.empty() ? e.provider : e.event_source_name);
  o.set_string(event_log_, e.channel);
  LevelName level = event_level(e.level);
  o.set_int(level_, level.level);
  o.set_string(level_name_, level.name);
  o.set_text(category_, e.task);
  o.set_string(user_name_, e.user_name.empty() ? user_name_of_sid(e.user_id) : e.user_name);
  if (!e.message.empty()) {
    o.set_string(rendered_, e.message);
  } else if (is_sysmon(e)) {
    append_sysmon_message(e, o.begin_string(rendered_));
    o.end_string(rendered_);
  }
  append_data_item_xml(e, o.begin_string(event_data_));
  o.end_string(event_data_);
  append_parameter_xml(e, o.begin_string(parameter_xml_));
  o.end_string(parameter_xml_);
  o.set_string(source_system_, "OpsManager");
  o.set_string(type_, kEventTable);
  o.end_row();
}

}  // namespace huntdb::ingest
