#include "huntdb/demo/event_writer.h"

#include <fmt/format.h>

namespace huntdb::demo {

EventWriter::EventWriter(StringPool& pool, const Population& population, std::vector<SecurityEventRow>& rows)
    : pool_(pool), population_(population), rows_(rows) {
  auditing_ = pool.id("Microsoft-Windows-Security-Auditing");
  eventlog_ = pool.id("Microsoft-Windows-Eventlog");
  user_ = pool.id("User");
  machine_ = pool.id("Machine");
  system_logon_id_ = pool.id("0x3e7");
  elevated_full_ = pool.id("%%1937");
  elevated_default_ = pool.id("%%1936");
  activity_4624_ = pool.id("4624 - An account was successfully logged on.");
  activity_4625_ = pool.id("4625 - An account failed to log on.");
  activity_4634_ = pool.id("4634 - An account was logged off.");
  activity_4672_ = pool.id("4672 - Special privileges assigned to new logon.");
  activity_4688_ = pool.id("4688 - A new process has been created.");
  activity_4768_ = pool.id("4768 - A Kerberos authentication ticket (TGT) was requested.");
  activity_4720_ = pool.id("4720 - A user account was created.");
  activity_4732_ = pool.id("4732 - A member was added to a security-enabled local group.");
  activity_1102_ = pool.id("1102 - The audit log was cleared.");
  const char* names[12] = {"", "", "2 - Interactive", "3 - Network", "4 - Batch", "5 - Service", "",
                           "7 - Unlock", "8 - NetworkCleartext", "9 - NewCredentials", "10 - RemoteInteractive",
                           "11 - CachedInteractive"};
  for (int i = 0; i < 12; ++i) logon_type_names_[i] = pool.id(names[i]);
  privileges_ = pool.id(
      "SeSecurityPrivilege\r\n\t\t\tSeBackupPrivilege\r\n\t\t\tSeRestorePrivilege\r\n\t\t\tSeTakeOwnershipPrivilege"
      "\r\n\t\t\tSeDebugPrivilege\r\n\t\t\tSeSystemEnvironmentPrivilege\r\n\t\t\tSeLoadDriverPrivilege"
      "\r\n\t\t\tSeImpersonatePrivilege");
  winlogon_ = pool.id("C:\\Windows\\System32\\winlogon.exe");
  dash_ = pool.id("-");
  negotiate_ = pool.id("Negotiate");
  ntlm_ = pool.id("NTLM");
  kerberos_ = pool.id("Kerberos");
  user32_ = pool.id("User32 ");
  ntlmssp_ = pool.id("NtLmSsp ");
  bad_password_ = pool.id("0xc000006d");
  unknown_user_ = pool.id("0xc000006a");
  status_ok_ = pool.id("0x0");
  administrators_ = pool.id("Administrators");
  builtin_ = pool.id("Builtin");
}

SecurityEventRow& EventWriter::start(int64_t time, size_t computer, int event_id, uint32_t activity) {
  SecurityEventRow& r = rows_.emplace_back();
  r.time = time;
  r.event_id = event_id;
  r[Field::Computer] = population_.computers[computer].code;
  r[Field::Activity] = activity;
  r[Field::EventSourceName] = auditing_;
  return r;
}

uint32_t EventWriter::logon_id(size_t account) {
  // One logon session id per account, as a stable hex value.
  return pool_.id(fmt::format("0x{:x}", 0x3a1f00 + account * 7919));
}

void EventWriter::subject(SecurityEventRow& r, size_t account) {
  const Account& a = population_.accounts[account];
  r[Field::Account] = a.account;
  r[Field::AccountType] = a.machine ? machine_ : user_;
  r[Field::SubjectUserName] = a.user_code;
  r[Field::SubjectDomainName] = pool_.id(kDomain);
  r[Field::SubjectUserSid] = a.sid;
  r[Field::SubjectLogonId] = a.machine ? system_logon_id_ : logon_id(account);
}

void EventWriter::target(SecurityEventRow& r, size_t account) {
  const Account& a = population_.accounts[account];
  r[Field::Account] = a.account;
  r[Field::AccountType] = a.machine ? machine_ : user_;
  r[Field::TargetAccount] = a.account;
  r[Field::TargetUserName] = a.user_code;
  r[Field::TargetDomainName] = pool_.id(kDomain);
  r[Field::TargetSid] = a.sid;
  r[Field::TargetLogonId] = a.machine ? system_logon_id_ : logon_id(account);
}

void EventWriter::process_created(int64_t time, size_t computer, size_t account, std::string_view path,
                                  std::string_view parent, std::string_view command_line, bool elevated) {
  Software s;
  s.path = pool_.id(path);
  s.file = pool_.id(file_name_of(std::string(path)));
  s.parent = pool_.id(parent);
  s.command_line = pool_.id(command_line);
  process_created(time, computer, account, s);
  if (elevated) rows_.back()[Field::TokenElevationType] = elevated_full_;
}

void EventWriter::process_created(int64_t time, size_t computer, size_t account, const Software& s) {
  SecurityEventRow& r = start(time, computer, 4688, activity_4688_);
  subject(r, account);
  r[Field::NewProcessName] = s.path;
  // The classic rare-process hunt reads ProcessName: the demo fills it with the new process's
  // image for process creation, as it does for logons with the logon process.
  r[Field::ProcessName] = s.path;
  r[Field::Process] = s.file;
  r[Field::ParentProcessName] = s.parent;
  r[Field::CommandLine] = s.command_line;
  r[Field::NewProcessId] = pool_.id(fmt::format("0x{:x}", 0x1000 + (rows_.size() * 4) % 0xF000));
  r[Field::TokenElevationType] = population_.accounts[account].machine ? elevated_full_ : elevated_default_;
}

void EventWriter::logon(int64_t time, size_t computer, size_t account, int logon_type, uint32_t source_ip,
                        uint32_t workstation) {
  SecurityEventRow& r = start(time, computer, 4624, activity_4624_);
  target(r, account);
  const Computer& c = population_.computers[computer];
  r[Field::SubjectUserName] = population_.accounts[c.machine_account].user_code;
  r[Field::SubjectDomainName] = pool_.id(kDomain);
  r[Field::SubjectLogonId] = system_logon_id_;
  r.logon_type = logon_type;
  r[Field::LogonTypeName] = logon_type_names_[logon_type];
  bool network = logon_type == 3 || logon_type == 10;
  r[Field::IpAddress] = network ? source_ip : pool_.id("127.0.0.1");
  r[Field::WorkstationName] = workstation;
  r[Field::LogonProcessName] = network && logon_type == 3 ? ntlmssp_ : user32_;
  r[Field::AuthenticationPackageName] = network && logon_type == 3 ? ntlm_ : negotiate_;
  r[Field::ProcessName] = network ? dash_ : winlogon_;
}

void EventWriter::logoff(int64_t time, size_t computer, size_t account, int logon_type) {
  SecurityEventRow& r = start(time, computer, 4634, activity_4634_);
  target(r, account);
  r.logon_type = logon_type;
  r[Field::LogonTypeName] = logon_type_names_[logon_type];
}

void EventWriter::special_privileges(int64_t time, size_t computer, size_t account) {
  SecurityEventRow& r = start(time, computer, 4672, activity_4672_);
  subject(r, account);
  r[Field::PrivilegeList] = privileges_;
}

void EventWriter::logon_failed(int64_t time, size_t computer, size_t account, uint32_t source_ip, uint32_t workstation) {
  SecurityEventRow& r = start(time, computer, 4625, activity_4625_);
  target(r, account);
  r.logon_type = 3;
  r[Field::LogonTypeName] = logon_type_names_[3];
  r[Field::IpAddress] = source_ip;
  r[Field::WorkstationName] = workstation;
  r[Field::Status] = bad_password_;
  r[Field::SubStatus] = unknown_user_;
  r[Field::LogonProcessName] = ntlmssp_;
  r[Field::AuthenticationPackageName] = ntlm_;
  r[Field::ProcessName] = dash_;
}

void EventWriter::kerberos_ticket(int64_t time, size_t dc, size_t account, uint32_t client_ip) {
  SecurityEventRow& r = start(time, dc, 4768, activity_4768_);
  target(r, account);
  r[Field::IpAddress] = pool_.id("::ffff:" + pool_.at(client_ip));
  r[Field::Status] = status_ok_;
  r[Field::AuthenticationPackageName] = kerberos_;
}

void EventWriter::user_created(int64_t time, size_t computer, size_t actor, std::string_view user) {
  SecurityEventRow& r = start(time, computer, 4720, activity_4720_);
  subject(r, actor);
  const Computer& c = population_.computers[computer];
  std::string host = c.name.substr(0, c.name.find('.'));
  r[Field::TargetUserName] = pool_.id(user);
  r[Field::TargetDomainName] = pool_.id(host);
  r[Field::TargetAccount] = pool_.id(host + "\\" + std::string(user));
  r[Field::TargetSid] = pool_.id("S-1-5-21-1004336348-1177238915-682003330-1003");
}

void EventWriter::added_to_admins(int64_t time, size_t computer, size_t actor, std::string_view user) {
  SecurityEventRow& r = start(time, computer, 4732, activity_4732_);
  subject(r, actor);
  r[Field::MemberName] = pool_.id("-");
  r[Field::TargetUserName] = administrators_;
  r[Field::TargetDomainName] = builtin_;
  r[Field::TargetAccount] = pool_.id("Builtin\\Administrators");
  r[Field::TargetSid] = pool_.id("S-1-5-32-544");
  (void)user;
}

void EventWriter::log_cleared(int64_t time, size_t computer, size_t actor) {
  SecurityEventRow& r = start(time, computer, 1102, activity_1102_);
  subject(r, actor);
  r[Field::EventSourceName] = eventlog_;
}

}  // namespace huntdb::demo
