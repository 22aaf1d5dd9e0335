#include "huntdb/ingest/windows_event_mapping.h"

#include "huntdb/types/dynamic.h"

namespace huntdb::ingest {

const TableSchema& windows_event_schema() {
  // Column names and types of the Azure Monitor Logs WindowsEvent table reference (restated in
  // ../shared/tools/kql-oracle/schemas/sentinel.json).
  static const TableSchema s = [] {
    TableSchema t;
    using T = ScalarType;
    const std::pair<const char*, ScalarType> columns[] = {
        {"TimeGenerated", T::DateTime}, {"Channel", T::String},       {"Computer", T::String},
        {"Correlation", T::String},     {"EventData", T::Dynamic},    {"EventID", T::Int},
        {"EventLevel", T::Int},         {"EventLevelName", T::String}, {"EventOriginId", T::String},
        {"EventRecordId", T::String},   {"Keywords", T::String},      {"ManagementGroupName", T::String},
        {"Opcode", T::String},          {"Provider", T::String},      {"RawEventData", T::String},
        {"SystemProcessId", T::Int},    {"SystemThreadId", T::Int},   {"SystemUserId", T::String},
        {"Task", T::Int},               {"Version", T::Int},          {"TenantId", T::String},
        {"Type", T::String},            {"_ResourceId", T::String},   {"_SubscriptionId", T::String},
        {"_BilledSize", T::Real},       {"_IsBillable", T::String},   {"_ItemId", T::String},
        {"_TimeReceived", T::DateTime},
    };
    for (const auto& [name, type] : columns) t.columns.push_back({name, type});
    return t;
  }();
  return s;
}

std::string_view windows_level_name(std::string_view level) {
  if (level == "1") return "Critical";
  if (level == "2") return "Error";
  if (level == "3") return "Warning";
  if (level == "5") return "Verbose";
  if (level == "0") return "LogAlways";
  return "Information";
}

WindowsEventMapper::WindowsEventMapper(TableBuilder& out) : out_(out) {
  const TableSchema& s = out.schema();
  auto col = [&](const char* name) { return s.index_of(name); };
  time_ = col("TimeGenerated");
  channel_ = col("Channel");
  computer_ = col("Computer");
  correlation_ = col("Correlation");
  event_data_ = col("EventData");
  event_id_ = col("EventID");
  level_ = col("EventLevel");
  level_name_ = col("EventLevelName");
  record_id_ = col("EventRecordId");
  keywords_ = col("Keywords");
  opcode_ = col("Opcode");
  provider_ = col("Provider");
  process_id_ = col("SystemProcessId");
  thread_id_ = col("SystemThreadId");
  user_id_ = col("SystemUserId");
  task_ = col("Task");
  version_ = col("Version");
  type_ = col("Type");
}

void WindowsEventMapper::map(const WindowsEvent& e) {
  TableBuilder& o = out_;
  if (e.time) o.set_long(time_, *e.time);
  o.set_string(channel_, e.channel);
  o.set_string(computer_, e.computer);
  o.set_string(correlation_, e.activity_id);
  DynValue::Properties bag;
  bag.reserve(e.data.size());
  for (const auto& f : e.data) bag.emplace_back(std::string(f.name), DynValue::of_string(std::string(f.value)));
  o.set_dynamic(event_data_, DynValue::of_object(std::move(bag)));
  if (e.event_id) o.set_int(event_id_, static_cast<int32_t>(*e.event_id));
  o.set_text(level_, e.level);
  o.set_string(level_name_, windows_level_name(e.level));
  o.set_string(record_id_, e.record_id);
  o.set_string(keywords_, e.keywords);
  o.set_string(opcode_, e.opcode);
  o.set_string(provider_, e.provider);
  o.set_text(process_id_, e.process_id);
  o.set_text(thread_id_, e.thread_id);
  o.set_string(user_id_, e.user_id);
  o.set_text(task_, e.task);
  o.set_text(version_, e.version);
  o.set_string(type_, kWindowsEventTable);
  o.end_row();
}

}  // namespace huntdb::ingest
