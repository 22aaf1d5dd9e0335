// JSON lines and CSV in the layouts Windows events are shipped in (json_layouts.h): the two
// Security-Datasets (Mordor) layouts of ../shared/data/json (README "JSON (Mordor) format notes"),
// Winlogbeat's nesting, and Log Analytics' own JSON and CSV exports; all land in the same
// SecurityEvent / Event columns as EVTX records do.
#include "ingest_test_util.h"

#include "huntdb/ingest/json_layouts.h"
#include "huntdb/ingest/la_csv.h"
#include "huntdb/types/datetime.h"

namespace huntdb::ingest::testing {
namespace {

TEST(IngestJsonLayouts, NxlogLayoutProcessCreation) {
  if (!have_data()) GTEST_SKIP();
  auto l = load_files({data_path("json/empire_launcher_vbs_2020-09-04160940.json")});
  Engine e;
  add_tables(e, l);
  auto row = single_row(e, "SecurityEvent | where EventID == 4688 and Process == 'powershell.exe'");
  EXPECT_EQ(row["TimeGenerated"], "2020-09-04T20:09:57.091Z");  // @timestamp, UTC
  EXPECT_EQ(row["Computer"], "WORKSTATION5.theshire.local");
  EXPECT_EQ(row["Activity"], "4688 - A new process has been created.");
  EXPECT_EQ(row["Account"], "THESHIRE\\pgustavo");
  EXPECT_EQ(row["AccountType"], "User");
  EXPECT_EQ(row["NewProcessName"], "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe");
  EXPECT_EQ(row["ParentProcessName"], "C:\\Windows\\System32\\wscript.exe");
  EXPECT_EQ(row["EventSourceName"], "Microsoft-Windows-Security-Auditing");
  // NXLog writes Keywords as a signed 64-bit number; the audit-success bit still gives Level 8.
  EXPECT_EQ(row["Keywords"], "0x8020000000000000");
  EXPECT_EQ(row["Level"], "8");
  EXPECT_EQ(row["EventRecordId"], "66981");  // NXLog's RecordNumber
  EXPECT_EQ(row["SystemProcessId"], "4");     // NXLog's ExecutionProcessID
  EXPECT_EQ(row["Task"], "13312");
  EXPECT_EQ(row["Version"], "2");
  EXPECT_EQ(row["TargetAccount"], "-\\-");
  EXPECT_TRUE(row["CommandLine"].find(" -noP -sta -w 1 -enc ") != std::string::npos) << row["CommandLine"];
  // NXLog's own fields are not EventData.
  EXPECT_EQ(row["EventData"].find("SourceModuleType"), std::string::npos) << row["EventData"];
  EXPECT_NE(row["EventData"].find("<Data Name=\"CommandLine\">"), std::string::npos) << row["EventData"];
}

TEST(IngestJsonLayouts, LowerCaseSecurityChannelIsSecurity) {
  if (!have_data()) GTEST_SKIP();
  auto l = load_files({data_path("json/empire_shell_reg_dump_sam_2020-09-22042823.json")});
  Engine e;
  add_tables(e, l);
  auto row = single_row(e, "SecurityEvent | where EventID == 4688");
  EXPECT_EQ(row["Channel"], "security");
  EXPECT_EQ(row["Process"], "reg.exe");
  EXPECT_EQ(row["CommandLine"], "\"C:\\windows\\system32\\reg.exe\" save HKLM\\sam sam");
  auto rows = query_rows(e, "Event | where EventLog =~ 'security' | count");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], "0");
}

TEST(IngestJsonLayouts, LaterLayoutSysmon) {
  if (!have_data()) GTEST_SKIP();
  auto l = load_files({data_path("json/aptsimulator_cobaltstrike_2021-06-11T21081492.json")});
  Engine e;
  add_tables(e, l);
  auto row = single_row(e, R"(Event
| where EventID == 1
| extend Data = parse_xml(EventData).DataItem.EventData.Data
| extend Image = tostring(Data[4]["#text"]), CommandLine = tostring(Data[10]["#text"])
| where Image endswith "PING.EXE" and TimeGenerated == datetime(2021-06-11T09:07:15.635Z)
| project-away EventData, Data)");
  EXPECT_EQ(row["Computer"], "WORKSTATION5");
  EXPECT_EQ(row["Source"], "Microsoft-Windows-Sysmon");
  EXPECT_EQ(row["EventLog"], "Microsoft-Windows-Sysmon/Operational");
  EXPECT_EQ(row["EventLevelName"], "Information");
  EXPECT_EQ(row["EventCategory"], "1");
  EXPECT_TRUE(row["CommandLine"].starts_with("ping  -n 3 127.0.0.1")) << row["CommandLine"];
  EXPECT_TRUE(row["RenderedDescription"].starts_with("Process Create:\r\nRuleName: -\r\nUtcTime: 2021-06-12 01:07:15.633"));
}

TEST(IngestJsonLayouts, SpaceSeparatedTimeCreatedIsUtc) {
  if (!have_data()) GTEST_SKIP();
  auto l = load_files({data_path("json/psh_lsass_memory_dump_comsvcs_2020-10-18T19500924.json")});
  Engine e;
  add_tables(e, l);
  auto rows = query_rows(e, "union SecurityEvent, Event | summarize min(TimeGenerated), max(TimeGenerated)");
  ASSERT_EQ(rows.size(), 1u);
  // The manifest's time range of this file (UTC).
  EXPECT_TRUE(rows[0][0].starts_with("2020-10-18T07:49:39")) << rows[0][0];
  EXPECT_TRUE(rows[0][1].starts_with("2020-10-18T07:50:09")) << rows[0][1];
}

TEST(IngestJsonLayouts, Winlogbeat) {
  std::string line = R"({"@timestamp":"2019-05-03T15:21:47.123Z","host":{"name":"ws01.contoso.local"},)"
                     R"("event":{"code":4688,"provider":"Microsoft-Windows-Security-Auditing"},)"
                     R"("message":"A new process has been created.\n\nCreator Subject: ...",)"
                     R"("winlog":{"channel":"Security","event_id":4688,"provider_name":"Microsoft-Windows-Security-Auditing",)"
                     R"("computer_name":"WS01.contoso.local","record_id":91234,"keywords":["Audit Success"],)"
                     R"("process":{"pid":4,"thread":{"id":7412}},"task":"Process Creation","opcode":"Info",)"
                     R"("event_data":{"SubjectUserSid":"S-1-5-21-1-2-3-1104","SubjectUserName":"alice",)"
                     R"("SubjectDomainName":"CONTOSO","SubjectLogonId":"0x3e1a7","NewProcessId":"0x1a2c",)"
                     R"("NewProcessName":"C:\\Windows\\System32\\regedit.exe","TokenElevationType":"%%1937",)"
                     R"("ProcessId":"0x1f40","CommandLine":"regedit.exe /s evil.reg","TargetUserSid":"S-1-0-0",)"
                     R"("TargetUserName":"-","TargetDomainName":"-","TargetLogonId":"0x0",)"
                     R"("ParentProcessName":"C:\\Windows\\explorer.exe","MandatoryLabel":"S-1-16-12288"}}})";
  std::string sysmon = R"({"@timestamp":"2019-05-03T15:22:00Z","winlog":{"channel":"Microsoft-Windows-Sysmon/Operational",)"
                       R"("event_id":"1","provider_name":"Microsoft-Windows-Sysmon","computer_name":"WS01",)"
                       R"("user":{"identifier":"S-1-5-18","domain":"NT AUTHORITY","name":"SYSTEM"},)"
                       R"("event_data":{"RuleName":"-","Image":"C:\\Tools\\PsExec.exe","CommandLine":"psexec \\\\dc01 cmd"}},)"
                       R"("log":{"level":"information"}})";
  auto path = write_temp("winlogbeat.jsonl", line + "\n" + sysmon + "\n");
  auto l = load_files({path});
  EXPECT_EQ(l.results[0].records, 2u);
  EXPECT_TRUE(l.quarantine.empty());
  Engine e;
  add_tables(e, l);
  auto row = single_row(e, "SecurityEvent");
  EXPECT_EQ(row["TimeGenerated"], "2019-05-03T15:21:47.123Z");
  EXPECT_EQ(row["Computer"], "WS01.contoso.local");
  EXPECT_EQ(row["EventID"], "4688");
  EXPECT_EQ(row["Activity"], "4688 - A new process has been created.");
  EXPECT_EQ(row["Account"], "CONTOSO\\alice");
  EXPECT_EQ(row["Process"], "regedit.exe");
  EXPECT_EQ(row["ParentProcessName"], "C:\\Windows\\explorer.exe");
  EXPECT_EQ(row["CommandLine"], "regedit.exe /s evil.reg");
  EXPECT_EQ(row["Level"], "8");
  EXPECT_EQ(row["EventRecordId"], "91234");
  EXPECT_EQ(row["SystemThreadId"], "7412");
  auto event = single_row(e, "Event");
  EXPECT_EQ(event["Source"], "Microsoft-Windows-Sysmon");
  EXPECT_EQ(event["EventID"], "1");
  EXPECT_EQ(event["Computer"], "WS01");
  EXPECT_EQ(event["UserName"], "NT AUTHORITY\\SYSTEM");
  EXPECT_EQ(event["EventLevelName"], "Information");
  EXPECT_EQ(event["RenderedDescription"],
            "Process Create:\r\nRuleName: -\r\nImage: C:\\Tools\\PsExec.exe\r\nCommandLine: psexec \\\\dc01 cmd");
}

TEST(IngestJsonLayouts, LogAnalyticsJsonExport) {
  std::string rows =
      R"({"TenantId":"t","SourceSystem":"OpsManager","TimeGenerated":"2023-02-01T10:00:00.123Z","Account":"CONTOSO\\bob",)"
      R"("AccountType":"User","Computer":"srv1.contoso.com","EventSourceName":"Microsoft-Windows-Security-Auditing",)"
      R"("Channel":"Security","Task":13312,"Level":"8","EventID":4688,"Activity":"4688 - A new process has been created.",)"
      R"("CommandLine":"mimikatz.exe privilege::debug","NewProcessName":"C:\\Temp\\mimikatz.exe","Process":"mimikatz.exe",)"
      R"("LogonType":null,"Type":"SecurityEvent"})"
      "\n"
      R"({"TimeGenerated":"2023-02-01T10:00:01Z","Source":"Service Control Manager","EventLog":"System","Computer":"srv1",)"
      R"("EventLevel":4,"EventLevelName":"Information","EventID":7045,"RenderedDescription":"A service was installed",)"
      R"("UserName":"N/A","Type":"Event"})"
      "\n";
  auto path = write_temp("la_export.json", rows);
  auto l = load_files({path});
  EXPECT_EQ(l.results[0].records, 2u);
  Engine e;
  add_tables(e, l);
  auto row = single_row(e, "SecurityEvent | project TimeGenerated, Account, EventID, Task, Process, LogonType, Type");
  EXPECT_EQ(row["TimeGenerated"], "2023-02-01T10:00:00.123Z");
  EXPECT_EQ(row["Account"], "CONTOSO\\bob");
  EXPECT_EQ(row["EventID"], "4688");
  EXPECT_EQ(row["Task"], "13312");
  EXPECT_EQ(row["Process"], "mimikatz.exe");
  EXPECT_EQ(row["LogonType"], "");
  EXPECT_EQ(row["Type"], "SecurityEvent");
  auto event = single_row(e, "Event | project Source, EventID, EventLevel, RenderedDescription");
  EXPECT_EQ(event["Source"], "Service Control Manager");
  EXPECT_EQ(event["EventID"], "7045");
  EXPECT_EQ(event["EventLevel"], "4");
}

TEST(IngestJsonLayouts, LogAnalyticsWindowsEventExportKeepsTheBag) {
  std::string row = R"({"TimeGenerated":"2023-02-01T10:00:00Z","Provider":"Microsoft-Windows-Sysmon","Channel":)"
                    R"("Microsoft-Windows-Sysmon/Operational","Computer":"ws1","EventID":1,"EventLevel":4,)"
                    R"("EventData":{"Image":"C:\\Tools\\mimikatz.exe","CommandLine":"mimikatz.exe","ProcessId":"42"},)"
                    R"("Type":"WindowsEvent"})";
  auto l = load_files({write_temp("la_windows_event.json", row + "\n")});
  EXPECT_EQ(l.results[0].records, 1u);
  Engine e;
  add_tables(e, l);
  auto r = single_row(e, "WindowsEvent | project Image = tostring(EventData.Image), Pid = tostring(EventData.ProcessId), "
                         "EventID, Provider");
  EXPECT_EQ(r["Image"], "C:\\Tools\\mimikatz.exe");
  EXPECT_EQ(r["Pid"], "42");
  EXPECT_EQ(r["EventID"], "1");
  EXPECT_EQ(r["Provider"], "Microsoft-Windows-Sysmon");
}

TEST(IngestJsonLayouts, LogAnalyticsCsvExport) {
  std::string csv =
      "TenantId,SourceSystem,\"TimeGenerated [UTC]\",Account,AccountType,Computer,EventSourceName,Channel,Task,Level,"
      "EventData,EventID,Activity,CommandLine,Process,Type\n"
      "t,OpsManager,\"2/1/2023, 10:00:00.123 AM\",CONTOSO\\bob,User,srv1,Microsoft-Windows-Security-Auditing,Security,"
      "13312,8,,4688,4688 - A new process has been created.,\"psexec.exe \\\\dc01 -s cmd, /c whoami\",psexec.exe,"
      "SecurityEvent\n"
      "t,OpsManager,2023-02-01T10:05:00Z,CONTOSO\\WS1$,Machine,srv1,Microsoft-Windows-Security-Auditing,Security,12544,8,,"
      "4624,4624 - An account was successfully logged on.,,-,SecurityEvent\n";
  auto path = write_temp("la_export.csv", csv);
  auto l = load_files({path});
  EXPECT_EQ(l.results[0].format, LogFormat::Csv);
  EXPECT_EQ(l.results[0].records, 2u);
  for (auto& q : l.quarantine.records()) ADD_FAILURE() << format_quarantined(q);
  Engine e;
  add_tables(e, l);
  auto rows = query_rows(e, "SecurityEvent | order by EventID desc | project TimeGenerated, EventID, Account, AccountType, CommandLine");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"2023-02-01T10:00:00.123Z", "4688", "CONTOSO\\bob", "User",
                                               "psexec.exe \\\\dc01 -s cmd, /c whoami"}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{"2023-02-01T10:05:00Z", "4624", "CONTOSO\\WS1$", "Machine", ""}));
}

TEST(IngestJsonLayouts, SysmonFieldsBackInManifestOrder) {
  // NXLog's objects list fields in no particular order; hunting queries read Sysmon data by
  // position, so the mapped EventData follows Sysmon's manifest order.
  std::string line = R"({"EventID":1,"SourceName":"Microsoft-Windows-Sysmon","Channel":"Microsoft-Windows-Sysmon/Operational",)"
                     R"("Hostname":"ws1","SourceModuleType":"im_msvistalog","CommandLine":"cmd.exe /c whoami",)"
                     R"("ParentImage":"C:\\Windows\\explorer.exe","Image":"C:\\Windows\\System32\\cmd.exe","UtcTime":"2020-09-22 08:28:40.000",)"
                     R"("RuleName":"-","ProcessGuid":"{1}","ProcessId":"42","FileVersion":"10","Description":"d","Product":"p",)"
                     R"("Company":"c","OriginalFileName":"Cmd.Exe","Extra":"x"})";
  auto l = load_files({write_temp("sysmon_order.jsonl", line + "\n")});
  Engine e;
  add_tables(e, l);
  auto row = single_row(e, R"(Event
| extend D = parse_xml(EventData).DataItem.EventData.Data
| project Image = tostring(D[4]["#text"]), CommandLine = tostring(D[10]["#text"]), Last = tostring(D[12]["@Name"]))");
  EXPECT_EQ(row["Image"], "C:\\Windows\\System32\\cmd.exe");
  EXPECT_EQ(row["CommandLine"], "cmd.exe /c whoami");
  EXPECT_EQ(row["Last"], "Extra");  // fields the manifest does not name come last
}

TEST(IngestJsonLayouts, LayoutDetectionAndHeaders) {
  EXPECT_EQ(la_column_name("TimeGenerated [UTC]"), "TimeGenerated");
  EXPECT_EQ(la_column_name("TimeGenerated [Local Time]"), "TimeGenerated");
  EXPECT_EQ(la_column_name("Computer"), "Computer");
  EXPECT_EQ(parse_portal_datetime("2/1/2023, 10:00:00.123 AM"), parse_datetime("2023-02-01T10:00:00.123Z"));
  EXPECT_EQ(parse_portal_datetime("12/31/2022, 12:05:09 AM"), parse_datetime("2022-12-31T00:05:09Z"));
  EXPECT_EQ(parse_portal_datetime("12/31/2022, 12:05:09 PM"), parse_datetime("2022-12-31T12:05:09Z"));
  EXPECT_EQ(parse_portal_datetime("2/30/2023, 10:00:00 AM"), std::nullopt);
  EXPECT_EQ(parse_portal_datetime("2023-02-01"), std::nullopt);
  FlatRecord r;
  r.fields = {{"EventID", "4688"}, {"Channel", "Security"}};
  EXPECT_EQ(detect_layout(r), RecordLayout::SecurityDatasets);
  r.fields = {{"winlog.event_id", "4688"}};
  EXPECT_EQ(detect_layout(r), RecordLayout::Winlogbeat);
  r.fields = {{"TimeGenerated [UTC]", "x"}, {"EventID", "4688"}};
  EXPECT_EQ(detect_layout(r), RecordLayout::LogAnalytics);
  r.fields = {{"name", "x"}};
  EXPECT_EQ(detect_layout(r), RecordLayout::Unknown);
}

}  // namespace
}  // namespace huntdb::ingest::testing
