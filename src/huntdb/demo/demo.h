// The built-in demo workspace: a month of realistic Windows security events for a few hundred
// computers and a few thousand accounts, with an attack story woven in, so that the classic
// hunts have something to find:
//   - on one server an admin account runs regedit one day, and a few days later opens an RDP
//     session (rdpclip.exe) and runs portping.exe, netplwiz.exe / `control userpasswords2` and
//     procmon.exe;
//   - on a few workstations PowerShell runs with -enc payloads (UTF-16LE base64) holding IEX,
//     Invoke-, Gzip / MemoryStream, beside harmless encoded commands;
//   - SecurityAlert has an alert for each machine with a malicious payload, its
//     ExtendedProperties JSON naming the "Machine Name".
// Ordinary activity has daily and weekly rhythms; every ordinary (process, computer, account)
// combination runs every day, so what is new after the first day is the story. Times are
// relative to `now`; the same seed and options give the same rows.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "huntdb/column/column.h"

namespace huntdb::demo {

struct DemoOptions {
  int days = 30;               // days of history, ending at `now`
  size_t rows = 1'000'000;     // SecurityEvent rows, about (the story and daily baseline add a few)
  uint64_t seed = 1;
  int64_t now = 0;             // 100 ns ticks since the Unix epoch; 0: the current time
};

// What the story planted, for tests and for the README's walkthrough.
struct PlantedProcess {
  std::string computer, account, process;  // process: the full path
  int64_t time = 0;
};
struct PlantedPayload {
  std::string computer, account, command_line, decoded;
  int64_t time = 0;
};

struct DemoData {
  std::vector<std::pair<std::string, TablePtr>> tables;  // SecurityEvent, SecurityAlert
  std::vector<PlantedProcess> processes;                  // regedit, rdpclip, portping, ...
  std::vector<PlantedPayload> payloads;                   // malicious encoded PowerShell
  std::string attacked_server;
};

DemoData generate_demo(const DemoOptions& options);

}  // namespace huntdb::demo
