// Aggregate declarations: result types, column-name rules and shapes, each expectation checked
// against the official type checker (e.g. `summarize percentiles(x, 50, 95)` with x:int gives
// percentile_x_50:long, percentile_x_95:long).
#include <tuple>

#include "function_test_util.h"

namespace huntdb {
namespace {

using functions::AggregateShape;
using functions::ArgInfo;
using functions::Registry;
using functions::ResultName;
using testing::aggregate_entry;
using testing::aggregate_rejects;
using testing::aggregate_result;
using testing::scalar_entry;
using testing::scalar_rejects;
using testing::scalar_result;
using enum ScalarType;

// The column prefix a `summarize f(x)` column gets: `<prefix>_x`.
void expect_prefixed(std::string_view name, std::string_view prefix) {
  const auto& f = aggregate_entry(name);
  EXPECT_EQ(f.result_name, ResultName::PrefixAndFirstArgument) << name;
  EXPECT_EQ(f.result_prefix, prefix) << name;
}

TEST(FunctionsAggregates, CountingIsLong) {
  EXPECT_EQ(aggregate_result("count", {}), Long);
  EXPECT_EQ(aggregate_result("countif", {Bool}), Long);
  EXPECT_EQ(aggregate_result("dcount", {String}), Long);
  EXPECT_EQ(aggregate_result("dcount", {Guid, Int}), Long);
  EXPECT_EQ(aggregate_result("dcount", {Dynamic}), Long);
  EXPECT_EQ(aggregate_result("dcountif", {String, Bool}), Long);
  EXPECT_EQ(aggregate_result("dcountif", {String, Bool, Int}), Long);
  EXPECT_EQ(aggregate_result("count_distinct", {String}), Long);
  EXPECT_EQ(aggregate_result("count_distinctif", {String, Bool}), Long);
  EXPECT_TRUE(aggregate_rejects("count_distinct", {Dynamic}));
  EXPECT_TRUE(aggregate_rejects("countif", {String}));
  // count() -> count_, dcount(Account) -> dcount_Account, countif(p) -> countif_...
  expect_prefixed("count", "count");
  expect_prefixed("countif", "countif");
  expect_prefixed("dcount", "dcount");
  expect_prefixed("dcountif", "dcountif");
  expect_prefixed("count_distinct", "count_distinct");
}

TEST(FunctionsAggregates, SumPromotesIntAndKeepsOtherSummables) {
  EXPECT_EQ(aggregate_result("sum", {Int}), Long);
  EXPECT_EQ(aggregate_result("sum", {Long}), Long);
  EXPECT_EQ(aggregate_result("sum", {Real}), Real);
  EXPECT_EQ(aggregate_result("sum", {Decimal}), Decimal);
  EXPECT_EQ(aggregate_result("sum", {DateTime}), DateTime);
  EXPECT_EQ(aggregate_result("sum", {TimeSpan}), TimeSpan);
  EXPECT_EQ(aggregate_result("sumif", {Int, Bool}), Long);
  EXPECT_EQ(aggregate_result("sumif", {Real, Bool}), Real);
  EXPECT_TRUE(aggregate_rejects("sum", {String}));
  EXPECT_TRUE(aggregate_rejects("sum", {Bool}));
  EXPECT_TRUE(aggregate_rejects("sum", {Dynamic}));
  expect_prefixed("sum", "sum");
  expect_prefixed("sumif", "sumif");
}

TEST(FunctionsAggregates, AvgIsRealExceptForDecimalAndTime) {
  EXPECT_EQ(aggregate_result("avg", {Int}), Real);
  EXPECT_EQ(aggregate_result("avg", {Long}), Real);
  EXPECT_EQ(aggregate_result("avg", {Real}), Real);
  EXPECT_EQ(aggregate_result("avg", {Decimal}), Decimal);
  EXPECT_EQ(aggregate_result("avg", {DateTime}), DateTime);
  EXPECT_EQ(aggregate_result("avg", {TimeSpan}), TimeSpan);
  EXPECT_EQ(aggregate_result("avgif", {Long, Bool}), Real);
  EXPECT_TRUE(aggregate_rejects("avg", {String}));
  EXPECT_TRUE(aggregate_rejects("avg", {Bool}));
  expect_prefixed("avg", "avg");
}

TEST(FunctionsAggregates, MinAndMaxKeepTheTypeOfOrderableValues) {
  EXPECT_EQ(aggregate_result("min", {Int}), Int);
  EXPECT_EQ(aggregate_result("max", {String}), String);
  EXPECT_EQ(aggregate_result("max", {Bool}), Bool);
  EXPECT_EQ(aggregate_result("min", {DateTime}), DateTime);
  EXPECT_EQ(aggregate_result("minif", {Int, Bool}), Int);
  EXPECT_EQ(aggregate_result("maxif", {String, Bool}), String);
  // Kusto's orderable types exclude guid and dynamic.
  EXPECT_TRUE(aggregate_rejects("min", {Guid}));
  EXPECT_TRUE(aggregate_rejects("max", {Dynamic}));
  EXPECT_TRUE(aggregate_rejects("minif", {Guid, Bool}));
  expect_prefixed("min", "min");
  expect_prefixed("maxif", "maxif");
}

TEST(FunctionsAggregates, StatisticsAreReal) {
  for (std::string_view f : {"stdev", "stdevp", "variance", "variancep"}) {
    EXPECT_EQ(aggregate_result(f, {Int}), Real) << f;
    EXPECT_EQ(aggregate_result(f, {Decimal}), Real) << f;
    EXPECT_TRUE(aggregate_rejects(f, {String})) << f;
    expect_prefixed(f, f);
  }
  EXPECT_EQ(aggregate_result("stdevif", {TimeSpan, Bool}), Real);
  EXPECT_EQ(aggregate_result("covariance", {Int, Real}), Real);
  EXPECT_EQ(aggregate_result("covarianceif", {Int, Real, Bool}), Real);
}

TEST(FunctionsAggregates, ListsSetsAndBagsAreDynamic) {
  EXPECT_EQ(aggregate_result("make_list", {String}), Dynamic);
  EXPECT_EQ(aggregate_result("make_list", {Int, Long}), Dynamic);
  EXPECT_EQ(aggregate_result("make_list_if", {String, Bool}), Dynamic);
  EXPECT_EQ(aggregate_result("make_list_if", {String, Bool, Int}), Dynamic);
  EXPECT_EQ(aggregate_result("make_list_with_nulls", {Guid}), Dynamic);
  EXPECT_EQ(aggregate_result("make_set", {Dynamic}), Dynamic);
  EXPECT_EQ(aggregate_result("make_set_if", {Int, Bool, Int}), Dynamic);
  EXPECT_EQ(aggregate_result("makeset", {String}), Dynamic);
  EXPECT_EQ(aggregate_result("makelist", {String}), Dynamic);
  EXPECT_EQ(aggregate_result("make_bag", {Dynamic}), Dynamic);
  EXPECT_EQ(aggregate_result("make_bag_if", {Dynamic, Bool}), Dynamic);
  EXPECT_TRUE(aggregate_rejects("make_bag", {String}));
  EXPECT_TRUE(aggregate_rejects("make_list", {String, String}));  // maxSize is an integer
  // make_set(x) -> set_x, makeset(x) -> set_x, make_list(x) -> list_x, make_bag(b) -> bag_b.
  for (std::string_view f : {"make_list", "make_list_if", "make_list_with_nulls", "makelist"})
    expect_prefixed(f, "list");
  for (std::string_view f : {"make_set", "make_set_if", "makeset"}) expect_prefixed(f, "set");
  expect_prefixed("make_bag", "bag");
  expect_prefixed("make_bag_if", "bag");
  EXPECT_TRUE(aggregate_entry("makeset").hidden);
  EXPECT_EQ(aggregate_entry("makeset").replaced_by, "make_set");
  EXPECT_EQ(aggregate_entry("makelist").replaced_by, "make_list");
  EXPECT_FALSE(aggregate_entry("make_set").hidden);
}

TEST(FunctionsAggregates, TakeAnyNamesColumnsAfterTheirArguments) {
  EXPECT_EQ(aggregate_result("take_any", {String}), String);
  EXPECT_EQ(aggregate_result("take_any", {Int, String}), Int);
  EXPECT_EQ(aggregate_entry("take_any").aggregate_shape, AggregateShape::ArgMinMax);
  EXPECT_EQ(aggregate_entry("take_any").result_prefix, "any");  // take_any(i+1) -> any_arg0
  std::vector<ArgInfo> star{ArgInfo{.is_star = true}};
  EXPECT_NE(functions::resolve(aggregate_entry("take_any"), star).signature, nullptr);

  // take_anyif(s, b) -> s; anyif(s, b) -> anyif_s; any(i) -> any_i.
  EXPECT_EQ(aggregate_result("take_anyif", {String, Bool}), String);
  EXPECT_EQ(aggregate_entry("take_anyif").result_name, ResultName::FirstArgument);
  EXPECT_EQ(aggregate_result("anyif", {Int, Bool}), Int);
  expect_prefixed("anyif", "anyif");
  EXPECT_EQ(aggregate_entry("anyif").replaced_by, "take_anyif");
  EXPECT_EQ(aggregate_result("any", {Guid}), Guid);
  EXPECT_EQ(aggregate_result("any", {Int, String}), Int);
  expect_prefixed("any", "any");
  EXPECT_EQ(aggregate_entry("any").replaced_by, "take_any");
  EXPECT_NE(functions::resolve(aggregate_entry("any"), star).signature, nullptr);
}

TEST(FunctionsAggregates, ArgMaxAndArgMinExpandIntoColumns) {
  EXPECT_EQ(aggregate_result("arg_max", {DateTime, String, Int}), DateTime);
  EXPECT_EQ(aggregate_result("arg_min", {Int, Long}), Int);
  EXPECT_EQ(aggregate_result("arg_max", {DateTime}), DateTime);
  EXPECT_EQ(aggregate_entry("arg_max").aggregate_shape, AggregateShape::ArgMinMax);
  EXPECT_EQ(aggregate_entry("arg_min").aggregate_shape, AggregateShape::ArgMinMax);
  EXPECT_EQ(aggregate_entry("arg_max").result_prefix, "max");  // arg_max(dt, i+1) -> dt, max_dt_arg1
  EXPECT_EQ(aggregate_entry("arg_min").result_prefix, "min");
  EXPECT_TRUE(aggregate_rejects("arg_max", {Guid, String}));
  EXPECT_TRUE(aggregate_rejects("arg_max", {Dynamic, String}));

  std::vector<ArgInfo> with_star{ArgInfo{.type = DateTime}, ArgInfo{.is_star = true}};
  auto r = functions::resolve(aggregate_entry("arg_max"), with_star);
  ASSERT_NE(r.signature, nullptr) << r.error;
  EXPECT_EQ(r.type, DateTime);
  // `*` may not stand for the maximized value.
  std::vector<ArgInfo> star_first{ArgInfo{.is_star = true}};
  EXPECT_EQ(functions::resolve(aggregate_entry("arg_max"), star_first).signature, nullptr);

  // argmax(dt, s) -> max_dt, max_dt_s: the deprecated forms keep their max_/min_ prefix.
  for (auto [name, prefix, replacement] : {std::tuple{"argmax", "max", "arg_max"}, std::tuple{"argmin", "min", "arg_min"}}) {
    const auto& f = aggregate_entry(name);
    EXPECT_EQ(f.aggregate_shape, AggregateShape::ArgMinMax) << name;
    EXPECT_EQ(f.result_prefix, prefix) << name;
    EXPECT_EQ(f.replaced_by, replacement) << name;
    EXPECT_TRUE(f.hidden) << name;
  }
  EXPECT_EQ(aggregate_result("argmin", {Int, Long, String}), Int);
}

TEST(FunctionsAggregates, PercentilesWidenIntAndNarrowDecimal) {
  // summarize percentiles(x, 50, 95): percentile_x_50, percentile_x_95.
  EXPECT_EQ(aggregate_result("percentiles", {Int, Long, Long}), Long);
  EXPECT_EQ(aggregate_result("percentiles", {Long, Long}), Long);
  EXPECT_EQ(aggregate_result("percentiles", {Real, Real, Long}), Real);
  EXPECT_EQ(aggregate_result("percentiles", {Decimal, Long}), Real);
  EXPECT_EQ(aggregate_result("percentiles", {DateTime, Long}), DateTime);
  EXPECT_EQ(aggregate_result("percentiles", {TimeSpan, Real}), TimeSpan);
  EXPECT_EQ(aggregate_result("percentile", {Int, Long}), Long);
  EXPECT_EQ(aggregate_result("percentile", {Real, Real}), Real);
  EXPECT_EQ(aggregate_result("percentilew", {Int, Long, Long}), Long);
  EXPECT_EQ(aggregate_result("percentilesw", {Decimal, Int, Long, Long}), Real);
  EXPECT_EQ(aggregate_result("percentilesw", {Real, Int, Long, Long}), Real);
  EXPECT_TRUE(aggregate_rejects("percentilesw", {Int, Real, Long}));  // the weight is an integer
  EXPECT_TRUE(aggregate_rejects("percentiles", {Int}));
  EXPECT_TRUE(aggregate_rejects("percentiles", {Int, String}));
  for (std::string_view f : {"percentile", "percentiles", "percentilew", "percentilesw"}) {
    EXPECT_EQ(aggregate_entry(f).aggregate_shape, AggregateShape::Percentiles) << f;
    EXPECT_EQ(aggregate_entry(f).result_prefix, "percentile") << f;
  }

  // percentiles_array(x, 50, 95) and percentiles_array(x, dynamic([50, 95])): percentiles_x.
  EXPECT_EQ(aggregate_result("percentiles_array", {Int, Long, Long}), Dynamic);
  EXPECT_EQ(aggregate_result("percentiles_array", {Real, Dynamic}), Dynamic);
  EXPECT_EQ(aggregate_result("percentilesw_array", {Int, Long, Long, Long}), Dynamic);
  EXPECT_EQ(aggregate_result("percentilesw_array", {Real, Long, Dynamic}), Dynamic);
  for (std::string_view f : {"percentiles_array", "percentilesw_array"}) {
    EXPECT_EQ(aggregate_entry(f).aggregate_shape, AggregateShape::PercentilesArray) << f;
    expect_prefixed(f, "percentiles");
  }
}

TEST(FunctionsAggregates, SketchesAndTheirScalarReaders) {
  EXPECT_EQ(aggregate_result("hll", {String}), Dynamic);
  EXPECT_EQ(aggregate_result("hll", {Long, Int}), Dynamic);
  // hll refuses bool (and real: but resolve() widens real to decimal, which hll takes).
  EXPECT_TRUE(aggregate_rejects("hll", {Bool}));
  EXPECT_EQ(aggregate_result("hll", {Decimal}), Dynamic);
  EXPECT_EQ(aggregate_result("hll_if", {String, Bool}), Dynamic);
  EXPECT_EQ(aggregate_result("hll_merge", {Dynamic}), Dynamic);
  EXPECT_EQ(aggregate_result("tdigest", {Int}), Dynamic);
  EXPECT_TRUE(aggregate_rejects("tdigest", {String}));
  expect_prefixed("hll_merge", "hll_merge");
  expect_prefixed("tdigest_merge", "merge_tdigests");  // tdigest_merge(y) -> merge_tdigests_y
  expect_prefixed("merge_tdigest", "merge_tdigests");

  // dcount_hll is a scalar: extend dcount_hll(h) -> dcount_hll_h:long.
  EXPECT_EQ(Registry::builtins().aggregate("dcount_hll"), nullptr);
  EXPECT_EQ(scalar_result("dcount_hll", {Dynamic}), Long);
  EXPECT_EQ(scalar_entry("dcount_hll").result_prefix, "dcount_hll");
  // The scalar merges take two or more sketches and have fixed names.
  EXPECT_EQ(scalar_result("hll_merge", {Dynamic, Dynamic}), Dynamic);
  EXPECT_EQ(scalar_entry("hll_merge").result_name, ResultName::PrefixOnly);
  EXPECT_EQ(scalar_entry("hll_merge").result_prefix, "hll_merged_result");
  EXPECT_EQ(scalar_entry("tdigest_merge").result_prefix, "tdigests_merge_result");
  EXPECT_TRUE(scalar_rejects("hll_merge", {Dynamic}));
  EXPECT_EQ(scalar_result("percentile_tdigest", {Dynamic, Long}), Dynamic);
  EXPECT_EQ(scalar_result("percentrank_tdigest", {Dynamic, Long}), Real);

  // percentile_tdigest(h, 50, typeof(datetime)) -> datetime.
  std::vector<ArgInfo> typed{ArgInfo{.type = Dynamic}, ArgInfo{.type = Long}, ArgInfo{.literal = "datetime"}};
  auto r = functions::resolve(scalar_entry("percentile_tdigest"), typed);
  ASSERT_NE(r.signature, nullptr) << r.error;
  EXPECT_EQ(r.type, DateTime);
}

TEST(FunctionsAggregates, BinaryAllAndLegacyEntries) {
  EXPECT_EQ(aggregate_result("binary_all_and", {Long}), Long);
  EXPECT_EQ(aggregate_result("binary_all_xor", {Int}), Int);
  EXPECT_EQ(aggregate_entry("binary_all_or").result_name, ResultName::FirstArgument);
  EXPECT_TRUE(aggregate_rejects("binary_all_or", {String}));
  EXPECT_EQ(aggregate_result("buildschema", {Dynamic}), Dynamic);
  expect_prefixed("buildschema", "schema");
  EXPECT_EQ(aggregate_result("cnt", {}), Long);
  EXPECT_TRUE(aggregate_entry("cnt").hidden);
  EXPECT_TRUE(aggregate_entry("make_dictionary").hidden);
  EXPECT_TRUE(aggregate_entry("passthrough").hidden);
  // count(predicate) still binds (count(b) -> count_b), as Kusto's hidden signature does.
  EXPECT_EQ(aggregate_result("count", {Bool}), Long);
}

TEST(FunctionsAggregates, EveryAggregateHasADescriptionAndASignature) {
  int aggregates = 0;
  for (const auto& f : Registry::builtins().all()) {
    if (f.kind != functions::FunctionKind::Aggregate) continue;
    ++aggregates;
    EXPECT_FALSE(f.description.empty()) << f.name;
    EXPECT_FALSE(f.signatures.empty()) << f.name;
    if (f.result_name == ResultName::PrefixAndFirstArgument) {
      EXPECT_FALSE(f.result_prefix.empty()) << f.name;
    }
  }
  // Kusto.Language 12.4.1 declares 61 aggregates.
  EXPECT_EQ(aggregates, 61);
}

}  // namespace
}  // namespace huntdb
