#include "huntdb/ingest/sysmon_schema.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace huntdb::ingest {

namespace {

using F = std::string_view;

constexpr F kProcessCreate[] = {"RuleName",         "UtcTime",          "ProcessGuid",       "ProcessId",
                                "Image",            "FileVersion",      "Description",       "Product",
                                "Company",          "OriginalFileName", "CommandLine",       "CurrentDirectory",
                                "User",             "LogonGuid",        "LogonId",           "TerminalSessionId",
                                "IntegrityLevel",   "Hashes",           "ParentProcessGuid", "ParentProcessId",
                                "ParentImage",      "ParentCommandLine", "ParentUser"};
constexpr F kFileCreateTime[] = {"RuleName", "UtcTime",         "ProcessGuid",             "ProcessId", "Image",
                                 "TargetFilename", "CreationUtcTime", "PreviousCreationUtcTime", "User"};
constexpr F kNetworkConnect[] = {"RuleName",          "UtcTime",         "ProcessGuid",    "ProcessId",
                                 "Image",             "User",            "Protocol",       "Initiated",
                                 "SourceIsIpv6",      "SourceIp",        "SourceHostname", "SourcePort",
                                 "SourcePortName",    "DestinationIsIpv6", "DestinationIp", "DestinationHostname",
                                 "DestinationPort",   "DestinationPortName"};
constexpr F kProcessTerminate[] = {"RuleName", "UtcTime", "ProcessGuid", "ProcessId", "Image", "User"};
constexpr F kDriverLoad[] = {"RuleName", "UtcTime", "ImageLoaded", "Hashes", "Signed", "Signature", "SignatureStatus"};
constexpr F kImageLoad[] = {"RuleName", "UtcTime",  "ProcessGuid",      "ProcessId", "Image",     "ImageLoaded",
                            "FileVersion", "Description", "Product", "Company", "OriginalFileName", "Hashes",
                            "Signed",   "Signature", "SignatureStatus", "User"};
constexpr F kCreateRemoteThread[] = {"RuleName",        "UtcTime",     "SourceProcessGuid", "SourceProcessId",
                                     "SourceImage",     "TargetProcessGuid", "TargetProcessId", "TargetImage",
                                     "NewThreadId",     "StartAddress", "StartModule",      "StartFunction",
                                     "SourceUser",      "TargetUser"};
constexpr F kRawAccessRead[] = {"RuleName", "UtcTime", "ProcessGuid", "ProcessId", "Image", "Device", "User"};
constexpr F kProcessAccess[] = {"RuleName",        "UtcTime",         "SourceProcessGUID", "SourceProcessId",
                                "SourceThreadId",  "SourceImage",     "TargetProcessGUID", "TargetProcessId",
                                "TargetImage",     "GrantedAccess",   "CallTrace",         "SourceUser",
                                "TargetUser"};
constexpr F kFileCreate[] = {"RuleName", "UtcTime", "ProcessGuid", "ProcessId", "Image", "TargetFilename",
                             "CreationUtcTime", "User"};
constexpr F kRegistryKey[] = {"RuleName", "EventType", "UtcTime", "ProcessGuid", "ProcessId", "Image",
                              "TargetObject", "User"};
constexpr F kRegistryValue[] = {"RuleName", "EventType", "UtcTime", "ProcessGuid", "ProcessId", "Image",
                                "TargetObject", "Details", "User"};
constexpr F kRegistryRename[] = {"RuleName", "EventType", "UtcTime", "ProcessGuid", "ProcessId", "Image",
                                 "TargetObject", "NewName", "User"};
constexpr F kFileStream[] = {"RuleName", "UtcTime", "ProcessGuid", "ProcessId", "Image", "TargetFilename",
                             "CreationUtcTime", "Hash", "Contents", "User"};
constexpr F kPipe[] = {"RuleName", "EventType", "UtcTime", "ProcessGuid", "ProcessId", "PipeName", "Image", "User"};
constexpr F kDns[] = {"RuleName", "UtcTime", "ProcessGuid", "ProcessId", "QueryName", "QueryStatus",
                      "QueryResults", "Image", "User"};
constexpr F kFileDelete[] = {"RuleName", "UtcTime", "ProcessGuid", "ProcessId", "User", "Image", "TargetFilename",
                             "Hashes", "IsExecutable", "Archived"};

}  // namespace

std::span<const std::string_view> sysmon_field_order(uint32_t id) {
  switch (id) {
    case 1: return kProcessCreate;
    case 2: return kFileCreateTime;
    case 3: return kNetworkConnect;
    case 5: return kProcessTerminate;
    case 6: return kDriverLoad;
    case 7: return kImageLoad;
    case 8: return kCreateRemoteThread;
    case 9: return kRawAccessRead;
    case 10: return kProcessAccess;
    case 11: return kFileCreate;
    case 12: return kRegistryKey;
    case 13: return kRegistryValue;
    case 14: return kRegistryRename;
    case 15: return kFileStream;
    case 17:
    case 18: return kPipe;
    case 22: return kDns;
    case 23:
    case 26: return kFileDelete;
    default: return {};
  }
}

void order_sysmon_fields(WindowsEvent& e) {
  if (!e.event_id) return;
  auto order = sysmon_field_order(*e.event_id);
  if (order.empty() || e.data.size() < 2) return;
  // Each field's rank found once (not once per comparison), then a stable sort on the ranks: the
  // fields usually arrive nearly in order, and a record has a few dozen at most.
  thread_local std::vector<std::pair<size_t, EventField>> ranked;
  ranked.clear();
  bool sorted = true;
  for (const auto& f : e.data) {
    size_t r = order.size();
    for (size_t i = 0; i < order.size(); ++i)
      if (order[i] == f.name) {
        r = i;
        break;
      }
    if (!ranked.empty() && r < ranked.back().first) sorted = false;
    ranked.emplace_back(r, f);
  }
  if (sorted) return;
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (size_t i = 0; i < ranked.size(); ++i) e.data[i] = ranked[i].second;
}

}  // namespace huntdb::ingest
