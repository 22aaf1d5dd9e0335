#include "huntdb/ingest/security_event_mapping.h"

#include <charconv>

#include "huntdb/ingest/event_descriptions.h"
#include "huntdb/ingest/event_xml_text.h"
#include "huntdb/ingest/table_schemas.h"

namespace huntdb::ingest {

namespace {

// Columns Log Analytics fills from the System part or derives; an EventData field of the same name
// does not overwrite them.
bool system_column(std::string_view c) {
  static constexpr std::string_view kColumns[] = {
      "TimeGenerated", "Computer", "EventID", "Activity", "Channel", "EventSourceName", "Level", "EventLevelName",
      "Task", "Keywords", "Opcode", "Version", "EventRecordId", "SystemProcessId", "SystemThreadId", "SystemUserId",
      "Correlation", "EventData", "SourceSystem", "Type", "Account", "AccountType", "SubjectAccount",
      "TargetAccount", "Process", "LogonTypeName", "TenantId", "_ResourceId", "_SubscriptionId", "_BilledSize",
      "_IsBillable", "_ItemId", "_TimeReceived", "ManagementGroupName", "AzureDeploymentID", "SourceComputerId"};
  for (auto s : kColumns)
    if (s == c) return true;
  return false;
}

uint64_t parse_hex(std::string_view s) {
  if (s.starts_with("0x") || s.starts_with("0X")) s.remove_prefix(2);
  uint64_t v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v, 16);
  return v;
}

int32_t parse_int(std::string_view s, bool& ok) {
  int32_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  ok = ec == std::errc() && p == s.data() + s.size() && !s.empty();
  return v;
}

// Log Analytics' Level for Security events is the outcome as .NET's EventLogEntryType numbers it:
// 8 = SuccessAudit, 16 = FailureAudit (from the Keywords' audit bits).
std::string_view audit_level(std::string_view keywords, std::string_view level) {
  uint64_t k = parse_hex(keywords);
  if (k & 0x0010000000000000ull) return "16";
  if (k & 0x0020000000000000ull) return "8";
  return level;
}

}  // namespace

bool account_is_target(uint32_t event_id) {
  switch (event_id) {
    case 4624:  // logged on
    case 4625:  // failed to log on
    case 4634:  // logged off
    case 4647:  // user initiated logoff
    case 4768:  // Kerberos TGT requested
    case 4769:  // Kerberos service ticket requested
    case 4770:
    case 4771:  // pre-authentication failed
    case 4772:
    case 4776:  // credential validation (NTLM)
    case 4777:
    case 4778:  // session reconnected
    case 4779:  // session disconnected
    case 4800:  // workstation locked / unlocked, screen saver
    case 4801:
    case 4802:
    case 4803:
    case 4964:  // special groups assigned to a new logon
      return true;
    default: return false;
  }
}

void append_account(std::string_view domain, std::string_view user, std::string& out) {
  if (user.empty()) return;
  if (!domain.empty()) {
    out += domain;
    out += '\\';
  }
  out += user;
}

std::string join_account(std::string_view domain, std::string_view user) {
  std::string s;
  append_account(domain, user, s);
  return s;
}

std::string_view account_type(std::string_view account) {
  return !account.empty() && account.back() == '$' ? "Machine" : "User";
}

std::string_view file_name_of(std::string_view path) {
  size_t slash = path.find_last_of("\\/");
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string_view logon_type_name(std::string_view t) {
  static constexpr std::string_view kNames[] = {"",
                                                "",
                                                "2 - Interactive",
                                                "3 - Network",
                                                "4 - Batch",
                                                "5 - Service",
                                                "",
                                                "7 - Unlock",
                                                "8 - NetworkCleartext",
                                                "9 - NewCredentials",
                                                "10 - RemoteInteractive",
                                                "11 - CachedInteractive",
                                                "12 - CachedRemoteInteractive",
                                                "13 - CachedUnlock"};
  bool ok;
  int32_t n = parse_int(t, ok);
  if (!ok || n < 0 || n >= static_cast<int32_t>(std::size(kNames))) return {};
  return kNames[n];
}

SecurityEventMapper::SecurityEventMapper(TableBuilder& out) : out_(out) {
  const TableSchema& s = out.schema();
  for (size_t i = 0; i < s.columns.size(); ++i)
    if (!system_column(s.columns[i].name)) data_columns_.emplace(s.columns[i].name, static_cast<int>(i));
  auto col = [&](const char* name) { return s.index_of(name); };
  time_ = col("TimeGenerated");
  computer_ = col("Computer");
  event_id_ = col("EventID");
  activity_ = col("Activity");
  channel_ = col("Channel");
  source_name_ = col("EventSourceName");
  level_ = col("Level");
  task_ = col("Task");
  keywords_ = col("Keywords");
  opcode_ = col("Opcode");
  version_ = col("Version");
  record_id_ = col("EventRecordId");
  process_id_ = col("SystemProcessId");
  thread_id_ = col("SystemThreadId");
  user_id_ = col("SystemUserId");
  correlation_ = col("Correlation");
  event_data_ = col("EventData");
  source_system_ = col("SourceSystem");
  type_ = col("Type");
  account_ = col("Account");
  account_type_ = col("AccountType");
  subject_account_ = col("SubjectAccount");
  target_account_ = col("TargetAccount");
  process_ = col("Process");
  logon_type_name_ = col("LogonTypeName");
}

const SecurityEventMapper::FieldLayout& SecurityEventMapper::layout_of(uint32_t id, const WindowsEvent& e) {
  FieldLayout& layout = layouts_[id];
  bool same = layout.names.size() == e.data.size();
  for (size_t i = 0; same && i < e.data.size(); ++i) same = layout.names[i] == e.data[i].name;
  if (same) return layout;
  layout.names.clear();
  layout.columns.clear();
  layout.roles.clear();
  for (const auto& f : e.data) {
    layout.names.emplace_back(f.name);
    auto it = data_columns_.find(f.name);
    layout.columns.push_back(it == data_columns_.end() ? -1 : it->second);
    Role role = Role::None;
    if (f.name == "SubjectUserName") role = Role::SubjectUser;
    else if (f.name == "SubjectDomainName") role = Role::SubjectDomain;
    else if (f.name == "TargetUserName") role = Role::TargetUser;
    else if (f.name == "TargetDomainName") role = Role::TargetDomain;
    else if (f.name == "NewProcessName") role = Role::NewProcess;
    else if (f.name == "ProcessName") role = Role::ProcessName;
    else if (f.name == "LogonType") role = Role::LogonType;
    layout.roles.push_back(role);
  }
  return layout;
}

void SecurityEventMapper::map(const WindowsEvent& e) {
  TableBuilder& o = out_;
  if (e.time) o.set_long(time_, *e.time);
  o.set_string(computer_, e.computer);
  uint32_t id = e.event_id.value_or(0);
  if (e.event_id) {
    o.set_int(event_id_, static_cast<int32_t>(id));
    if (!e.message.empty() && security_event_description(id).empty()) {
      o.set_string(activity_, security_event_activity(id, e.message));
    } else {
      // Without a message to take the sentence from, the text depends on the ID alone.
      auto it = activities_.find(id);
      if (it == activities_.end()) it = activities_.emplace(id, security_event_activity(id, e.message)).first;
      o.set_string(activity_, it->second);
    }
  }
  o.set_string(channel_, e.channel);
  o.set_string(source_name_, e.event_source_name.empty() ? e.provider : e.event_source_name);
  o.set_string(level_, audit_level(e.keywords, e.level));
  o.set_text(task_, e.task);
  o.set_string(keywords_, e.keywords);
  o.set_string(opcode_, e.opcode);
  o.set_text(version_, e.version);
  o.set_string(record_id_, e.record_id);
  o.set_text(process_id_, e.process_id);
  o.set_text(thread_id_, e.thread_id);
  o.set_string(user_id_, e.user_id);
  o.set_string(correlation_, e.activity_id);
  o.set_string(source_system_, "OpsManager");
  o.set_string(type_, kSecurityEventTable);

  // Each field's column and role, from the layout of this event ID (one lookup per record; a
  // template gives every record of an ID the same field names).
  const FieldLayout& layout = layout_of(id, e);
  std::string_view roles[static_cast<size_t>(Role::kCount)];
  for (size_t i = 0; i < e.data.size(); ++i) {
    const auto& f = e.data[i];
    Role role = layout.roles[i];
    if (role != Role::None) roles[static_cast<size_t>(role)] = f.value;
    if (layout.columns[i] >= 0) o.set_text(layout.columns[i], f.value);
  }
  auto value = [&](Role r) { return roles[static_cast<size_t>(r)]; };
  std::string_view subject_user = value(Role::SubjectUser), subject_domain = value(Role::SubjectDomain),
                   target_user = value(Role::TargetUser), target_domain = value(Role::TargetDomain),
                   new_process = value(Role::NewProcess), process_name = value(Role::ProcessName),
                   logon_type = value(Role::LogonType);

  // The accounts: both sides when present, and the one the event is about as Account.
  subject_.clear();
  target_.clear();
  append_account(subject_domain, subject_user, subject_);
  append_account(target_domain, target_user, target_);
  const std::string& account = (account_is_target(id) || subject_.empty()) && !target_.empty() ? target_ : subject_;
  if (!subject_.empty()) o.set_string(subject_account_, subject_);
  if (!target_.empty()) o.set_string(target_account_, target_);
  if (!account.empty()) {
    o.set_string(account_, account);
    o.set_string(account_type_, account_type(account));
  }
  std::string_view process_path = id == 4688 && !new_process.empty() ? new_process : process_name;
  if (!process_path.empty()) o.set_string(process_, file_name_of(process_path));
  if (!logon_type.empty()) o.set_string(logon_type_name_, logon_type_name(logon_type));

  append_payload_xml(e, o.begin_string(event_data_));
  o.end_string(event_data_);
  o.end_row();
}

}  // namespace huntdb::ingest
