// Functions of no other family: the cluster/database/table references, column_ifexists,
// assert and around, unit conversion (convert_*), facts about the query's environment and the
// current record (current_*, extent_*, ingestion_time, cursor_*), new_guid, estimate_data_size,
// the graph-match path functions (all, any, map, node_id, ...), and internal helpers.
#include <initializer_list>
#include <string_view>
#include <utility>

#include "huntdb/functions/registry.h"

namespace huntdb::functions {

namespace {

using namespace types;
using ST = ScalarType;

Param optional(Param p) {
  p.optional = true;
  return p;
}

Param repeated(Param p) {
  p.repeats = true;
  return p;
}

Signature returns(ScalarType t, std::vector<Param> params = {}) {
  return {.params = std::move(params), .rule = ReturnRule::Fixed, .fixed = t};
}

// cluster(), database(), table() and the like name an entity of the catalog, not a value: the
// registry has no tabular (or cluster/database) result type, so they are declared with an
// Unknown result and the binder resolves the entity itself.
Signature names_entity(std::vector<Param> params) { return returns(ST::Unknown, std::move(params)); }

// __invoke(name, typeof(T), args...) is a T. A type literal has no scalar type: the binder hands
// it over typed Unknown, with its text in ArgInfo::literal, bare ("long") or as written ("typeof(long)").
ScalarType second_argument_names_type(std::span<const ArgInfo> args) {
  if (args.size() < 2 || !args[1].literal) return ST::Unknown;
  std::string_view s = *args[1].literal;
  if (s.starts_with("typeof(") && s.ends_with(")")) s = s.substr(7, s.size() - 8);
  auto t = parse_type_name(s);
  return t ? *t : ST::Unknown;
}

// A value without arguments describing the query's environment or the current record.
void add_fact(Registry& r, std::string_view name, ScalarType result, std::string_view description,
              std::string_view replaced_by = {}, bool hidden = false) {
  r.add({.name = name,
         .signatures = {returns(result)},
         .replaced_by = replaced_by,
         .hidden = hidden || !replaced_by.empty(),
         .description = description});
}

}  // namespace

void register_misc_functions(Registry& r) {
  // --- references to catalog entities (see names_entity)
  r.add({.name = "cluster",
         .signatures = {names_entity({{"name", kString}})},
         .description = "A reference to a cluster, for cluster(\"c\").database(\"d\").Table."});
  r.add({.name = "database",
         .signatures = {names_entity({optional({"name", kString})})},
         .description = "A reference to a database (the current one without a name)."});
  r.add({.name = "table",
         .signatures = {names_entity({{"name", kString}, optional({"query_data_scope", kString})})},
         .description = "A reference to a table (or tabular variable) by name, optionally hot or all data only."});
  r.add({.name = "external_table",
         .signatures = {names_entity({{"name", kString}, optional({"mapping", kString})}),
                        names_entity({{"name", kString}, {"max_age", kTimeSpan}})},
         .description = "A reference to an external table by name."});
  r.add({.name = "materialized_view",
         .signatures = {names_entity({{"name", kString}, optional({"max_age", kTimeSpan})})},
         .description = "A reference to a materialized view, optionally only its materialized part."});
  r.add({.name = "entity_group",
         .signatures = {names_entity({{"name", kString}})},
         .description = "A reference to an entity group by name."});
  r.add({.name = "stored_query_result",
         .signatures = {names_entity({{"name", kString}}),
                        names_entity({{"name", kString}, {"index", kLong}}),
                        names_entity({{"name", kString}, {"table_name", kString}})},
         .description = "A reference to a stored query result by name."});
  r.add({.name = "graph",
         .signatures = {names_entity({{"name", kString}, optional({"snapshot", kString})}),
                        names_entity({{"name", kString}, {"volatile", kBool}})},
         .description = "A reference to a persistent graph (a snapshot of a graph model)."});
  r.add({.name = "column_names_of",
         .signatures = {returns(ST::Dynamic, {{"table", kScalar, ArgShape::Tabular}})},
         .description = "The column names of a tabular expression, as a dynamic array."});

  // --- columns that may be missing
  // The result is the type of the column when the table has it; that depends on the schema, so
  // the binder handles the call itself. Declared here with the default's type, as Kusto.Language
  // does (its parser also reports the default's type).
  for (std::string_view name : {"column_ifexists", "columnifexists"}) {
    r.add({.name = name,
           .signatures = {{.params = {{"column_name", kString, ArgShape::Constant}, {"defaultValue"}},
                           .rule = ReturnRule::Param,
                           .param = 1}},
           .result_name = ResultName::FirstArgumentIfColumn,
           .replaced_by = name == "columnifexists" ? "column_ifexists" : "",
           .hidden = name == "columnifexists",
           .description = name == "columnifexists" ? "Old name of column_ifexists."
                                                   : "The named column if the table has it, else the default value."});
  }
  r.add({.name = "iscolumnexists",
         .signatures = {returns(ST::Bool, {{"column_name", kString, ArgShape::Constant}})},
         .hidden = true,
         .description = "Whether the input table has a column of that name."});

  // --- predicates
  r.add({.name = "assert",
         .signatures = {returns(ST::Bool, {{"predicate", kBool}, {"message", kString}})},
         .description = "Fails the query with the message if the (constant) predicate is false; else true."});
  // Kusto declares three scalars; the meaningful combinations are (number, number, number) and
  // (datetime, datetime, timespan), which the kernel checks.
  r.add({.name = "around",
         .signatures = {returns(ST::Bool, {{"value"}, {"center"}, {"delta"}})},
         .description = "Whether a value lies within center ± delta."});

  // --- unit conversion: value, from unit, to unit (unit names such as "Meter", "Foot")
  for (auto [name, description] : std::initializer_list<std::pair<std::string_view, std::string_view>>{
           {"convert_angle", "Converts an angle between units (Degree, Radian, ...)."},
           {"convert_energy", "Converts an energy between units (Joule, KilowattHour, ...)."},
           {"convert_force", "Converts a force between units (Newton, PoundForce, ...)."},
           {"convert_length", "Converts a length between units (Meter, Foot, ...)."},
           {"convert_mass", "Converts a mass between units (Kilogram, Pound, ...)."},
           {"convert_speed", "Converts a speed between units (MeterPerSecond, Knot, ...)."},
           {"convert_temperature", "Converts a temperature between units (DegreeCelsius, Kelvin, ...)."},
           {"convert_volume", "Converts a volume between units (Liter, UsGallon, ...)."},
       }) {
    r.add({.name = name,
           .signatures = {returns(ST::Real, {{"value", kReal}, {"from", kString}, {"to", kString}})},
           .description = description});
  }

  // --- the query's environment
  add_fact(r, "current_cluster_endpoint", ST::String, "The network endpoint of the cluster running the query.");
  add_fact(r, "current_database", ST::String, "The name of the database in scope.");
  add_fact(r, "current_principal", ST::String, "The fully qualified name of the principal running the query.");
  add_fact(r, "current_principal_details", ST::Dynamic, "Details of the principal running the query, as a bag.");
  r.add({.name = "current_principal_is_member_of",
         .signatures = {returns(ST::Bool, {repeated({"group", kStringOrDynamic})})},  // at most 64 in Kusto
         .description = "Whether the principal running the query belongs to any of the groups."});
  add_fact(r, "current_node_id", ST::String, "Internal: the id of the node evaluating the expression.", {}, true);

  // --- the current record and its extent
  add_fact(r, "extent_id", ST::Guid, "The id of the data shard (extent) holding the current record.");
  add_fact(r, "extentid", ST::Guid, "Old name of extent_id.", "extent_id");
  add_fact(r, "extent_tags", ST::Dynamic, "The tags of the extent holding the current record.");
  r.add({.name = "ingestion_time",
         .signatures = {returns(ST::DateTime)},
         .result_name = ResultName::PrefixOnly,
         .result_prefix = "$IngestionTime",
         .description = "When the current record was ingested (with the ingestion-time policy on)."});
  add_fact(r, "row_id", ST::String, "An identifier of the current record.");
  add_fact(r, "rowstore_ordinal_range", ST::Dynamic, "Internal: the row-store ordinal range of the current record.", {},
           true);

  // --- database cursors
  r.add({.name = "cursor_after",
         .signatures = {returns(ST::Bool, {{"cursor", kString}})},
         .description = "Whether the record was ingested after the database cursor."});
  r.add({.name = "cursor_before_or_at",
         .signatures = {returns(ST::Bool, {{"cursor", kString}})},
         .description = "Whether the record was ingested before or at the database cursor."});
  add_fact(r, "cursor_current", ST::String, "The current value of the database cursor.");
  add_fact(r, "current_cursor", ST::String, "Old name of cursor_current.", "cursor_current");

  // --- values
  add_fact(r, "new_guid", ST::Guid, "A new random guid.");
  r.add({.name = "estimate_data_size",
         .signatures = {returns(ST::Long, {repeated({"column", kScalar, ArgShape::Column})}),
                        returns(ST::Long, {{"columns", kScalar, ArgShape::Star}})},
         .description = "The estimated size in bytes of the given columns (or `*`) of the current record."});

  // --- graph-match path functions: valid only in the where/project clauses of graph-match and
  // graph-shortest-paths, where the first argument is a path variable and the second an
  // expression over each of its elements (hence ArgShape::Any).
  r.add({.name = "all",
         .signatures = {returns(ST::Bool, {{"pattern_element"}, {"expression", kBool, ArgShape::Any}})},
         .description = "Whether a condition holds for every element of a variable-length path."});
  r.add({.name = "any",
         .signatures = {returns(ST::Bool, {{"pattern_element"}, {"expression", kBool, ArgShape::Any}})},
         .description = "Whether a condition holds for some element of a variable-length path."});
  // Kusto types the result as an array of the expression's type; dynamic is all we can say.
  r.add({.name = "map",
         .signatures = {returns(ST::Dynamic, {{"pattern_element"}, {"expression", kScalar, ArgShape::Any}})},
         .description = "An expression evaluated on each element of a variable-length path, as an array."});
  r.add({.name = "inner_nodes",
         .signatures = {returns(ST::Dynamic, {{"edge"}})},
         .description = "The inner nodes of a variable-length path, for use in map()."});
  r.add({.name = "node_id",
         .signatures = {returns(ST::String, {optional({"node"})})},
         .description = "The id of a graph node."});
  r.add({.name = "node_degree_in",
         .signatures = {returns(ST::Long, {optional({"node"})})},
         .description = "The number of edges into a graph node."});
  r.add({.name = "node_degree_out",
         .signatures = {returns(ST::Long, {optional({"node"})})},
         .description = "The number of edges out of a graph node."});
  r.add({.name = "labels",
         .signatures = {returns(ST::Dynamic, {optional({"pattern_element"})})},
         .description = "The labels of a graph node or edge, as a dynamic array."});

  // --- internal
  r.add({.name = "__invoke",
         .signatures = {{.params = {{"name", kString, ArgShape::Constant},
                                    {"type", TypeSet{}, ArgShape::Constant},  // a type literal (see above)
                                    {"arg", kScalar, ArgShape::Any, true, true}},
                         .rule = ReturnRule::Custom,
                         .custom = second_argument_names_type}},
         .hidden = true,
         .description = "Internal: calls a function by name with a declared result type."});
}

}  // namespace huntdb::functions
