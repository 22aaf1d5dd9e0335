// CSV with a header row: Log Analytics' CSV export ("TimeGenerated [UTC]", Computer, EventID, ...
// in SecurityEvent or Event columns) or Windows events flattened the way the JSON layouts are
// (json_layouts.h). Each row becomes a FlatRecord named by the header; a row whose field count
// differs from the header's is quarantined.
#include <fstream>
#include <iterator>

#include <fmt/format.h>

#include "huntdb/ingest/json_layouts.h"
#include "huntdb/ingest/table_mapper.h"
#include "huntdb/ingest/text_table.h"

namespace huntdb::ingest {

IngestFileResult ingest_csv(const std::string& path, TableMapper& mapper) {
  IngestFileResult r;
  r.format = LogFormat::Csv;
  std::ifstream in(path, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string error;
  auto rows = parse_csv(text, &error);
  if (!in.good() && !in.eof()) error = "cannot read the file";
  if (!rows) {
    r.error = error;
    mapper.quarantine().add(path, 0, 0, fmt::format("CSV: {}", error));
    r.quarantined = 1;
    return r;
  }
  if (rows->empty()) return r;
  const auto& header = rows->front();
  FlatRecord record;
  TextPool pool;
  WindowsEvent event;
  for (size_t i = 1; i < rows->size(); ++i) {
    const auto& row = (*rows)[i];
    uint64_t row_no = i + 1;  // the header is row 1
    if (row.size() == 1 && row[0].empty()) continue;  // blank line
    if (row.size() != header.size()) {
      mapper.quarantine().add(path, 0, row_no,
                              fmt::format("row {} has {} fields, the header {}", row_no, row.size(), header.size()));
      ++r.quarantined;
      continue;
    }
    record.fields.clear();
    pool.reset();
    for (size_t c = 0; c < row.size(); ++c) record.fields.push_back({header[c], row[c]});
    if (!map_flat_record(record, mapper, event, pool, error)) {
      mapper.quarantine().add(path, 0, row_no, error);
      ++r.quarantined;
      continue;
    }
    ++r.records;
  }
  return r;
}

}  // namespace huntdb::ingest
