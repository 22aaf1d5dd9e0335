// Evaluate plugins: `T | evaluate name(args)`. Each entry declares the plugin's parameters and a
// function that computes its output schema from the input schema and the arguments, as the
// official type checker (Kusto.Language 12.4.1, the oracle) infers it; every rule below was
// checked against the oracle unless it says otherwise.
//
// What the schema functions expect of the binder's ArgInfo:
// - a column argument: is_column, result_name = the column's name, type = its type;
// - any other argument: result_name = the name Kusto would give the expression as a column
//   (empty when it has none), and for a named argument `name = expr` the name;
// - a literal: literal = its value as Kusto prints it (true, 7, 95.5, "text" decoded);
// - a tabular argument (lookup tables): table = its schema;
// - python/r/csharp: the typeof(...) output schema as the first argument's table (a column
//   named "*" in it stands for the input columns, as in typeof(*, z:int)).
// Plugins whose output depends on data (bag_unpack, pivot) return an open schema.
// Connectivity plugins with no declared schema (sql_request, ...) return false.
#include <algorithm>
#include <cctype>
#include <string>

#include "huntdb/functions/declare.h"

namespace huntdb::functions {

namespace {

using namespace types;
using namespace declare;

// --- parameter helpers

// The user-analytics plugins' common shapes: an id column, a timeline column, time constants
// and any number of dimension columns.
Param id_column() { return column("IdColumn", kNotDynamic); }
Param timeline() { return column("TimelineColumn", kSummable); }
Param time_constant(std::string_view name) { return constant(name, kSummable); }
Param dimensions() { return opt_many("Dimension", kNotDynamic, ArgShape::Column); }
// Arguments whose role depends on their position and kind (checked by the plugin's own rule).
Param rest(std::string_view name) { return opt_many(name, kScalar, ArgShape::Any); }

// --- schema helpers

void add(TableSchema& out, std::string name, ScalarType type) { out.columns.push_back({std::move(name), type}); }

// The column an argument references, if it is a plain column reference.
bool add_column_arg(TableSchema& out, std::span<const ArgInfo> args, size_t i) {
  if (i >= args.size() || !args[i].is_column || args[i].result_name.empty()) return false;
  add(out, args[i].result_name, args[i].type);
  return true;
}

// Every column-reference argument from index `from` on (dimension columns).
void add_column_args(TableSchema& out, std::span<const ArgInfo> args, size_t from) {
  for (size_t i = from; i < args.size(); ++i) add_column_arg(out, args, i);
}

void add_input(TableSchema& out, const TableSchema& input) {
  out.columns.insert(out.columns.end(), input.columns.begin(), input.columns.end());
  out.open = out.open || input.open;
}

bool equals_ignore_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

bool is_true_literal(const ArgInfo& a) { return a.literal && equals_ignore_case(*a.literal, "true"); }
bool is_bool_literal(const ArgInfo& a) {
  return a.literal && a.type == ScalarType::Bool && !a.is_column;
}

// Kusto joins name parts with `_` (an empty part still contributes its separator).
std::string join(std::string_view a, std::string_view b) { return std::string(a) + "_" + std::string(b); }

// Kusto's rule when a combined schema has a name twice (joins, lookups): the first column with
// a name keeps it; each later one gets the name plus the smallest suffix, counting up from the
// last suffix used for that name, that no column of the whole list (even further right) and no
// name given so far has: [c, c, c1] -> [c, c2, c1]. Names compare case-sensitively.
void make_names_unique(std::vector<ColumnSchema>& columns) {
  absl::flat_hash_map<std::string, size_t> first_index;
  absl::flat_hash_map<std::string, int> taken;  // name -> last suffix used for it
  for (size_t i = 0; i < columns.size(); ++i) first_index.emplace(columns[i].name, i);
  for (const auto& [name, index] : first_index)
    if (!name.empty()) taken.emplace(name, 0);
  for (size_t i = 0; i < columns.size(); ++i) {
    std::string& name = columns[i].name;
    if (first_index.at(name) == i) continue;
    auto it = taken.find(name);
    if (it == taken.end()) {
      taken.emplace(name, 0);
      continue;
    }
    for (int suffix = it->second + 1;; ++suffix) {
      std::string candidate = name + std::to_string(suffix);
      if (!taken.contains(candidate)) {
        taken[name] = suffix;
        taken.emplace(candidate, 0);
        name = std::move(candidate);
        break;
      }
    }
  }
}

// --- schema functions, one per plugin shape

bool same_as_input(const TableSchema& input, std::span<const ArgInfo>, TableSchema& out) {
  add_input(out, input);
  return true;
}

// No statically known output (connectivity plugins): the binder treats the result as open.
bool unknown_output(const TableSchema&, std::span<const ArgInfo>, TableSchema&) { return false; }

bool active_users_count(const TableSchema&, std::span<const ArgInfo> args, TableSchema& out) {
  add_column_arg(out, args, 1);
  add_column_args(out, args, 8);
  add(out, "dcount", ScalarType::Long);
  return true;
}

bool activity_counts_metrics(const TableSchema&, std::span<const ArgInfo> args, TableSchema& out) {
  add_column_arg(out, args, 1);
  add_column_args(out, args, 5);
  for (const char* name : {"count", "dcount", "new_dcount", "aggregated_dcount"}) add(out, name, ScalarType::Long);
  return true;
}

bool activity_engagement(const TableSchema&, std::span<const ArgInfo> args, TableSchema& out) {
  add_column_arg(out, args, 1);
  // The short form (id, timeline, inner, outer) has no dimensions; the long one has them after
  // the two windows.
  if (args.size() > 4) add_column_args(out, args, 6);
  add(out, "dcount_activities_inner", ScalarType::Long);
  add(out, "dcount_activities_outer", ScalarType::Long);
  add(out, "activity_ratio", ScalarType::Real);
  return true;
}

bool activity_metrics(const TableSchema&, std::span<const ArgInfo> args, TableSchema& out) {
  add_column_arg(out, args, 1);
  add_column_args(out, args, 5);
  add(out, "dcount_values", ScalarType::Long);
  add(out, "dcount_newvalues", ScalarType::Long);
  add(out, "retention_rate", ScalarType::Real);
  add(out, "churn_rate", ScalarType::Real);
  return true;
}

// new_activity_metrics(id, timeline, start, end, window [, cohort] [, dim...] [, lookback]):
// the argument after the window is the cohort when it is a constant or not a column; every
// following non-tabular argument is a dimension.
bool new_activity_metrics(const TableSchema&, std::span<const ArgInfo> args, TableSchema& out) {
  if (args.size() > 1) {
    add(out, join("from", args[1].result_name), args[1].type);
    add(out, join("to", args[1].result_name), args[1].type);
  }
  size_t i = 5;
  if (i < args.size() && (args[i].literal || !args[i].is_column)) ++i;
  for (; i < args.size() && !args[i].table; ++i) add_column_arg(out, args, i);
  add(out, "dcount_new_values", ScalarType::Long);
  add(out, "dcount_retained_values", ScalarType::Long);
  add(out, "dcount_churn_values", ScalarType::Long);
  add(out, "retention_rate", ScalarType::Real);
  add(out, "churn_rate", ScalarType::Real);
  return true;
}

bool session_count(const TableSchema&, std::span<const ArgInfo> args, TableSchema& out) {
  add_column_arg(out, args, 1);
  add_column_args(out, args, 6);
  add(out, "count_sessions", ScalarType::Long);
  return true;
}

bool sliding_window_counts(const TableSchema&, std::span<const ArgInfo> args, TableSchema& out) {
  add_column_arg(out, args, 1);
  add_column_args(out, args, 6);
  add(out, "Count", ScalarType::Long);
  add(out, "Dcount", ScalarType::Long);
  return true;
}

// Only the first of funnel_sequence's result tables is declared (as Kusto does).
bool funnel_sequence(const TableSchema&, std::span<const ArgInfo> args, TableSchema& out) {
  add_column_arg(out, args, 1);
  if (args.size() > 6) {
    add(out, "prev", args[6].type);
    add(out, "next", args[6].type);
  }
  add(out, "dcount", ScalarType::Long);
  add(out, "samples", ScalarType::Dynamic);
  return true;
}

// The state column comes back as a string column of the same name, whatever its type.
bool funnel_sequence_completion(const TableSchema&, std::span<const ArgInfo> args, TableSchema& out) {
  add_column_arg(out, args, 1);
  if (args.size() > 5) add(out, args[5].result_name, ScalarType::String);
  add(out, "Period", ScalarType::TimeSpan);
  add(out, "dcount", ScalarType::Long);
  return true;
}

// rolling_percentile(value, p, index, bin, bins_per_window, dim...): index, dimensions, then
// rolling_<bins>_percentile_<value column>_<p> typed like the value column (long if unknown);
// the literals appear as written in Kusto's print (95.5 stays 95.5).
bool rolling_percentile(const TableSchema&, std::span<const ArgInfo> args, TableSchema& out) {
  add_column_arg(out, args, 2);
  add_column_args(out, args, 5);
  auto literal_or_zero = [&](size_t i) {
    return i < args.size() && args[i].literal ? *args[i].literal : std::string("0");
  };
  bool value_is_column = !args.empty() && args[0].is_column;
  std::string value_name = value_is_column ? args[0].result_name : "value";
  ScalarType value_type = value_is_column ? args[0].type : ScalarType::Long;
  add(out, "rolling_" + literal_or_zero(4) + "_percentile_" + value_name + "_" + literal_or_zero(1), value_type);
  return true;
}

bool dcount_intersect(const TableSchema& input, std::span<const ArgInfo> args, TableSchema& out) {
  add_input(out, input);
  for (size_t i = 0; i < args.size(); ++i) add(out, "s" + std::to_string(i), ScalarType::Long);
  return true;
}

bool segments_then_input(const TableSchema& input, TableSchema& out) {
  add(out, "SegmentId", ScalarType::Long);
  add(out, "Count", ScalarType::Long);
  add(out, "Percent", ScalarType::Real);
  add_input(out, input);
  return true;
}
bool autocluster(const TableSchema& input, std::span<const ArgInfo>, TableSchema& out) {
  return segments_then_input(input, out);
}
bool basket(const TableSchema& input, std::span<const ArgInfo>, TableSchema& out) {
  return segments_then_input(input, out);
}

bool diffpatterns(const TableSchema& input, std::span<const ArgInfo>, TableSchema& out) {
  add(out, "SegmentId", ScalarType::Long);
  add(out, "CountA", ScalarType::Long);
  add(out, "CountB", ScalarType::Long);
  add(out, "PercentA", ScalarType::Real);
  add(out, "PercentB", ScalarType::Real);
  add(out, "PercentDiffAB", ScalarType::Real);
  add_input(out, input);
  return true;
}

// Not known to Kusto.Language 12.4.1; columns from the reference docs (types as documented:
// counts, percentages, the pattern text).
bool diffpatterns_text(const TableSchema&, std::span<const ArgInfo>, TableSchema& out) {
  add(out, "Count_of_True", ScalarType::Long);
  add(out, "Count_of_False", ScalarType::Long);
  add(out, "Percent_of_True", ScalarType::Real);
  add(out, "Percent_of_False", ScalarType::Real);
  add(out, "Pattern", ScalarType::String);
  return true;
}

// The unpacked properties become columns only at run time: the oracle reports the input
// columns without the bag column, and an open schema.
bool bag_unpack(const TableSchema& input, std::span<const ArgInfo> args, TableSchema& out) {
  bool drop = !args.empty() && args[0].is_column;
  for (const auto& c : input.columns)
    if (!drop || c.name != args[0].result_name) out.columns.push_back(c);
  out.open = true;
  return true;
}

// pivot(pivot_column [, aggregate(column)] [, column...]): the listed columns, or else every
// input column but the pivot column and the aggregate's column; the pivoted values become
// further columns at run time (open schema). For the aggregate argument the binder passes in
// result_name the column its first argument references (empty for count() or an expression);
// failing that, an aggregate result name `<prefix>_<column>` of an input column is recognized.
bool pivot(const TableSchema& input, std::span<const ArgInfo> args, TableSchema& out) {
  out.open = true;
  bool listed = false;
  for (size_t i = 2; i < args.size(); ++i) listed = add_column_arg(out, args, i) || listed;
  if (listed) return true;
  std::string pivot_name = !args.empty() && args[0].is_column ? args[0].result_name : "";
  std::string aggregate_name;
  if (args.size() > 1 && !args[1].result_name.empty()) {
    const std::string& n = args[1].result_name;
    if (input.find(n)) {
      aggregate_name = n;
    } else {
      for (const auto& c : input.columns) {
        if (n.size() > c.name.size() + 1 && n.ends_with(c.name) && n[n.size() - c.name.size() - 1] == '_' &&
            c.name.size() > aggregate_name.size())
          aggregate_name = c.name;
      }
    }
  }
  for (const auto& c : input.columns)
    if (c.name != pivot_name && c.name != aggregate_name) out.columns.push_back(c);
  return true;
}

bool narrow(const TableSchema&, std::span<const ArgInfo>, TableSchema& out) {
  add(out, "Row", ScalarType::Long);
  add(out, "Column", ScalarType::String);
  add(out, "Value", ScalarType::String);
  return true;
}

// preview returns two tables: the first rows of the input, then Count:long. Only the first
// can be expressed as a schema.
bool preview(const TableSchema& input, std::span<const ArgInfo>, TableSchema& out) {
  add_input(out, input);
  return true;
}

// The same columns as getschema. Kusto.Language declares this plugin but does not register it,
// so the oracle rejects it; the docs list it.
bool schema_merge(const TableSchema&, std::span<const ArgInfo>, TableSchema& out) {
  add(out, "ColumnName", ScalarType::String);
  add(out, "ColumnOrdinal", ScalarType::Int);
  add(out, "DataType", ScalarType::String);
  add(out, "ColumnType", ScalarType::String);
  return true;
}

bool infer_storage_schema(const TableSchema&, std::span<const ArgInfo>, TableSchema& out) {
  add(out, "CslSchema", ScalarType::String);
  return true;
}

bool infer_storage_schema_with_suggestions(const TableSchema&, std::span<const ArgInfo>, TableSchema& out) {
  add(out, "SuggestedTableSchema", ScalarType::String);
  return true;
}

bool estimate_rows_count(const TableSchema&, std::span<const ArgInfo>, TableSchema& out) {
  add(out, "EstimatedRowsCount", ScalarType::Long);
  return true;
}

bool http_request(const TableSchema&, std::span<const ArgInfo>, TableSchema& out) {
  add(out, "ResponseHeaders", ScalarType::Dynamic);
  add(out, "ResponseBody", ScalarType::Dynamic);
  return true;
}

// ipv4_lookup(lookup, source_key, lookup_key [, extra_key...] [, return_unmatched]): the input
// columns, then the lookup table's columns except those named like an extra key (the IPv4 key
// itself stays), duplicate names suffixed. The last argument is return_unmatched when it is a
// bool literal (or named so). An unknown lookup table leaves the input schema.
bool ipv4_lookup(const TableSchema& input, std::span<const ArgInfo> args, TableSchema& out) {
  add_input(out, input);
  if (args.empty() || !args[0].table) return true;
  size_t end = args.size();
  if (end > 3 && (is_bool_literal(args[end - 1]) || args[end - 1].result_name == "return_unmatched")) --end;
  std::vector<std::string_view> extra_keys;
  for (size_t i = 3; i < end; ++i)
    if (args[i].is_column) extra_keys.push_back(args[i].result_name);
  for (const auto& c : args[0].table->columns)
    if (std::find(extra_keys.begin(), extra_keys.end(), c.name) == extra_keys.end()) out.columns.push_back(c);
  out.open = out.open || args[0].table->open;
  make_names_unique(out.columns);
  return true;
}

// The lookup table's columns come first: so the reference docs' examples show them (the
// oracle puts the input first, as for ipv4_lookup; the docs' output tables are followed).
bool ipv6_lookup(const TableSchema& input, std::span<const ArgInfo> args, TableSchema& out) {
  if (args.empty() || !args[0].table) {
    add_input(out, input);
    return true;
  }
  add_input(out, *args[0].table);
  add_input(out, input);
  make_names_unique(out.columns);
  return true;
}

// geo_polygon_lookup / geo_line_lookup(lookup, key, lon, lat, ...): the input columns, then the
// lookup table's columns without the key column (compared case-insensitively) unless
// return_lookup_key is true (the 8th argument, or named so) or the key is not a column.
bool geo_lookup(const TableSchema& input, std::span<const ArgInfo> args, TableSchema& out) {
  add_input(out, input);
  if (args.empty() || !args[0].table) return true;
  bool keep_key = args.size() < 2 || !args[1].is_column;
  if (args.size() == 8 && is_bool_literal(args[7]) && is_true_literal(args[7])) keep_key = true;
  for (const auto& a : args)
    if (equals_ignore_case(a.result_name, "return_lookup_key") && is_true_literal(a)) keep_key = true;
  for (const auto& c : args[0].table->columns)
    if (keep_key || !equals_ignore_case(c.name, args[1].result_name)) out.columns.push_back(c);
  out.open = out.open || args[0].table->open;
  make_names_unique(out.columns);
  return true;
}

// sequence_detect(timeline, step_window, span, expr1, [expr2...], [dim...]): the dimension
// columns, then `<expr name>_<timeline name>` per predicate (typed like the timeline; an
// unnamed predicate gives `_<timeline>`), then Duration. Predicates are the bool arguments
// that follow the third; the rest are dimensions.
bool sequence_detect(const TableSchema&, std::span<const ArgInfo> args, TableSchema& out) {
  size_t first_dim = std::min<size_t>(4, args.size());
  while (first_dim < args.size() && args[first_dim].type == ScalarType::Bool) ++first_dim;
  add_column_args(out, args, first_dim);
  if (!args.empty()) {
    for (size_t i = 3; i < first_dim; ++i) add(out, join(args[i].result_name, args[0].result_name), args[0].type);
  }
  add(out, "Duration", ScalarType::TimeSpan);
  return true;
}

// The ai_* plugins append <text name>_<suffix> (and <text name>_<suffix>_error:string when the
// fourth argument, IncludeErrorMessages, is true) to the input columns.
bool ai_columns(const TableSchema& input, std::span<const ArgInfo> args, std::string_view suffix, ScalarType type,
                TableSchema& out) {
  add_input(out, input);
  std::string prefix = args.empty() ? "" : args[0].result_name;
  add(out, join(prefix, suffix), type);
  if (args.size() > 3 && is_true_literal(args[3])) add(out, join(join(prefix, suffix), "error"), ScalarType::String);
  return true;
}
bool ai_embed_text(const TableSchema& input, std::span<const ArgInfo> args, TableSchema& out) {
  return ai_columns(input, args, "embedding", ScalarType::Dynamic, out);
}
bool ai_embeddings(const TableSchema& input, std::span<const ArgInfo> args, TableSchema& out) {
  return ai_columns(input, args, "embeddings", ScalarType::Dynamic, out);
}
bool ai_chat_completion(const TableSchema& input, std::span<const ArgInfo> args, TableSchema& out) {
  return ai_columns(input, args, "completion", ScalarType::String, out);
}

// python / r / csharp: the schema given by the typeof(...) first argument.
bool declared_output(const TableSchema& input, std::span<const ArgInfo> args, TableSchema& out) {
  if (args.empty() || !args[0].table) return false;
  for (const auto& c : args[0].table->columns) {
    if (c.name == "*") {
      add_input(out, input);
    } else {
      out.columns.push_back(c);
    }
  }
  return true;
}

// --- registration

void register_user_analytics(Registry& r) {
  r.add(plugin("active_users_count",
               {untyped({id_column(), timeline(), time_constant("Start"), time_constant("End"),
                         time_constant("LookbackWindow"), time_constant("Period"), time_constant("ActivePeriods"),
                         time_constant("Step"), dimensions()})},
               active_users_count, "Distinct counts of users active in enough periods of a lookback window."));
  r.add(plugin("activity_counts_metrics",
               {untyped({id_column(), timeline(), time_constant("Start"), time_constant("End"), time_constant("Step"),
                         dimensions()})},
               activity_counts_metrics, "Per-step counts, distinct counts and new distinct counts of activity."));
  r.add(plugin("activity_engagement",
               {untyped({id_column(), timeline(), time_constant("InnerActivityWindow"),
                         time_constant("OuterActivityWindow")}),
                untyped({id_column(), timeline(), time_constant("Start"), time_constant("End"),
                         time_constant("InnerActivityWindow"), time_constant("OuterActivityWindow"), dimensions()})},
               activity_engagement, "Activity ratio of an inner window (e.g. DAU) to an outer one (e.g. MAU)."));
  r.add(plugin("activity_metrics",
               {untyped({column("IdColumn"), timeline(), time_constant("Start"), time_constant("End"),
                         time_constant("Step"), dimensions()}),
                untyped({column("IdColumn"), timeline(), opt("Start", kSummable, ArgShape::Constant),
                         opt("End", kSummable, ArgShape::Constant)})},
               activity_metrics, "Per-period distinct counts, new values, retention and churn rates."));
  // The cohort, dimensions and lookback table that follow the window are told apart by kind,
  // which the parameter list cannot say.
  r.add(plugin("new_activity_metrics",
               {untyped({id_column(), timeline(), time_constant("Start"), time_constant("End"), req("Window"),
                         rest("CohortDimensionsOrLookback")})},
               new_activity_metrics, "Retention and churn metrics of cohorts of new users."));
  r.add(plugin("session_count",
               {untyped({id_column(), timeline(), time_constant("Start"), time_constant("End"), time_constant("Bin"),
                         time_constant("LookBackWindow"), dimensions()})},
               session_count, "Number of sessions per time bin."));
  r.add(plugin("sliding_window_counts",
               {untyped({id_column(), timeline(), time_constant("Start"), time_constant("End"),
                         time_constant("LookBackWindow"), time_constant("Step"), dimensions()})},
               sliding_window_counts, "Counts and distinct counts over a sliding lookback window."));
  r.add(plugin("funnel_sequence",
               {untyped({id_column(), timeline(), time_constant("Start"), time_constant("End"),
                         time_constant("MaxWindowSizeBetweenSteps"), time_constant("Step"),
                         column("StateColumn", kNotDynamic), constant("Sequence", kDynamic)})},
               funnel_sequence, "Distinct counts of the states before and after a sequence of states."));
  r.add(plugin("funnel_sequence_completion",
               {untyped({id_column(), timeline(), time_constant("Start"), time_constant("End"),
                         time_constant("BinSize"), column("StateColumn", kNotDynamic), constant("Sequence", kDynamic),
                         constant("MaxSequencePeriods", kDynamic)})},
               funnel_sequence_completion, "Funnel of completed sequence steps within each period."));
  r.add(plugin("rolling_percentile",
               {untyped({column("ValueColumn", kSummable), constant("Percentile", kNumber),
                         column("IndexColumn", kSummable), req("BinSize", kSummable),
                         constant("BinsPerWindow", kInteger), dimensions()})},
               rolling_percentile, "Percentile of a value over a rolling window of bins."));
  r.add(plugin("dcount_intersect", {untyped({req("hll", kDynamic), many("more", kDynamic)})},
               dcount_intersect, "Distinct counts of the intersections of hll sketches (s0, s1, ...)."));
  r.add(plugin("sequence_detect",
               {untyped({timeline(), time_constant("MaxSequenceStepWindow"), time_constant("MaxSequenceSpan"),
                         req("Expr", kBool), rest("ExprOrDimension")})},
               sequence_detect, "Detects sequences of events that satisfy the predicates in order."));
}

void register_patterns(Registry& r) {
  r.add(plugin("autocluster",
               {untyped({opt("SizeWeight", kReal), opt("WeightColumn", kScalar, ArgShape::Column),
                         opt("NumSeeds", kInteger), opt_many("CustomWildcard")})},
               autocluster, "Common patterns of discrete attributes in the data."));
  r.add(plugin("basket",
               {untyped({opt("Threshold", kReal), opt("WeightColumn", kScalar, ArgShape::Column),
                         opt("MaxDimensions", kInteger), opt_many("CustomWildcard")})},
               basket, "Frequent patterns of discrete attributes (Apriori)."));
  r.add(plugin("diffpatterns",
               {untyped({column("SplitColumn"), req("SplitValueA", kString), req("SplitValueB", kString),
                         opt("WeightColumn", kScalar, ArgShape::Column), opt("Threshold", kReal),
                         opt("MaxDimensions", kInteger), opt_many("CustomWildcard")})},
               diffpatterns, "Patterns that tell two splits of the data apart."));
  r.add(plugin("diffpatterns_text",
               {untyped({column("TextColumn", kString), req("BooleanCondition", kBool), opt("MinTokens", kInteger),
                         opt("Threshold", kReal), opt("MaxTokens", kInteger)})},
               diffpatterns_text, "Text patterns that tell the rows where a condition holds from the others."));
}

void register_reshaping(Registry& r) {
  // The docs also describe columnsConflict and ignoredProperties (by name, or by position
  // after the prefix); the oracle knows only the first two parameters. The docs win.
  r.add(plugin("bag_unpack", {untyped({column("column"), opt("column_prefix", kString, ArgShape::Constant),
                                       opt("columnsConflict", kString, ArgShape::Constant),
                                       opt("ignoredProperties", kDynamic, ArgShape::Constant)})},
               bag_unpack, "Turns the properties of a dynamic bag column into columns."));
  r.add(plugin("pivot",
               {untyped({column("pivotColumn", kNotDynamic), opt("aggregateFunction", kScalar, ArgShape::Any),
                         opt_many("columnName", kScalar, ArgShape::Column)})},
               pivot, "Turns the distinct values of a column into columns, aggregating the rest."));
  r.add(plugin("narrow", {untyped({})}, narrow, "Unpivots a table into Row, Column and Value."));
  r.add(plugin("preview", {untyped({req("NumberOfRows", kInteger)})}, preview,
               "The first rows of the input, plus a table with the total row count."));
  r.add(plugin("schema_merge", {untyped({opt("PreserveOrder", kBool)})}, schema_merge,
               "Merges getschema outputs into one schema."));
  r.add(plugin("rows_near",
               {untyped({req("Condition", kBool), constant("NumRows", kInteger),
                         opt("NumRowsAfter", kInteger, ArgShape::Constant)})},
               same_as_input, "The rows near the rows that satisfy a condition."));
  r.add(plugin("estimate_rows_count", {untyped({})}, estimate_rows_count, "Estimated number of rows of the input."));
  r.add(plugin("infer_storage_schema", {untyped({req("Options", kDynamic)})}, infer_storage_schema,
               "Infers the schema of external data files."));
  r.add(plugin("infer_storage_schema_with_suggestions", {untyped({req("Options", kDynamic)})},
               infer_storage_schema_with_suggestions, "Infers the schema of external data files, with suggestions."));
  // Internal test plugins Kusto.Language knows.
  r.add(hidden(plugin("identity", {untyped({})}, same_as_input, "Internal: returns the input.")));
  r.add(hidden(plugin("identity_v3", {untyped({constant("mode", kString), constant("exceptionText", kString)})},
                      same_as_input, "Internal: returns the input.")));
}

void register_lookups(Registry& r) {
  r.add(plugin("ipv4_lookup",
               {untyped({req("LookupTable", kScalar, ArgShape::Tabular), column("SourceIPv4Key"),
                         column("IPv4LookupKey"), rest("ExtraKeyOrReturnUnmatched")})},
               ipv4_lookup, "Joins rows to the IPv4 ranges of a lookup table that contain their address."));
  r.add(plugin("ipv6_lookup",
               {untyped({req("LookupTable", kScalar, ArgShape::Tabular), column("SourceIPv6Key"),
                         column("IPv6LookupKey"), opt("return_unmatched", kBool, ArgShape::Constant)})},
               ipv6_lookup, "Joins rows to the IPv6 ranges of a lookup table that contain their address."));
  // The optional arguments after the coordinates (radius, return_unmatched, lookup_area_radius,
  // return_lookup_key) may be given by position or by name in any order, which a positional
  // parameter list cannot say: they are checked by the plugin's own rule.
  r.add(plugin("geo_polygon_lookup",
               {untyped({req("LookupTable", kScalar, ArgShape::Tabular), column("LookupPolygonKey", kDynamic),
                         column("SourceLongitude"), column("SourceLatitude"), rest("Options")})},
               geo_lookup, "Joins points to the polygons of a lookup table that contain them."));
  r.add(plugin("geo_line_lookup",
               {untyped({req("LookupTable", kScalar, ArgShape::Tabular), column("LookupLineKey", kDynamic),
                         column("SourceLongitude"), column("SourceLatitude"), constant("radius", kReal),
                         rest("Options")})},
               geo_lookup, "Joins points to the lines of a lookup table within a radius of them."));
}

void register_external(Registry& r) {
  r.add(plugin("http_request",
               {untyped({constant("Uri", kString), opt("RequestHeaders", kDynamic), opt("Options", kDynamic)})},
               http_request, "Sends an HTTP GET request."));
  r.add(plugin("http_request_post",
               {untyped({constant("Uri", kString), opt("RequestHeaders", kDynamic), opt("Options", kDynamic),
                         opt("Content", kString, ArgShape::Constant)})},
               http_request, "Sends an HTTP POST request."));
  // The output schema is the typeof(...) first argument.
  std::vector<Param> script{req("OutputSchema", kScalar, ArgShape::Any), req("Script", kString),
                            opt("Arguments", kDynamic)};
  std::vector<Param> python_params = script;
  python_params.push_back(opt("Artifacts", kDynamic));
  r.add(plugin("python", {untyped(python_params)}, declared_output, "Runs a Python script over the input."));
  r.add(plugin("r", {untyped(script)}, declared_output, "Runs an R script over the input."));
  r.add(plugin("csharp", {untyped(script)}, declared_output, "Runs a C# script over the input."));

  struct Request {
    std::string_view name, query_param, params_param;
    bool hidden;
    std::string_view description;
  };
  for (const Request& q :
       {Request{"sql_request", "sql_query", "sql_parameters", false, "Runs a query on a SQL Server endpoint."},
        Request{"mysql_request", "sql_query", "sql_parameters", false, "Runs a query on a MySQL server."},
        Request{"postgresql_request", "sql_query", "sql_parameters", true, "Runs a query on a PostgreSQL server."},
        Request{"cosmosdb_sql_request", "sql_query", "sql_parameters", false, "Runs a query on Azure Cosmos DB."},
        Request{"dax_request", "dax_query", "dax_parameters", true, "Runs a DAX query."}}) {
    r.add(hidden(plugin(q.name,
                        {untyped({req("connection_string", kString), req(q.query_param, kString),
                                  opt(q.params_param, kDynamic), opt("options", kDynamic)})},
                        unknown_output, q.description),
                 q.hidden));
  }
  r.add(plugin("azure_digital_twins_query_request", {untyped({req("endpoint", kString), req("sql_query", kString)})},
               unknown_output, "Runs a query on Azure Digital Twins."));
  r.add(plugin("execute_show_command", {untyped({req("connection_string", kString), req("command", kString)})},
               unknown_output, "Runs a management command on another cluster."));
  r.add(plugin("execute_query", {untyped({req("connection_string", kString), req("query", kString)})}, unknown_output,
               "Runs a query on another cluster."));
  r.add(plugin("external_datatable", {untyped({})}, unknown_output, "Reads an external table's data."));

  std::vector<Param> ai_tail{req("ConnectionString", kString), opt("Options", kDynamic),
                             opt("IncludeErrorMessages", kBool)};
  auto ai_params = [&](Param first) {
    std::vector<Param> ps{first};
    ps.insert(ps.end(), ai_tail.begin(), ai_tail.end());
    return ps;
  };
  r.add(plugin("ai_embeddings", {untyped(ai_params(req("Text")))}, ai_embeddings,
               "Embeds text with an AI model: adds <text>_embeddings."));
  r.add(deprecated(plugin("ai_embed_text", {untyped(ai_params(req("Text")))}, ai_embed_text,
                          "Legacy ai_embeddings: adds <text>_embedding."),
                   "ai_embeddings", false));
  r.add(plugin("ai_chat_completion", {untyped(ai_params(req("Prompt", kDynamic)))}, ai_chat_completion,
               "Chat completion with an AI model from a dynamic conversation: adds <prompt>_completion."));
  r.add(plugin("ai_chat_completion_prompt", {untyped(ai_params(req("Prompt", kString)))}, ai_chat_completion,
               "Chat completion with an AI model from a text prompt: adds <prompt>_completion."));
}

}  // namespace

void register_plugins(Registry& r) {
  register_user_analytics(r);
  register_patterns(r);
  register_reshaping(r);
  register_lookups(r);
  register_external(r);
}

}  // namespace huntdb::functions
