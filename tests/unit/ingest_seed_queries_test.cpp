// The seed hunting queries over every mapped file of ../shared/data, run unchanged: the encoded
// PowerShell hunt decodes the real payloads (DeepBlueCLI powersploit-security.evtx and the Empire
// launcher of the Security-Datasets JSON, which the data README counts as encoded PowerShell), and
// a rare-process hunt finds the regedit, PsExec and Mimikatz launches the samples recorded.
#include <algorithm>
#include <filesystem>

#include "ingest_test_util.h"

namespace huntdb::ingest::testing {
namespace {

std::vector<std::string> all_data_files() {
  std::vector<std::string> paths;
  for (const char* dir : {"evtx", "json"})
    for (const auto& e : std::filesystem::recursive_directory_iterator(data_path(dir)))
      if (e.is_regular_file()) paths.push_back(e.path().string());
  std::sort(paths.begin(), paths.end());
  return paths;
}

class IngestSeedQueries : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!have_data()) return;
    loaded_ = new Loaded(load_files(all_data_files()));
    engine_ = new Engine();
    add_tables(*engine_, *loaded_);
  }
  static void TearDownTestSuite() {
    delete engine_;
    delete loaded_;
  }
  void SetUp() override {
    if (!engine_) GTEST_SKIP() << "no ../shared/data";
  }
  static Loaded* loaded_;
  static Engine* engine_;
};

Loaded* IngestSeedQueries::loaded_ = nullptr;
Engine* IngestSeedQueries::engine_ = nullptr;

TEST_F(IngestSeedQueries, EncodedPowerShellDecodesThePayloads) {
  auto rows = query_rows(*engine_, R"(SecurityEvent
| where Process contains "powershell.exe" and CommandLine contains " -enc"
| extend b64 = extract("[A-Za-z0-9|+|=|/]{30,}", 0, CommandLine)
| extend utf8_decode = base64_decodestring(b64)
| extend decode = replace("\x00", "", utf8_decode)
| where decode contains 'Gzip' or decode contains 'IEX' or decode contains 'Invoke' or decode contains '.MemoryStream'
| summarize by TimeGenerated, Computer = toupper(Computer), Account, decode, CommandLine
| order by TimeGenerated asc)");
  ASSERT_EQ(rows.size(), 3u);
  // powersploit-security.evtx: two PowerShell Empire stagers launched by IEUser.
  EXPECT_EQ(rows[0][0], "2016-09-20T19:15:54.1289062Z");
  EXPECT_EQ(rows[0][1], "IE10WIN7");
  EXPECT_EQ(rows[0][2], "IE10WIN7\\IEUser");
  EXPECT_TRUE(rows[0][3].starts_with("[SYStEm.NET.SErvICePoiNTMANaGEr]::EXPeCT100ConTinuE = 0;$Wc=New-ObJecT "
                                     "SYSteM.NET.WeBCliENT;"))
      << rows[0][3];
  EXPECT_NE(rows[0][3].find("IEX"), std::string::npos);
  EXPECT_EQ(rows[1][0], "2016-09-20T19:19:26.9033203Z");
  EXPECT_TRUE(rows[1][3].starts_with("$Wc=New-OBJECT SyStEm.NET.WeBClIeNt;$u='Mozilla/5.0")) << rows[1][3];
  // empire_launcher_vbs (Security-Datasets JSON): the VBS launcher's PowerShell stager.
  EXPECT_EQ(rows[2][0], "2020-09-04T20:09:57.091Z");
  EXPECT_EQ(rows[2][1], "WORKSTATION5.THESHIRE.LOCAL");
  EXPECT_EQ(rows[2][2], "THESHIRE\\pgustavo");
  EXPECT_TRUE(rows[2][3].starts_with("If($PSVERSiOnTaBlE.PSVErSIOn.MajOR -gE 3){")) << rows[2][3];
  EXPECT_NE(rows[2][4].find(" -noP -sta -w 1 -enc "), std::string::npos);
}

TEST_F(IngestSeedQueries, RareProcessesIncludeRegeditPsexecAndMimikatz) {
  auto rows = query_rows(*engine_, R"(SecurityEvent
| where EventID == 4688
| summarize Executions = count(), Hosts = dcount(Computer), FirstSeen = min(TimeGenerated) by Process = tolower(Process)
| where Executions <= 2
| project Process, Executions)");
  std::map<std::string, std::string> rare;
  for (const auto& r : rows) rare[r[0]] = r[1];
  EXPECT_EQ(rare["regedit.exe"], "1");
  EXPECT_EQ(rare["psexec.exe"], "1");
  EXPECT_EQ(rare["mimikatz.exe"], "1");
  EXPECT_EQ(rare["psexesvc.exe"], "2");
  EXPECT_EQ(rare.count("cmd.exe"), 0u);  // common, not rare
  // Who ran them, and where.
  auto who = query_rows(*engine_, R"(SecurityEvent
| where EventID == 4688 and Process in~ ("regedit.exe", "psexec.exe", "mimikatz.exe")
| project Process = tolower(Process), AccountType, HasAccount = isnotempty(Account), HasComputer = isnotempty(Computer)
| order by Process asc)");
  ASSERT_EQ(who.size(), 3u);
  for (const auto& r : who) {
    EXPECT_EQ(r[1], "User") << r[0];
    EXPECT_EQ(r[2], "true") << r[0];
    EXPECT_EQ(r[3], "true") << r[0];
  }
}

TEST_F(IngestSeedQueries, EveryRecordLandsInOneTable) {
  uint64_t records = 0;
  for (const auto& r : loaded_->results) records += r.records;
  EXPECT_EQ(records, 27998u + 6 + 10 + 55);
  auto rows = query_rows(*engine_, "union SecurityEvent, Event | count");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], std::to_string(records));
  // Sysmon process creations, from EVTX and JSON alike (the manifest's Sysmon EID 1 counts).
  rows = query_rows(*engine_, "Event | where Source == 'Microsoft-Windows-Sysmon' and EventID == 1 | count");
  EXPECT_EQ(rows[0][0], std::to_string(1488 + 46 + 4 + 83));
}

}  // namespace
}  // namespace huntdb::ingest::testing
