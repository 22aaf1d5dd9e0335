#include "huntdb/demo/security_event_rows.h"

#include "huntdb/exec/table_util.h"

#include <algorithm>
#include <numeric>

namespace huntdb::demo {

namespace {

constexpr const char* kFieldNames[] = {
    "Computer", "Account", "AccountType", "Activity", "CommandLine", "IpAddress", "WorkstationName", "Process",
    "ProcessName", "NewProcessName", "NewProcessId", "ParentProcessName", "SubjectUserName", "SubjectDomainName",
    "SubjectUserSid", "SubjectLogonId", "TargetUserName", "TargetDomainName", "TargetLogonId", "TargetAccount",
    "TargetSid", "MemberName", "LogonTypeName", "LogonProcessName", "AuthenticationPackageName",
    "TokenElevationType", "Status", "SubStatus", "PrivilegeList", "EventSourceName",
};
static_assert(std::size(kFieldNames) == static_cast<size_t>(Field::kCount));

}  // namespace

TablePtr security_event_table(const std::vector<SecurityEventRow>& rows, const StringPool& pool) {
  size_t n = rows.size();
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return rows[a].time < rows[b].time; });

  TableSchema schema;
  std::vector<ColumnPtr> columns;
  auto add = [&](const char* name, ScalarType type, ColumnPtr c) {
    schema.columns.push_back({name, type});
    columns.push_back(std::move(c));
  };
  std::vector<int64_t> times(n);
  for (size_t i = 0; i < n; ++i) times[i] = rows[order[i]].time;
  add("TimeGenerated", ScalarType::DateTime, Column::make_longs(ScalarType::DateTime, std::move(times)));
  std::vector<uint32_t> codes(n);
  for (size_t f = 0; f < static_cast<size_t>(Field::kCount); ++f) {
    for (size_t i = 0; i < n; ++i) codes[i] = rows[i].fields[f];
    add(kFieldNames[f], ScalarType::String, pool.column(codes, &order));
  }
  std::vector<int32_t> event_ids(n), logon_types(n);
  Validity logon_valid;
  for (size_t i = 0; i < n; ++i) {
    const auto& r = rows[order[i]];
    event_ids[i] = r.event_id;
    logon_types[i] = r.logon_type < 0 ? 0 : r.logon_type;
    if (r.logon_type < 0) logon_valid.set(i, false);
  }
  add("EventID", ScalarType::Int, Column::make_ints(std::move(event_ids)));
  add("LogonType", ScalarType::Int, Column::make_ints(std::move(logon_types), std::move(logon_valid)));
  add("Channel", ScalarType::String, Column::make_constant(Value::of_string("Security"), n));
  add("SourceSystem", ScalarType::String, Column::make_constant(Value::of_string("OpsManager"), n));
  add("Type", ScalarType::String, Column::make_constant(Value::of_string("SecurityEvent"), n));

  return exec::make_table(schema, exec::split_into_batches(std::move(columns), n));
}

}  // namespace huntdb::demo
