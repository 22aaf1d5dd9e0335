#include "huntdb/demo/security_alerts.h"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "huntdb/exec/table_util.h"
#include "huntdb/types/datetime.h"

namespace huntdb::demo {

namespace {

std::string host_of(const std::string& fqdn) { return fqdn.substr(0, fqdn.find('.')); }

}  // namespace

TablePtr security_alert_table(const std::vector<StoryAlert>& story_alerts, const Calendar& cal,
                              const Population& pop, const StringPool& pool, Random& random) {
  std::vector<StoryAlert> alerts = story_alerts;
  // Ordinary noise: antimalware blocked something on a random workstation every few days.
  for (int d = 1; d < cal.days; d += 4) {
    size_t c;
    do {
      c = random.below(pop.computers.size());
    } while (pop.computers[c].server ||
             std::find(pop.powershell_victims.begin(), pop.powershell_victims.end(), c) != pop.powershell_victims.end());
    int64_t t = cal.first_day + d * kTicksPerDay + static_cast<int64_t>(8 + random.below(9)) * kTicksPerHour;
    if (t > cal.now) continue;
    alerts.push_back({t, c, pop.computers[c].users[0], "Antimalware Action Taken",
                      "Microsoft Antimalware has taken an action to protect this machine from malware.", "Low",
                      "Execution", ""});
  }
  std::sort(alerts.begin(), alerts.end(), [](const StoryAlert& a, const StoryAlert& b) { return a.time < b.time; });

  const std::pair<const char*, ScalarType> columns[] = {
      {"TimeGenerated", ScalarType::DateTime}, {"AlertName", ScalarType::String},
      {"AlertSeverity", ScalarType::String},   {"Description", ScalarType::String},
      {"ProviderName", ScalarType::String},    {"VendorName", ScalarType::String},
      {"ProductName", ScalarType::String},     {"AlertType", ScalarType::String},
      {"CompromisedEntity", ScalarType::String}, {"StartTime", ScalarType::DateTime},
      {"EndTime", ScalarType::DateTime},       {"SystemAlertId", ScalarType::String},
      {"Status", ScalarType::String},          {"Tactics", ScalarType::String},
      {"IsIncident", ScalarType::Bool},        {"Entities", ScalarType::String},
      {"ExtendedProperties", ScalarType::String}, {"Type", ScalarType::String},
  };
  TableSchema schema;
  std::vector<ColumnBuilder> b;
  for (const auto& [name, type] : columns) {
    schema.columns.push_back({name, type});
    b.emplace_back(type);
  }
  for (size_t i = 0; i < alerts.size(); ++i) {
    const StoryAlert& a = alerts[i];
    const Computer& c = pop.computers[a.computer];
    const Account& account = pop.accounts[a.account];
    nlohmann::json ext = {{"Machine Name", c.name},
                          {"Account Name", pool.at(account.account)},
                          {"Resource Type", "Virtual Machine"},
                          {"Enrichment_tas_threat__reports", "{\"Kind\":\"MultiLink\",\"DisplayValueToUrlDictionary\":{}}"}};
    if (!a.command_line.empty()) {
      ext["Suspicious Process"] = "c:\\windows\\system32\\windowspowershell\\v1.0\\powershell.exe";
      ext["Suspicious Command Line"] = a.command_line;
    }
    nlohmann::json entities = nlohmann::json::array(
        {{{"$id", "2"}, {"HostName", host_of(c.name)}, {"DnsDomain", "contoso.com"}, {"Type", "host"}},
         {{"$id", "3"}, {"Name", account.user}, {"NTDomain", kDomain}, {"Type", "account"}}});
    if (!a.command_line.empty())
      entities.push_back({{"$id", "4"}, {"CommandLine", a.command_line}, {"Type", "process"}});
    b[0].append_long(a.time);
    b[1].append_string(a.name);
    b[2].append_string(a.severity);
    b[3].append_string(a.description);
    b[4].append_string("Detection");
    b[5].append_string("Microsoft");
    b[6].append_string("Azure Security Center");
    b[7].append_string(a.command_line.empty() ? "SCUBA_RULE_Antimalware" : "SCUBA_RULE_Powershell");
    b[8].append_string(host_of(c.name));
    b[9].append_long(a.time - 2 * kTicksPerMinute);
    b[10].append_long(a.time - 2 * kTicksPerMinute);
    b[11].append_string(fmt::format("2517{:014}_{:08x}-{:04x}-4c1e-9d3a-{:012x}", a.time / kTicksPerSecond,
                                    static_cast<uint32_t>(random.next()), i, random.below(1ULL << 48)));
    b[12].append_string("New");
    b[13].append_string(a.tactic);
    b[14].append_bool(false);
    b[15].append_string(entities.dump());
    b[16].append_string(ext.dump());
    b[17].append_string("SecurityAlert");
  }
  std::vector<ColumnPtr> cols;
  for (auto& x : b) cols.push_back(x.finish());
  return exec::make_table(schema, exec::split_into_batches(std::move(cols), alerts.size()));
}

}  // namespace huntdb::demo
