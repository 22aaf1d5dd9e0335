// Tables: .create table, .create-merge table, .drop table, .show tables, .show table T
// (schema as json|csl, cslschema, extents), .ingest inline, and .set / .append /
// .set-or-append / .set-or-replace T <| query. Each returns the columns Kusto returns for it.
#include <fmt/format.h>

#include "huntdb/commands/command_context.h"
#include "huntdb/commands/command_result.h"
#include "huntdb/commands/schema_json.h"
#include "huntdb/engine.h"
#include "huntdb/exec/table_util.h"
#include "huntdb/ingest/text_table.h"
#include "huntdb/storage/extent_reader.h"

namespace huntdb::commands {

namespace {

TableSchema parse_columns(CommandCursor& c) {
  TableSchema schema;
  c.expect("(");
  while (!c.accept(")")) {
    std::string name = c.name();
    c.expect(":");
    size_t at = c.next();
    std::string type = c.word();
    auto t = parse_type_name(type);
    if (!t) c.fail_at(at, fmt::format("'{}' is not a column type.", type));
    schema.columns.push_back({name, *t});
    if (!c.accept(",")) {
      c.expect(")");
      break;
    }
  }
  return schema;
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
  std::vector<ResultRow> rows;
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
                     rows);
}

// What .ingest and .set / .append / ... return: one row per extent they created.
TablePtr created_extents_result(const std::vector<storage::ExtentHandlePtr>& extents) {
  std::vector<ResultRow> rows;
  for (const auto& e : extents) {
    ExtentSizes s = sizes_of(*e);
    rows.push_back({Value::of_string(std::to_string(e->info().id)), Value::of_real(s.original), Value::of_real(s.file),
                    Value::of_real(s.compressed), Value::of_real(s.index),
                    Value::of_long(static_cast<int64_t>(e->info().rows))});
  }
  return make_result({{"ExtentId", ScalarType::String}, {"OriginalSize", ScalarType::Real},
                      {"ExtentSize", ScalarType::Real}, {"ColumnSize", ScalarType::Real},
                      {"IndexSize", ScalarType::Real}, {"RowCount", ScalarType::Long}},
                     rows);
}

// .show tables (and what .drop table returns): the tables queries can see.
TablePtr tables_result(const analyze::Catalog& catalog) {
  std::vector<ResultRow> rows;
  for (const auto& t : catalog.table_names())
    rows.push_back({Value::of_string(t), Value::of_string(catalog.database_name), Value::of_string(""), Value::of_string("")});
  return make_result({{"TableName", ScalarType::String}, {"DatabaseName", ScalarType::String},
                      {"Folder", ScalarType::String}, {"DocString", ScalarType::String}},
                     rows);
}

TablePtr show_table(CommandCursor& c, CommandContext& ctx) {
  size_t at = c.next();
  std::string table = c.name();
  const TableSchema* schema = ctx.catalog.table(table);
  if (!schema) c.fail_at(at, fmt::format("The table '{}' does not exist.", table));
  at = c.next();
  std::string detail = c.keyword();
  if (detail == "extents") {
    c.expect_end();
    return show_extents_result(ctx.catalog.database_name, table, extents_of(*ctx.workspace.snapshot(), table, nullptr));
  }
  std::string form;
  if (detail == "cslschema") {
    form = "csl";
  } else if (detail == "schema") {
    c.expect("as");
    size_t form_at = c.next();
    form = c.keyword();
    if (form != "json" && form != "csl") c.fail_at(form_at, "Expected 'as json' or 'as csl'.");
  } else {
    c.fail_at(at, fmt::format("'.show table {} {}' is not a supported command.", table, detail));
  }
  c.expect_end();
  std::string text = form == "json" ? table_schema_json(table, *schema).dump() : csl_schema(*schema);
  return make_result({{"TableName", ScalarType::String}, {"Schema", ScalarType::String},
                      {"DatabaseName", ScalarType::String}, {"Folder", ScalarType::String},
                      {"DocString", ScalarType::String}},
                     {{Value::of_string(table), Value::of_string(text), Value::of_string(ctx.catalog.database_name),
                       Value::of_string(""), Value::of_string("")}});
}

TablePtr ingest_inline(CommandCursor& c, CommandContext& ctx) {
  c.expect("into");
  c.expect("table");
  size_t at = c.next();
  std::string table = c.name();
  c.properties();
  c.expect("<|");
  auto schema = ctx.workspace.schema(table);
  if (!schema) c.fail_at(at, fmt::format("The table '{}' does not exist.", table));
  size_t data_at = c.next();
  std::string why;
  auto records = ingest::parse_csv(c.rest(), &why);
  if (!records) c.fail_at(data_at, "The inline data is not valid CSV: " + why);
  std::vector<ColumnPtr> columns;
  for (size_t col = 0; col < schema->columns.size(); ++col) {
    std::vector<std::string> texts;
    for (const auto& r : *records) texts.push_back(col < r.size() ? r[col] : std::string());
    columns.push_back(ingest::column_from_texts(texts, schema->columns[col].type));
  }
  Table rows = *exec::make_table(*schema, exec::split_into_batches(std::move(columns), records->size()));
  auto added = ctx.workspace.append(table, rows);
  return created_extents_result(extents_of(*ctx.workspace.snapshot(), table, &added));
}

// .set | .append | .set-or-append | .set-or-replace [async] T [with (...)] <| query
TablePtr set_from_query(const std::string& verb, CommandCursor& c, CommandContext& ctx) {
  c.accept("async");
  size_t at = c.next();
  std::string table = c.name();
  c.properties();
  c.expect("<|");
  size_t query_at = c.next();
  std::string query(c.rest());
  storage::Workspace& ws = ctx.workspace;
  bool exists = ws.schema(table).has_value();
  if (verb == "set" && exists) c.fail_at(at, fmt::format("The table '{}' already exists: use .append or .set-or-replace.", table));
  if (verb == "append" && !exists) c.fail_at(at, fmt::format("The table '{}' does not exist: use .set or .set-or-append.", table));
  QueryResult q = ctx.run_query(query);
  if (!q.ok()) throw CommandError{q.errors[0].message, query_at + q.errors[0].span.begin, std::max<size_t>(1, q.errors[0].span.length())};
  if (q.tables.empty()) c.fail_at(query_at, "The query gives no table.");
  const Table& rows = *q.tables[0].table;
  std::vector<storage::ExtentInfo> extents;
  if (verb == "set-or-replace") {
    extents = ws.set_or_replace(table, rows);
  } else {
    if (!exists) ws.create_table(table, rows.schema);
    extents = ws.append(table, rows);
  }
  ctx.sync_catalog();
  return created_extents_result(extents_of(*ws.snapshot(), table, &extents));
}

}  // namespace

TablePtr run_table_command(const std::string& verb, const std::string& object, CommandCursor& c, CommandContext& ctx) {
  storage::Workspace& ws = ctx.workspace;
  if (verb == "show" && object == "tables") {
    c.expect_end();
    return tables_result(ctx.catalog);
  }
  if (verb == "show" && object == "table") return show_table(c, ctx);
  if ((verb == "create" || verb == "create-merge") && object == "table") {
    std::string table = c.name();
    TableSchema schema = parse_columns(c);
    c.expect_end();
    if (verb == "create") ws.create_table(table, schema);
    else ws.create_merge_table(table, schema);
    ctx.sync_catalog();
    return make_result({{"TableName", ScalarType::String}, {"Schema", ScalarType::String},
                        {"DatabaseName", ScalarType::String}},
                       {{Value::of_string(table), Value::of_string(csl_schema(*ws.schema(table))),
                         Value::of_string(ctx.catalog.database_name)}});
  }
  if (verb == "drop" && object == "table") {
    size_t at = c.next();
    std::string table = c.name();
    bool if_exists = c.accept("ifexists");
    c.expect_end();
    if (!ws.drop_table(table) && !if_exists) c.fail_at(at, fmt::format("The table '{}' does not exist.", table));
    ctx.sync_catalog();
    return tables_result(ctx.catalog);
  }
  if (verb == "ingest" && object == "inline") return ingest_inline(c, ctx);
  if (verb == "set" || verb == "append" || verb == "set-or-append" || verb == "set-or-replace")
    return set_from_query(verb, c, ctx);
  return nullptr;
}

}  // namespace huntdb::commands
