#include "huntdb/ingest/evtx_source.h"

#include <fmt/format.h>

#include "huntdb/ingest/evtx/evtx.h"
#include "huntdb/ingest/table_mapper.h"

namespace huntdb::ingest {

namespace {

// 100 ns intervals between 1601-01-01 (FILETIME's epoch) and 1970-01-01.
constexpr int64_t kFiletimeToUnix = 116444736000000000LL;

}  // namespace

bool windows_event_from_evtx(const evtx::Event& e, WindowsEvent& out, std::string& scratch) {
  using evtx::SystemField;
  out.clear();
  out.event_id = e.event_id();
  if (!out.event_id) return false;
  if (auto ft = e.time_created_filetime()) out.time = static_cast<int64_t>(*ft) - kFiletimeToUnix;
  out.provider = e.system(SystemField::ProviderName);
  out.event_source_name = e.system(SystemField::EventSourceName);
  out.channel = e.system(SystemField::Channel);
  out.computer = e.system(SystemField::Computer);
  out.level = e.system(SystemField::Level);
  out.task = e.system(SystemField::Task);
  out.opcode = e.system(SystemField::Opcode);
  out.keywords = e.system(SystemField::Keywords);
  out.version = e.system(SystemField::Version);
  out.record_id = e.system(SystemField::EventRecordID);
  out.process_id = e.system(SystemField::ProcessID);
  out.thread_id = e.system(SystemField::ThreadID);
  out.user_id = e.system(SystemField::UserID);
  out.activity_id = e.system(SystemField::ActivityID);
  out.data.reserve(e.data_count());
  for (size_t i = 0; i < e.data_count(); ++i) {
    auto item = e.data(i);
    out.data.push_back({item.name, item.value});
  }
  if (e.data_section() == evtx::DataSection::UserData && e.root() != evtx::kNoNode) {
    uint32_t user_data = e.child(e.root(), "UserData");
    if (user_data != evtx::kNoNode) {
      scratch.clear();
      evtx::append_element_xml(e, user_data, scratch);
      out.user_data = true;
      out.payload_xml = scratch;
    }
  }
  return true;
}

IngestFileResult ingest_evtx(const std::string& path, TableMapper& mapper) {
  IngestFileResult r;
  r.format = LogFormat::Evtx;
  auto file = evtx::EvtxFile::open(path);
  if (!file.open_error().empty()) {
    r.error = file.open_error();
    mapper.quarantine().add(path, 0, 0, r.error);
    r.quarantined = 1;
    return r;
  }
  evtx::RecordReader reader(file);
  WindowsEvent event;
  std::string scratch;
  while (const evtx::Event* e = reader.next()) {
    if (!windows_event_from_evtx(*e, event, scratch)) {
      mapper.quarantine().add(path, e->file_offset(), 0, "record has no EventID");
      ++r.quarantined;
      continue;
    }
    mapper.map_event(event);
    ++r.records;
  }
  // Records the reader could not decode (bad checksums, broken framing, truncation).
  for (const auto& p : reader.problems().list()) mapper.quarantine().add(path, p.offset, 0, p.reason);
  r.quarantined += reader.problems().count();
  return r;
}

}  // namespace huntdb::ingest
