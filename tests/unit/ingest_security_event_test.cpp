// Security channel records of the sample EVTX files mapped to SecurityEvent, column by column, as
// Log Analytics fills them (Azure Monitor Logs reference, SecurityEvent table: Activity is
// "<EventID> - <description>", Account is DOMAIN\user, AccountType User or Machine, Process the
// executable's file name; Level is the audit outcome as EventLogEntryType numbers it).
#include "ingest_test_util.h"

#include "huntdb/ingest/event_descriptions.h"
#include "huntdb/ingest/security_event_mapping.h"

namespace huntdb::ingest::testing {
namespace {

TEST(IngestSecurityEvent, ProcessCreation4688) {
  if (!have_data()) GTEST_SKIP();
  auto l = load_files({data_path("evtx/DeepBlueCLI/powersploit-security.evtx")});
  Engine e;
  add_tables(e, l);
  auto row = single_row(e, "SecurityEvent | where EventRecordId == '13488'");
  EXPECT_EQ(row["TimeGenerated"], "2016-09-20T19:15:54.1289062Z");
  EXPECT_EQ(row["Computer"], "IE10Win7");
  EXPECT_EQ(row["EventID"], "4688");
  EXPECT_EQ(row["Activity"], "4688 - A new process has been created.");
  EXPECT_EQ(row["Account"], "IE10WIN7\\IEUser");
  EXPECT_EQ(row["AccountType"], "User");
  EXPECT_EQ(row["SubjectAccount"], "IE10WIN7\\IEUser");
  EXPECT_EQ(row["SubjectUserName"], "IEUser");
  EXPECT_EQ(row["SubjectDomainName"], "IE10WIN7");
  EXPECT_EQ(row["SubjectLogonId"], "0x6793c");
  EXPECT_EQ(row["SubjectUserSid"], "S-1-5-21-3463664321-2923530833-3546627382-1000");
  EXPECT_EQ(row["NewProcessName"], "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe");
  EXPECT_EQ(row["Process"], "powershell.exe");
  EXPECT_EQ(row["NewProcessId"], "0xe68");
  EXPECT_EQ(row["ProcessId"], "0x200");
  EXPECT_EQ(row["TokenElevationType"], "%%1937");
  EXPECT_TRUE(row["CommandLine"].starts_with("powershell.exe  -NoP -sta -NonI -W Hidden -Enc WwBTAFkAUwB0AEUAbQAuAE4A"));
  EXPECT_EQ(row["Channel"], "Security");
  EXPECT_EQ(row["EventSourceName"], "Microsoft-Windows-Security-Auditing");
  EXPECT_EQ(row["Level"], "8");
  EXPECT_EQ(row["Task"], "13312");
  EXPECT_EQ(row["Keywords"], "0x8020000000000000");
  EXPECT_EQ(row["Version"], "1");
  EXPECT_EQ(row["SystemProcessId"], "4");
  EXPECT_EQ(row["SystemThreadId"], "56");
  EXPECT_EQ(row["Type"], "SecurityEvent");
  EXPECT_EQ(row["TargetAccount"], "");  // version 1 of 4688 has no target fields
  EXPECT_TRUE(row["EventData"].starts_with(
      "<EventData xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><Data Name=\"SubjectUserSid\">"
      "S-1-5-21-3463664321-2923530833-3546627382-1000</Data>"))
      << row["EventData"];
  // Typed columns keep their Log Analytics types.
  auto types = single_row(e, "SecurityEvent | where EventRecordId == '13488' | project t1 = gettype(EventID), "
                             "t2 = gettype(Task), t3 = gettype(TimeGenerated), t4 = gettype(Level)");
  EXPECT_EQ(types["t1"], "int");
  EXPECT_EQ(types["t2"], "int");
  EXPECT_EQ(types["t3"], "datetime");
  EXPECT_EQ(types["t4"], "string");
}

TEST(IngestSecurityEvent, Logon4624IsAboutTheTargetAccount) {
  if (!have_data()) GTEST_SKIP();
  auto l = load_files({data_path(
      "evtx/EVTX-to-MITRE-Attack/EVTX_full_APT_attack_steps/ID4624,4688,5140,5145-Eternal Romance - MS17_010_psexec "
      "(GLOBAL).evtx")});
  Engine e;
  add_tables(e, l);
  auto row = single_row(e, "SecurityEvent | where EventRecordId == '435113'");
  EXPECT_EQ(row["TimeGenerated"], "2021-04-22T08:51:04.6867637Z");
  EXPECT_EQ(row["Computer"], "fs03vuln.offsec.lan");
  EXPECT_EQ(row["EventID"], "4624");
  EXPECT_EQ(row["Activity"], "4624 - An account was successfully logged on.");
  EXPECT_EQ(row["Account"], "OFFSEC\\admmig");
  EXPECT_EQ(row["AccountType"], "User");
  EXPECT_EQ(row["TargetAccount"], "OFFSEC\\admmig");
  EXPECT_EQ(row["TargetUserName"], "admmig");
  EXPECT_EQ(row["TargetDomainName"], "OFFSEC");
  EXPECT_EQ(row["TargetUserSid"], "S-1-5-21-4230534742-2542757381-3142984815-1111");
  EXPECT_EQ(row["TargetLogonId"], "0x74872");
  EXPECT_EQ(row["SubjectAccount"], "-\\-");
  EXPECT_EQ(row["LogonType"], "3");
  EXPECT_EQ(row["LogonTypeName"], "3 - Network");
  EXPECT_EQ(row["LogonProcessName"], "NtLmSsp ");
  EXPECT_EQ(row["AuthenticationPackageName"], "NTLM");
  EXPECT_EQ(row["LmPackageName"], "NTLM V2");
  EXPECT_EQ(row["KeyLength"], "0");
  EXPECT_EQ(row["WorkstationName"], "0Konuy9q8HtkWeKS");
  EXPECT_EQ(row["IpAddress"], "10.23.123.11");
  EXPECT_EQ(row["IpPort"], "41747");
  EXPECT_EQ(row["ProcessName"], "-");
  EXPECT_EQ(row["Process"], "-");
  EXPECT_EQ(row["Level"], "8");
  auto types = single_row(e, "SecurityEvent | where EventRecordId == '435113' | project t = gettype(LogonType)");
  EXPECT_EQ(types["t"], "int");
}

TEST(IngestSecurityEvent, FailedLogonsAreFailureAuditsOfMachineOrUserAccounts) {
  if (!have_data()) GTEST_SKIP();
  auto l = load_files({data_path("evtx/DeepBlueCLI/smb-password-guessing-security.evtx")});
  Engine e;
  add_tables(e, l);
  auto rows = query_rows(e, "SecurityEvent | summarize n = count() by EventID, Level, Activity");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"4625", "16", "4625 - An account failed to log on.", "3561"}));
}

TEST(IngestSecurityEvent, AccountRules) {
  EXPECT_TRUE(account_is_target(4624));
  EXPECT_TRUE(account_is_target(4625));
  EXPECT_TRUE(account_is_target(4634));
  EXPECT_FALSE(account_is_target(4688));
  EXPECT_FALSE(account_is_target(4720));  // the subject created the target account
  EXPECT_EQ(join_account("CONTOSO", "alice"), "CONTOSO\\alice");
  EXPECT_EQ(join_account("", "alice"), "alice");
  EXPECT_EQ(join_account("CONTOSO", ""), "");
  EXPECT_EQ(account_type("CONTOSO\\WS01$"), "Machine");
  EXPECT_EQ(account_type("CONTOSO\\alice"), "User");
  EXPECT_EQ(file_name_of("C:\\Windows\\System32\\cmd.exe"), "cmd.exe");
  EXPECT_EQ(file_name_of("cmd.exe"), "cmd.exe");
  EXPECT_EQ(logon_type_name("10"), "10 - RemoteInteractive");
  EXPECT_EQ(logon_type_name("x"), "");
}

TEST(IngestSecurityEvent, ActivityTexts) {
  EXPECT_EQ(security_event_activity(4688), "4688 - A new process has been created.");
  EXPECT_EQ(security_event_activity(4624), "4624 - An account was successfully logged on.");
  EXPECT_EQ(security_event_activity(1102), "1102 - The audit log was cleared.");
  EXPECT_EQ(security_event_activity(4720), "4720 - A user account was created.");
  // Unknown IDs take the first line of the rendered message when there is one.
  EXPECT_EQ(security_event_activity(9999, "Something happened.\r\nDetails"), "9999 - Something happened.");
  EXPECT_EQ(security_event_activity(9999), "9999");
}

TEST(IngestSecurityEvent, EveryEventOfTheSecurityChannelAndNoOther) {
  if (!have_data()) GTEST_SKIP();
  auto l = load_files({data_path("evtx/DeepBlueCLI/powersploit-security.evtx"),
                       data_path("evtx/DeepBlueCLI/metasploit-psexec-native-target-system.evtx")});
  Engine e;
  add_tables(e, l);
  auto rows = query_rows(e, "SecurityEvent | summarize n = count() by Channel");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"Security", "27"}));
  rows = query_rows(e, "Event | summarize n = count() by EventLog");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"System", "7"}));
  // 1102 (log cleared) carries UserData; its XML is kept as EventData.
  auto cleared = single_row(e, "SecurityEvent | where EventID == 1102 | project Activity, EventData");
  EXPECT_EQ(cleared["Activity"], "1102 - The audit log was cleared.");
  EXPECT_NE(cleared["EventData"].find("LogFileCleared"), std::string::npos) << cleared["EventData"];
}

}  // namespace
}  // namespace huntdb::ingest::testing
