#include "huntdb/commands/schema_json.h"

#include "huntdb/commands/function_definition.h"

namespace huntdb::commands {

namespace {

using nlohmann::ordered_json;

ordered_json columns_json(const TableSchema& schema) {
  ordered_json cols = ordered_json::array();
  for (const auto& c : schema.columns)
    cols.push_back({{"Name", c.name}, {"Type", std::string(clr_type_name(c.type))}, {"CslType", std::string(type_name(c.type))}});
  return cols;
}

std::string joined_schema(const TableSchema& schema, std::string_view separator) {
  std::string out;
  for (const auto& c : schema.columns) {
    if (!out.empty()) out += separator;
    out += c.name + ":" + std::string(type_name(c.type));
  }
  return out;
}

}  // namespace

ordered_json table_schema_json(const std::string& name, const TableSchema& schema) {
  return {{"Name", name}, {"EntityType", "Table"}, {"OrderedColumns", columns_json(schema)}, {"Folder", ""}, {"DocString", ""}};
}

std::string csl_schema(const TableSchema& schema) { return joined_schema(schema, ","); }
std::string csl_output_schema(const TableSchema& schema) { return joined_schema(schema, ", "); }

ordered_json function_schema_json(const analyze::StoredFunction& f) {
  ordered_json params = ordered_json::array();
  for (const auto& p : function_parameters(f.parameters)) {
    ordered_json j = {{"Name", p.name}};
    if (p.tabular) {
      j["Columns"] = columns_json(p.columns);
    } else {
      j["Type"] = std::string(clr_type_name(p.type));
      j["CslType"] = std::string(type_name(p.type));
    }
    if (p.default_value) j["CslDefaultValue"] = *p.default_value;
    params.push_back(std::move(j));
  }
  return {{"Name", f.name},           {"InputParameters", params}, {"Body", f.body},
          {"Folder", f.folder},       {"DocString", f.docstring},  {"FunctionKind", "Unknown"},
          {"OutputColumns", ordered_json::array()}};
}

ordered_json database_schema_json(const analyze::Catalog& catalog, uint64_t minor_version) {
  ordered_json tables = ordered_json::object();
  for (const auto& name : catalog.table_names()) tables[name] = table_schema_json(name, *catalog.table(name));
  ordered_json functions = ordered_json::object();
  for (const auto& name : catalog.function_names()) functions[name] = function_schema_json(*catalog.function(name));
  return {{"Name", catalog.database_name},
          {"Tables", tables},
          {"ExternalTables", ordered_json::object()},
          {"MaterializedViews", ordered_json::object()},
          {"Functions", functions},
          {"EntityGroups", ordered_json::object()},
          {"MajorVersion", 1},
          {"MinorVersion", minor_version},
          {"DatabaseAccessMode", "ReadWrite"}};
}

ordered_json cluster_schema_json(const analyze::Catalog& catalog, uint64_t minor_version) {
  ordered_json databases = ordered_json::object();
  databases[catalog.database_name] = database_schema_json(catalog, minor_version);
  return {{"Plugins", ordered_json::array()}, {"Databases", databases}};
}

}  // namespace huntdb::commands
