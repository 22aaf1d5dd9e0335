// The management commands Kusto tools send on connect (src/huntdb/commands/): .show version,
// .show databases, .show databases entities, .show schema as json, .show database schema,
// .show materialized-views, .show external tables, and stored functions (.create / .alter /
// .create-or-alter / .drop function, .show functions), which persist in the workspace and are
// callable from queries after it is reopened. Columns, types and values are Kusto's.
#include <gtest/gtest.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "huntdb/engine.h"
#include "huntdb/types/format.h"

#include "engine_test_util.h"

namespace huntdb {
namespace {

const Table& table_of(const QueryResult& r) { return *r.tables.at(0).table; }

bool is_null(const QueryResult& r, size_t row, const std::string& column) {
  const Table& t = table_of(r);
  int c = t.schema.index_of(column);
  return t.batches.at(0).columns.at(static_cast<size_t>(c))->value_at(row).is_null();
}

// "Name:type, ..." of the result's columns.
std::string columns_of(const QueryResult& r) {
  std::string out;
  for (const auto& c : table_of(r).schema.columns)
    out += (out.empty() ? "" : ", ") + c.name + ":" + std::string(type_name(c.type));
  return out;
}

QueryResult ok(Engine& e, const std::string& command) {
  QueryResult r = e.execute(command);
  EXPECT_TRUE(r.ok()) << command << "\n" << (r.errors.empty() ? "" : format_diagnostic(*r.source, r.errors[0]));
  return r;
}

// The first error as the command line prints it: "line:col: kind error: message" and a caret.
std::string error_of(Engine& e, const std::string& command) {
  QueryResult r = e.execute(command);
  if (r.ok()) return "<no error>";
  return format_diagnostic(*r.source, r.errors[0]);
}

class ManagementCommands : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fresh_dir(std::string("mgmt_") + ::testing::UnitTest::GetInstance()->current_test_info()->name()) + "/soc";
    ASSERT_FALSE(e_.open_workspace(dir_));
    ok(e_, ".create table Logons (TimeGenerated:datetime, Account:string, Count:long)");
    ok(e_, ".ingest inline into table Logons <|\n2024-01-01T10:00:00Z,alice,3\n2024-01-02T10:00:00Z,bob,5\n2024-01-03T10:00:00Z,alice,7");
  }
  std::string dir_;
  Engine e_;
};

TEST_F(ManagementCommands, ShowVersion) {
  QueryResult r = ok(e_, ".show version");
  EXPECT_EQ(columns_of(r), "BuildVersion:string, BuildTime:datetime, ServiceType:string, ProductVersion:string, "
                           "ServiceOffering:string");
  ASSERT_EQ(table_of(r).row_count(), 1u);
  EXPECT_EQ(cell(r, 0, "ServiceType"), "Engine");
  EXPECT_EQ(cell(r, 0, "ProductVersion"), "huntdb " + cell(r, 0, "BuildVersion"));
  EXPECT_NE(cell(r, 0, "BuildVersion").find('.'), std::string::npos);
  EXPECT_TRUE(is_null(r, 0, "BuildTime"));
}

TEST_F(ManagementCommands, ShowDatabasesNamesTheWorkspaceFolder) {
  for (const char* command : {".show databases", ".show cluster databases"}) {
    QueryResult r = ok(e_, command);
    EXPECT_EQ(columns_of(r), "DatabaseName:string, PersistentStorage:string, Version:string, IsCurrent:bool, "
                             "DatabaseAccessMode:string, PrettyName:string, ReservedSlot1:bool, DatabaseId:guid, "
                             "InTransitionTo:string, SuspensionState:string");
    ASSERT_EQ(table_of(r).row_count(), 1u);
    EXPECT_EQ(cell(r, 0, "DatabaseName"), "soc");
    EXPECT_EQ(cell(r, 0, "IsCurrent"), "true");
    EXPECT_EQ(cell(r, 0, "DatabaseAccessMode"), "ReadWrite");
    EXPECT_EQ(cell(r, 0, "PersistentStorage"), dir_);
    EXPECT_TRUE(is_null(r, 0, "DatabaseId"));
  }
  // Every change moves the version on.
  std::string before = cell(ok(e_, ".show databases"), 0, "Version");
  ok(e_, ".create table Other (x:long)");
  std::string after = cell(ok(e_, ".show databases"), 0, "Version");
  EXPECT_NE(before, after);
  EXPECT_EQ(after.rfind("v1.", 0), 0u);
  EXPECT_EQ(Engine::database_name_of("/data/soc/"), "soc");
}

TEST_F(ManagementCommands, ShowTablesHasKustosColumns) {
  QueryResult r = ok(e_, ".show tables");
  EXPECT_EQ(columns_of(r), "TableName:string, DatabaseName:string, Folder:string, DocString:string");
  EXPECT_EQ(cell(r, 0, "TableName"), "Logons");
  EXPECT_EQ(cell(r, 0, "DatabaseName"), "soc");
}

TEST_F(ManagementCommands, DatabasesEntitiesListTablesAndFunctions) {
  ok(e_, ".create function with (folder='Hunts', docstring='busy accounts') Busy(n:long = 4) { Logons | where Count > n }");
  QueryResult r = ok(e_, ".show databases entities");
  EXPECT_EQ(columns_of(r), "DatabaseName:string, EntityType:string, EntityName:string, DocString:string, Folder:string, "
                           "CslInputSchema:string, Content:string, CslOutputSchema:string, Properties:dynamic");
  ASSERT_EQ(table_of(r).row_count(), 2u);
  EXPECT_EQ(cell(r, 0, "EntityType"), "Table");
  EXPECT_EQ(cell(r, 0, "EntityName"), "Logons");
  EXPECT_EQ(cell(r, 0, "CslOutputSchema"), "TimeGenerated:datetime, Account:string, Count:long");
  EXPECT_EQ(cell(r, 0, "Properties"), "{}");
  EXPECT_EQ(cell(r, 1, "EntityType"), "Function");
  EXPECT_EQ(cell(r, 1, "EntityName"), "Busy");
  EXPECT_EQ(cell(r, 1, "Folder"), "Hunts");
  EXPECT_EQ(cell(r, 1, "DocString"), "busy accounts");
  EXPECT_EQ(cell(r, 1, "CslInputSchema"), "(n:long = 4)");
  EXPECT_EQ(cell(r, 1, "Content"), "{ Logons | where Count > n }");
}

TEST_F(ManagementCommands, SchemaAsJsonIsTheDocumentToolsLoad) {
  ok(e_, ".create function with (docstring='by account') PerAccount(T:(Account:string), n:long = 2) { T | take n }");
  for (const char* command : {".show schema as json", ".show databases schema as json", ".show database schema as json"}) {
    QueryResult r = ok(e_, command);
    EXPECT_EQ(columns_of(r), "DatabaseSchema:string");
    ASSERT_EQ(table_of(r).row_count(), 1u);
    auto doc = nlohmann::json::parse(cell(r, 0, "DatabaseSchema"));
    EXPECT_EQ(doc["Plugins"], nlohmann::json::array());
    ASSERT_TRUE(doc["Databases"].contains("soc"));
    const auto& db = doc["Databases"]["soc"];
    EXPECT_EQ(db["Name"], "soc");
    EXPECT_EQ(db["MajorVersion"], 1);
    EXPECT_TRUE(db["MinorVersion"].is_number());
    EXPECT_EQ(db["DatabaseAccessMode"], "ReadWrite");
    EXPECT_EQ(db["ExternalTables"], nlohmann::json::object());
    EXPECT_EQ(db["MaterializedViews"], nlohmann::json::object());
    const auto& logons = db["Tables"]["Logons"];
    EXPECT_EQ(logons["Name"], "Logons");
    ASSERT_EQ(logons["OrderedColumns"].size(), 3u);
    EXPECT_EQ(logons["OrderedColumns"][0],
              (nlohmann::json{{"Name", "TimeGenerated"}, {"Type", "System.DateTime"}, {"CslType", "datetime"}}));
    EXPECT_EQ(logons["OrderedColumns"][2]["Type"], "System.Int64");
    const auto& f = db["Functions"]["PerAccount"];
    EXPECT_EQ(f["Name"], "PerAccount");
    EXPECT_EQ(f["Body"], "{ T | take n }");
    EXPECT_EQ(f["DocString"], "by account");
    EXPECT_EQ(f["Folder"], "");
    EXPECT_TRUE(f["FunctionKind"].is_string());
    EXPECT_EQ(f["OutputColumns"], nlohmann::json::array());
    ASSERT_EQ(f["InputParameters"].size(), 2u);
    EXPECT_EQ(f["InputParameters"][0]["Name"], "T");
    EXPECT_EQ(f["InputParameters"][0]["Columns"],
              nlohmann::json::array({{{"Name", "Account"}, {"Type", "System.String"}, {"CslType", "string"}}}));
    EXPECT_EQ(f["InputParameters"][1],
              (nlohmann::json{{"Name", "n"}, {"Type", "System.Int64"}, {"CslType", "long"}, {"CslDefaultValue", "2"}}));
  }
}

TEST_F(ManagementCommands, DatabaseSchemaAsATable) {
  QueryResult r = ok(e_, ".show database schema");
  EXPECT_EQ(columns_of(r), "DatabaseName:string, TableName:string, ColumnName:string, ColumnType:string, "
                           "IsDefaultTable:bool, IsDefaultColumn:bool, PrettyName:string, Version:string");
  ASSERT_EQ(table_of(r).row_count(), 5u);  // the database, the table, its three columns
  EXPECT_EQ(cell(r, 0, "TableName"), "");
  EXPECT_EQ(cell(r, 0, "Version").rfind("v1.", 0), 0u);
  EXPECT_EQ(cell(r, 1, "TableName"), "Logons");
  EXPECT_EQ(cell(r, 1, "ColumnName"), "");
  EXPECT_EQ(cell(r, 3, "ColumnName"), "Account");
  EXPECT_EQ(cell(r, 3, "ColumnType"), "System.String");
  EXPECT_EQ(table_of(ok(e_, ".show database soc schema")).row_count(), 5u);
  EXPECT_NE(error_of(e_, ".show database other schema").find("'other' does not exist"), std::string::npos);
}

TEST_F(ManagementCommands, NoMaterializedViewsNorExternalTables) {
  QueryResult views = ok(e_, ".show materialized-views");
  EXPECT_EQ(table_of(views).row_count(), 0u);
  EXPECT_EQ(columns_of(views), "Name:string, SourceTable:string, Query:string, MaterializedTo:datetime, LastRun:datetime, "
                               "LastRunResult:string, IsHealthy:bool, IsEnabled:bool, Status:string, Folder:string, "
                               "DocString:string, AutoUpdateSchema:bool, EffectiveDateTime:datetime, "
                               "LastDefinitionUpdate:datetime, Lookback:timespan, LookbackColumn:string");
  QueryResult external = ok(e_, ".show external tables");
  EXPECT_EQ(table_of(external).row_count(), 0u);
  EXPECT_EQ(columns_of(external), "TableName:string, TableType:string, Folder:string, DocString:string, Properties:string");
}

TEST_F(ManagementCommands, StoredFunctionsPersistAndAreCalledAfterReopening) {
  QueryResult created = ok(e_, ".create function with (folder = 'Hunts', docstring = \"accounts seen more than n times\")\n"
                               "Busy(n:long = 4) {\n  Logons | where Count > n | project Account, Count\n}");
  EXPECT_EQ(columns_of(created), "Name:string, Parameters:string, Body:string, Folder:string, DocString:string");
  EXPECT_EQ(cell(created, 0, "Name"), "Busy");
  EXPECT_EQ(cell(created, 0, "Parameters"), "(n:long = 4)");
  EXPECT_EQ(cell(created, 0, "Folder"), "Hunts");
  EXPECT_EQ(cell(created, 0, "DocString"), "accounts seen more than n times");
  ok(e_, ".create function Total() { Busy(0) | summarize total = sum(Count) }");
  EXPECT_EQ(cell(ok(e_, "Busy() | count"), 0, "Count"), "2");
  EXPECT_EQ(cell(ok(e_, "Total"), 0, "total"), "15");

  Engine again;
  ASSERT_FALSE(again.open_workspace(dir_));
  QueryResult busy = ok(again, "Busy(6)");
  ASSERT_EQ(table_of(busy).row_count(), 1u);
  EXPECT_EQ(cell(busy, 0, "Count"), "7");
  EXPECT_EQ(cell(ok(again, "Busy()"), 0, "Account"), "bob");
  EXPECT_EQ(cell(ok(again, "Total()"), 0, "total"), "15");
  QueryResult listed = ok(again, ".show functions");
  ASSERT_EQ(table_of(listed).row_count(), 2u);
  EXPECT_EQ(cell(listed, 0, "Name"), "Busy");
  EXPECT_EQ(cell(listed, 0, "Body"), "{\n  Logons | where Count > n | project Account, Count\n}");
  EXPECT_EQ(cell(listed, 1, "Name"), "Total");
  EXPECT_EQ(cell(listed, 1, "Parameters"), "()");
  EXPECT_EQ(cell(ok(again, ".show function Total"), 0, "Body"), "{ Busy(0) | summarize total = sum(Count) }");
}

TEST_F(ManagementCommands, CreateAlterAndDropFunctions) {
  ok(e_, ".create function F() { print x = 1 }");
  EXPECT_NE(error_of(e_, ".create function F() { print x = 2 }").find("'F' already exists"), std::string::npos);
  EXPECT_EQ(cell(ok(e_, ".create function ifnotexists F() { print x = 2 }"), 0, "Body"), "{ print x = 1 }");
  EXPECT_EQ(cell(ok(e_, "F"), 0, "x"), "1");

  ok(e_, ".alter function with (folder='A') F() { print x = 3 }");
  EXPECT_EQ(cell(ok(e_, "F"), 0, "x"), "3");
  ok(e_, ".create-or-alter function F() { print x = 4 }");
  QueryResult shown = ok(e_, ".show function F");
  EXPECT_EQ(cell(shown, 0, "Body"), "{ print x = 4 }");
  EXPECT_EQ(cell(shown, 0, "Folder"), "A");  // altering keeps what the command does not set
  ok(e_, ".alter function F docstring 'four'");
  EXPECT_EQ(cell(ok(e_, ".show function F"), 0, "DocString"), "four");
  ok(e_, ".create-or-alter function G(s:string) { print y = strcat(s, '!') }");
  EXPECT_EQ(cell(ok(e_, "G('hi')"), 0, "y"), "hi!");
  EXPECT_NE(error_of(e_, ".alter function Nope() { print 1 }").find("'Nope' does not exist"), std::string::npos);

  QueryResult dropped = ok(e_, ".drop function F");
  EXPECT_EQ(columns_of(dropped), "Name:string");
  EXPECT_EQ(cell(dropped, 0, "Name"), "F");
  EXPECT_FALSE(e_.execute("F").ok());
  EXPECT_NE(error_of(e_, ".drop function F").find("'F' does not exist"), std::string::npos);
  ok(e_, ".drop function F ifexists");
  QueryResult remaining = ok(e_, ".drop functions (G, F) ifexists");
  EXPECT_EQ(table_of(remaining).row_count(), 0u);
  EXPECT_EQ(table_of(ok(e_, ".show functions")).row_count(), 0u);

  Engine again;
  ASSERT_FALSE(again.open_workspace(dir_));
  EXPECT_FALSE(again.execute("G('x')").ok());
}

TEST_F(ManagementCommands, FunctionsAreValidatedUnlessAskedNotTo) {
  // A syntax error points into the body, at its place in the command.
  std::string syntax = error_of(e_, ".create function Bad() {\n  Logons | where\n}");
  EXPECT_EQ(syntax.rfind("2:17:", 0), 0u) << syntax;
  EXPECT_NE(syntax.find("'Bad' is not valid KQL"), std::string::npos);
  std::string unbound = error_of(e_, ".create function Missing() { NoSuchTable | take 1 }");
  EXPECT_EQ(unbound.rfind("1:30:", 0), 0u) << unbound;  // at NoSuchTable
  EXPECT_NE(unbound.find("does not bind"), std::string::npos);
  ok(e_, ".create function with (skipvalidation = 'true') Later() { NoSuchTable | take 1 }");
  EXPECT_EQ(table_of(ok(e_, ".show functions")).row_count(), 1u);
  EXPECT_NE(error_of(e_, ".create function with (color = 'red') C() { print 1 }").find("'color' is not a property"),
            std::string::npos);
  EXPECT_NE(error_of(e_, ".create function Logons() { print 1 }").find("name of a table"), std::string::npos);
  EXPECT_NE(error_of(e_, ".create function Open() { print 1").find("not closed"), std::string::npos);
}

TEST_F(ManagementCommands, UnsupportedCommandsAreNamedWhereTheyFail) {
  EXPECT_EQ(error_of(e_, ".show nosuch").rfind("1:7: semantic error: '.show nosuch' is not a supported management command.", 0), 0u);
  std::string verb = error_of(e_, "\n.frobnicate table T");
  EXPECT_EQ(verb.rfind("2:2:", 0), 0u) << verb;
  EXPECT_NE(verb.find("'.frobnicate' is not a supported management command"), std::string::npos);
  std::string detail = error_of(e_, ".show databases nosuch");
  EXPECT_EQ(detail.rfind("1:17:", 0), 0u) << detail;
  std::string json = error_of(e_, ".show schema as xml");
  EXPECT_EQ(json.rfind("1:17:", 0), 0u) << json;
  std::string trailing = error_of(e_, ".show version please");
  EXPECT_EQ(trailing.rfind("1:15:", 0), 0u) << trailing;
  // A failing query after `<|` is reported where it fails in the command.
  std::string query = error_of(e_, ".set-or-append Logons <| NoSuchTable");
  EXPECT_EQ(query.rfind("1:26:", 0), 0u) << query;
}

}  // namespace
}  // namespace huntdb
