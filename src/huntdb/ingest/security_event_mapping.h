// Security channel events -> SecurityEvent rows, filled as Log Analytics fills them: the System
// fields (TimeGenerated, Computer, EventID, Channel, EventSourceName, Task, Level as the audit
// outcome "8"/"16", ...), the derived columns (Activity "4688 - A new process has been created.",
// Account "DOMAIN\user" of the subject or target the event is about, AccountType User/Machine,
// Process as the file name, SubjectAccount/TargetAccount, LogonTypeName), every EventData field
// that has a column of its own, and EventData as XML.
#pragma once

#include <string>
#include <vector>

#include <absl/container/flat_hash_map.h>

#include "huntdb/common/string_map.h"
#include "huntdb/ingest/table_builder.h"
#include "huntdb/ingest/windows_event.h"

namespace huntdb::ingest {

// Which account an event is about: the target for logon/logoff and Kerberos/NTLM authentication
// events (the account that logged on, failed to, or asked for a ticket), else the subject.
bool account_is_target(uint32_t event_id);

// "DOMAIN\user", "user" when there is no domain, "" when there is no user.
std::string join_account(std::string_view domain, std::string_view user);
void append_account(std::string_view domain, std::string_view user, std::string& out);

// "Machine" for computer accounts (names ending in '$'), else "User".
std::string_view account_type(std::string_view account);

// The file name of a path ("C:\Windows\System32\cmd.exe" -> "cmd.exe").
std::string_view file_name_of(std::string_view path);

// "3 - Network" for LogonType 3, "" for an unknown type.
std::string_view logon_type_name(std::string_view logon_type);

class SecurityEventMapper {
 public:
  explicit SecurityEventMapper(TableBuilder& out);
  void map(const WindowsEvent& e);

 private:
  TableBuilder& out_;
  // The fields the derived columns come from.
  enum class Role : uint8_t { None, SubjectUser, SubjectDomain, TargetUser, TargetDomain, NewProcess, ProcessName,
                              LogonType, kCount };
  // The EventData fields of an event ID as last seen: names, their columns (-1: none), roles.
  struct FieldLayout {
    std::vector<std::string> names;
    std::vector<int> columns;
    std::vector<Role> roles;
  };
  const FieldLayout& layout_of(uint32_t id, const WindowsEvent& e);

  StringMap<int> data_columns_;  // EventData field name -> column
  absl::flat_hash_map<uint32_t, FieldLayout> layouts_;
  absl::flat_hash_map<uint32_t, std::string> activities_;  // event ID -> Activity, when no message decides it
  std::string subject_, target_;
  int time_, computer_, event_id_, activity_, channel_, source_name_, level_, task_, keywords_, opcode_, version_,
      record_id_, process_id_, thread_id_, user_id_, correlation_, event_data_, source_system_, type_, account_,
      account_type_, subject_account_, target_account_, process_, logon_type_name_;
};

}  // namespace huntdb::ingest
