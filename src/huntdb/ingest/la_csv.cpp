// CSV with a header row: Log Analytics' CSV export ("TimeGenerated [UTC]", Computer, EventID, ...
// in SecurityEvent or Event columns) or Windows events flattened the way the JSON layouts are
// (json_layouts.h). Each row becomes a FlatRecord named by the header; a row whose field count
// differs from the header's is quarantined. Quarantine entries give the row number as the line
// (a quoted line break stays inside its row).
#include "huntdb/ingest/la_csv.h"

#include <cctype>

#include <charconv>
#include <fstream>
#include <iterator>

#include <fmt/format.h>

#include "huntdb/ingest/json_layouts.h"
#include "huntdb/ingest/table_mapper.h"
#include "huntdb/ingest/text_table.h"
#include "huntdb/types/datetime.h"

namespace huntdb::ingest {

std::string_view la_column_name(std::string_view header) {
  size_t bracket = header.find(" [");
  if (bracket != std::string_view::npos && header.ends_with("]")) header = header.substr(0, bracket);
  return header;
}

namespace {

// Reads digits at `s`, advancing it; false when there are none.
bool read_number(std::string_view& s, int& out, size_t max_digits = 4) {
  size_t n = 0;
  while (n < s.size() && n < max_digits && s[n] >= '0' && s[n] <= '9') ++n;
  if (n == 0) return false;
  std::from_chars(s.data(), s.data() + n, out);
  s.remove_prefix(n);
  return true;
}

bool skip(std::string_view& s, std::string_view text) {
  if (!s.starts_with(text)) return false;
  s.remove_prefix(text.size());
  return true;
}

}  // namespace

std::optional<int64_t> parse_portal_datetime(std::string_view s) {
  CivilTime c;
  if (!read_number(s, c.month, 2) || !skip(s, "/") || !read_number(s, c.day, 2) || !skip(s, "/") ||
      !read_number(s, c.year, 4) || !skip(s, ", ") || !read_number(s, c.hour, 2) || !skip(s, ":") ||
      !read_number(s, c.minute, 2))
    return std::nullopt;
  if (skip(s, ":")) {
    if (!read_number(s, c.second, 2)) return std::nullopt;
    if (skip(s, ".")) {
      size_t n = 0;
      int64_t fraction = 0;
      while (n < s.size() && s[n] >= '0' && s[n] <= '9') {
        if (n < 7) fraction = fraction * 10 + (s[n] - '0');
        ++n;
      }
      if (n == 0) return std::nullopt;
      for (size_t i = n; i < 7; ++i) fraction *= 10;
      c.fraction_ticks = fraction;
      s.remove_prefix(n);
    }
  }
  bool pm;
  if (skip(s, " AM")) pm = false;
  else if (skip(s, " PM")) pm = true;
  else return std::nullopt;
  if (!s.empty() || c.month < 1 || c.month > 12 || c.day < 1 || c.day > days_in_month(c.year, c.month) ||
      c.hour < 1 || c.hour > 12 || c.minute > 59 || c.second > 59)
    return std::nullopt;
  c.hour = c.hour % 12 + (pm ? 12 : 0);
  return ticks_from_civil(c);
}

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
  // A text file whose header names no column of a log (a README, a license) is not a log: say
  // so once for the file rather than once per line.
  bool log_header = false;
  for (const auto& h : header) {
    std::string name;
    for (char ch : h) name += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    log_header = log_header || name.starts_with("eventid") || name.starts_with("timegenerated") ||
                 name.starts_with("winlog.") || name.starts_with("@timestamp");
  }
  if (!log_header) {
    r.error = "not a log file: its first line names none of EventID, TimeGenerated, winlog.*, @timestamp";
    mapper.quarantine().add(path, 0, 1, r.error);
    r.quarantined = 1;
    return r;
  }
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
