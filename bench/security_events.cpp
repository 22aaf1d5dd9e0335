#include "security_events.h"

#include <random>
#include <string>
#include <vector>

#include "huntdb/types/datetime.h"

namespace huntdb::bench {

namespace {

ColumnPtr dictionary_of(const std::vector<std::string>& values) {
  ColumnBuilder b(ScalarType::String, values.size());
  for (const auto& v : values) b.append_string(v);
  return b.finish();
}

std::vector<std::string> process_paths() {
  // Mostly Windows system binaries, which the rare-process hunt excludes, and some others.
  const char* dirs[] = {"C:\\Windows\\System32\\", "C:\\Windows\\SysWOW64\\", "C:\\Program Files\\Microsoft\\Edge\\",
                        "C:\\ProgramData\\Microsoft\\Windows Defender\\", "C:\\Windows\\WinSxS\\amd64_x\\",
                        "C:\\Program Files\\Microsoft Office\\root\\", "C:\\Users\\Public\\", "C:\\Tools\\",
                        "C:\\Program Files (x86)\\Google\\Chrome\\", "D:\\Apps\\"};
  const char* names[] = {"svchost.exe", "conhost.exe", "cmd.exe", "powershell.exe", "rundll32.exe", "wmiprvse.exe",
                         "taskhostw.exe", "msedge.exe", "winword.exe", "excel.exe", "chrome.exe", "updater.exe",
                         "backup.exe", "agent.exe", "sqlservr.exe", "w3wp.exe", "python.exe", "java.exe",
                         "notepad.exe", "mmc.exe"};
  std::vector<std::string> out;
  for (const char* d : dirs)
    for (const char* n : names) out.push_back(std::string(d) + n);
  return out;
}

}  // namespace

TablePtr make_security_events(size_t rows) {
  std::mt19937_64 rng(42);
  std::vector<std::string> computers, accounts;
  for (int i = 0; i < 300; ++i) computers.push_back("WKS" + std::to_string(1000 + i) + ".contoso.local");
  for (int i = 0; i < 3000; ++i) accounts.push_back("CONTOSO\\user" + std::to_string(i));
  std::vector<std::string> processes = process_paths();
  ColumnPtr computer_dict = dictionary_of(computers), account_dict = dictionary_of(accounts),
            process_dict = dictionary_of(processes);
  const int event_ids[] = {4624, 4625, 4634, 4672, 4688, 4688, 4688, 4688};
  int64_t end = ticks_from_civil({2026, 11, 30, 0, 0, 0, 0});
  int64_t span = 30 * kTicksPerDay;
  auto t = std::make_shared<Table>();
  t->schema.columns = {{"TimeGenerated", ScalarType::DateTime}, {"Computer", ScalarType::String},
                       {"Account", ScalarType::String},     {"EventID", ScalarType::Int},
                       {"Process", ScalarType::String}};
  // Skewed choices: a few computers, accounts and processes are far more common than the rest.
  std::uniform_int_distribution<int64_t> when(0, span - 1);
  auto skewed = [&](size_t n) {
    double u = std::uniform_real_distribution<double>(0, 1)(rng);
    return static_cast<uint32_t>(static_cast<double>(n) * u * u);
  };
  for (size_t offset = 0; offset < rows; offset += kBatchRows) {
    size_t n = std::min(kBatchRows, rows - offset);
    std::vector<int64_t> times(n);
    std::vector<int32_t> ids(n);
    std::vector<uint32_t> comp(n), acct(n), proc(n);
    for (size_t i = 0; i < n; ++i) {
      times[i] = end - span + when(rng);
      ids[i] = event_ids[rng() % 8];
      comp[i] = skewed(computers.size());
      acct[i] = skewed(accounts.size());
      proc[i] = skewed(processes.size());
    }
    Batch b;
    b.rows = n;
    b.columns = {Column::make_longs(ScalarType::DateTime, std::move(times)),
                 Column::make_dictionary(computer_dict, std::move(comp)),
                 Column::make_dictionary(account_dict, std::move(acct)), Column::make_ints(std::move(ids)),
                 Column::make_dictionary(process_dict, std::move(proc))};
    t->batches.push_back(std::move(b));
  }
  return t;
}

}  // namespace huntdb::bench
