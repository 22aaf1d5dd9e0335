// Evaluate plugin output schemas, each expectation taken from the official type checker on the
// same query (the query is quoted above each case).
#include <string>
#include <utility>
#include <vector>

#include "function_test_util.h"

namespace huntdb {
namespace {

using functions::ArgInfo;
using functions::Registry;
using enum ScalarType;

TableSchema schema(std::vector<std::pair<std::string, ScalarType>> cols) {
  TableSchema s;
  for (auto& [name, type] : cols) s.columns.push_back({name, type});
  return s;
}

std::string text(const TableSchema& s) {
  std::string out;
  for (const auto& c : s.columns) {
    if (!out.empty()) out += ", ";
    out += c.name + ":" + std::string(type_name(c.type));
  }
  return out;
}

ArgInfo col(const TableSchema& t, const std::string& name) {
  const ColumnSchema* c = t.find(name);
  if (!c) ADD_FAILURE() << "no column " << name;
  return ArgInfo{.type = c ? c->type : Unknown, .result_name = name, .is_column = true};
}
ArgInfo lit(ScalarType type, std::string value) { return ArgInfo{.type = type, .literal = std::move(value)}; }
ArgInfo expr(ScalarType type, std::string name = "") { return ArgInfo{.type = type, .result_name = std::move(name)}; }
ArgInfo table(const TableSchema& t) { return ArgInfo{.table = &t}; }

// The output schema of `input | evaluate name(args)`, or "<unknown>" when the plugin says so.
std::string evaluate(std::string_view name, const TableSchema& input, const std::vector<ArgInfo>& args,
                     bool* open = nullptr) {
  const auto* f = Registry::builtins().plugin(name);
  if (!f || !f->plugin_schema) {
    ADD_FAILURE() << "no plugin " << name;
    return "";
  }
  auto r = functions::resolve(*f, args);
  EXPECT_NE(r.signature, nullptr) << name << ": " << r.error;
  TableSchema out;
  if (!f->plugin_schema(input, args, out)) return "<unknown>";
  if (open) *open = out.open;
  return text(out);
}

// datatable(id:string, ts:datetime, dim1:string, dim2:int, y:dynamic, v:long, r:real, b:bool)
const TableSchema& events() {
  static const TableSchema t = schema({{"id", String},
                                       {"ts", DateTime},
                                       {"dim1", String},
                                       {"dim2", Int},
                                       {"y", Dynamic},
                                       {"v", Long},
                                       {"r", Real},
                                       {"b", Bool}});
  return t;
}

TEST(FunctionsPlugins, BagUnpackKeepsTheOtherColumnsAndIsOpen) {
  const auto& t = events();
  bool open = false;
  // T | evaluate bag_unpack(y)
  EXPECT_EQ(evaluate("bag_unpack", t, {col(t, "y")}, &open),
            "id:string, ts:datetime, dim1:string, dim2:int, v:long, r:real, b:bool");
  EXPECT_TRUE(open);
  // T | evaluate bag_unpack(y, 'p_')
  EXPECT_EQ(evaluate("bag_unpack", t, {col(t, "y"), lit(String, "p_")}),
            "id:string, ts:datetime, dim1:string, dim2:int, v:long, r:real, b:bool");
}

TEST(FunctionsPlugins, PivotDeclaresWhatIsKnownBeforeTheData) {
  const auto& t = events();
  bool open = false;
  // T | evaluate pivot(dim1)
  EXPECT_EQ(evaluate("pivot", t, {col(t, "dim1")}, &open),
            "id:string, ts:datetime, dim2:int, y:dynamic, v:long, r:real, b:bool");
  EXPECT_TRUE(open);
  // T | evaluate pivot(dim1, sum(v)): the aggregated column goes too.
  EXPECT_EQ(evaluate("pivot", t, {col(t, "dim1"), expr(Long, "v")}),
            "id:string, ts:datetime, dim2:int, y:dynamic, r:real, b:bool");
  EXPECT_EQ(evaluate("pivot", t, {col(t, "dim1"), expr(Long, "sum_v")}),
            "id:string, ts:datetime, dim2:int, y:dynamic, r:real, b:bool");
  // T | evaluate pivot(dim1, count())
  EXPECT_EQ(evaluate("pivot", t, {col(t, "dim1"), expr(Long, "count_")}),
            "id:string, ts:datetime, dim2:int, y:dynamic, v:long, r:real, b:bool");
  // T | evaluate pivot(dim1, sum(v), id, ts)
  EXPECT_EQ(evaluate("pivot", t, {col(t, "dim1"), expr(Long, "v"), col(t, "id"), col(t, "ts")}),
            "id:string, ts:datetime");
}

TEST(FunctionsPlugins, Ipv4LookupAppendsTheLookupColumnsWithUniqueNames) {
  // datatable(ip:string, id:string, name:string) | evaluate ipv4_lookup(L, ip, network, ...)
  // with L = datatable(network:string, name:string, country:string, id:string)
  TableSchema t = schema({{"ip", String}, {"id", String}, {"name", String}});
  TableSchema lookup = schema({{"network", String}, {"name", String}, {"country", String}, {"id", String}});
  ArgInfo network{.type = String, .result_name = "network", .is_column = true};
  EXPECT_EQ(evaluate("ipv4_lookup", t, {table(lookup), col(t, "ip"), network}),
            "ip:string, id:string, name:string, network:string, name1:string, country:string, id1:string");
  EXPECT_EQ(evaluate("ipv4_lookup", t, {table(lookup), col(t, "ip"), network, lit(Bool, "true")}),
            "ip:string, id:string, name:string, network:string, name1:string, country:string, id1:string");
  // Extra key columns are not repeated.
  EXPECT_EQ(evaluate("ipv4_lookup", t, {table(lookup), col(t, "ip"), network, col(t, "id")}),
            "ip:string, id:string, name:string, network:string, name1:string, country:string");
  EXPECT_EQ(evaluate("ipv4_lookup", t, {table(lookup), col(t, "ip"), network, col(t, "name"), col(t, "id")}),
            "ip:string, id:string, name:string, network:string, country:string");
  // A suffix already taken further right is skipped: [.., name, name1] -> name2, name1.
  TableSchema lookup2 = schema({{"network", String}, {"name", String}, {"name1", String}});
  EXPECT_EQ(evaluate("ipv4_lookup", t, {table(lookup2), col(t, "ip"), network}),
            "ip:string, id:string, name:string, network:string, name2:string, name1:string");
  // Names compare case-sensitively: ip clashes, Ip does not.
  TableSchema lookup3 = schema({{"network", String}, {"ip", Int}, {"Ip", Long}});
  EXPECT_EQ(evaluate("ipv4_lookup", t, {table(lookup3), col(t, "ip"), network}),
            "ip:string, id:string, name:string, network:string, ip1:int, Ip:long");
  // ipv6_lookup keeps every lookup column, and puts them first (ipv6-lookup-plugin examples).
  EXPECT_EQ(evaluate("ipv6_lookup", t, {table(lookup), col(t, "ip"), network}),
            "network:string, name:string, country:string, id:string, ip:string, id1:string, name1:string");
}

TEST(FunctionsPlugins, GeoLookupsDropTheKeyUnlessAskedFor) {
  // datatable(lon:real, lat:real, name:string) | evaluate geo_polygon_lookup(G, poly, lon, lat ...)
  // with G = datatable(poly:dynamic, name:string, lon:real)
  TableSchema s = schema({{"lon", Real}, {"lat", Real}, {"name", String}});
  TableSchema g = schema({{"poly", Dynamic}, {"name", String}, {"lon", Real}});
  ArgInfo poly{.type = Dynamic, .result_name = "poly", .is_column = true};
  EXPECT_EQ(evaluate("geo_polygon_lookup", s, {table(g), poly, col(s, "lon"), col(s, "lat")}),
            "lon:real, lat:real, name:string, name1:string, lon1:real");
  ArgInfo return_key{.type = Bool, .literal = "true", .result_name = "return_lookup_key"};
  EXPECT_EQ(evaluate("geo_polygon_lookup", s, {table(g), poly, col(s, "lon"), col(s, "lat"), return_key}),
            "lon:real, lat:real, name:string, poly:dynamic, name1:string, lon1:real");
  EXPECT_EQ(evaluate("geo_line_lookup", s, {table(g), poly, col(s, "lon"), col(s, "lat"), lit(Real, "10.0")}),
            "lon:real, lat:real, name:string, name1:string, lon1:real");
}

TEST(FunctionsPlugins, UserAnalyticsPlugins) {
  const auto& t = events();
  ArgInfo start = lit(DateTime, "2020-01-01T00:00:00Z"), end = lit(DateTime, "2020-02-01T00:00:00Z");
  ArgInfo day = lit(TimeSpan, "1.00:00:00"), week = lit(TimeSpan, "7.00:00:00");
  // activity_counts_metrics(id, ts, start, end, 1d [, dim1, dim2])
  EXPECT_EQ(evaluate("activity_counts_metrics", t, {col(t, "id"), col(t, "ts"), start, end, day}),
            "ts:datetime, count:long, dcount:long, new_dcount:long, aggregated_dcount:long");
  EXPECT_EQ(evaluate("activity_counts_metrics", t,
                     {col(t, "id"), col(t, "ts"), start, end, day, col(t, "dim1"), col(t, "dim2")}),
            "ts:datetime, dim1:string, dim2:int, count:long, dcount:long, new_dcount:long, aggregated_dcount:long");
  // activity_engagement(id, ts, 1d, 30d) and (id, ts, start, end, 1d, 30d, dim1)
  EXPECT_EQ(evaluate("activity_engagement", t, {col(t, "id"), col(t, "ts"), day, week}),
            "ts:datetime, dcount_activities_inner:long, dcount_activities_outer:long, activity_ratio:real");
  EXPECT_EQ(evaluate("activity_engagement", t, {col(t, "id"), col(t, "ts"), start, end, day, week, col(t, "dim1")}),
            "ts:datetime, dim1:string, dcount_activities_inner:long, dcount_activities_outer:long, "
            "activity_ratio:real");
  // sliding_window_counts(id, ts, start, end, 7d, 1d [, dim1, dim2])
  EXPECT_EQ(evaluate("sliding_window_counts", t, {col(t, "id"), col(t, "ts"), start, end, week, day}),
            "ts:datetime, Count:long, Dcount:long");
  EXPECT_EQ(evaluate("sliding_window_counts", t,
                     {col(t, "id"), col(t, "ts"), start, end, week, day, col(t, "dim1"), col(t, "dim2")}),
            "ts:datetime, dim1:string, dim2:int, Count:long, Dcount:long");
  // activity_metrics(id, ts, start, end, 1d, dim1)
  EXPECT_EQ(evaluate("activity_metrics", t, {col(t, "id"), col(t, "ts"), start, end, day, col(t, "dim1")}),
            "ts:datetime, dim1:string, dcount_values:long, dcount_newvalues:long, retention_rate:real, "
            "churn_rate:real");
  // new_activity_metrics(id, ts, start, end, 1d, "c", dim1): "c" is the cohort.
  EXPECT_EQ(evaluate("new_activity_metrics", t,
                     {col(t, "id"), col(t, "ts"), start, end, day, lit(String, "c"), col(t, "dim1")}),
            "from_ts:datetime, to_ts:datetime, dim1:string, dcount_new_values:long, dcount_retained_values:long, "
            "dcount_churn_values:long, retention_rate:real, churn_rate:real");
  EXPECT_EQ(evaluate("new_activity_metrics", t,
                     {col(t, "id"), col(t, "ts"), start, end, day, col(t, "dim1"), col(t, "dim2")}),
            "from_ts:datetime, to_ts:datetime, dim1:string, dim2:int, dcount_new_values:long, "
            "dcount_retained_values:long, dcount_churn_values:long, retention_rate:real, churn_rate:real");
  // active_users_count(id, ts, start, end, 7d, 1d, 2, 1d, dim1)
  EXPECT_EQ(evaluate("active_users_count", t,
                     {col(t, "id"), col(t, "ts"), start, end, week, day, lit(Long, "2"), day, col(t, "dim1")}),
            "ts:datetime, dim1:string, dcount:long");
  // session_count(id, ts, start, end, 1h, 1d, dim1)
  EXPECT_EQ(evaluate("session_count", t,
                     {col(t, "id"), col(t, "ts"), start, end, lit(TimeSpan, "01:00:00"), day, col(t, "dim1")}),
            "ts:datetime, dim1:string, count_sessions:long");
  // funnel_sequence(id, ts, start, end, 10m, 1d, dim2, dynamic([1,2])): prev/next typed like the state.
  EXPECT_EQ(evaluate("funnel_sequence", t,
                     {col(t, "id"), col(t, "ts"), start, end, lit(TimeSpan, "00:10:00"), day, col(t, "dim2"),
                      lit(Dynamic, "[1,2]")}),
            "ts:datetime, prev:int, next:int, dcount:long, samples:dynamic");
  // funnel_sequence_completion(..., dim2, ...): the state column comes back as a string.
  EXPECT_EQ(evaluate("funnel_sequence_completion", t,
                     {col(t, "id"), col(t, "ts"), start, end, day, col(t, "dim2"), lit(Dynamic, "[\"a\",\"b\"]"),
                      lit(Dynamic, "[1d, 2d]")}),
            "ts:datetime, dim2:string, Period:timespan, dcount:long");
  // rolling_percentile(r, 95.5, ts, 1d, 7, dim1, dim2)
  EXPECT_EQ(evaluate("rolling_percentile", t,
                     {col(t, "r"), lit(Real, "95.5"), col(t, "ts"), day, lit(Long, "7"), col(t, "dim1"),
                      col(t, "dim2")}),
            "ts:datetime, dim1:string, dim2:int, rolling_7_percentile_r_95.5:real");
}

TEST(FunctionsPlugins, SequenceDetectNamesEachStepAfterTheTimeline) {
  const auto& t = events();
  ArgInfo step = lit(TimeSpan, "00:10:00"), span = lit(TimeSpan, "01:00:00");
  // sequence_detect(ts, 10m, 1h, e1 = (dim1 == 'a'), e2 = (dim1 == 'b'), id)
  EXPECT_EQ(evaluate("sequence_detect", t,
                     {col(t, "ts"), step, span, expr(Bool, "e1"), expr(Bool, "e2"), col(t, "id")}),
            "id:string, e1_ts:datetime, e2_ts:datetime, Duration:timespan");
  // sequence_detect(ts, 10m, 1h, dim1 == 'a', dim1 == 'b', id, dim2)
  EXPECT_EQ(evaluate("sequence_detect", t,
                     {col(t, "ts"), step, span, expr(Bool), expr(Bool), col(t, "id"), col(t, "dim2")}),
            "id:string, dim2:int, _ts:datetime, _ts:datetime, Duration:timespan");
}

TEST(FunctionsPlugins, PatternPluginsPrefixTheirColumnsToTheInput) {
  const auto& t = events();
  std::string input = "id:string, ts:datetime, dim1:string, dim2:int, y:dynamic, v:long, r:real, b:bool";
  EXPECT_EQ(evaluate("autocluster", t, {}), "SegmentId:long, Count:long, Percent:real, " + input);
  EXPECT_EQ(evaluate("autocluster", t, {lit(Real, "0.6")}), "SegmentId:long, Count:long, Percent:real, " + input);
  EXPECT_EQ(evaluate("basket", t, {}), "SegmentId:long, Count:long, Percent:real, " + input);
  EXPECT_EQ(evaluate("diffpatterns", t, {col(t, "dim1"), lit(String, "a"), lit(String, "b")}),
            "SegmentId:long, CountA:long, CountB:long, PercentA:real, PercentB:real, PercentDiffAB:real, " + input);
  EXPECT_EQ(evaluate("dcount_intersect", t, {col(t, "y"), col(t, "y"), col(t, "y")}),
            input + ", s0:long, s1:long, s2:long");
  EXPECT_EQ(evaluate("narrow", t, {}), "Row:long, Column:string, Value:string");
  EXPECT_EQ(evaluate("preview", t, {lit(Long, "10")}), input);
  EXPECT_EQ(evaluate("rows_near", t, {col(t, "b"), lit(Long, "5")}), input);
  EXPECT_EQ(evaluate("infer_storage_schema", t, {lit(Dynamic, "{}")}), "CslSchema:string");
  EXPECT_EQ(evaluate("estimate_rows_count", t, {}), "EstimatedRowsCount:long");
}

TEST(FunctionsPlugins, ExternalPlugins) {
  const auto& t = events();
  EXPECT_EQ(evaluate("http_request", TableSchema{}, {lit(String, "http://x")}),
            "ResponseHeaders:dynamic, ResponseBody:dynamic");
  EXPECT_EQ(evaluate("sql_request", TableSchema{}, {lit(String, "cs"), lit(String, "select 1")}), "<unknown>");
  // python(typeof(*, z:int), 'x') and python(typeof(a:int, z:int), 'x')
  TableSchema star_z = schema({{"*", Unknown}, {"z", Int}});
  EXPECT_EQ(evaluate("python", t, {table(star_z), lit(String, "x")}),
            "id:string, ts:datetime, dim1:string, dim2:int, y:dynamic, v:long, r:real, b:bool, z:int");
  TableSchema a_z = schema({{"a", Int}, {"z", Int}});
  EXPECT_EQ(evaluate("python", t, {table(a_z), lit(String, "x")}), "a:int, z:int");
  // ai_embeddings(dim1, 'cs', dynamic({}), true)
  EXPECT_EQ(evaluate("ai_embeddings", t, {col(t, "dim1"), lit(String, "cs"), lit(Dynamic, "{}"), lit(Bool, "true")}),
            "id:string, ts:datetime, dim1:string, dim2:int, y:dynamic, v:long, r:real, b:bool, "
            "dim1_embeddings:dynamic, dim1_embeddings_error:string");
  EXPECT_EQ(Registry::builtins().plugin("ai_embed_text")->replaced_by, "ai_embeddings");
}

TEST(FunctionsPlugins, EveryPluginComputesASchema) {
  int plugins = 0;
  for (const auto& f : Registry::builtins().all()) {
    if (f.kind != functions::FunctionKind::Plugin) continue;
    ++plugins;
    EXPECT_NE(f.plugin_schema, nullptr) << f.name;
    EXPECT_FALSE(f.description.empty()) << f.name;
  }
  // Kusto.Language 12.4.1 registers 47 plugins; we add schema_merge and diffpatterns_text (docs).
  EXPECT_EQ(plugins, 49);
  EXPECT_EQ(Registry::builtins().plugin("foo"), nullptr);
}

}  // namespace
}  // namespace huntdb
