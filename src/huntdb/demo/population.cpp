#include "huntdb/demo/population.h"

#include <algorithm>

#include <fmt/format.h>

namespace huntdb::demo {

namespace {

constexpr const char* kFirstNames[] = {
    "james", "mary", "john", "patricia", "robert", "jennifer", "michael", "linda", "william", "elizabeth",
    "david", "barbara", "richard", "susan", "joseph", "jessica", "thomas", "sarah", "charles", "karen",
    "chris", "nancy", "daniel", "lisa", "matthew", "betty", "anthony", "margaret", "mark", "sandra",
    "paul", "ashley", "steven", "kimberly", "andrew", "emily", "kenneth", "donna", "joshua", "michelle"};
constexpr const char* kLastNames[] = {
    "smith", "johnson", "williams", "brown", "jones", "garcia", "miller", "davis", "rodriguez", "martinez",
    "hernandez", "lopez", "gonzalez", "wilson", "anderson", "thomas", "taylor", "moore", "jackson", "martin",
    "lee", "perez", "thompson", "white", "harris", "sanchez", "clark", "ramirez", "lewis", "robinson",
    "walker", "young", "allen", "king", "wright", "scott", "torres", "nguyen", "hill", "flores"};

struct AppTemplate {
  const char* path;          // %u% is the user's name
  const char* parent;
  const char* command_line;  // %p% is the path
  bool as_user;
};

// What every workstation runs: the user's applications, and Windows' own processes (which run
// as the machine account and which the classic hunts leave out by folder).
constexpr AppTemplate kWorkstationApps[] = {
    {"C:\\Windows\\explorer.exe", "C:\\Windows\\System32\\userinit.exe", "C:\\Windows\\Explorer.EXE", true},
    {"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe", "C:\\Windows\\explorer.exe",
     "\"%p%\" --type=renderer --lang=en-US --enable-auto-reload", true},
    {"C:\\Users\\%u%\\AppData\\Local\\Microsoft\\Teams\\current\\Teams.exe", "C:\\Windows\\explorer.exe",
     "\"%p%\" --process-start-args \"--profile=AAD\"", true},
    {"C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE", "C:\\Windows\\explorer.exe", "\"%p%\" ", true},
    {"C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE", "C:\\Windows\\explorer.exe",
     "\"%p%\" /dde", true},
    {"C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE", "C:\\Windows\\explorer.exe",
     "\"%p%\" /n", true},
    {"C:\\Users\\%u%\\AppData\\Local\\Microsoft\\OneDrive\\OneDrive.exe", "C:\\Windows\\explorer.exe",
     "\"%p%\" /background", true},
    {"C:\\Windows\\System32\\svchost.exe", "C:\\Windows\\System32\\services.exe", "C:\\Windows\\system32\\svchost.exe -k netsvcs -p", false},
    {"C:\\Windows\\System32\\conhost.exe", "C:\\Windows\\System32\\svchost.exe", "\\??\\C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1", false},
    {"C:\\Windows\\System32\\taskhostw.exe", "C:\\Windows\\System32\\svchost.exe", "taskhostw.exe -RegisterDevice", false},
    {"C:\\Windows\\System32\\SearchProtocolHost.exe", "C:\\Windows\\System32\\SearchIndexer.exe",
     "\"C:\\Windows\\system32\\SearchProtocolHost.exe\" Global\\UsGthrFltPipeMssGthrPipe1", false},
    {"C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.23110.3-0\\MsMpEng.exe",
     "C:\\Windows\\System32\\services.exe", "\"%p%\"", false},
    {"C:\\Windows\\WinSxS\\amd64_microsoft-windows-servicingstack_31bf3856ad364e35_10.0.19041.3684_none\\TiWorker.exe",
     "C:\\Windows\\System32\\svchost.exe", "%p% -Embedding", false},
};

constexpr AppTemplate kServerApps[] = {
    {"C:\\Windows\\System32\\svchost.exe", "C:\\Windows\\System32\\services.exe", "C:\\Windows\\system32\\svchost.exe -k netsvcs -p", false},
    {"C:\\Windows\\System32\\wbem\\WmiPrvSE.exe", "C:\\Windows\\System32\\svchost.exe", "C:\\Windows\\system32\\wbem\\wmiprvse.exe -secured -Embedding", false},
    {"C:\\Windows\\System32\\conhost.exe", "C:\\Windows\\System32\\svchost.exe", "\\??\\C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1", false},
    {"C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.23110.3-0\\MsMpEng.exe",
     "C:\\Windows\\System32\\services.exe", "\"%p%\"", false},
    {"C:\\Program Files\\Microsoft Monitoring Agent\\Agent\\HealthService.exe", "C:\\Windows\\System32\\services.exe",
     "\"%p%\"", false},
    {"C:\\Program Files\\Veeam\\Endpoint Backup\\Veeam.EndPoint.Service.exe", "C:\\Windows\\System32\\services.exe",
     "\"%p%\" -service", false},
};

constexpr AppTemplate kSqlApps[] = {
    {"C:\\Program Files\\Microsoft SQL Server\\MSSQL15.MSSQLSERVER\\MSSQL\\Binn\\sqlservr.exe",
     "C:\\Windows\\System32\\services.exe", "\"%p%\" -sMSSQLSERVER", false},
};
constexpr AppTemplate kWebApps[] = {
    {"C:\\Windows\\System32\\inetsrv\\w3wp.exe", "C:\\Windows\\System32\\svchost.exe",
     "c:\\windows\\system32\\inetsrv\\w3wp.exe -ap \"DefaultAppPool\" -v \"v4.0\"", false},
};
constexpr AppTemplate kFinanceApps[] = {
    {"D:\\Apps\\LedgerSync\\LedgerSync.Worker.exe", "C:\\Windows\\System32\\services.exe", "\"%p%\" --nightly", false},
};

std::string replace_all(std::string s, std::string_view from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
  return s;
}

uint32_t add_account(Population& p, StringPool& pool, const std::string& user, uint64_t rid, bool machine) {
  Account a;
  a.user = user;
  a.account = pool.id(std::string(kDomain) + "\\" + user);
  a.user_code = pool.id(user);
  a.sid = pool.id(fmt::format("S-1-5-21-3623811015-3361044348-30300820-{}", rid));
  a.machine = machine;
  p.accounts.push_back(std::move(a));
  return static_cast<uint32_t>(p.accounts.size() - 1);
}

void add_software(Computer& c, const AppTemplate& t, const std::string& user, StringPool& pool) {
  std::string path = replace_all(t.path, "%u%", user);
  Software s;
  s.path = pool.id(path);
  s.file = pool.id(file_name_of(path));
  s.parent = pool.id(t.parent);
  s.command_line = pool.id(replace_all(t.command_line, "%p%", path));
  s.as_user = t.as_user;
  c.software.push_back(s);
}

}  // namespace

std::string file_name_of(const std::string& path) {
  size_t slash = path.find_last_of('\\');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

Population make_population(size_t rows, Random& random, StringPool& pool) {
  Population p;
  size_t computers = std::clamp<size_t>(rows / 3500, 24, 400);
  size_t servers = std::max<size_t>(8, computers / 10);
  size_t people = std::clamp<size_t>(rows / 350, 60, 3000);

  // People: first initial and last name, numbered when the name repeats.
  StringMap<int> seen;
  for (size_t i = 0; i < people; ++i) {
    std::string name = std::string(1, kFirstNames[random.below(std::size(kFirstNames))][0]) +
                       kLastNames[random.below(std::size(kLastNames))];
    int n = ++seen[name];
    if (n > 1) name += std::to_string(n);
    p.people.push_back(add_account(p, pool, name, 1100 + i, false));
  }
  for (const char* admin : {"adm-mwilson", "adm-jchen", "adm-rpatel", "adm-sgarcia", "adm-tnguyen", "adm-lkim"})
    p.admins.push_back(add_account(p, pool, admin, 500 + p.admins.size() + 10, false));
  p.attacker_admin = p.admins[0];

  // Servers first: two domain controllers, file servers, SQL, web, the finance application
  // server (the one the story happens on), and application servers.
  const char* roles[] = {"DC01", "DC02", "FS01", "FS02", "SQL01", "WEB01", "FIN01", "APP01"};
  for (size_t i = 0; i < computers; ++i) {
    Computer c;
    c.server = i < servers;
    std::string host = c.server ? (i < std::size(roles) ? std::string("SRV-") + roles[i] : fmt::format("SRV-APP{:02}", i - 6))
                                : fmt::format("WS-{:04}", i - servers + 1);
    c.name = host + ".contoso.com";
    c.code = pool.id(c.name);
    c.ip = pool.id(fmt::format("10.0.{}.{}", c.server ? 1 : 10 + (i / 250), 10 + i % 240));
    c.machine_account = add_account(p, pool, host + "$", 5000 + i, true);
    if (c.server) {
      for (const auto& t : kServerApps) add_software(c, t, "", pool);
      if (host == "SRV-SQL01")
        for (const auto& t : kSqlApps) add_software(c, t, "", pool);
      if (host == "SRV-WEB01")
        for (const auto& t : kWebApps) add_software(c, t, "", pool);
      if (host == "SRV-FIN01") {
        for (const auto& t : kFinanceApps) add_software(c, t, "", pool);
        p.attacked_server = i;
      }
    } else {
      size_t user = p.people[(i - servers) % p.people.size()];
      c.users.push_back(user);
      for (const auto& t : kWorkstationApps) add_software(c, t, p.accounts[user].user, pool);
    }
    p.computers.push_back(std::move(c));
  }
  // Three workstations where encoded PowerShell will run.
  for (size_t k = 0; k < 3; ++k) p.powershell_victims.push_back(servers + (k * 37 + 5) % (computers - servers));
  return p;
}

}  // namespace huntdb::demo
