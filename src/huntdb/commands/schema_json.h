// Schemas in the JSON Kusto tools read: a table's (`.show table T schema as json`) and the whole
// database's (`.show schema as json`, `.show databases schema as json`), the document
// Kusto.Explorer and monaco-kusto's setSchemaFromShowSchema load for IntelliSense:
//   {"Plugins": [], "Databases": {"<db>": {"Name", "MajorVersion", "MinorVersion",
//     "DatabaseAccessMode", "Tables": {"<t>": {"Name", "EntityType", "OrderedColumns":
//     [{"Name", "Type": "System.String", "CslType": "string"}], "Folder", "DocString"}},
//     "ExternalTables": {}, "MaterializedViews": {}, "EntityGroups": {},
//     "Functions": {"<f>": {"Name", "InputParameters", "Body", "Folder", "DocString",
//     "FunctionKind", "OutputColumns"}}}}}
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "huntdb/analyze/catalog.h"

namespace huntdb::commands {

nlohmann::ordered_json table_schema_json(const std::string& name, const TableSchema& schema);
// "a:long,b:string", as .show table T schema as csl writes it.
std::string csl_schema(const TableSchema& schema);
// "a:long, b:string", as .show databases entities writes a table's CslOutputSchema.
std::string csl_output_schema(const TableSchema& schema);

nlohmann::ordered_json function_schema_json(const analyze::StoredFunction& f);

// The catalog as one database of the document above; `minor_version` counts its changes.
nlohmann::ordered_json database_schema_json(const analyze::Catalog& catalog, uint64_t minor_version);
nlohmann::ordered_json cluster_schema_json(const analyze::Catalog& catalog, uint64_t minor_version);

}  // namespace huntdb::commands
