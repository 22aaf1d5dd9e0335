#include "huntdb/ingest/table_mapper.h"

#include "huntdb/common/allocator_tuning.h"
#include "huntdb/ingest/table_schemas.h"

namespace huntdb::ingest {

namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if ((a[i] | 0x20) != (b[i] | 0x20)) return false;
  return true;
}

}  // namespace

TableMapper::TableMapper(BatchSink sink, MappingOptions options)
    : options_(options),
      security_(kSecurityEventTable, security_event_schema(), sink, options.batch_rows),
      event_(kEventTable, event_schema(), sink, options.batch_rows),
      windows_(kWindowsEventTable, windows_event_schema(), sink, options.batch_rows),
      security_mapper_(security_),
      event_mapper_(event_),
      windows_mapper_(windows_) {
  reuse_freed_memory();  // each batch's columns are allocated and freed in turn (see the header)
}

void TableMapper::map_event(const WindowsEvent& e) {
  if (options_.routing != EventRouting::WindowsEvent) {
    // Some exporters write the channel in lower case ("security").
    if (iequals(e.channel, "Security"))
      security_mapper_.map(e);
    else
      event_mapper_.map(e);
  }
  if (options_.routing != EventRouting::LogAnalyticsAgent) windows_mapper_.map(e);
}

TableBuilder* TableMapper::table(std::string_view name) {
  if (name == kSecurityEventTable) return &security_;
  if (name == kEventTable) return &event_;
  if (name == kWindowsEventTable) return &windows_;
  return nullptr;
}

void TableMapper::finish() {
  security_.flush();
  event_.flush();
  windows_.flush();
}

uint64_t TableMapper::rows(std::string_view table) const {
  if (table == kSecurityEventTable) return security_.total_rows();
  if (table == kEventTable) return event_.total_rows();
  if (table == kWindowsEventTable) return windows_.total_rows();
  return 0;
}

IngestFileResult ingest_file(const std::string& path, TableMapper& mapper) {
  switch (detect_log_format(path)) {
    case LogFormat::Evtx: return ingest_evtx(path, mapper);
    case LogFormat::JsonLines: return ingest_json_lines(path, mapper);
    case LogFormat::Csv: return ingest_csv(path, mapper);
    case LogFormat::Unknown: break;
  }
  IngestFileResult r;
  r.error = "not a log format huntdb reads (EVTX, JSON lines or CSV with a header), or empty";
  mapper.quarantine().add(path, 0, 0, r.error);
  r.quarantined = 1;
  return r;
}

}  // namespace huntdb::ingest
