// JSON lines: one object per line, flattened into a FlatRecord (json_flattener.h) and mapped by
// its layout (json_layouts.h). A line that is not a JSON object, or not a Windows event, is
// quarantined with its line number and byte offset; blank lines are skipped.
#include <simdjson.h>

#include "huntdb/ingest/json_flattener.h"
#include "huntdb/ingest/json_layouts.h"
#include "huntdb/ingest/mapped_file.h"
#include "huntdb/ingest/table_mapper.h"

namespace huntdb::ingest {

IngestFileResult ingest_json_lines(const std::string& path, TableMapper& mapper) {
  IngestFileResult r;
  r.format = LogFormat::JsonLines;
  // The file mapped, never copied: each line parses in place, as simdjson may read past a line's
  // end into the next lines. Only the lines that end too close to the end of the file for
  // simdjson's padding are copied into a padded buffer.
  std::string open_error;
  MappedFile file = MappedFile::open(path, open_error);
  if (!open_error.empty()) {
    r.error = "cannot read the file: " + open_error;
    mapper.quarantine().add(path, 0, 0, r.error);
    r.quarantined = 1;
    return r;
  }
  std::string_view text(reinterpret_cast<const char*>(file.bytes().data()), file.bytes().size());
  std::string padded_tail;
  JsonFlattener flattener;
  FlatRecord record;
  TextPool pool;
  WindowsEvent event;
  std::string error;
  uint64_t line_no = 0;
  size_t pos = 0;
  if (text.starts_with("\xEF\xBB\xBF")) pos = 3;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line(text.data() + pos, end - pos);
    size_t offset = pos;
    pos = end + 1;
    ++line_no;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty()) continue;
    pool.reset();
    size_t capacity = text.size() - static_cast<size_t>(line.data() - text.data());
    if (capacity < line.size() + simdjson::SIMDJSON_PADDING) {
      padded_tail.assign(line);
      padded_tail.append(simdjson::SIMDJSON_PADDING, ' ');
      line = std::string_view(padded_tail.data(), line.size());
      capacity = padded_tail.size();
    }
    if (!flattener.flatten(line, capacity, record, pool, error)) {
      mapper.quarantine().add(path, offset, line_no, error);
      ++r.quarantined;
      continue;
    }
    if (!map_flat_record(record, mapper, event, pool, error)) {
      mapper.quarantine().add(path, offset, line_no, error);
      ++r.quarantined;
      continue;
    }
    ++r.records;
  }
  return r;
}

}  // namespace huntdb::ingest
