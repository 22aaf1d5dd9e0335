// JSON lines: one object per line, flattened into a FlatRecord (nested objects joined with dots,
// numbers and booleans as their JSON text, arrays as JSON) and mapped by its layout
// (json_layouts.h). A line that is not a JSON object, or not a Windows event, is quarantined with
// its line number and byte offset; blank lines are skipped.
#include <iterator>

#include <fmt/format.h>
#include <simdjson.h>

#include "huntdb/ingest/json_layouts.h"
#include "huntdb/ingest/table_mapper.h"

namespace huntdb::ingest {

namespace {

class Flattener {
 public:
  Flattener(FlatRecord& out, TextPool& pool) : out_(out), pool_(pool) {}

  void object(simdjson::dom::object obj, std::string_view prefix) {
    for (auto [key, value] : obj) {
      std::string_view name = key;
      if (!prefix.empty()) {
        std::string& s = pool_.make();
        s.append(prefix).append(".").append(key);
        name = s;
      }
      this->value(name, value);
    }
  }

 private:
  void value(std::string_view name, simdjson::dom::element v) {
    using simdjson::dom::element_type;
    switch (v.type()) {
      case element_type::OBJECT:
        if (name.find('.') == std::string_view::npos) out_.objects.push_back({name, pool_.keep(simdjson::minify(v))});
        object(v.get_object().value_unsafe(), name);
        return;
      case element_type::STRING: out_.fields.push_back({name, v.get_string().value_unsafe()}); return;
      case element_type::INT64: {
        std::string& s = pool_.make();
        fmt::format_to(std::back_inserter(s), "{}", v.get_int64().value_unsafe());
        out_.fields.push_back({name, s});
        return;
      }
      case element_type::UINT64: {
        std::string& s = pool_.make();
        fmt::format_to(std::back_inserter(s), "{}", v.get_uint64().value_unsafe());
        out_.fields.push_back({name, s});
        return;
      }
      case element_type::DOUBLE: {
        std::string& s = pool_.make();
        fmt::format_to(std::back_inserter(s), "{}", v.get_double().value_unsafe());
        out_.fields.push_back({name, s});
        return;
      }
      case element_type::BOOL: out_.fields.push_back({name, v.get_bool().value_unsafe() ? "true" : "false"}); return;
      case element_type::NULL_VALUE: return;  // absent
      case element_type::ARRAY: out_.fields.push_back({name, pool_.keep(simdjson::minify(v))}); return;
    }
  }

  FlatRecord& out_;
  TextPool& pool_;
};

}  // namespace

IngestFileResult ingest_json_lines(const std::string& path, TableMapper& mapper) {
  IngestFileResult r;
  r.format = LogFormat::JsonLines;
  // The whole file with simdjson's padding after it, so each line parses in place (the bytes
  // after a line are the next lines, then the padding).
  simdjson::padded_string file;
  if (simdjson::padded_string::load(path).get(file)) {
    r.error = "cannot read the file";
    mapper.quarantine().add(path, 0, 0, r.error);
    r.quarantined = 1;
    return r;
  }
  std::string_view text(file.data(), file.size());
  simdjson::dom::parser parser;
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
    simdjson::dom::element doc;
    if (auto err = parser.parse(line.data(), line.size(), false).get(doc)) {
      mapper.quarantine().add(path, offset, line_no, fmt::format("invalid JSON: {}", simdjson::error_message(err)));
      ++r.quarantined;
      continue;
    }
    simdjson::dom::object obj;
    if (doc.get_object().get(obj)) {
      mapper.quarantine().add(path, offset, line_no, "not a JSON object");
      ++r.quarantined;
      continue;
    }
    record.fields.clear();
    record.objects.clear();
    pool.reset();
    Flattener(record, pool).object(obj, {});
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
