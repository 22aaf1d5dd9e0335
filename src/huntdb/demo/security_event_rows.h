// SecurityEvent rows as the demo generates them (string fields as StringPool codes), turned into
// an engine table sorted by TimeGenerated, with the Log Analytics column names and types.
#pragma once

#include <cstdint>
#include <vector>

#include "huntdb/column/column.h"
#include "huntdb/demo/string_pool.h"

namespace huntdb::demo {

enum class Field : uint8_t {
  Computer, Account, AccountType, Activity, CommandLine, IpAddress, WorkstationName, Process, ProcessName,
  NewProcessName, NewProcessId, ParentProcessName, SubjectUserName, SubjectDomainName, SubjectUserSid,
  SubjectLogonId, TargetUserName, TargetDomainName, TargetLogonId, TargetAccount, TargetSid, MemberName,
  LogonTypeName, LogonProcessName, AuthenticationPackageName, TokenElevationType, Status, SubStatus,
  PrivilegeList, EventSourceName,
  kCount,
};

struct SecurityEventRow {
  int64_t time = 0;
  int32_t event_id = 0;
  int32_t logon_type = -1;  // -1: null (events without a logon type)
  uint32_t fields[static_cast<size_t>(Field::kCount)] = {};

  uint32_t& operator[](Field f) { return fields[static_cast<size_t>(f)]; }
};

// The table: TimeGenerated first, then the fields above, EventID, LogonType, and the constant
// columns every SecurityEvent row has (Channel, SourceSystem, Type).
TablePtr security_event_table(const std::vector<SecurityEventRow>& rows, const StringPool& pool);

}  // namespace huntdb::demo
