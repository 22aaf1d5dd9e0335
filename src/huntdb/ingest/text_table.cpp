#include "huntdb/ingest/text_table.h"

#include <fmt/format.h>

#include "huntdb/common/read_file.h"
#include "huntdb/common/string_map.h"
#include "huntdb/types/convert.h"
#include "huntdb/types/datetime.h"
#include "huntdb/types/dynamic.h"
#include "huntdb/types/format.h"
#include "huntdb/types/guid.h"

namespace huntdb::ingest {

namespace {

bool looks_like_datetime(std::string_view s) {
  // 2018-04-24... : four digits and a dash, so that numbers and words are never dates.
  return s.size() >= 10 && std::isdigit(static_cast<unsigned char>(s[0])) && std::isdigit(static_cast<unsigned char>(s[3])) &&
         s[4] == '-';
}

bool is_integer_text(std::string_view s) {
  size_t i = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
  if (i >= s.size()) return false;
  for (; i < s.size(); ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

// The type Kusto would give a column of texts (empty texts are nulls).
ScalarType infer_from_texts(const std::vector<std::string>& texts) {
  bool any = false, all_long = true, all_real = true, all_bool = true, all_date = true, all_guid = true, all_json = true;
  for (const auto& t : texts) {
    if (t.empty()) continue;
    any = true;
    if (all_long && !(is_integer_text(t) && parse_long_text(t))) all_long = false;
    if (all_real && !parse_real_text(t)) all_real = false;
    if (all_bool && !(t == "true" || t == "false" || t == "True" || t == "False" || t == "TRUE" || t == "FALSE")) all_bool = false;
    if (all_date && !(looks_like_datetime(t) && parse_datetime(t))) all_date = false;
    if (all_guid && !(t.size() == 36 && parse_guid(t))) all_guid = false;
    if (all_json && !((t[0] == '[' || t[0] == '{') && parse_json(t))) all_json = false;
    if (!all_long && !all_real && !all_bool && !all_date && !all_guid && !all_json) break;
  }
  if (!any) return ScalarType::String;
  if (all_long) return ScalarType::Long;
  if (all_real) return ScalarType::Real;
  if (all_bool) return ScalarType::Bool;
  if (all_date) return ScalarType::DateTime;
  if (all_guid) return ScalarType::Guid;
  if (all_json) return ScalarType::Dynamic;
  return ScalarType::String;
}

// Appends `v` converted as the matching to*() function converts it (null when it does not).
void append_converted(ColumnBuilder& b, ScalarType type, const Value& v) {
  switch (type) {
    case ScalarType::Bool: {
      auto x = to_bool(v);
      x ? b.append_bool(*x) : b.append_null();
      break;
    }
    case ScalarType::Int: {
      auto x = to_int(v);
      x ? b.append_int(*x) : b.append_null();
      break;
    }
    case ScalarType::Long: {
      auto x = to_long(v);
      x ? b.append_long(*x) : b.append_null();
      break;
    }
    case ScalarType::Real:
    case ScalarType::Decimal: {
      auto x = to_real(v);
      x ? b.append_real(*x) : b.append_null();
      break;
    }
    case ScalarType::DateTime: {
      auto x = to_datetime(v);
      x ? b.append_long(*x) : b.append_null();
      break;
    }
    case ScalarType::TimeSpan: {
      auto x = to_timespan(v);
      x ? b.append_long(*x) : b.append_null();
      break;
    }
    case ScalarType::Guid: {
      auto x = to_guid(v);
      x ? b.append_guid(*x) : b.append_null();
      break;
    }
    default:
      b.append_null();
  }
}

}  // namespace

ColumnPtr column_from_texts(const std::vector<std::string>& texts, ScalarType type) {
  ColumnBuilder b(type, texts.size());
  for (const auto& t : texts) {
    if (type == ScalarType::String) {
      b.append_string(t);
      continue;
    }
    if (t.empty()) {
      b.append_null();
      continue;
    }
    if (type == ScalarType::Dynamic) {
      auto d = parse_json(t);
      b.append_dynamic(d ? *d : DynValue::of_string(t));
      continue;
    }
    // Typed columns read their text as the matching to*() conversion does.
    append_converted(b, type, Value::of_string(t));
  }
  return b.finish();
}

namespace {

TablePtr assemble(TableSchema schema, std::vector<ColumnPtr> columns, size_t rows) {
  for (auto& c : columns)
    if (c->type() == ScalarType::String) c = maybe_dictionary(c);
  auto t = std::make_shared<Table>();
  t->schema = std::move(schema);
  for (size_t offset = 0; offset < rows; offset += kBatchRows) {
    size_t n = std::min(kBatchRows, rows - offset);
    Batch b;
    b.rows = n;
    for (const auto& c : columns) b.columns.push_back(Column::slice(c, offset, n));
    t->batches.push_back(std::move(b));
  }
  return t;
}

ScalarType forced_type(const TextTableOptions& o, const std::string& name) {
  if (!o.schema) return ScalarType::Unknown;
  const ColumnSchema* c = o.schema->find(name);
  return c ? c->type : ScalarType::Unknown;
}

}  // namespace

ColumnPtr maybe_dictionary(const ColumnPtr& strings) {
  if (strings->type() != ScalarType::String || !strings->is_flat() || strings->size() < 16) return strings;
  StringMap<uint32_t> ids;
  std::vector<uint32_t> codes(strings->size());
  ColumnBuilder dict(ScalarType::String);
  for (size_t i = 0; i < strings->size(); ++i) {
    std::string_view s = strings->string_at(i);
    auto it = ids.find(s);
    if (it == ids.end()) {
      // Too many distinct values: a dictionary would not pay off.
      if (ids.size() * 2 > strings->size()) return strings;
      it = ids.emplace(std::string(s), static_cast<uint32_t>(ids.size())).first;
      dict.append_string(s);
    }
    codes[i] = it->second;
  }
  return Column::make_dictionary(dict.finish(), std::move(codes));
}

std::optional<std::vector<std::vector<std::string>>> parse_csv(std::string_view text, std::string* error, char delimiter) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, field_started = false;
  size_t line = 1, quote_line = 0;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // UTF-8 byte order mark
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"' && !field_started) {
      quoted = true;
      field_started = true;
      quote_line = line;
    } else if (c == delimiter) {
      row.push_back(std::move(field));
      field.clear();
      field_started = false;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      row.push_back(std::move(field));
      field.clear();
      field_started = false;
      if (!(row.size() == 1 && row[0].empty())) rows.push_back(std::move(row));
      row.clear();
      ++line;
    } else {
      field += c;
      field_started = true;
    }
  }
  if (quoted) {
    *error = fmt::format("line {}: a quoted field is not closed", quote_line);
    return std::nullopt;
  }
  if (field_started || !row.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::optional<TablePtr> load_csv(const std::string& path, std::string* error, const TextTableOptions& options) {
  auto text = read_whole_file(path, error);
  if (!text) return std::nullopt;
  std::string why;
  auto rows = parse_csv(*text, &why);
  if (!rows) {
    *error = path + ":" + why;
    return std::nullopt;
  }
  if (rows->empty()) {
    *error = path + ": the file has no header row";
    return std::nullopt;
  }
  const auto& header = (*rows)[0];
  size_t ncols = header.size();
  std::vector<std::vector<std::string>> cells(ncols);
  for (size_t r = 1; r < rows->size(); ++r) {
    auto& row = (*rows)[r];
    // Short rows are padded with empty fields, extra fields are an error.
    if (row.size() > ncols) {
      *error = fmt::format("{}: record {} has {} fields, the header has {}", path, r, row.size(), ncols);
      return std::nullopt;
    }
    for (size_t c = 0; c < ncols; ++c) cells[c].push_back(c < row.size() ? std::move(row[c]) : std::string());
  }
  TableSchema schema;
  std::vector<ColumnPtr> columns;
  for (size_t c = 0; c < ncols; ++c) {
    ScalarType t = forced_type(options, header[c]);
    if (t == ScalarType::Unknown) t = infer_from_texts(cells[c]);
    schema.columns.push_back({header[c], t});
    columns.push_back(column_from_texts(cells[c], t));
  }
  return assemble(std::move(schema), std::move(columns), rows->size() - 1);
}

void append_json_value(ColumnBuilder& b, ScalarType t, const DynamicPtr& v) {
  if (!v || v->is_null()) {
    b.append_null();
  } else if (t == ScalarType::Dynamic) {
    b.append_dynamic(v);
  } else if (t == ScalarType::String) {
    b.append_string(v->kind() == DynValue::Kind::String ? v->as_string() : to_json(*v));
  } else {
    append_converted(b, t, scalar_of(*v));
  }
}

std::optional<TablePtr> load_jsonl(const std::string& path, std::string* error, const TextTableOptions& options) {
  auto text = read_whole_file(path, error);
  if (!text) return std::nullopt;
  std::vector<std::string> names;
  StringMap<size_t> index;
  std::vector<std::vector<DynamicPtr>> cells;
  size_t rows = 0, line_no = 0, start = 0;
  std::string_view all(*text);
  while (start < all.size()) {
    size_t end = all.find('\n', start);
    if (end == std::string_view::npos) end = all.size();
    std::string_view line = all.substr(start, end - start);
    start = end + 1;
    ++line_no;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (line.empty()) continue;
    auto doc = parse_json(line);
    if (!doc || !(*doc)->is_object()) {
      *error = fmt::format("{}:{}: the line is not a JSON object", path, line_no);
      return std::nullopt;
    }
    for (const auto& [k, v] : (*doc)->properties()) {
      auto it = index.find(k);
      if (it == index.end()) {
        it = index.emplace(k, names.size()).first;
        names.push_back(k);
        cells.emplace_back(rows, nullptr);
      }
      cells[it->second].resize(rows + 1);
      cells[it->second][rows] = v;
    }
    ++rows;
    for (auto& c : cells) c.resize(rows);
  }
  TableSchema schema;
  std::vector<ColumnPtr> columns;
  for (size_t c = 0; c < names.size(); ++c) {
    ScalarType t = forced_type(options, names[c]);
    if (t == ScalarType::Unknown) {
      // Infer from the kinds of the values.
      bool any = false, all_long = true, all_num = true, all_bool = true, all_str = true, all_date = true;
      for (const auto& v : cells[c]) {
        if (!v || v->is_null()) continue;
        any = true;
        auto k = v->kind();
        all_long &= k == DynValue::Kind::Long;
        all_num &= k == DynValue::Kind::Long || k == DynValue::Kind::Real;
        all_bool &= k == DynValue::Kind::Bool;
        all_str &= k == DynValue::Kind::String;
        all_date &= k == DynValue::Kind::String && looks_like_datetime(v->as_string()) && parse_datetime(v->as_string());
      }
      t = !any ? ScalarType::String
          : all_long ? ScalarType::Long
          : all_num ? ScalarType::Real
          : all_bool ? ScalarType::Bool
          : all_date ? ScalarType::DateTime
          : all_str ? ScalarType::String
                    : ScalarType::Dynamic;
    }
    schema.columns.push_back({names[c], t});
    ColumnBuilder b(t, rows);
    for (const auto& v : cells[c]) append_json_value(b, t, v);
    columns.push_back(b.finish());
  }
  return assemble(std::move(schema), std::move(columns), rows);
}

std::optional<TablePtr> load_text_table(const std::string& path, std::string* error, const TextTableOptions& options) {
  auto ends = [&](std::string_view ext) { return path.size() >= ext.size() && path.substr(path.size() - ext.size()) == ext; };
  if (ends(".csv")) return load_csv(path, error, options);
  if (ends(".json") || ends(".jsonl") || ends(".ndjson")) return load_jsonl(path, error, options);
  *error = path + ": unknown format (use .csv, or .json/.jsonl for JSON lines)";
  return std::nullopt;
}

}  // namespace huntdb::ingest
