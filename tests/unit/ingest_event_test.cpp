// Events of other channels mapped to Event (the Log Analytics agent's table: Source, EventLog,
// EventLevelName, UserName, RenderedDescription, EventData as <DataItem> XML, ParameterXml) and to
// WindowsEvent (the Azure Monitor Agent's: EventData as a property bag). The Sysmon checks run
// the shapes real hunting queries use (../shared/corpus/hunting-queries.jsonl):
// parse_xml(EventData).DataItem.EventData.Data[4]["#text"] is Image, [10] CommandLine.
#include "ingest_test_util.h"

#include "huntdb/ingest/event_mapping.h"

namespace huntdb::ingest::testing {
namespace {

TEST(IngestEvent, SysmonProcessCreate) {
  if (!have_data()) GTEST_SKIP();
  auto l = load_files({data_path("evtx/DeepBlueCLI/sliver-sysmon.evtx")});
  Engine e;
  add_tables(e, l);
  auto row = single_row(e, "Event | where EventID == 1 | where RenderedDescription has 'cl security'");
  EXPECT_EQ(row["TimeGenerated"], "2023-05-18T18:28:20.1738829Z");
  EXPECT_EQ(row["Computer"], "VALKYRIE.galactica.cc");
  EXPECT_EQ(row["Source"], "Microsoft-Windows-Sysmon");
  EXPECT_EQ(row["EventLog"], "Microsoft-Windows-Sysmon/Operational");
  EXPECT_EQ(row["EventLevel"], "4");
  EXPECT_EQ(row["EventLevelName"], "Information");
  EXPECT_EQ(row["EventCategory"], "1");
  EXPECT_EQ(row["UserName"], "NT AUTHORITY\\SYSTEM");
  EXPECT_EQ(row["Type"], "Event");
  EXPECT_TRUE(row["RenderedDescription"].starts_with(
      "Process Create:\r\nRuleName: -\r\nUtcTime: 2023-05-18 18:28:20.172\r\nProcessGuid: "
      "{0FD50764-6E44-6466-0A18-000000001700}\r\nProcessId: 11748\r\nImage: C:\\Windows\\System32\\wevtutil.exe\r\n"))
      << row["RenderedDescription"];
  EXPECT_TRUE(row["EventData"].starts_with(
      "<DataItem type=\"System.XmlData\" time=\"2023-05-18T18:28:20.1738829Z\" "
      "sourceHealthServiceId=\"00000000-0000-0000-0000-000000000000\"><EventData "
      "xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><Data Name=\"RuleName\">-</Data>"))
      << row["EventData"];
  EXPECT_TRUE(row["ParameterXml"].starts_with("<Param>-</Param><Param>2023-05-18 18:28:20.172</Param>"));

  // As the hunting queries read it.
  auto parsed = single_row(e, R"(Event
| where Source == "Microsoft-Windows-Sysmon"
| where EventID == 1
| extend EvData = parse_xml(EventData)
| extend EventDetail = EvData.DataItem.EventData.Data
| extend Image = EventDetail.[4].["#text"],  CommandLine = EventDetail.[10].["#text"], Hashes = tostring(EventDetail.[17].["#text"])
| where CommandLine has "cl security"
| project Image = tostring(Image), CommandLine = tostring(CommandLine), Hashes)");
  EXPECT_EQ(parsed["Image"], "C:\\Windows\\System32\\wevtutil.exe");
  EXPECT_EQ(parsed["CommandLine"], "\"C:\\WINDOWS\\system32\\wevtutil.exe\" cl security");
  EXPECT_TRUE(parsed["Hashes"].starts_with("MD5=53748B0CD4C78AF5EF1D4E77F3C873AF,SHA256=")) << parsed["Hashes"];
}

TEST(IngestEvent, PowerShellScriptBlock4104) {
  if (!have_data()) GTEST_SKIP();
  auto l = load_files({data_path("evtx/DeepBlueCLI/Powershell-Invoke-Obfuscation-string-menu.evtx")});
  Engine e;
  add_tables(e, l);
  auto row = single_row(e, "Event | where TimeGenerated == datetime(2017-08-30T19:25:04.1743494Z)");
  EXPECT_EQ(row["EventID"], "4104");
  EXPECT_EQ(row["Computer"], "SEC511");
  EXPECT_EQ(row["Source"], "Microsoft-Windows-PowerShell");
  EXPECT_EQ(row["EventLog"], "Microsoft-Windows-PowerShell/Operational");
  EXPECT_EQ(row["EventCategory"], "2");
  EXPECT_EQ(row["UserName"], "S-1-5-21-1552841522-3835366585-4197357653-1001");
  EXPECT_EQ(row["RenderedDescription"], "");  // no message file to render it from
  EXPECT_EQ(row["ParameterXml"].substr(0, 44), "<Param>1</Param><Param>1</Param><Param>(('IE");
  // The script block, from the XML as queries read it.
  auto script = single_row(e, R"(Event
| where EventID == 4104 and TimeGenerated == datetime(2017-08-30T19:25:04.1743494Z)
| extend Data = parse_xml(EventData).DataItem.EventData.Data
| mv-expand Data
| where tostring(Data["@Name"]) == "ScriptBlockText"
| project Text = tostring(Data["#text"]))");
  EXPECT_TRUE(script["Text"].starts_with("(('IEX ('+'New'+'-Object'+' Net.Web'+'Client'+')'")) << script["Text"];
  EXPECT_TRUE(script["Text"].ends_with("[cHaR]39)| IEx")) << script["Text"];
}

TEST(IngestEvent, ClassicProvidersAndLevels) {
  if (!have_data()) GTEST_SKIP();
  auto l = load_files({data_path("evtx/DeepBlueCLI/metasploit-psexec-native-target-system.evtx")});
  Engine e;
  add_tables(e, l);
  // 7045 "A service was installed": the Service Control Manager is a classic provider.
  auto rows = query_rows(e, "Event | where EventID == 7045 | summarize n = count() by Source, EventLevelName");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"Service Control Manager", "Information", "2"}));
  rows = query_rows(e, "Event | where EventID == 7009 | project EventLevel, EventLevelName");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"1", "Error"}));
}

TEST(IngestEvent, WindowsEventRoutingGivesAPropertyBag) {
  if (!have_data()) GTEST_SKIP();
  MappingOptions options;
  options.routing = EventRouting::WindowsEvent;
  auto l = load_files({data_path("evtx/DeepBlueCLI/sliver-sysmon.evtx"), data_path("evtx/DeepBlueCLI/powersploit-security.evtx")},
                      options);
  EXPECT_EQ(l.tables.table("Event"), nullptr);
  EXPECT_EQ(l.tables.table("SecurityEvent"), nullptr);
  Engine e;
  add_tables(e, l);
  auto row = single_row(e, R"(WindowsEvent
| where Provider == "Microsoft-Windows-Sysmon" and EventID == 1
| extend Image = tostring(EventData.Image), CommandLine = tostring(EventData.CommandLine)
| where CommandLine has "cl security"
| project Image, Channel, EventLevel, EventLevelName, Task, Computer)");
  EXPECT_EQ(row["Image"], "C:\\Windows\\System32\\wevtutil.exe");
  EXPECT_EQ(row["Channel"], "Microsoft-Windows-Sysmon/Operational");
  EXPECT_EQ(row["EventLevel"], "4");
  EXPECT_EQ(row["EventLevelName"], "Information");
  EXPECT_EQ(row["Task"], "1");
  EXPECT_EQ(row["Computer"], "VALKYRIE.galactica.cc");
  auto counts = query_rows(e, "WindowsEvent | summarize n = count() by Channel | order by Channel asc");
  ASSERT_EQ(counts.size(), 2u);
  EXPECT_EQ(counts[0], (std::vector<std::string>{"Microsoft-Windows-Sysmon/Operational", "24"}));
  EXPECT_EQ(counts[1], (std::vector<std::string>{"Security", "27"}));
  // The Security events as the AMA-based hunting queries read them.
  auto process = single_row(e, R"(WindowsEvent
| where EventID == 4688
| extend CommandLine = tostring(EventData.CommandLine), NewProcessName = tostring(EventData.NewProcessName)
| where CommandLine contains " -Enc " and CommandLine contains "WwBTAFkAUwB0AEUAbQ"
| extend Process = tostring(split(NewProcessName, '\\')[-1])
| project Process)");
  EXPECT_EQ(process["Process"], "powershell.exe");
}

TEST(IngestEvent, BothRoutings) {
  if (!have_data()) GTEST_SKIP();
  MappingOptions options;
  options.routing = EventRouting::Both;
  auto l = load_files({data_path("evtx/DeepBlueCLI/sliver-sysmon.evtx"), data_path("evtx/DeepBlueCLI/powersploit-security.evtx")},
                      options);
  ASSERT_NE(l.tables.table("Event"), nullptr);
  ASSERT_NE(l.tables.table("SecurityEvent"), nullptr);
  ASSERT_NE(l.tables.table("WindowsEvent"), nullptr);
  EXPECT_EQ(l.tables.table("Event")->row_count(), 24u);
  EXPECT_EQ(l.tables.table("SecurityEvent")->row_count(), 27u);
  EXPECT_EQ(l.tables.table("WindowsEvent")->row_count(), 51u);
}

TEST(IngestEvent, UserNames) {
  EXPECT_EQ(user_name_of_sid(""), "N/A");
  EXPECT_EQ(user_name_of_sid("S-1-5-18"), "NT AUTHORITY\\SYSTEM");
  EXPECT_EQ(user_name_of_sid("S-1-5-20"), "NT AUTHORITY\\NETWORK SERVICE");
  EXPECT_EQ(user_name_of_sid("S-1-5-21-1-2-3-1001"), "S-1-5-21-1-2-3-1001");
}

}  // namespace
}  // namespace huntdb::ingest::testing
