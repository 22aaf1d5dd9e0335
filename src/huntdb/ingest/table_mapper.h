// The ingestion front: turns log files into typed batches of the Log Analytics tables they belong
// to. Security channel events go to SecurityEvent, other Windows events to Event, rows of Log
// Analytics' own exports to the table they were exported from. Records that cannot be mapped go to
// the quarantine with their file, offset and reason; the rest of the file still loads.
//
//   TableMapper mapper(sink);                 // sink(table, schema, batch) per ~64K rows
//   ingest_file("Security.evtx", mapper);     // EVTX, JSON lines or CSV, detected from the bytes
//   mapper.finish();                          // the last partial batches
//   mapper.quarantine().records();
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "huntdb/ingest/event_mapping.h"
#include "huntdb/ingest/log_source.h"
#include "huntdb/ingest/quarantine.h"
#include "huntdb/ingest/security_event_mapping.h"
#include "huntdb/ingest/table_builder.h"
#include "huntdb/ingest/windows_event.h"
#include "huntdb/ingest/windows_event_mapping.h"

namespace huntdb::ingest {

// Which tables Windows events land in, as the two Log Analytics collection agents fill them.
enum class EventRouting {
  LogAnalyticsAgent,  // Security -> SecurityEvent, every other channel -> Event
  WindowsEvent,       // every event -> WindowsEvent (Azure Monitor Agent, forwarded events)
  Both,               // both of the above, for workspaces whose queries read either
};

struct MappingOptions {
  size_t batch_rows = kIngestBatchRows;
  EventRouting routing = EventRouting::LogAnalyticsAgent;
};

class TableMapper {
 public:
  explicit TableMapper(BatchSink sink, MappingOptions options = {});

  // One Windows event, to the tables the routing names.
  void map_event(const WindowsEvent& e);
  // The builder of SecurityEvent, Event or WindowsEvent (for rows that arrive already in the
  // table's columns); nullptr for another name.
  TableBuilder* table(std::string_view name);

  Quarantine& quarantine() { return quarantine_; }
  // Sends the partial batches.
  void finish();

  uint64_t rows(std::string_view table) const;

 private:
  MappingOptions options_;
  TableBuilder security_;
  TableBuilder event_;
  TableBuilder windows_;
  SecurityEventMapper security_mapper_;
  EventMapper event_mapper_;
  WindowsEventMapper windows_mapper_;
  Quarantine quarantine_;
};

struct IngestFileResult {
  LogFormat format = LogFormat::Unknown;
  uint64_t records = 0;      // records mapped into tables
  uint64_t quarantined = 0;  // quarantine entries: records set aside (and, for EVTX, damage the
                             // reader noticed and read past, such as a chunk checksum mismatch)
  std::string error;         // why the file as a whole could not be read (empty when it could)
};

// Reads a file of any supported format and maps its records.
IngestFileResult ingest_file(const std::string& path, TableMapper& mapper);

// The readers, one per format (ingest_file picks one).
IngestFileResult ingest_evtx(const std::string& path, TableMapper& mapper);
IngestFileResult ingest_json_lines(const std::string& path, TableMapper& mapper);
IngestFileResult ingest_csv(const std::string& path, TableMapper& mapper);

}  // namespace huntdb::ingest
