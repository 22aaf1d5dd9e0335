// Time-series functions over dynamic arrays (the series make-series builds): element-wise
// arithmetic and comparisons, filters, fills, fits, decomposition and anomaly detection.
//
// Signatures and types follow Kusto.Language 12.4.1, checked against the oracle.
//
// ---------------------------------------------------------------------------------------------
// Functions that produce several columns
// ---------------------------------------------------------------------------------------------
// A few series functions return a tuple: used as a whole expression in extend, project or
// print, they add one column per field, named `<function>_<argument name>_<field>`, where the
// argument name is that of the function's first argument (the column name, or empty for an
// expression: series_fit_line(dynamic([1,2])) -> series_fit_line__rsquare, ...). The registry
// entry carries result_name = PrefixAndFirstArgument with result_prefix = the function name as
// the base of those names, and as its scalar type the type of the FIRST field, which is what a
// single name gets: `extend z = series_fit_line(y)` -> z:real, then the other fields under their
// generated names; `(a, b) = series_fit_line(y)` renames the first two fields. The fields, in
// order (types as the oracle reports them; every array is dynamic):
//
//   series_stats(y [, ignore_nonfinite])   min:real, min_idx:long, max:real, max_idx:long,
//                                          avg:real, stdev:real, variance:real
//   series_fit_line(y)                     rsquare:real, slope:real, variance:real,
//                                          rvariance:real, interception:real, line_fit:dynamic
//   series_fit_2lines(y)                   rsquare:real, split_idx:long, variance:real,
//                                          rvariance:real, line_fit:dynamic,
//                                          right_rsquare, right_slope, right_interception,
//                                          right_variance, right_rvariance,
//                                          left_rsquare, left_slope, left_interception,
//                                          left_variance, left_rvariance (all real)
//   series_fit_poly(y [, x, degree])       rsquare:real, coefficients:dynamic, variance:real,
//                                          rvariance:real, poly_fit:dynamic
//   series_decompose(y, ...)               baseline, seasonal, trend, residual (dynamic)
//   series_decompose_forecast(y, n, ...)   baseline, seasonal, trend, residual (dynamic)
//   series_decompose_anomalies(y, ...)     ad_flag, ad_score, baseline (dynamic)
//   series_fft(y [, imag]) / series_ifft   real, imag (dynamic)
//   series_periods_detect(y, ...) /
//   series_periods_validate(y, ...)        periods, scores (dynamic)
//
// e.g. `extend series_decompose_anomalies(y)` -> series_decompose_anomalies_y_ad_flag,
// series_decompose_anomalies_y_ad_score, series_decompose_anomalies_y_baseline; a second
// `series_stats(y)` in the same table gets suffixed names (series_stats_y_min1, ...).
// In other contexts the tuple is not a value: comparing or adding it is an error, though
// tostring() and iff() accept it. The *_dynamic variants (series_stats_dynamic,
// series_fit_line_dynamic, series_fit_2lines_dynamic) return one dynamic bag with the same
// fields instead, named Column1, ... (print_0 in print).
//
// The fields are declared with each entry (FunctionInfo::tuple_fields).
// ---------------------------------------------------------------------------------------------
#include "huntdb/functions/declare.h"

namespace huntdb::functions {

namespace {

using namespace types;
using namespace declare;

// A dynamic array argument: a series, filter coefficients, ...
Param arr(std::string_view name) { return req(name, kDynamic); }

// A tuple-valued function (see the header comment): typed by its first field, named from the
// function and its first argument.
FunctionInfo tuple(std::string_view name, std::vector<TupleField> fields, std::vector<Param> params,
                   std::string_view description) {
  ScalarType first_field = fields.front().type;
  return {.name = name,
          .kind = FunctionKind::Scalar,
          .signatures = {fixed(first_field, std::move(params))},
          .result_name = ResultName::PrefixAndFirstArgument,
          .result_prefix = name,
          .tuple_fields = std::move(fields),
          .description = description};
}

// The fields of each tuple-valued function, in order (see the header comment).
const std::vector<TupleField> kStatsFields = {{"min", Real}, {"min_idx", Long}, {"max", Real}, {"max_idx", Long},
                                              {"avg", Real}, {"stdev", Real},  {"variance", Real}};
const std::vector<TupleField> kFitLineFields = {{"rsquare", Real},   {"slope", Real},        {"variance", Real},
                                                {"rvariance", Real}, {"interception", Real}, {"line_fit", Dynamic}};
const std::vector<TupleField> kFit2LinesFields = {
    {"rsquare", Real},         {"split_idx", Long},      {"variance", Real},          {"rvariance", Real},
    {"line_fit", Dynamic},     {"right_rsquare", Real},  {"right_slope", Real},       {"right_interception", Real},
    {"right_variance", Real},  {"right_rvariance", Real}, {"left_rsquare", Real},     {"left_slope", Real},
    {"left_interception", Real}, {"left_variance", Real}, {"left_rvariance", Real}};
const std::vector<TupleField> kFitPolyFields = {
    {"rsquare", Real}, {"coefficients", Dynamic}, {"variance", Real}, {"rvariance", Real}, {"poly_fit", Dynamic}};
const std::vector<TupleField> kDecomposeFields = {
    {"baseline", Dynamic}, {"seasonal", Dynamic}, {"trend", Dynamic}, {"residual", Dynamic}};
const std::vector<TupleField> kAnomalyFields = {{"ad_flag", Dynamic}, {"ad_score", Dynamic}, {"baseline", Dynamic}};
const std::vector<TupleField> kFftFields = {{"real", Dynamic}, {"imag", Dynamic}};
const std::vector<TupleField> kPeriodsFields = {{"periods", Dynamic}, {"scores", Dynamic}};

// Binary element-wise functions take two series, or a series and a number on either side.
std::vector<Signature> elementwise(ScalarType result) {
  return {fixed(result, {arr("series1"), arr("series2")}), fixed(result, {arr("series1"), req("series2", kNumber)}),
          fixed(result, {req("series1", kNumber), arr("series2")})};
}

void register_elementwise(Registry& r) {
  struct Binary {
    std::string_view name;
    ScalarType result;
    std::string_view description;
  };
  for (const Binary& b : {Binary{"series_add", Dynamic, "Element-wise sum of two series (or a series and a number)."},
                          Binary{"series_subtract", Dynamic, "Element-wise difference of two series."},
                          Binary{"series_multiply", Dynamic, "Element-wise product of two series."},
                          Binary{"series_divide", Dynamic, "Element-wise quotient of two series, as reals."},
                          Binary{"series_pow", Dynamic, "Element-wise power of two series, as reals."},
                          Binary{"series_greater", Dynamic, "Element-wise `>` of two series, as bools."},
                          Binary{"series_greater_equals", Dynamic, "Element-wise `>=` of two series, as bools."},
                          Binary{"series_less", Dynamic, "Element-wise `<` of two series, as bools."},
                          Binary{"series_less_equals", Dynamic, "Element-wise `<=` of two series, as bools."},
                          Binary{"series_equals", Dynamic, "Element-wise `==` of two series, as bools."},
                          Binary{"series_not_equals", Dynamic, "Element-wise `!=` of two series, as bools."}}) {
    r.add(scalar(b.name, elementwise(b.result), ResultName::None, b.description));
  }
  r.add(scalar("series_dot_product", elementwise(Real), ResultName::None, "Dot product of two series."));

  struct Unary {
    std::string_view name;
    bool keeps_type;  // the result has the argument's type (Kusto's "parameter 0")
    std::string_view description;
  };
  for (const Unary& u : {Unary{"series_abs", true, "Element-wise absolute value."},
                         Unary{"series_ceiling", true, "Element-wise ceiling."},
                         Unary{"series_floor", false, "Element-wise floor."},
                         Unary{"series_sign", false, "Element-wise sign (-1, 0, 1)."},
                         Unary{"series_exp", false, "Element-wise e^x."},
                         Unary{"series_log", false, "Element-wise natural logarithm."},
                         Unary{"series_sin", false, "Element-wise sine."},
                         Unary{"series_asin", false, "Element-wise arcsine."},
                         Unary{"series_cos", false, "Element-wise cosine."},
                         Unary{"series_acos", false, "Element-wise arccosine."},
                         Unary{"series_tan", false, "Element-wise tangent."},
                         Unary{"series_atan", false, "Element-wise arctangent."}}) {
    r.add(scalar(u.name, {u.keeps_type ? same_as(0, {arr("series")}) : fixed(Dynamic, {arr("series")})},
                 ResultName::None, u.description));
  }
}

void register_reductions(Registry& r) {
  r.add(scalar("series_sum", {fixed(Real, {arr("series")})}, ResultName::None, "Sum of the elements of a series."));
  r.add(scalar("series_product", {fixed(Real, {arr("series")})}, ResultName::None,
               "Product of the elements of a series."));
  r.add(scalar("series_magnitude", {fixed(Real, {arr("series")})}, ResultName::None,
               "Euclidean norm of a series."));
  r.add(scalar("series_pearson_correlation", {fixed(Real, {arr("series1"), arr("series2")})}, ResultName::None,
               "Pearson correlation coefficient of two series."));
  r.add(scalar("series_cosine_similarity",
               {fixed(Real, {arr("series1"), arr("series2"), opt("series1_magnitude", kReal),
                             opt("series2_magnitude", kReal)})},
               ResultName::None, "Cosine similarity of two series."));
  // array_sum is the old name of series_sum; Kusto marks it obsolete but still lists it.
  r.add(deprecated(scalar("array_sum", {fixed(Real, {arr("array")})}, ResultName::None, "Legacy name of series_sum."),
                   "series_sum", false));
}

void register_fills_and_filters(Registry& r) {
  // Fills keep the series' type and its column name (extend series_fill_linear(y) replaces y).
  r.add(scalar("series_fill_backward", {same_as(0, {arr("series"), opt("missing_value_placeholder", kNumber)})},
               ResultName::FirstArgument, "Fills missing values with the next known value."));
  r.add(scalar("series_fill_forward", {same_as(0, {arr("series"), opt("missing_value_placeholder", kNumber)})},
               ResultName::FirstArgument, "Fills missing values with the previous known value."));
  r.add(scalar("series_fill_const",
               {same_as(0, {arr("series"), opt("constant_value", kNumber), opt("missing_value_placeholder", kNumber)})},
               ResultName::FirstArgument, "Fills missing values with a constant."));
  r.add(scalar("series_fill_linear",
               {same_as(0, {arr("series"), opt("missing_value_placeholder", kNumber), opt("fill_edges", kBool),
                               opt("constant_value", kNumber)})},
               ResultName::FirstArgument, "Fills missing values by linear interpolation."));
  r.add(scalar("series_fir",
               {fixed(Dynamic, {arr("series"), arr("filter"), opt("normalize", kBool), opt("center", kBool)})},
               ResultName::FirstArgument, "Applies a finite impulse response filter to a series."));
  r.add(scalar("series_iir", {fixed(Dynamic, {arr("series"), arr("numerators"), arr("denominators")})},
               ResultName::FirstArgument, "Applies an infinite impulse response filter to a series."));
  r.add(scalar("series_outliers",
               {same_as(0, {arr("series"), opt("kind", kString), opt("ignore_val", kNumber)}),
                same_as(0, {arr("series"), req("kind", kString), req("ignore_val", kReal), req("min_percentile", kReal),
                               opt("max_percentile", kReal), opt("test_points", kInteger)})},
               ResultName::FirstArgument, "Anomaly score of each point of a series (Tukey's fences)."));
  r.add(scalar("series_seasonal",
               {fixed(Dynamic, {arr("series")}), fixed(Dynamic, {arr("series"), req("period", kInteger)}),
                fixed(Dynamic, {arr("series"), req("period", kInteger), req("test_points", kInteger)})},
               ResultName::None, "The seasonal component of a series."));
}

void register_tuples(Registry& r) {
  r.add(tuple("series_stats", kStatsFields, {arr("series"), opt("ignore_nonfinite", kBool, ArgShape::Constant)},
              "Statistics of a series (min, max, their indexes, avg, stdev, variance), one column each."));
  r.add(tuple("series_fit_line", kFitLineFields, {arr("series")}, "Linear regression of a series, one column per result."));
  r.add(tuple("series_fit_2lines", kFit2LinesFields, {arr("series")},
              "Two-segment linear regression of a series, one column per result."));
  r.add(tuple("series_fit_poly", kFitPolyFields, {arr("y_series"), opt("x_series", kDynamic), opt("degree", kInt)},
              "Polynomial regression of a series, one column per result."));
  r.add(tuple("series_decompose", kDecomposeFields,
              {arr("series"), opt("period", kInteger), opt("trend", kString), opt("test_points", kInteger),
               opt("seasonality_threshold", kNumber)},
              "Seasonal decomposition: baseline, seasonal, trend and residual series."));
  r.add(tuple("series_decompose_forecast", kDecomposeFields,
              {arr("series"), req("test_points", kInteger), opt("period", kInteger), opt("trend", kString),
               opt("seasonality_threshold", kNumber)},
              "Forecast by seasonal decomposition: baseline, seasonal, trend and residual series."));
  r.add(tuple("series_decompose_anomalies", kAnomalyFields,
              {arr("series"), opt("threshold", kNumber), opt("period", kInteger), opt("trend", kString),
               opt("test_points", kInteger), opt("method", kString), opt("seasonality_threshold", kNumber)},
              "Anomaly detection by seasonal decomposition: flags, scores and baseline."));
  r.add(tuple("series_fft", kFftFields, {arr("series"), opt("series_imaginary", kDynamic)},
              "Fast Fourier transform: real and imaginary parts."));
  r.add(tuple("series_ifft", kFftFields, {arr("series"), opt("series_imaginary", kDynamic)},
              "Inverse fast Fourier transform: real and imaginary parts."));
  r.add(tuple("series_periods_detect", kPeriodsFields,
              {arr("series"), req("min_period", kNumber), req("max_period", kNumber), req("num_periods", kLong)},
              "The most significant periods of a series, with their scores."));
  r.add(tuple("series_periods_validate", kPeriodsFields, {arr("series"), many("period", kNumber)},
              "Scores of the given periods in a series."));

  r.add(scalar("series_stats_dynamic", {fixed(Dynamic, {arr("series"), opt("ignore_nonfinite", kBool, ArgShape::Constant)})},
               ResultName::None, "Statistics of a series as one property bag."));
  r.add(scalar("series_fit_line_dynamic", {fixed(Dynamic, {arr("series")})}, ResultName::None,
               "Linear regression of a series as one property bag."));
  r.add(scalar("series_fit_2lines_dynamic", {fixed(Dynamic, {arr("series")})}, ResultName::None,
               "Two-segment linear regression of a series as one property bag."));
}

}  // namespace

void register_series_functions(Registry& r) {
  register_elementwise(r);
  register_reductions(r);
  register_fills_and_filters(r);
  register_tuples(r);
}

}  // namespace huntdb::functions
