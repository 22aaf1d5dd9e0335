// Writes SecurityEvent rows the way Log Analytics fills them for each event ID: which account is
// the row's Account (the subject for process creation, the target for logons), the Activity
// text, logon type names, and the fields each event carries.
#pragma once

#include <string_view>
#include <vector>

#include "huntdb/demo/population.h"
#include "huntdb/demo/security_event_rows.h"

namespace huntdb::demo {

class EventWriter {
 public:
  EventWriter(StringPool& pool, const Population& population, std::vector<SecurityEventRow>& rows);

  // 4688: `account` starts `path` (full image path) on `computer`.
  void process_created(int64_t time, size_t computer, size_t account, std::string_view path, std::string_view parent,
                       std::string_view command_line, bool elevated = false);
  void process_created(int64_t time, size_t computer, size_t account, const Software& s);
  // 4624 / 4634 / 4672 / 4625 for `account` on `computer`, from `source_ip` (pool code) when the
  // logon comes over the network.
  void logon(int64_t time, size_t computer, size_t account, int logon_type, uint32_t source_ip, uint32_t workstation);
  void logoff(int64_t time, size_t computer, size_t account, int logon_type);
  void special_privileges(int64_t time, size_t computer, size_t account);
  void logon_failed(int64_t time, size_t computer, size_t account, uint32_t source_ip, uint32_t workstation);
  void kerberos_ticket(int64_t time, size_t dc, size_t account, uint32_t client_ip);
  // 4720 / 4732: `actor` creates local user `user` on `computer` and adds it to Administrators.
  void user_created(int64_t time, size_t computer, size_t actor, std::string_view user);
  void added_to_admins(int64_t time, size_t computer, size_t actor, std::string_view user);
  // 1102: `actor` clears the Security log.
  void log_cleared(int64_t time, size_t computer, size_t actor);

  StringPool& pool() { return pool_; }
  size_t row_count() const { return rows_.size(); }

 private:
  SecurityEventRow& start(int64_t time, size_t computer, int event_id, uint32_t activity);
  void subject(SecurityEventRow& r, size_t account);
  void target(SecurityEventRow& r, size_t account);
  uint32_t logon_id(size_t account);

  StringPool& pool_;
  const Population& population_;
  std::vector<SecurityEventRow>& rows_;
  uint32_t auditing_, eventlog_, user_, machine_, system_logon_id_, elevated_full_, elevated_default_;
  uint32_t activity_4624_, activity_4625_, activity_4634_, activity_4672_, activity_4688_, activity_4768_,
      activity_4720_, activity_4732_, activity_1102_;
  uint32_t logon_type_names_[12] = {};
  uint32_t privileges_, winlogon_, dash_, negotiate_, ntlm_, kerberos_, user32_, ntlmssp_, bad_password_,
      unknown_user_, status_ok_, administrators_, builtin_;
};

}  // namespace huntdb::demo
