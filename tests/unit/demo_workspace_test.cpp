// The demo workspace answers the product's central hunts with the story it plants (demo.h):
// the rare-process hunt (activity_counts_metrics joined with activity_engagement) finds the
// attacker's tools on the day they first ran, its Ratio == 100 variant finds regedit on its one
// day, and the encoded-PowerShell hunt decodes every malicious payload and joins it with its
// alert.
#include <gtest/gtest.h>

#include <set>

#include "huntdb/demo/demo.h"
#include "huntdb/engine.h"
#include "huntdb/types/datetime.h"
#include "huntdb/types/format.h"

namespace huntdb {
namespace {

// The published rare-process query with its syntax slips mended; `ratio` is the final filter.
std::string rare_process_query(const std::string& ratio) {
  return R"(let T = SecurityEvent
| where TimeGenerated >= ago(30d)
| extend Date = startofday(TimeGenerated)
| extend Process = ProcessName
| where Process != "" and Process != "-"
| where Process !contains "\\Windows\\System" and Process !contains "\\Program Files\\Microsoft\\"
| where Process !contains "\\ProgramData\\" and Process !contains "\\Windows\\WinSxS\\"
| project Date, Process, Computer, Account
| summarize count() by Date, Process, Computer, Account
| sort by count_ desc nulls last;
T
| evaluate activity_counts_metrics(Process, Date, startofday(ago(30d)), startofday(now()), 1d, Process, Computer, Account)
| extend WeekDate = startofweek(Date)
| project WeekDate, Date, Process, PotentialAnomalyCount = new_dcount, Account, Computer
| join kind=inner (
    T
    | evaluate activity_engagement(Process, Date, startofday(ago(30d)), startofday(now()), 1d, 7d)
    | extend WeekDate = startofweek(Date)
    | project WeekDate, Date, Distribution1day = dcount_activities_inner, Distribution7days = dcount_activities_outer, Ratio = activity_ratio*100
  ) on WeekDate, Date
| where PotentialAnomalyCount == 1 and )" +
         ratio + R"(
| project WeekDate, Date, Process, Account, Computer, PotentialAnomalyCount, Distribution1day, Distribution7days, Ratio
| render barchart kind=stacked)";
}

constexpr const char* kEncodedPowerShell = R"(SecurityEvent
| where TimeGenerated >= ago(30d)
| where Process contains "powershell.exe" and CommandLine contains " -enc"
| extend b64 = extract("[A-Za-z0-9|+|=|/]{30,}", 0, CommandLine)
| extend utf8_decode = base64_decodestring(b64)
| extend decode = replace("\x00", "", utf8_decode)
| where decode contains 'Gzip' or decode contains 'IEX' or decode contains 'Invoke' or decode contains '.MemoryStream'
| summarize by TimeGenerated, Computer = toupper(Computer), Account, decode, CommandLine
| join kind=inner (
    SecurityAlert | where TimeGenerated >= ago(30d)
    | extend ExtProps = parsejson(ExtendedProperties)
    | extend Computer = toupper(tostring(ExtProps["Machine Name"]))
    | project Computer, AlertName, Description
  ) on Computer)";

class DemoWorkspace : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    demo::DemoOptions o;
    o.rows = 200'000;
    o.seed = 7;
    o.now = *parse_datetime("2026-11-20T15:30:00Z");
    data_ = new demo::DemoData(demo::generate_demo(o));
    engine_ = new Engine();
    for (const auto& [name, table] : data_->tables) engine_->add_table(name, table);
    options_.now = o.now;
  }
  static void TearDownTestSuite() {
    delete engine_;
    delete data_;
  }

  // Rows of the result as maps from column name to tostring() text.
  static std::vector<std::map<std::string, std::string>> run(const std::string& query) {
    QueryResult r = engine_->run(query, options_);
    EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors[0].message);
    std::vector<std::map<std::string, std::string>> rows;
    if (!r.ok()) return rows;
    const Table& t = *r.tables.back().table;
    for (const auto& b : t.batches)
      for (size_t i = 0; i < b.rows; ++i) {
        std::map<std::string, std::string> row;
        for (size_t c = 0; c < b.columns.size(); ++c) row[t.schema.columns[c].name] = format_value(b.columns[c]->value_at(i));
        rows.push_back(std::move(row));
      }
    return rows;
  }
  static std::string day_of(int64_t ticks) { return format_value(Value::of_datetime(ticks - ticks % kTicksPerDay)); }

  static demo::DemoData* data_;
  static Engine* engine_;
  static RunOptions options_;
};
demo::DemoData* DemoWorkspace::data_ = nullptr;
Engine* DemoWorkspace::engine_ = nullptr;
RunOptions DemoWorkspace::options_;

TEST_F(DemoWorkspace, HasTheAdvertisedShape) {
  auto summary = run("SecurityEvent | summarize rows = count(), computers = dcount(Computer), accounts = dcount(Account), "
                     "earliest = min(TimeGenerated), latest = max(TimeGenerated), ids = make_set(EventID)");
  ASSERT_EQ(summary.size(), 1u);
  EXPECT_GE(std::stoll(summary[0]["rows"]), 200'000);
  EXPECT_GE(std::stoll(summary[0]["computers"]), 50);
  EXPECT_GE(std::stoll(summary[0]["accounts"]), 500);
  EXPECT_LE(summary[0]["latest"], "2026-11-20T15:30:00Z");
  EXPECT_GE(summary[0]["earliest"], "2026-10-22T00:00:00Z");
  for (const char* id : {"4624", "4625", "4634", "4672", "4688", "4720", "4732", "1102"})
    EXPECT_NE(summary[0]["ids"].find(id), std::string::npos) << id;
  // Office hours: workstations are busier at 10:00 than at 03:00, and on weekdays than at weekends.
  auto hours = run("SecurityEvent | where Computer startswith 'WS-' | summarize n = count() by h = hourofday(TimeGenerated) | where h in (3, 10) | order by h asc");
  ASSERT_EQ(hours.size(), 2u);
  EXPECT_GT(std::stoll(hours[1]["n"]), 3 * std::stoll(hours[0]["n"]));
}

TEST_F(DemoWorkspace, RareProcessHuntFindsTheAttackersToolsOnTheirDay) {
  // Planted after the first day (where everything is new) and outside the folders the hunt
  // leaves out: regedit on day one, portping and Procmon on day two.
  auto rows = run(rare_process_query("Ratio < 100"));
  std::set<std::pair<std::string, std::string>> found;
  for (auto& r : rows) found.insert({r["Process"], r["Date"]});
  int64_t second_day = 0;
  for (const auto& p : data_->processes)
    if (p.process.find("portping") != std::string::npos) second_day = p.time;
  ASSERT_NE(second_day, 0);
  std::set<std::pair<std::string, std::string>> expected;
  for (const auto& p : data_->processes)
    if (p.time / kTicksPerDay == second_day / kTicksPerDay && p.process.find("\\Windows\\System") == std::string::npos)
      expected.insert({p.process, day_of(p.time)});
  EXPECT_EQ(expected.size(), 2u);
  EXPECT_EQ(found, expected);
  for (auto& r : rows) {
    EXPECT_EQ(r["Computer"], data_->attacked_server);
    EXPECT_EQ(r["Account"], "CONTOSO\\adm-mwilson");
  }
}

TEST_F(DemoWorkspace, RatioOneHundredVariantFindsTheOneDayProcess) {
  // On the day regedit ran, every process of the last seven days also ran that day, so the
  // day's engagement ratio is 100; the first day of the range is the same by definition (all is
  // new), so the check looks after it.
  auto rows = run(rare_process_query("Ratio == 100"));
  std::set<std::string> after_first_day;
  for (auto& r : rows)
    if (r["Date"] > "2026-10-22T00:00:00Z") after_first_day.insert(r["Process"]);
  EXPECT_EQ(after_first_day, (std::set<std::string>{"C:\\Windows\\regedit.exe"}));
}

TEST_F(DemoWorkspace, EncodedPowerShellHuntDecodesEveryPayloadAndJoinsItsAlert) {
  auto rows = run(kEncodedPowerShell);
  ASSERT_FALSE(data_->payloads.empty());
  for (const auto& p : data_->payloads) {
    bool seen = false;
    for (auto& r : rows) {
      if (r["CommandLine"] != p.command_line) continue;
      seen = true;
      EXPECT_EQ(r["decode"], p.decoded);
      EXPECT_FALSE(r["AlertName"].empty());
    }
    EXPECT_TRUE(seen) << p.command_line;
  }
  // The servers' daily encoded inventory scripts decode to nothing suspicious and stay out.
  for (auto& r : rows) EXPECT_EQ(r["Computer"].rfind("WS-", 0), 0u) << r["Computer"];
}

TEST_F(DemoWorkspace, SameSeedSameRows) {
  demo::DemoOptions o;
  o.rows = 20'000;
  o.seed = 3;
  o.now = *parse_datetime("2026-11-20T15:30:00Z");
  auto a = demo::generate_demo(o), b = demo::generate_demo(o);
  const Table& ta = *a.tables[0].second;
  const Table& tb = *b.tables[0].second;
  ASSERT_EQ(ta.row_count(), tb.row_count());
  for (size_t c = 0; c < ta.schema.columns.size(); ++c)
    for (size_t i = 0; i < ta.batches[0].rows; i += 97)
      EXPECT_EQ(format_value(ta.batches[0].columns[c]->value_at(i)), format_value(tb.batches[0].columns[c]->value_at(i)));
}

}  // namespace
}  // namespace huntdb
