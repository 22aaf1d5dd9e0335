// series_* declarations: scalar types, naming, and the tuple functions' expansion base, each
// checked against the official type checker (e.g. `extend series_fit_line(y)` gives
// series_fit_line_y_rsquare:real, ..., series_fit_line_y_line_fit:dynamic).
#include "function_test_util.h"

namespace huntdb {
namespace {

using functions::Registry;
using functions::ResultName;
using testing::scalar_entry;
using testing::scalar_rejects;
using testing::scalar_result;
using enum ScalarType;

// A tuple function: named `<function>_<argument>_<field>`, typed by its first field.
void expect_tuple(std::string_view name) {
  EXPECT_EQ(scalar_entry(name).result_name, ResultName::PrefixAndFirstArgument) << name;
  EXPECT_EQ(scalar_entry(name).result_prefix, name) << name;
}

TEST(FunctionsSeries, DecompositionFunctionsExpandIntoDynamicColumns) {
  // extend series_decompose_anomalies(y) -> ..._y_ad_flag, ..._y_ad_score, ..._y_baseline (dynamic)
  EXPECT_EQ(scalar_result("series_decompose_anomalies", {Dynamic}), Dynamic);
  EXPECT_EQ(scalar_result("series_decompose_anomalies", {Dynamic, Real, Long, String}), Dynamic);
  EXPECT_EQ(scalar_result("series_decompose_anomalies", {Dynamic, Real, Long, String, Long, String, Real}), Dynamic);
  expect_tuple("series_decompose_anomalies");
  EXPECT_EQ(scalar_result("series_decompose", {Dynamic}), Dynamic);
  EXPECT_EQ(scalar_result("series_decompose", {Dynamic, Long, String, Long, Real}), Dynamic);
  expect_tuple("series_decompose");
  EXPECT_EQ(scalar_result("series_decompose_forecast", {Dynamic, Long}), Dynamic);
  EXPECT_TRUE(scalar_rejects("series_decompose_forecast", {Dynamic}));  // test_points is required
  expect_tuple("series_decompose_forecast");
  EXPECT_TRUE(scalar_rejects("series_decompose", {Long}));
}

TEST(FunctionsSeries, FitsAndStatsAreTypedByTheirFirstField) {
  // extend z = series_fit_line(y) -> z:real (rsquare), then the other fields.
  EXPECT_EQ(scalar_result("series_fit_line", {Dynamic}), Real);
  expect_tuple("series_fit_line");
  EXPECT_EQ(scalar_result("series_fit_2lines", {Dynamic}), Real);
  expect_tuple("series_fit_2lines");
  // series_stats(y) -> series_stats_y_min:real, series_stats_y_min_idx:long, ...
  EXPECT_EQ(scalar_result("series_stats", {Dynamic}), Real);
  EXPECT_EQ(scalar_result("series_stats", {Dynamic, Bool}), Real);
  expect_tuple("series_stats");
  EXPECT_EQ(scalar_result("series_fit_poly", {Dynamic, Dynamic, Int}), Real);
  EXPECT_TRUE(scalar_rejects("series_fit_poly", {Dynamic, Dynamic, Long}));  // "A value of type int expected"
  EXPECT_EQ(scalar_result("series_fft", {Dynamic}), Dynamic);
  EXPECT_EQ(scalar_result("series_periods_detect", {Dynamic, Long, Long, Long}), Dynamic);
  EXPECT_EQ(scalar_result("series_periods_validate", {Dynamic, Long, Long}), Dynamic);
  EXPECT_TRUE(scalar_rejects("series_fit_line", {Dynamic, Dynamic}));
}

TEST(FunctionsSeries, DynamicVariantsAreOneBag) {
  // extend series_stats_dynamic(y) -> Column1:dynamic
  for (std::string_view f : {"series_stats_dynamic", "series_fit_line_dynamic", "series_fit_2lines_dynamic"}) {
    EXPECT_EQ(scalar_result(f, {Dynamic}), Dynamic) << f;
    EXPECT_EQ(scalar_entry(f).result_name, ResultName::None) << f;
  }
}

TEST(FunctionsSeries, OutliersAndFillsKeepTheSeriesName) {
  // extend series_outliers(y) replaces y.
  EXPECT_EQ(scalar_result("series_outliers", {Dynamic}), Dynamic);
  EXPECT_EQ(scalar_result("series_outliers", {Dynamic, String, Long, Long, Long}), Dynamic);
  EXPECT_EQ(scalar_result("series_outliers", {Dynamic, String, Real, Real, Real, Long}), Dynamic);
  EXPECT_EQ(scalar_entry("series_outliers").result_name, ResultName::FirstArgument);
  EXPECT_EQ(scalar_result("series_fill_linear", {Dynamic, Long, Bool, Long}), Dynamic);
  EXPECT_EQ(scalar_entry("series_fill_forward").result_name, ResultName::FirstArgument);
  EXPECT_EQ(scalar_entry("series_fir").result_name, ResultName::FirstArgument);
  EXPECT_EQ(scalar_entry("series_iir").result_name, ResultName::FirstArgument);
}

TEST(FunctionsSeries, ElementwiseAndReductions) {
  EXPECT_EQ(scalar_result("series_add", {Dynamic, Dynamic}), Dynamic);
  EXPECT_EQ(scalar_result("series_add", {Dynamic, Long}), Dynamic);
  EXPECT_EQ(scalar_result("series_subtract", {Long, Dynamic}), Dynamic);
  EXPECT_TRUE(scalar_rejects("series_add", {Int, Real}));
  EXPECT_TRUE(scalar_rejects("series_add", {String, Dynamic}));
  EXPECT_EQ(scalar_result("series_greater", {Dynamic, Long}), Dynamic);
  EXPECT_EQ(scalar_result("series_abs", {Dynamic}), Dynamic);
  EXPECT_EQ(scalar_result("series_seasonal", {Dynamic, Long, Long}), Dynamic);
  EXPECT_EQ(scalar_entry("series_add").result_name, ResultName::None);
  EXPECT_EQ(scalar_result("series_pearson_correlation", {Dynamic, Dynamic}), Real);
  EXPECT_EQ(scalar_result("series_dot_product", {Dynamic, Long}), Real);
  EXPECT_EQ(scalar_result("series_cosine_similarity", {Dynamic, Dynamic, Real, Real}), Real);
  EXPECT_EQ(scalar_result("series_sum", {Dynamic}), Real);
  EXPECT_EQ(scalar_result("array_sum", {Dynamic}), Real);
  EXPECT_EQ(scalar_entry("array_sum").replaced_by, "series_sum");
}

TEST(FunctionsSeries, EverySeriesFunctionIsDeclared) {
  int series = 0;
  for (const auto& f : Registry::builtins().all())
    if (f.name.starts_with("series_")) ++series;
  // Kusto.Language 12.4.1 declares 51 series_* functions (plus array_sum).
  EXPECT_EQ(series, 51);
}

}  // namespace
}  // namespace huntdb
