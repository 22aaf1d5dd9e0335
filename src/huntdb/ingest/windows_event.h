// One Windows event as the mappers see it, whatever file it came from (EVTX, Security-Datasets
// JSON, Winlogbeat JSON): the System fields and the EventData/UserData name/value pairs, all as
// the text Windows renders, plus what some sources already carry (the payload as XML, the rendered
// message, the resolved user name). Views only: the source owns the text until the record is
// mapped.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace huntdb::ingest {

struct EventField {
  std::string_view name;
  std::string_view value;
};

struct WindowsEvent {
  std::optional<int64_t> time;  // TimeCreated, 100 ns ticks since 1970 UTC
  std::optional<uint32_t> event_id;
  std::string_view provider;           // Provider/@Name
  std::string_view event_source_name;  // Provider/@EventSourceName (classic providers)
  std::string_view channel;
  std::string_view computer;
  std::string_view level;     // System/Level, a number ("0", "4")
  std::string_view task;      // System/Task, a number
  std::string_view opcode;    // System/Opcode, a number
  std::string_view keywords;  // System/Keywords, hex ("0x8020000000000000")
  std::string_view version;
  std::string_view record_id;
  std::string_view process_id;  // Execution/@ProcessID
  std::string_view thread_id;   // Execution/@ThreadID
  std::string_view user_id;     // Security/@UserID (a SID)
  std::string_view activity_id; // Correlation/@ActivityID

  std::vector<EventField> data;  // EventData / UserData values in document order
  bool user_data = false;        // the payload is UserData (named leaves) rather than EventData

  // What some sources carry ready-made; empty when they do not.
  std::string_view payload_xml;  // the EventData/UserData element as XML
  std::string_view message;      // the rendered message text
  std::string_view user_name;    // DOMAIN\name of user_id, as the source resolved it

  const std::string_view* find(std::string_view name) const {
    for (const auto& f : data)
      if (f.name == name) return &f.value;
    return nullptr;
  }
  // Resets every field, keeping the data vector's capacity for the next record.
  void clear() {
    auto keep = std::move(data);
    keep.clear();
    *this = WindowsEvent{};
    data = std::move(keep);
  }
};

}  // namespace huntdb::ingest
