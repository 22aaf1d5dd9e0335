// The database as Kusto tools ask about it on connect: .show version, .show databases,
// .show cluster databases, .show databases entities, .show database schema [as json],
// .show schema as json, .show databases schema as json, .show materialized-views and
// .show external tables. The workspace is one database named after its folder; what it does not
// have (materialized views, external tables, a database id) is empty or null, never invented.
#include <fmt/format.h>

#include "huntdb/commands/command_context.h"
#include "huntdb/commands/command_result.h"
#include "huntdb/commands/schema_json.h"
#include "huntdb/types/dynamic.h"

#ifndef HUNTDB_VERSION
#define HUNTDB_VERSION "0.0.0"
#endif

namespace huntdb::commands {

namespace {

Value text(std::string s) { return Value::of_string(std::move(s)); }

// The database's version counts its published changes, as Kusto's does ("v1.<changes>").
uint64_t changes_of(CommandContext& ctx) { return ctx.workspace.snapshot()->generation; }
Value version_of(CommandContext& ctx) { return text(fmt::format("v1.{}", changes_of(ctx))); }

// .show version: the columns Kusto returns (BuildTime is null: a build records no time).
TablePtr version_result() {
  return make_result({{"BuildVersion", ScalarType::String},
                      {"BuildTime", ScalarType::DateTime},
                      {"ServiceType", ScalarType::String},
                      {"ProductVersion", ScalarType::String},
                      {"ServiceOffering", ScalarType::String}},
                     {{text(HUNTDB_VERSION), Value::null(ScalarType::DateTime), text("Engine"),
                       text(fmt::format("huntdb {}", HUNTDB_VERSION)), text(R"({"Type":"huntdb"})")}});
}

// .show databases and .show cluster databases: the workspace, the one database there is.
TablePtr databases_result(CommandContext& ctx) {
  return make_result({{"DatabaseName", ScalarType::String},
                      {"PersistentStorage", ScalarType::String},
                      {"Version", ScalarType::String},
                      {"IsCurrent", ScalarType::Bool},
                      {"DatabaseAccessMode", ScalarType::String},
                      {"PrettyName", ScalarType::String},
                      {"ReservedSlot1", ScalarType::Bool},
                      {"DatabaseId", ScalarType::Guid},
                      {"InTransitionTo", ScalarType::String},
                      {"SuspensionState", ScalarType::String}},
                     {{text(ctx.catalog.database_name), text(ctx.workspace.dir()), version_of(ctx),
                       Value::of_bool(true), text("ReadWrite"), text(""), Value::null(ScalarType::Bool),
                       Value::null(ScalarType::Guid), text(""), Value::null(ScalarType::String)}});
}

// .show databases entities: a row per table and stored function (the web UI's schema tree).
TablePtr entities_result(CommandContext& ctx) {
  const analyze::Catalog& catalog = ctx.catalog;
  std::vector<ResultRow> rows;
  auto no_properties = [] { return Value::of_dynamic(DynValue::of_object({})); };
  for (const auto& name : catalog.table_names())
    rows.push_back({text(catalog.database_name), text("Table"), text(name), text(""), text(""), text(""), text(""),
                    text(csl_output_schema(*catalog.table(name))), no_properties()});
  for (const auto& name : catalog.function_names()) {
    const analyze::StoredFunction& f = *catalog.function(name);
    rows.push_back({text(catalog.database_name), text("Function"), text(name), text(f.docstring), text(f.folder),
                    text(f.parameters.empty() ? "()" : f.parameters), text(f.body), text(""), no_properties()});
  }
  return make_result({{"DatabaseName", ScalarType::String},
                      {"EntityType", ScalarType::String},
                      {"EntityName", ScalarType::String},
                      {"DocString", ScalarType::String},
                      {"Folder", ScalarType::String},
                      {"CslInputSchema", ScalarType::String},
                      {"Content", ScalarType::String},
                      {"CslOutputSchema", ScalarType::String},
                      {"Properties", ScalarType::Dynamic}},
                     rows);
}

// .show database schema: the database, then each table, then each of its columns.
TablePtr database_schema_result(CommandContext& ctx) {
  const analyze::Catalog& catalog = ctx.catalog;
  std::string db = catalog.database_name;
  std::vector<ResultRow> rows;
  rows.push_back({text(db), text(""), text(""), text(""), Value::of_bool(false), Value::of_bool(false), text(""),
                  version_of(ctx)});
  for (const auto& name : catalog.table_names()) {
    rows.push_back({text(db), text(name), text(""), text(""), Value::of_bool(true), Value::of_bool(false), text(""), text("")});
    for (const auto& c : catalog.table(name)->columns)
      rows.push_back({text(db), text(name), text(c.name), text(std::string(clr_type_name(c.type))), Value::of_bool(true),
                      Value::of_bool(false), text(""), text("")});
  }
  return make_result({{"DatabaseName", ScalarType::String},
                      {"TableName", ScalarType::String},
                      {"ColumnName", ScalarType::String},
                      {"ColumnType", ScalarType::String},
                      {"IsDefaultTable", ScalarType::Bool},
                      {"IsDefaultColumn", ScalarType::Bool},
                      {"PrettyName", ScalarType::String},
                      {"Version", ScalarType::String}},
                     rows);
}

// The schema document as a one-row, one-column table, as Kusto returns it.
TablePtr schema_json_result(CommandContext& ctx) {
  return make_result({{"DatabaseSchema", ScalarType::String}},
                     {{text(cluster_schema_json(ctx.catalog, changes_of(ctx)).dump())}});
}

// `as json` after a schema command; other forms are not supported.
void expect_as_json(CommandCursor& c, const std::string& command) {
  if (c.at_end()) c.fail(fmt::format("Only '{} as json' is supported.", command));
  c.expect("as");
  size_t at = c.next();
  if (c.keyword() != "json") c.fail_at(at, fmt::format("Only '{} as json' is supported.", command));
  c.expect_end();
}

// The database name a command names must be the workspace's.
void expect_this_database(CommandCursor& c, const std::string& name, size_t at, const analyze::Catalog& catalog) {
  if (name != catalog.database_name)
    c.fail_at(at, fmt::format("The database '{}' does not exist (this workspace is '{}').", name, catalog.database_name));
}

TablePtr show_databases(CommandCursor& c, CommandContext& ctx) {
  size_t at = c.next();
  std::string detail = c.keyword();
  if (detail.empty()) {
    c.expect_end();
    return databases_result(ctx);
  }
  if (detail == "entities") {
    c.properties();
    c.expect_end();
    return entities_result(ctx);
  }
  if (detail == "schema") {
    expect_as_json(c, ".show databases schema");
    return schema_json_result(ctx);
  }
  c.fail_at(at, fmt::format("'.show databases {}' is not a supported command.", detail));
}

// .show database [Name] schema [as json]
TablePtr show_database(CommandCursor& c, CommandContext& ctx) {
  size_t at = c.next();
  std::string word = c.name();
  if (word != "schema") {
    expect_this_database(c, word, at, ctx.catalog);
    at = c.next();
    if (c.keyword() != "schema") c.fail_at(at, "Expected '.show database [Name] schema [as json]'.");
  }
  if (c.at_end()) return database_schema_result(ctx);
  expect_as_json(c, ".show database schema");
  return schema_json_result(ctx);
}

TablePtr empty_materialized_views() {
  return make_result({{"Name", ScalarType::String},
                      {"SourceTable", ScalarType::String},
                      {"Query", ScalarType::String},
                      {"MaterializedTo", ScalarType::DateTime},
                      {"LastRun", ScalarType::DateTime},
                      {"LastRunResult", ScalarType::String},
                      {"IsHealthy", ScalarType::Bool},
                      {"IsEnabled", ScalarType::Bool},
                      {"Status", ScalarType::String},
                      {"Folder", ScalarType::String},
                      {"DocString", ScalarType::String},
                      {"AutoUpdateSchema", ScalarType::Bool},
                      {"EffectiveDateTime", ScalarType::DateTime},
                      {"LastDefinitionUpdate", ScalarType::DateTime},
                      {"Lookback", ScalarType::TimeSpan},
                      {"LookbackColumn", ScalarType::String}},
                     {});
}

TablePtr empty_external_tables() {
  return make_result({{"TableName", ScalarType::String},
                      {"TableType", ScalarType::String},
                      {"Folder", ScalarType::String},
                      {"DocString", ScalarType::String},
                      {"Properties", ScalarType::String}},
                     {});
}

}  // namespace

TablePtr run_database_command(const std::string& verb, const std::string& object, CommandCursor& c, CommandContext& ctx) {
  if (verb != "show") return nullptr;
  if (object == "version") {
    c.expect_end();
    return version_result();
  }
  if (object == "databases") return show_databases(c, ctx);
  if (object == "cluster") {
    c.expect("databases");
    c.expect_end();
    return databases_result(ctx);
  }
  if (object == "database") return show_database(c, ctx);
  if (object == "schema") {
    expect_as_json(c, ".show schema");
    return schema_json_result(ctx);
  }
  if (object == "materialized-views") {
    c.expect_end();
    return empty_materialized_views();
  }
  if (object == "external") {
    c.expect("tables");
    c.expect_end();
    return empty_external_tables();
  }
  return nullptr;
}

}  // namespace huntdb::commands
