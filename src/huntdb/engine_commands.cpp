// Management commands (a leading '.'), run against the engine's workspace as Kusto runs them:
//   .create table T (col:type, ...)        .create-merge table T (col:type, ...)
//   .drop table T [ifexists]               .show tables
//   .show table T schema as json           .show table T extents
//   .ingest inline into table T <| csv lines
//   .set | .append | .set-or-append | .set-or-replace T [with (...)] <| query
// Each returns a table, with the columns Kusto returns for it.
#include <cctype>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "huntdb/engine.h"
#include "huntdb/exec/table_util.h"
#include "huntdb/ingest/text_table.h"
#include "huntdb/storage/storage_error.h"
#include "huntdb/storage/extent_reader.h"
#include "huntdb/storage/workspace.h"
#include "huntdb/types/datetime.h"
#include "huntdb/types/scalar_type.h"

namespace huntdb {

namespace {

// A command's error: the message, reported at the command's start.
struct CommandError {
  std::string message;
};

// Reads a command's words, names, punctuation and the text after `<|`.
class CommandCursor {
 public:
  explicit CommandCursor(std::string_view text) : text_(text) {}

  void skip_space() {
    while (pos_ < text_.size()) {
      if (std::isspace(static_cast<unsigned char>(text_[pos_]))) {
        ++pos_;
      } else if (text_.substr(pos_, 2) == "//") {
        while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
      } else {
        break;
      }
    }
  }
  bool at_end() {
    skip_space();
    return pos_ >= text_.size();
  }
  bool accept(std::string_view token) {
    skip_space();
    if (text_.substr(pos_, token.size()) != token) return false;
    // A word must end where the token ends.
    if (std::isalpha(static_cast<unsigned char>(token.back())) && pos_ + token.size() < text_.size() &&
        (std::isalnum(static_cast<unsigned char>(text_[pos_ + token.size()])) || text_[pos_ + token.size()] == '-' ||
         text_[pos_ + token.size()] == '_'))
      return false;
    pos_ += token.size();
    return true;
  }
  void expect(std::string_view token) {
    if (!accept(token)) throw CommandError{fmt::format("Expected '{}' at offset {} of the command.", token, pos_)};
  }
  // A command verb or keyword: letters, digits and '-'.
  std::string word() {
    skip_space();
    size_t b = pos_;
    while (pos_ < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '-' || text_[pos_] == '_'))
      ++pos_;
    return std::string(text_.substr(b, pos_ - b));
  }
  // A table or column name: an identifier, or ['name'] / ["name"].
  std::string name() {
    skip_space();
    if (accept("[")) {
      skip_space();
      char q = pos_ < text_.size() ? text_[pos_] : '\0';
      if (q != '\'' && q != '"') throw CommandError{"Expected a quoted name inside [ ]."};
      size_t end = text_.find(q, pos_ + 1);
      if (end == std::string_view::npos) throw CommandError{"The quoted name is not closed."};
      std::string n(text_.substr(pos_ + 1, end - pos_ - 1));
      pos_ = end + 1;
      expect("]");
      return n;
    }
    std::string n = word();
    if (n.empty()) throw CommandError{fmt::format("Expected a name at offset {} of the command.", pos_)};
    return n;
  }
  // Skips `with (...)` properties.
  void skip_properties() {
    if (!accept("with")) return;
    expect("(");
    int depth = 1;
    while (pos_ < text_.size() && depth > 0) {
      if (text_[pos_] == '(') ++depth;
      if (text_[pos_] == ')') --depth;
      ++pos_;
    }
  }
  std::string_view rest() {
    skip_space();
    return text_.substr(pos_);
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

TableSchema parse_columns(CommandCursor& c) {
  TableSchema schema;
  c.expect("(");
  while (!c.accept(")")) {
    std::string name = c.name();
    c.expect(":");
    std::string type = c.word();
    auto t = parse_type_name(type);
    if (!t) throw CommandError{fmt::format("'{}' is not a column type.", type)};
    schema.columns.push_back({name, *t});
    if (!c.accept(",")) {
      c.expect(")");
      break;
    }
  }
  return schema;
}

TablePtr make_result(std::vector<std::pair<std::string, ScalarType>> columns, std::vector<std::vector<Value>> rows) {
  TableSchema schema;
  std::vector<ColumnBuilder> builders;
  for (auto& [name, type] : columns) {
    schema.columns.push_back({name, type});
    builders.emplace_back(type);
  }
  for (const auto& row : rows)
    for (size_t i = 0; i < builders.size(); ++i) builders[i].append_value(row[i]);
  std::vector<ColumnPtr> cols;
  for (auto& b : builders) cols.push_back(b.finish());
  return exec::make_table(schema, exec::split_into_batches(std::move(cols), rows.size()));
}

std::string schema_json(const std::string& table, const TableSchema& schema) {
  nlohmann::json cols = nlohmann::json::array();
  for (const auto& c : schema.columns)
    cols.push_back({{"Name", c.name}, {"Type", std::string(clr_type_name(c.type))}, {"CslType", std::string(type_name(c.type))}});
  return nlohmann::json{{"Name", table}, {"OrderedColumns", cols}}.dump();
}

std::string csl_schema(const TableSchema& schema) {
  std::string out;
  for (const auto& c : schema.columns) out += (out.empty() ? "" : ",") + c.name + ":" + std::string(type_name(c.type));
  return out;
}

// An extent's sizes as Kusto reports them: the data before compression, the column chunks,
// the term indexes, and the whole file.
struct ExtentSizes {
  double original = 0, compressed = 0, index = 0, file = 0;
};

ExtentSizes sizes_of(const storage::ExtentHandle& e) {
  ExtentSizes s;
  auto reader = e.reader();
  for (const auto& c : reader->footer().columns) {
    s.original += static_cast<double>(c.raw_size);
    s.compressed += static_cast<double>(c.size);
    s.index += static_cast<double>(c.term_size);
  }
  s.file = static_cast<double>(reader->file_bytes());
  return s;
}

// The extents of `table` in `snapshot` whose ids are listed (all when `ids` is null).
std::vector<storage::ExtentHandlePtr> extents_of(const storage::Snapshot& snapshot, const std::string& table,
                                                  const std::vector<storage::ExtentInfo>* ids) {
  std::vector<storage::ExtentHandlePtr> out;
  const storage::TableSnapshot* t = snapshot.find(table);
  if (!t) return out;
  for (const auto& e : t->extents) {
    bool listed = !ids;
    for (size_t i = 0; ids && i < ids->size() && !listed; ++i) listed = (*ids)[i].id == e->info().id;
    if (listed) out.push_back(e);
  }
  return out;
}

// .show table T extents: Kusto's columns.
TablePtr show_extents_result(const std::string& database, const std::string& table,
                             const std::vector<storage::ExtentHandlePtr>& extents) {
  std::vector<std::vector<Value>> rows;
  for (const auto& e : extents) {
    const auto& info = e->info();
    ExtentSizes s = sizes_of(*e);
    rows.push_back({Value::of_string(std::to_string(info.id)), Value::of_string(database), Value::of_string(table),
                    Value::of_datetime(info.created_ticks), Value::of_real(s.original), Value::of_real(s.file),
                    Value::of_real(s.compressed), Value::of_real(s.index), Value::of_long(1), Value::of_long(1),
                    Value::of_string(""), Value::of_long(static_cast<int64_t>(info.rows)),
                    Value::of_datetime(info.created_ticks), Value::of_string(""), Value::of_string(""),
                    Value::of_long(0)});
  }
  return make_result({{"ExtentId", ScalarType::String},     {"DatabaseName", ScalarType::String},
                      {"TableName", ScalarType::String},    {"MaxCreatedOn", ScalarType::DateTime},
                      {"OriginalSize", ScalarType::Real},   {"ExtentSize", ScalarType::Real},
                      {"CompressedSize", ScalarType::Real}, {"IndexSize", ScalarType::Real},
                      {"Blocks", ScalarType::Long},         {"Segments", ScalarType::Long},
                      {"ExtentContainerId", ScalarType::String}, {"RowCount", ScalarType::Long},
                      {"MinCreatedOn", ScalarType::DateTime}, {"Tags", ScalarType::String},
                      {"Kind", ScalarType::String},         {"DeletedRowCount", ScalarType::Long}},
                     std::move(rows));
}

// What .ingest and .set / .append / ... return: one row per extent they created.
TablePtr created_extents_result(const std::vector<storage::ExtentHandlePtr>& extents) {
  std::vector<std::vector<Value>> rows;
  for (const auto& e : extents) {
    ExtentSizes s = sizes_of(*e);
    rows.push_back({Value::of_string(std::to_string(e->info().id)), Value::of_real(s.original), Value::of_real(s.file),
                    Value::of_real(s.compressed), Value::of_real(s.index),
                    Value::of_long(static_cast<int64_t>(e->info().rows))});
  }
  return make_result({{"ExtentId", ScalarType::String}, {"OriginalSize", ScalarType::Real},
                      {"ExtentSize", ScalarType::Real}, {"ColumnSize", ScalarType::Real},
                      {"IndexSize", ScalarType::Real}, {"RowCount", ScalarType::Long}},
                     std::move(rows));
}

}  // namespace

QueryResult Engine::run_command(std::shared_ptr<const SourceText> source, const RunOptions& options) {
  QueryResult out;
  out.source = source;
  auto fail = [&](std::string message) {
    out.errors.push_back(Diagnostic{DiagnosticKind::Semantic, Severity::Error, std::move(message), Span{}});
    return out;
  };
  if (!workspace_) return fail("Management commands need a workspace (huntdb query --workspace DIR).");
  storage::Workspace& ws = *workspace_;
  auto result = [&](TablePtr t) {
    out.tables.push_back(ResultTable{"PrimaryResult", std::move(t), std::nullopt});
    return out;
  };
  try {
    CommandCursor c(source->text());
    c.expect(".");
    std::string verb = c.word();
    if (verb == "show") {
      std::string what = c.word();
      if (what == "tables") {
        std::vector<std::vector<Value>> rows;
        for (const auto& t : ws.tables()) rows.push_back({Value::of_string(t), Value::of_string(catalog_.database_name)});
        return result(make_result({{"TableName", ScalarType::String}, {"DatabaseName", ScalarType::String}}, std::move(rows)));
      }
      if (what != "table") return fail(fmt::format("'.show {}' is not a supported command.", what));
      std::string table = c.name();
      auto schema = ws.schema(table);
      if (!schema) return fail(fmt::format("The table '{}' does not exist.", table));
      std::string detail = c.word();
      if (detail == "extents") {
        auto snap = ws.snapshot();
        return result(show_extents_result(catalog_.database_name, table, extents_of(*snap, table, nullptr)));
      }
      if (detail == "schema") {
        c.expect("as");
        std::string form = c.word();
        if (form != "json" && form != "csl") return fail("Expected 'as json' or 'as csl'.");
        std::string text = form == "json" ? schema_json(table, *schema) : csl_schema(*schema);
        return result(make_result({{"TableName", ScalarType::String}, {"Schema", ScalarType::String},
                                   {"DatabaseName", ScalarType::String}, {"Folder", ScalarType::String},
                                   {"DocString", ScalarType::String}},
                                  {{Value::of_string(table), Value::of_string(text),
                                    Value::of_string(catalog_.database_name), Value::of_string(""), Value::of_string("")}}));
      }
      return fail(fmt::format("'.show table {} {}' is not a supported command.", table, detail));
    }
    if (verb == "create" || verb == "create-merge") {
      c.expect("table");
      std::string table = c.name();
      TableSchema schema = parse_columns(c);
      if (verb == "create") ws.create_table(table, schema);
      else ws.create_merge_table(table, schema);
      sync_catalog_with_workspace();
      return result(make_result({{"TableName", ScalarType::String}, {"Schema", ScalarType::String},
                                 {"DatabaseName", ScalarType::String}},
                                {{Value::of_string(table), Value::of_string(csl_schema(*ws.schema(table))),
                                  Value::of_string(catalog_.database_name)}}));
    }
    if (verb == "drop") {
      c.expect("table");
      std::string table = c.name();
      bool if_exists = c.accept("ifexists");
      if (!ws.drop_table(table) && !if_exists) return fail(fmt::format("The table '{}' does not exist.", table));
      sync_catalog_with_workspace();
      std::vector<std::vector<Value>> rows;
      for (const auto& t : ws.tables()) rows.push_back({Value::of_string(t), Value::of_string(catalog_.database_name)});
      return result(make_result({{"TableName", ScalarType::String}, {"DatabaseName", ScalarType::String}}, std::move(rows)));
    }
    if (verb == "ingest") {
      c.expect("inline");
      c.expect("into");
      c.expect("table");
      std::string table = c.name();
      c.skip_properties();
      c.expect("<|");
      auto schema = ws.schema(table);
      if (!schema) return fail(fmt::format("The table '{}' does not exist.", table));
      std::string why;
      auto records = ingest::parse_csv(c.rest(), &why);
      if (!records) return fail("The inline data is not valid CSV: " + why);
      std::vector<ColumnPtr> columns;
      for (size_t col = 0; col < schema->columns.size(); ++col) {
        std::vector<std::string> texts;
        for (const auto& r : *records) texts.push_back(col < r.size() ? r[col] : std::string());
        columns.push_back(ingest::column_from_texts(texts, schema->columns[col].type));
      }
      Table rows = *exec::make_table(*schema, exec::split_into_batches(std::move(columns), records->size()));
      auto added = ws.append(table, rows);
      return result(created_extents_result(extents_of(*ws.snapshot(), table, &added)));
    }
    if (verb == "set" || verb == "append" || verb == "set-or-append" || verb == "set-or-replace") {
      c.accept("async");
      std::string table = c.name();
      c.skip_properties();
      c.expect("<|");
      std::string query(c.rest());
      bool exists = ws.schema(table).has_value();
      if (verb == "set" && exists) return fail(fmt::format("The table '{}' already exists: use .append or .set-or-replace.", table));
      if (verb == "append" && !exists) return fail(fmt::format("The table '{}' does not exist: use .set or .set-or-append.", table));
      QueryResult q = run(query, options);
      if (!q.ok()) {
        q.source = source;
        return q;
      }
      if (q.tables.empty()) return fail("The query gives no table.");
      const Table& rows = *q.tables[0].table;
      std::vector<storage::ExtentInfo> extents;
      if (verb == "set-or-replace") {
        extents = ws.set_or_replace(table, rows);
      } else {
        if (!exists) ws.create_table(table, rows.schema);
        extents = ws.append(table, rows);
      }
      sync_catalog_with_workspace();
      return result(created_extents_result(extents_of(*ws.snapshot(), table, &extents)));
    }
    return fail(fmt::format("'.{}' is not a supported management command.", verb));
  } catch (const CommandError& e) {
    return fail(e.message);
  } catch (const storage::StorageError& e) {
    return fail(e.what());
  }
}

}  // namespace huntdb
