// The field layouts Windows events arrive in as JSON lines (or CSV rows), read as flat name/value
// records (nested JSON objects flattened with dots: "winlog.event_data.CommandLine"):
//
//  - Security-Datasets (Mordor) as NXLog im_msvistalog shipped it (2019 - Sep 2020): EventData
//    fields at the top level beside NXLog's own (EventTime/EventReceivedTime local, @timestamp
//    UTC, Hostname, SourceName, Severity/SeverityValue, RecordNumber, ExecutionProcessID, numeric
//    Keywords, Domain/AccountName of the event's user, ...).
//  - Security-Datasets from Oct 2020: the same flattening with TimeCreated (ISO, or
//    "2020-10-19 03:30:41.104" in UTC), Level/Task/Keywords as strings, and fewer extras.
//  - Winlogbeat / Elastic: @timestamp, host.name, winlog.event_id, winlog.channel,
//    winlog.provider_name, winlog.computer_name, winlog.event_data.*, winlog.user.*, ...
//  - Log Analytics' own export: records already in SecurityEvent / Event columns (TimeGenerated,
//    Type, Activity or Source/EventLog, ...), with CSV headers such as "TimeGenerated [UTC]".
#pragma once

#include <string>
#include <vector>

#include "huntdb/ingest/text_pool.h"
#include "huntdb/ingest/windows_event.h"

namespace huntdb::ingest {

class TableMapper;

enum class RecordLayout { SecurityDatasets, Winlogbeat, LogAnalytics, Unknown };

struct FlatRecord {
  std::vector<EventField> fields;  // in the record's order
  // Top-level JSON objects as JSON text, by name (their members are also in `fields`, flattened):
  // a Log Analytics export keeps dynamic columns (WindowsEvent's EventData) as objects.
  std::vector<EventField> objects;
};

// The layout of one record, from the fields it has.
RecordLayout detect_layout(const FlatRecord& r);

// A Security-Datasets or Winlogbeat record as a WindowsEvent (views into `r` and `pool`). False
// with `error` when it is not a Windows event (no EventID).
bool windows_event_from_flat(const FlatRecord& r, RecordLayout layout, WindowsEvent& out, TextPool& pool,
                             std::string& error);

// Maps one record of any layout into the mapper's tables; false with `error` when it cannot.
bool map_flat_record(const FlatRecord& r, TableMapper& mapper, WindowsEvent& scratch_event, TextPool& pool,
                     std::string& error);

}  // namespace huntdb::ingest
