#include "huntdb/ingest/external_format.h"

#include <fmt/format.h>

#include "huntdb/ingest/text_table.h"
#include "huntdb/types/dynamic.h"

namespace huntdb::ingest {

namespace {

std::optional<char> delimiter_of(std::string_view format) {
  if (format == "csv") return ',';
  if (format == "tsv" || format == "tsve") return '\t';
  if (format == "psv") return '|';
  if (format == "scsv") return ';';
  if (format == "sohsv") return '\x01';
  return std::nullopt;
}

void append_texts(const std::vector<std::string>& fields, const TableSchema& schema,
                  std::vector<ColumnBuilder>& columns) {
  for (size_t c = 0; c < schema.columns.size(); ++c) {
    std::vector<std::string> one{c < fields.size() ? fields[c] : std::string()};
    columns[c].append_from(*column_from_texts(one, schema.columns[c].type), 0);
  }
}

void append_object(const DynValue& object, const TableSchema& schema, std::vector<ColumnBuilder>& columns) {
  for (size_t c = 0; c < schema.columns.size(); ++c) {
    DynamicPtr v;
    for (const auto& [key, value] : object.properties())
      if (key == schema.columns[c].name) v = value;
    append_json_value(columns[c], schema.columns[c].type, v);
  }
}

bool parse_delimited(std::string_view text, char delimiter, const TableSchema& schema, const ExternalFormat& f,
                     std::string_view source, std::vector<ColumnBuilder>& columns, std::string* error) {
  std::string why;
  auto rows = parse_csv(text, &why, delimiter);
  if (!rows) {
    *error = fmt::format("{}: {}", source, why);
    return false;
  }
  for (size_t r = f.ignore_first_record ? 1 : 0; r < rows->size(); ++r) append_texts((*rows)[r], schema, columns);
  return true;
}

bool parse_json_lines(std::string_view text, const TableSchema& schema, const ExternalFormat& f,
                      std::string_view source, std::vector<ColumnBuilder>& columns, std::string* error) {
  size_t start = 0, record = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    if (line.empty()) continue;
    ++record;
    if (f.ignore_first_record && record == 1) continue;
    auto doc = parse_json(line);
    if (!doc || !(*doc)->is_object()) {
      *error = fmt::format("{}: record {}: the line is not a JSON object", source, record);
      return false;
    }
    append_object(**doc, schema, columns);
  }
  return true;
}

// multijson: objects one after another (any layout), or arrays of them.
bool parse_multi_json(std::string_view text, const TableSchema& schema, std::string_view source,
                      std::vector<ColumnBuilder>& columns, std::string* error) {
  size_t pos = 0, record = 0;
  while (pos < text.size()) {
    while (pos < text.size() && std::isspace(static_cast<unsigned char>(text[pos]))) ++pos;
    if (pos >= text.size()) break;
    // Find the end of this value by bracket depth, skipping strings.
    size_t depth = 0, i = pos;
    bool in_string = false;
    for (; i < text.size(); ++i) {
      char c = text[i];
      if (in_string) {
        if (c == '\\') ++i;
        else if (c == '"') in_string = false;
      } else if (c == '"') {
        in_string = true;
      } else if (c == '{' || c == '[') {
        ++depth;
      } else if (c == '}' || c == ']') {
        if (depth == 0 || --depth == 0) break;
      }
    }
    ++record;
    auto doc = i < text.size() ? parse_json(text.substr(pos, i + 1 - pos)) : std::nullopt;
    if (!doc || !((*doc)->is_object() || (*doc)->is_array())) {
      *error = fmt::format("{}: record {}: not a JSON object or array of objects", source, record);
      return false;
    }
    if ((*doc)->is_object()) {
      append_object(**doc, schema, columns);
    } else {
      for (const auto& item : (*doc)->elements())
        if (item && item->is_object()) append_object(*item, schema, columns);
    }
    pos = i + 1;
  }
  return true;
}

}  // namespace

bool is_supported_external_format(std::string_view name) {
  return delimiter_of(name) || name == "txt" || name == "raw" || name == "json" || name == "multijson" ||
         name == "singlejson";
}

bool parse_external_text(std::string_view text, const TableSchema& schema, const ExternalFormat& f,
                         std::string_view source, std::vector<ColumnBuilder>& columns, std::string* error) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // UTF-8 byte order mark
  if (auto d = delimiter_of(f.name)) return parse_delimited(text, *d, schema, f, source, columns, error);
  if (f.name == "json") return parse_json_lines(text, schema, f, source, columns, error);
  if (f.name == "multijson" || f.name == "singlejson") return parse_multi_json(text, schema, source, columns, error);
  if (schema.columns.empty()) return true;
  auto append_record = [&](std::string_view record) {
    append_texts({std::string(record)}, schema, columns);
  };
  if (f.name == "raw") {
    append_record(text);
    return true;
  }
  if (f.name == "txt") {
    size_t start = 0, record = 0;
    while (start < text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      std::string_view line = text.substr(start, end - start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      start = end + 1;
      if (++record == 1 && f.ignore_first_record) continue;
      append_record(line);
    }
    return true;
  }
  *error = fmt::format("{}: the format '{}' is not supported (csv, tsv, psv, scsv, sohsv, txt, raw, json, multijson)",
                       source, f.name);
  return false;
}

}  // namespace huntdb::ingest
