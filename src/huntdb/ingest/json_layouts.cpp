#include "huntdb/ingest/json_layouts.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "huntdb/common/string_map.h"
#include "huntdb/ingest/la_csv.h"
#include "huntdb/ingest/sysmon_schema.h"
#include "huntdb/ingest/table_mapper.h"
#include "huntdb/ingest/table_schemas.h"
#include "huntdb/ingest/windows_event_mapping.h"
#include "huntdb/types/datetime.h"

namespace huntdb::ingest {

namespace {

// The System and exporter fields of the flat layouts; every other field is EventData.
enum class Meta : uint8_t {
  Timestamp,      // @timestamp (UTC)
  TimeCreated,    // UTC, ISO or "yyyy-MM-dd HH:mm:ss.fff"
  EventTime,      // NXLog: local time of the event (no zone)
  Hostname,
  SourceName,
  Channel,
  EventID,
  Level,
  Severity,       // NXLog: INFO, WARNING, ERROR, ...
  Task,
  Opcode,         // text ("Info") in NXLog, number in later sets
  OpcodeValue,    // NXLog: the number
  Keywords,
  Version,
  RecordNumber,
  ProcessID,      // ExecutionProcessID
  ThreadID,
  UserID,
  ActivityID,
  Message,
  Domain,         // NXLog: the event user's domain and name
  AccountName,
  Ignored,        // exporter bookkeeping
};

struct MetaName {
  std::string_view name;
  Meta meta;
};

constexpr MetaName kMetaNames[] = {
    {"@timestamp", Meta::Timestamp},      {"TimeCreated", Meta::TimeCreated},     {"EventTime", Meta::EventTime},
    {"Hostname", Meta::Hostname},         {"SourceName", Meta::SourceName},       {"Channel", Meta::Channel},
    {"EventID", Meta::EventID},           {"Level", Meta::Level},                 {"Severity", Meta::Severity},
    {"Task", Meta::Task},                 {"Opcode", Meta::Opcode},               {"OpcodeValue", Meta::OpcodeValue},
    {"Keywords", Meta::Keywords},         {"Version", Meta::Version},             {"RecordNumber", Meta::RecordNumber},
    {"EventRecordID", Meta::RecordNumber}, {"ExecutionProcessID", Meta::ProcessID},
    {"ThreadID", Meta::ThreadID},         {"UserID", Meta::UserID},               {"ActivityID", Meta::ActivityID},
    {"Message", Meta::Message},           {"Domain", Meta::Domain},               {"AccountName", Meta::AccountName},
    {"EventReceivedTime", Meta::Ignored}, {"SeverityValue", Meta::Ignored},       {"SourceModuleName", Meta::Ignored},
    {"SourceModuleType", Meta::Ignored},  {"@version", Meta::Ignored},            {"tags", Meta::Ignored},
    {"port", Meta::Ignored},              {"host", Meta::Ignored},                {"ProviderGuid", Meta::Ignored},
    {"Category", Meta::Ignored},          {"EventTypeOrignal", Meta::Ignored},    {"AccountType", Meta::Ignored},
    {"RelatedActivityID", Meta::Ignored}, {"ERROR_EVT_UNRESOLVED", Meta::Ignored},
};

// The meta names by length: a record has some 30 fields, each looked up once, and a handful of
// names of the same length compared is cheaper than hashing every name.
class MetaLookup {
 public:
  MetaLookup() {
    for (const auto& m : kMetaNames) by_length_[m.name.size()].push_back(m);
  }
  // Nullptr for an EventData field.
  const Meta* find(std::string_view name) const {
    if (name.size() >= kMaxLength) return nullptr;
    for (const auto& m : by_length_[name.size()])
      if (m.name.front() == name.front() && m.name == name) return &m.meta;
    return nullptr;
  }

 private:
  static constexpr size_t kMaxLength = 32;
  std::vector<MetaName> by_length_[kMaxLength];
};

const MetaLookup& meta_fields() {
  static const MetaLookup m;
  return m;
}

// NXLog's EventType is the outcome or severity; Sysmon registry events have an EventType of their
// own (SetValue, CreateKey), which is EventData.
bool nxlog_event_type(std::string_view v) {
  return v == "AUDIT_SUCCESS" || v == "AUDIT_FAILURE" || v == "INFO" || v == "WARNING" || v == "ERROR" ||
         v == "CRITICAL" || v == "VERBOSE";
}

std::string_view level_of_severity(std::string_view s) {
  if (s == "CRITICAL") return "1";
  if (s == "ERROR") return "2";
  if (s == "WARNING") return "3";
  if (s == "VERBOSE" || s == "DEBUG") return "5";
  return "4";
}

// Keywords as hex text whatever the source wrote: NXLog writes the 64-bit mask as a signed number.
std::string_view keywords_text(std::string_view v, TextPool& pool) {
  if (v.empty() || v.starts_with("0x") || v.starts_with("0X")) return v;
  int64_t n = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || p != v.data() + v.size()) return v;
  std::string& s = pool.make();
  fmt::format_to(std::back_inserter(s), "0x{:016x}", static_cast<uint64_t>(n));
  return s;
}

std::optional<uint32_t> parse_event_id(std::string_view v) {
  uint32_t id = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), id);
  if (ec != std::errc() || p != v.data() + v.size() || v.empty()) return std::nullopt;
  return id;
}

bool flat_event(const FlatRecord& r, WindowsEvent& out, TextPool& pool, std::string& error) {
  const auto& meta = meta_fields();
  std::string_view timestamp, time_created, event_time, event_id, severity, opcode_text, domain, account;
  bool nxlog = false;
  for (const auto& f : r.fields)
    if (f.name == "SourceModuleType") nxlog = true;
  for (const auto& f : r.fields) {
    const Meta* kind = meta.find(f.name);
    if (!kind) {
      if (f.name == "EventType" && nxlog && nxlog_event_type(f.value)) continue;
      out.data.push_back(f);
      continue;
    }
    switch (*kind) {
      case Meta::Timestamp: timestamp = f.value; break;
      case Meta::TimeCreated: time_created = f.value; break;
      case Meta::EventTime: event_time = f.value; break;
      case Meta::Hostname: out.computer = f.value; break;
      case Meta::SourceName: out.provider = f.value; break;
      case Meta::Channel: out.channel = f.value; break;
      case Meta::EventID: event_id = f.value; break;
      case Meta::Level: out.level = f.value; break;
      case Meta::Severity: severity = f.value; break;
      case Meta::Task: out.task = f.value; break;
      case Meta::Opcode: opcode_text = f.value; break;
      case Meta::OpcodeValue: out.opcode = f.value; break;
      case Meta::Keywords: out.keywords = keywords_text(f.value, pool); break;
      case Meta::Version: out.version = f.value; break;
      case Meta::RecordNumber: out.record_id = f.value; break;
      case Meta::ProcessID: out.process_id = f.value; break;
      case Meta::ThreadID: out.thread_id = f.value; break;
      case Meta::UserID: out.user_id = f.value; break;
      case Meta::ActivityID: out.activity_id = f.value; break;
      case Meta::Message: out.message = f.value; break;
      case Meta::Domain:
        if (nxlog) domain = f.value;
        else out.data.push_back(f);
        break;
      case Meta::AccountName:
        if (nxlog) account = f.value;
        else out.data.push_back(f);
        break;
      case Meta::Ignored:
        if (!nxlog && (f.name == "AccountType" || f.name == "Category")) out.data.push_back(f);
        break;
    }
  }
  out.event_id = parse_event_id(event_id);
  if (!out.event_id) {
    error = event_id.empty() ? "no EventID" : fmt::format("EventID is not a number: '{}'", event_id);
    return false;
  }
  // JSON objects lose the EventData order, and queries read Sysmon's data by position
  // (parse_xml(EventData).DataItem.EventData.Data[4] is Image).
  if (out.provider == "Microsoft-Windows-Sysmon") order_sysmon_fields(out);
  if (out.level.empty() && !severity.empty()) out.level = level_of_severity(severity);
  if (out.opcode.empty()) out.opcode = opcode_text;
  if (!account.empty()) {
    std::string& s = pool.make();
    if (!domain.empty()) s.append(domain).append("\\");
    s.append(account);
    out.user_name = s;
  }
  // @timestamp is UTC (when the pipeline received it for NXLog, within seconds of the event);
  // TimeCreated is UTC in the later sets; EventTime is local time, the last resort.
  for (std::string_view t : {time_created, timestamp, event_time})
    if (!t.empty())
      if (auto ticks = parse_datetime(t)) {
        out.time = *ticks;
        break;
      }
  return true;
}

std::string_view strip_prefix(std::string_view name, std::string_view prefix) {
  return name.starts_with(prefix) ? name.substr(prefix.size()) : std::string_view();
}

bool winlogbeat_event(const FlatRecord& r, WindowsEvent& out, TextPool& pool, std::string& error) {
  std::string_view event_id, timestamp, host, user_domain, user_name, log_level;
  for (const auto& f : r.fields) {
    std::string_view n = f.name;
    if (auto d = strip_prefix(n, "winlog.event_data."); !d.empty()) {
      out.data.push_back({d, f.value});
    } else if (auto u = strip_prefix(n, "winlog.user_data."); !u.empty()) {
      out.data.push_back({u, f.value});
      out.user_data = true;
    } else if (n == "winlog.event_id" || (n == "event.code" && event_id.empty())) {
      event_id = f.value;
    } else if (n == "@timestamp") {
      timestamp = f.value;
    } else if (n == "winlog.channel") {
      out.channel = f.value;
    } else if (n == "winlog.provider_name") {
      out.provider = f.value;
    } else if (n == "winlog.computer_name") {
      out.computer = f.value;
    } else if (n == "host.name" || n == "host.hostname") {
      if (host.empty()) host = f.value;
    } else if (n == "winlog.record_id") {
      out.record_id = f.value;
    } else if (n == "winlog.process.pid") {
      out.process_id = f.value;
    } else if (n == "winlog.process.thread.id") {
      out.thread_id = f.value;
    } else if (n == "winlog.user.identifier") {
      out.user_id = f.value;
    } else if (n == "winlog.user.domain") {
      user_domain = f.value;
    } else if (n == "winlog.user.name") {
      user_name = f.value;
    } else if (n == "winlog.activity_id") {
      out.activity_id = f.value;
    } else if (n == "winlog.opcode") {
      out.opcode = f.value;
    } else if (n == "winlog.task") {
      out.task = f.value;
    } else if (n == "winlog.version") {
      out.version = f.value;
    } else if (n == "winlog.keywords") {
      // Winlogbeat names the audit outcome instead of giving the mask.
      if (f.value.find("Audit Success") != std::string_view::npos) out.keywords = "0x8020000000000000";
      else if (f.value.find("Audit Failure") != std::string_view::npos) out.keywords = "0x8010000000000000";
    } else if (n == "message") {
      out.message = f.value;
    } else if (n == "log.level") {
      log_level = f.value;
    }
  }
  if (out.computer.empty()) out.computer = host;
  out.event_id = parse_event_id(event_id);
  if (!out.event_id) {
    error = event_id.empty() ? "no winlog.event_id" : fmt::format("winlog.event_id is not a number: '{}'", event_id);
    return false;
  }
  if (!log_level.empty()) {
    std::string upper;
    for (char c : log_level) upper += static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
    out.level = level_of_severity(upper == "INFORMATION" ? "INFO" : upper);
  }
  if (!user_name.empty()) {
    std::string& s = pool.make();
    if (!user_domain.empty()) s.append(user_domain).append("\\");
    s.append(user_name);
    out.user_name = s;
  }
  if (auto t = parse_datetime(timestamp)) out.time = *t;
  return true;
}

// Which table a Log Analytics export row came from: its Type column, else the columns only one of
// the two tables has.
std::string_view la_table(const FlatRecord& r) {
  bool security = false, event = false;
  for (const auto& f : r.fields) {
    std::string_view n = la_column_name(f.name);
    if (n == "Type" && (f.value == kSecurityEventTable || f.value == kEventTable || f.value == kWindowsEventTable))
      return f.value;
    if (n == "Activity" || n == "EventSourceName" || n == "AccountType") security = true;
    if (n == "EventLog" || n == "RenderedDescription" || n == "ParameterXml" || n == "EventLevelName") event = true;
  }
  if (security) return kSecurityEventTable;
  if (event) return kEventTable;
  return {};
}

}  // namespace

RecordLayout detect_layout(const FlatRecord& r) {
  bool time_generated = false, event_id = false;
  for (const auto& f : r.fields) {
    if (f.name.starts_with("winlog.")) return RecordLayout::Winlogbeat;
    // Only CSV headers carry a " [UTC]" suffix: most names need no trimming.
    std::string_view n = f.name.ends_with(']') ? la_column_name(f.name) : f.name;
    if (n == "TimeGenerated") time_generated = true;
    else if (n == "EventID") event_id = true;
  }
  if (time_generated) return RecordLayout::LogAnalytics;
  if (event_id) return RecordLayout::SecurityDatasets;
  return RecordLayout::Unknown;
}

bool windows_event_from_flat(const FlatRecord& r, RecordLayout layout, WindowsEvent& out, TextPool& pool,
                             std::string& error) {
  out.clear();
  if (layout == RecordLayout::Winlogbeat) return winlogbeat_event(r, out, pool, error);
  return flat_event(r, out, pool, error);
}

bool map_flat_record(const FlatRecord& r, TableMapper& mapper, WindowsEvent& event, TextPool& pool,
                     std::string& error) {
  RecordLayout layout = detect_layout(r);
  switch (layout) {
    case RecordLayout::Unknown:
      error = "not a Windows event: no EventID, winlog.* or TimeGenerated field";
      return false;
    case RecordLayout::LogAnalytics: {
      std::string_view name = la_table(r);
      TableBuilder* table = name.empty() ? nullptr : mapper.table(name);
      if (!table) {
        error = "a Log Analytics record of none of SecurityEvent, Event, WindowsEvent";
        return false;
      }
      const auto& columns = table->column_indices();
      for (const auto& f : r.objects) {
        auto it = columns.find(f.name);
        if (it != columns.end() && table->schema().columns[it->second].type == ScalarType::Dynamic)
          table->set_text(it->second, f.value);
      }
      for (const auto& f : r.fields) {
        auto it = columns.find(la_column_name(f.name));
        if (it == columns.end()) continue;
        int col = it->second;
        // The portal's CSV writes datetimes as "2/1/2023, 10:00:00.123 AM".
        if (table->schema().columns[col].type == ScalarType::DateTime && !parse_datetime(f.value))
          if (auto t = parse_portal_datetime(f.value)) {
            table->set_long(col, *t);
            continue;
          }
        table->set_text(col, f.value);
      }
      table->end_row();
      return true;
    }
    default:
      if (!windows_event_from_flat(r, layout, event, pool, error)) return false;
      mapper.map_event(event);
      return true;
  }
}

}  // namespace huntdb::ingest
