// `huntdb demo` and `huntdb ingest`: commands that fill a workspace.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace huntdb::cli {

struct DemoCommandOptions {
  std::string workspace;
  int days = 30;
  size_t rows = 1'000'000;
  uint64_t seed = 1;
};
// Builds the demo tables (SecurityEvent, SecurityAlert) into the workspace, replacing earlier ones.
int run_demo(const DemoCommandOptions& opt, std::ostream& out, std::ostream& err);

struct IngestCommandOptions {
  std::string workspace;
  std::vector<std::string> paths;  // files and folders (recursed)
  bool windows_event = false;      // also route every event to WindowsEvent
  size_t publish_rows = 256 * 1024;  // rows of one table gathered before they are published as an extent
  bool verbose = false;            // a line per publication: "published TABLE ROWS"
};
// Loads log files (EVTX, JSON lines, CSV; detected from their bytes) into the Log Analytics
// tables they map to; records that cannot be mapped go to the IngestionQuarantine table.
int run_ingest(const IngestCommandOptions& opt, std::ostream& out, std::ostream& err);

}  // namespace huntdb::cli
