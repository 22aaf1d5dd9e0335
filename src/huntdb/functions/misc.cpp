// Functions of no other family: the cluster/database/table references, column_ifexists,
// assert and around, unit conversion (convert_*), facts about the query's environment and the
// current record (current_*, extent_*, ingestion_time, cursor_*), new_guid, estimate_data_size,
// the graph-match path functions (all, any, map, node_id, ...), and internal helpers.
#include <initializer_list>
#include <string_view>
#include <utility>

#include "huntdb/functions/declare.h"

namespace huntdb::functions {

namespace {

using namespace types;
using namespace declare;
using ST = ScalarType;

// __invoke(name, typeof(T), args...) is a T.
ScalarType second_argument_names_type(std::span<const ArgInfo> args) {
  return args.size() < 2 ? ST::Unknown : named_type(args[1]);
}

// A value without arguments describing the query's environment or the current record.
void add_fact(Registry& r, std::string_view name, ScalarType result, std::string_view description,
              std::string_view replaced_by = {}, bool hidden = false) {
  r.add({.name = name,
         .signatures = {fixed(result)},
         .replaced_by = replaced_by,
         .hidden = hidden || !replaced_by.empty(),
         .description = description});
}

}  // namespace

void register_misc_functions(Registry& r) {
  // --- references to catalog entities. cluster(), database(), table() and the like name an
  // entity of the catalog, not a value: the registry has no tabular (or cluster/database) result
  // type, so they are declared untyped (an Unknown result) and the binder resolves the entity itself.
  r.add({.name = "cluster",
         .signatures = {untyped({{"name", kString}})},
         .description = "A reference to a cluster, for cluster(\"c\").database(\"d\").Table."});
  r.add({.name = "database",
         .signatures = {untyped({opt("name", kString)})},
         .description = "A reference to a database (the current one without a name)."});
  r.add({.name = "table",
         .signatures = {untyped({{"name", kString}, opt("query_data_scope", kString)})},
         .description = "A reference to a table (or tabular variable) by name, optionally hot or all data only."});
  r.add({.name = "external_table",
         .signatures = {untyped({{"name", kString}, opt("mapping", kString)}),
                        untyped({{"name", kString}, {"max_age", kTimeSpan}})},
         .description = "A reference to an external table by name."});
  r.add({.name = "materialized_view",
         .signatures = {untyped({{"name", kString}, opt("max_age", kTimeSpan)})},
         .description = "A reference to a materialized view, optionally only its materialized part."});
  r.add({.name = "entity_group",
         .signatures = {untyped({{"name", kString}})},
         .description = "A reference to an entity group by name."});
  r.add({.name = "stored_query_result",
         .signatures = {untyped({{"name", kString}}),
                        untyped({{"name", kString}, {"index", kLong}}),
                        untyped({{"name", kString}, {"table_name", kString}})},
         .description = "A reference to a stored query result by name."});
  r.add({.name = "graph",
         .signatures = {untyped({{"name", kString}, opt("snapshot", kString)}),
                        untyped({{"name", kString}, {"volatile", kBool}})},
         .description = "A reference to a persistent graph (a snapshot of a graph model)."});
  r.add({.name = "column_names_of",
         .signatures = {fixed(ST::Dynamic, {{"table", kScalar, ArgShape::Tabular}})},
         .description = "The column names of a tabular expression, as a dynamic array."});

  // --- columns that may be missing
  // The result is the type of the column when the table has it; that depends on the schema, so
  // the binder handles the call itself. Declared here with the default's type, as Kusto.Language
  // does (its parser also reports the default's type).
  for (std::string_view name : {"column_ifexists", "columnifexists"}) {
    r.add({.name = name,
           .signatures = {same_as(1, {{"column_name", kString, ArgShape::Constant}, {"defaultValue"}})},
           .result_name = ResultName::FirstArgumentIfColumn,
           .replaced_by = name == "columnifexists" ? "column_ifexists" : "",
           .hidden = name == "columnifexists",
           .description = name == "columnifexists" ? "Old name of column_ifexists."
                                                   : "The named column if the table has it, else the default value."});
  }
  r.add({.name = "iscolumnexists",
         .signatures = {fixed(ST::Bool, {{"column_name", kString, ArgShape::Constant}})},
         .hidden = true,
         .description = "Whether the input table has a column of that name."});

  // --- predicates
  r.add({.name = "assert",
         .signatures = {fixed(ST::Bool, {{"predicate", kBool}, {"message", kString}})},
         .description = "Fails the query with the message if the (constant) predicate is false; else true."});
  // Kusto declares three scalars; the meaningful combinations are (number, number, number) and
  // (datetime, datetime, timespan), which the kernel checks.
  r.add({.name = "around",
         .signatures = {fixed(ST::Bool, {{"value"}, {"center"}, {"delta"}})},
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
           .signatures = {fixed(ST::Real, {{"value", kReal}, {"from", kString}, {"to", kString}})},
           .description = description});
  }

  // --- the query's environment
  add_fact(r, "current_cluster_endpoint", ST::String, "The network endpoint of the cluster running the query.");
  add_fact(r, "current_database", ST::String, "The name of the database in scope.");
  add_fact(r, "current_principal", ST::String, "The fully qualified name of the principal running the query.");
  add_fact(r, "current_principal_details", ST::Dynamic, "Details of the principal running the query, as a bag.");
  r.add({.name = "current_principal_is_member_of",
         .signatures = {fixed(ST::Bool, {many("group", kStringOrDynamic)})},  // at most 64 in Kusto
         .description = "Whether the principal running the query belongs to any of the groups."});
  add_fact(r, "current_node_id", ST::String, "Internal: the id of the node evaluating the expression.", {}, true);

  // --- the current record and its extent
  add_fact(r, "extent_id", ST::Guid, "The id of the data shard (extent) holding the current record.");
  add_fact(r, "extentid", ST::Guid, "Old name of extent_id.", "extent_id");
  add_fact(r, "extent_tags", ST::Dynamic, "The tags of the extent holding the current record.");
  r.add({.name = "ingestion_time",
         .signatures = {fixed(ST::DateTime)},
         .result_name = ResultName::PrefixOnly,
         .result_prefix = "$IngestionTime",
         .description = "When the current record was ingested (with the ingestion-time policy on)."});
  add_fact(r, "row_id", ST::String, "An identifier of the current record.");
  add_fact(r, "rowstore_ordinal_range", ST::Dynamic, "Internal: the row-store ordinal range of the current record.", {},
           true);

  // --- database cursors
  r.add({.name = "cursor_after",
         .signatures = {fixed(ST::Bool, {{"cursor", kString}})},
         .description = "Whether the record was ingested after the database cursor."});
  r.add({.name = "cursor_before_or_at",
         .signatures = {fixed(ST::Bool, {{"cursor", kString}})},
         .description = "Whether the record was ingested before or at the database cursor."});
  add_fact(r, "cursor_current", ST::String, "The current value of the database cursor.");
  add_fact(r, "current_cursor", ST::String, "Old name of cursor_current.", "cursor_current");

  // --- values
  add_fact(r, "new_guid", ST::Guid, "A new random guid.");
  r.add({.name = "estimate_data_size",
         .signatures = {fixed(ST::Long, {many("column", kScalar, ArgShape::Column)}),
                        fixed(ST::Long, {{"columns", kScalar, ArgShape::Star}})},
         .description = "The estimated size in bytes of the given columns (or `*`) of the current record."});

  // --- graph-match path functions: valid only in the where/project clauses of graph-match and
  // graph-shortest-paths, where the first argument is a path variable and the second an
  // expression over each of its elements (hence ArgShape::Any).
  r.add({.name = "all",
         .signatures = {fixed(ST::Bool, {{"pattern_element"}, {"expression", kBool, ArgShape::Any}})},
         .description = "Whether a condition holds for every element of a variable-length path."});
  r.add({.name = "any",
         .signatures = {fixed(ST::Bool, {{"pattern_element"}, {"expression", kBool, ArgShape::Any}})},
         .description = "Whether a condition holds for some element of a variable-length path."});
  // Kusto types the result as an array of the expression's type; dynamic is all we can say.
  r.add({.name = "map",
         .signatures = {fixed(ST::Dynamic, {{"pattern_element"}, {"expression", kScalar, ArgShape::Any}})},
         .description = "An expression evaluated on each element of a variable-length path, as an array."});
  r.add({.name = "inner_nodes",
         .signatures = {fixed(ST::Dynamic, {{"edge"}})},
         .description = "The inner nodes of a variable-length path, for use in map()."});
  r.add({.name = "node_id",
         .signatures = {fixed(ST::String, {opt("node")})},
         .description = "The id of a graph node."});
  r.add({.name = "node_degree_in",
         .signatures = {fixed(ST::Long, {opt("node")})},
         .description = "The number of edges into a graph node."});
  r.add({.name = "node_degree_out",
         .signatures = {fixed(ST::Long, {opt("node")})},
         .description = "The number of edges out of a graph node."});
  r.add({.name = "labels",
         .signatures = {fixed(ST::Dynamic, {opt("pattern_element")})},
         .description = "The labels of a graph node or edge, as a dynamic array."});

  // --- internal
  r.add({.name = "__invoke",
         .signatures = {custom(second_argument_names_type, {{"name", kString, ArgShape::Constant},
                                                            kTypeLiteral,
                                                            opt_many("arg", kScalar, ArgShape::Any)})},
         .hidden = true,
         .description = "Internal: calls a function by name with a declared result type."});
}

}  // namespace huntdb::functions
