// Aggregate functions (summarize, make-series, pivot, ...), plus the scalar functions that read
// the sketches hll() and tdigest() build (dcount_hll, percentile_tdigest, the scalar merges).
//
// Signatures, result types and result names follow Kusto.Language 12.4.1 (the version the
// oracle runs), each checked against the oracle with every scalar type.
//
// ---------------------------------------------------------------------------------------------
// Column naming (summarize output), as the oracle reports it
// ---------------------------------------------------------------------------------------------
// Single-column aggregates are named `<prefix>_<name of the first argument>`; the first
// argument's name is its column name, the name Kusto gives the expression (tostring(i) -> i),
// or empty: count() -> count_, sum(i*2) -> sum_, countif(i > 1) -> countif_. FirstArgument
// aggregates (take_anyif, binary_all_*, passthrough) take the argument's name, or Column1, ...
// when it has none. An explicit `x = agg(...)` or `(a, b) = agg(...)` renames the columns in
// order; unnamed columns keep their generated names.
//
// When a summarize produces a name twice (by columns come first, then aggregates in order), the
// later column gets the smallest numeric suffix, starting at 1, that no column of the output
// already has (including names further right): sum(i), sum(i) -> sum_i, sum_i1;
// count() by s, count_=1 -> s, count_, count_1; take_any(s) by s -> s, s1.
//
// Multi-column aggregates (aggregate_shape != Single):
//
// percentile / percentiles / percentilew / percentilesw (AggregateShape::Percentiles): one
//   column per percentile argument, named `percentile_<value name>_<fragment>`. The fragment is
//   the constant's value as Kusto prints it (50 -> 50, 50.0 -> 50, 1e2 -> 100, 99.9 -> 99_9,
//   50.5 -> 50_5) with every character that is not a letter or digit turned into `_`; it is
//   empty when the argument is not a constant (percentiles(i, i), and even -1 -> percentile_i_).
//   Every column has the value's type with int widened to long and decimal narrowed to real:
//   `summarize percentiles(x, 50, 95)` with x:int -> percentile_x_50:long, percentile_x_95:long;
//   x:real -> real; x:decimal -> real; x:datetime / timespan / string / ... keep their type.
//   The weight of the *w forms does not change names or types.
//   `summarize p = percentiles(x, 50, 95)` -> p, percentile_x_95.
//
// percentiles_array / percentilesw_array (AggregateShape::PercentilesArray): one dynamic column
//   `percentiles_<value name>`, whether the percentiles are listed or given as a dynamic array.
//
// arg_max / arg_min (AggregateShape::ArgMinMax), arg_max(by, returned...):
//   For each argument i, in order:
//   - `*`: every input column, in input order.
//   - `name = column`: a column called `name` with the column's type.
//   - a column reference (or a no-op conversion of one): that column, same name and type.
//   - any other expression: its Kusto result name if it has one (tostring(i) -> i), else
//     `max_` for the first argument and `max_<first argument's name>_arg<i>` for the others
//     (`min_...` for arg_min); result_prefix holds "max"/"min". Never dropped.
//   Dropping: only when some argument is `*`, a column produced from a `*`, a `name = column`
//   or a column reference at position i > 0 is left out if an earlier argument of this call
//   already produced that input column, or if that column is a key of the summarize's `by`
//   clause. A by key "is" a column when it is a column reference, parenthesized or named
//   (`by x = s`), or a no-op conversion of one (tostring(s) with s a string counts; strlen(s)
//   and bin(t, 1h) do not). The first argument always gives a column. Without `*` nothing is
//   dropped: every argument gives a column and clashes are renamed by the suffix rule.
//   Verified: arg_max(dt, *) -> dt, then the other columns in input order;
//   arg_max(dt, *) by s -> s, dt, the rest without s; arg_max(dt, s, i) by s -> s, dt, s1, i;
//   arg_max(dt, i, *) by i -> i, dt, s (i dropped); arg_max(dt, *) by dt -> dt, dt1, ...;
//   arg_max(dt, i+1) -> dt, max_dt_arg1:long; arg_max(i+1, l+1, s) -> max_, max__arg1, s;
//   arg_max(dt, *, s) -> s only once; arg_max(dt, s, *) -> dt, s, then the rest.
//
// argmax / argmin (deprecated; AggregateShape::ArgMinMax with replaced_by set): the first
//   column is named `max_<first>` (`min_<first>`), every other column
//   `max_<first>_<column or name>` (`_arg<i>` for unnamed expressions); `*` skips the first
//   argument's column: argmax(dt, *) -> max_dt, max_dt_i, max_dt_l, ...;
//   argmin(i, l, x=s) -> min_i, min_i_l, min_i_x; argmax(i+1, s, l*2) -> max_, max__s, max__arg2.
//
// take_any (AggregateShape::ArgMinMax, no primary argument): arg_max's rules, except that the
//   dropping rule applies from the first argument on (take_any(s, *) by s -> s, i, dt) and an
//   unnamed non-column expression at position i is named `any_arg<i>` (result_prefix "any"):
//   take_any(x) -> x; take_any(i+1) -> any_arg0; take_any(i, s) -> i, s;
//   take_any(s, i) by s -> s, s1, i; take_any(*) -> all input columns;
//   take_any(*) by s -> s, then the rest without s; take_any(s, *) -> s, then the rest.
//
// any (deprecated for take_any): with one non-star argument it is a single column
//   `any_<name>` (any(i+1) -> any_); with several arguments or `*` every column above is
//   prefixed `any_` (`any_arg<i>` for unnamed expressions): any(i, s) -> any_i, any_s;
//   any(*) -> any_<each input column>; any(i+1, s) -> any_arg0, any_s.
// ---------------------------------------------------------------------------------------------
#include <tuple>

#include "huntdb/functions/declare.h"

namespace huntdb::functions {

namespace {

using namespace types;
using namespace declare;

// Kusto's "orderable" is number, datetime, timespan, string or bool: min(guid) and
// arg_max(dynamic, ...) are errors in the oracle, so our broader kOrderable (which includes
// guid, for sort) is too wide here.
constexpr TypeSet kKustoOrderable = kOrderable.without(Guid);
// hll() refuses real and bool (the sketch hashes the value's bits; reals would split buckets).
constexpr TypeSet kNotRealOrBool = kScalar.without(Real).without(Bool);

// An aggregate named `<prefix>_<first argument>`.
FunctionInfo prefixed(std::string_view name, std::string_view prefix, std::vector<Signature> sigs,
                      std::string_view description) {
  return {.name = name,
          .kind = FunctionKind::Aggregate,
          .signatures = std::move(sigs),
          .result_name = ResultName::PrefixAndFirstArgument,
          .result_prefix = prefix,
          .description = description};
}

// Percentile columns: int widens to long and decimal becomes real; other types are kept.
ScalarType percentile_value_type(std::span<const ArgInfo> args) {
  if (args.empty()) return ScalarType::Unknown;
  switch (args[0].type) {
    case ScalarType::Int: return ScalarType::Long;
    case ScalarType::Decimal: return ScalarType::Real;
    default: return args[0].type;
  }
}

// percentile_tdigest(digest, p, typeof(T)): the type named by the last (type literal) argument.
// Not named_type(): the name is read bare only, and anything else gives dynamic, not Unknown.
ScalarType type_from_last_literal(std::span<const ArgInfo> args) {
  if (!args.empty() && args.back().literal) {
    if (auto t = parse_type_name(*args.back().literal)) return *t;
  }
  return ScalarType::Dynamic;
}

// The shapes of the aggregates that take one value and an optional `if` predicate.
std::vector<Param> value(TypeSet t) { return {req("expr", t)}; }
std::vector<Param> value_if(TypeSet t) { return {req("expr", t), req("predicate", kBool)}; }

void register_counting(Registry& r) {
  r.add(prefixed("count", "count",
                 {// count(predicate) is the obsolete spelling of countif; Kusto still binds it
                  // (count(b) -> count_b) but hides the signature. It comes first because
                  // resolve() describes a mismatch with the first signature's parameters,
                  // which must not be empty.
                  fixed(Long, {req("predicate", kBool)}), fixed(Long, {})},
                 "The number of rows in the group."));
  r.add(deprecated(prefixed("cnt", "cnt", {fixed(Long, {})}, "Legacy spelling of count()."), "count", true));
  r.add(prefixed("countif", "countif", {fixed(Long, {req("predicate", kBool)})}, "The number of rows for which the predicate is true."));
  r.add(prefixed("dcount", "dcount", {fixed(Long, {req("expr"), opt("accuracy", kNotDynamic)})},
                 "Estimated number of distinct values (HyperLogLog)."));
  r.add(prefixed("dcountif", "dcountif",
                 {fixed(Long, {req("expr"), req("predicate", kBool), opt("accuracy", kNotDynamic)})},
                 "Estimated number of distinct values among rows where the predicate is true."));
  r.add(prefixed("count_distinct", "count_distinct", {fixed(Long, value(kNotDynamic))},
                 "Exact number of distinct values (dcount is the cheaper estimate)."));
  r.add(prefixed("count_distinctif", "count_distinctif", {fixed(Long, value_if(kNotDynamic))},
                 "Exact number of distinct values among rows where the predicate is true."));
}

void register_sums_and_extremes(Registry& r) {
  r.add(prefixed("sum", "sum", {promoted(0, value(kSummable))}, "Sum of the values; int sums are long."));
  r.add(prefixed("sumif", "sumif", {promoted(0, value_if(kSummable))},
                 "Sum of the values where the predicate is true; int sums are long."));
  r.add(prefixed("min", "min", {same_as(0, value(kKustoOrderable))}, "Smallest value in the group."));
  r.add(prefixed("minif", "minif", {same_as(0, value_if(kKustoOrderable))},
                 "Smallest value among rows where the predicate is true."));
  r.add(prefixed("max", "max", {same_as(0, value(kKustoOrderable))}, "Largest value in the group."));
  r.add(prefixed("maxif", "maxif", {same_as(0, value_if(kKustoOrderable))},
                 "Largest value among rows where the predicate is true."));

  // avg: integers and reals average to real; decimal, datetime and timespan keep their type.
  auto avg_sigs = [](bool with_predicate) {
    auto ps = [&](TypeSet t) { return with_predicate ? value_if(t) : value(t); };
    return std::vector<Signature>{fixed(Real, ps(kInteger)), fixed(Real, ps(kReal)), fixed(Decimal, ps(kDecimal)),
                                  fixed(TimeSpan, ps(kTimeSpan)), fixed(DateTime, ps(kDateTime))};
  };
  r.add(prefixed("avg", "avg", avg_sigs(false), "Average of the values."));
  r.add(prefixed("avgif", "avgif", avg_sigs(true), "Average of the values where the predicate is true."));

  for (std::string_view name : {"binary_all_and", "binary_all_or", "binary_all_xor"}) {
    r.add({.name = name,
           .kind = FunctionKind::Aggregate,
           .signatures = {same_as(0, value(kSummable))},
           .result_name = ResultName::FirstArgument,
           .description = "Bitwise and/or/xor of all the values in the group."});
  }
}

void register_statistics(Registry& r) {
  struct Stat {
    std::string_view name;
    bool with_predicate;
    std::string_view description;
  };
  for (const Stat& s : {Stat{"stdev", false, "Sample standard deviation."},
                        Stat{"stdevif", true, "Sample standard deviation of rows where the predicate is true."},
                        Stat{"stdevp", false, "Population standard deviation."},
                        Stat{"variance", false, "Sample variance."},
                        Stat{"varianceif", true, "Sample variance of rows where the predicate is true."},
                        Stat{"variancep", false, "Population variance."},
                        Stat{"variancepif", true, "Population variance of rows where the predicate is true."}}) {
    r.add(prefixed(s.name, s.name, {fixed(Real, s.with_predicate ? value_if(kSummable) : value(kSummable))},
                   s.description));
  }
  // covariance*: named after the first of the two series (covariance(i, r) -> covariance_i).
  for (const Stat& s : {Stat{"covariance", false, "Sample covariance of two series."},
                        Stat{"covarianceif", true, "Sample covariance of rows where the predicate is true."},
                        Stat{"covariancep", false, "Population covariance of two series."},
                        Stat{"covariancepif", true, "Population covariance of rows where the predicate is true."}}) {
    std::vector<Param> ps{req("expr1", kSummable), req("expr2", kSummable)};
    if (s.with_predicate) ps.push_back(req("predicate", kBool));
    r.add(prefixed(s.name, s.name, {fixed(Real, std::move(ps))}, s.description));
  }
}

void register_collections(Registry& r) {
  auto list_sig = [](bool with_predicate) {
    std::vector<Param> ps{req("expr")};
    if (with_predicate) ps.push_back(req("predicate", kBool));
    ps.push_back(opt("maxSize", kInteger));
    return std::vector<Signature>{fixed(Dynamic, std::move(ps))};
  };
  r.add(prefixed("make_list", "list", list_sig(false), "Array of all the values in the group."));
  r.add(prefixed("make_list_if", "list", list_sig(true), "Array of the values where the predicate is true."));
  r.add(prefixed("make_list_with_nulls", "list", {fixed(Dynamic, value(kScalar))},
                 "Array of all the values, nulls included."));
  r.add(deprecated(prefixed("makelist", "list", list_sig(false), "Legacy spelling of make_list."), "make_list", true));
  r.add(prefixed("make_set", "set", list_sig(false), "Array of the distinct values in the group."));
  r.add(prefixed("make_set_if", "set", list_sig(true), "Array of the distinct values where the predicate is true."));
  r.add(deprecated(prefixed("makeset", "set", list_sig(false), "Legacy spelling of make_set."), "make_set", true));

  auto bag_sig = [](bool with_predicate) {
    std::vector<Param> ps{req("expr", kDynamic)};
    if (with_predicate) ps.push_back(req("predicate", kBool));
    ps.push_back(opt("maxSize", kInteger));
    return std::vector<Signature>{fixed(Dynamic, std::move(ps))};
  };
  r.add(prefixed("make_bag", "bag", bag_sig(false), "Property bag merging all the bags in the group."));
  r.add(prefixed("make_bag_if", "bag", bag_sig(true), "Property bag merging the bags where the predicate is true."));
  // Kusto hides make_dictionary without marking it obsolete; it is make_bag under an old name.
  r.add(deprecated(prefixed("make_dictionary", "dictionary", bag_sig(false), "Legacy spelling of make_bag."), "",
                   true));
  r.add(prefixed("buildschema", "schema", {fixed(Dynamic, value(kDynamic))},
                 "The minimal schema that admits every dynamic value in the group."));
}

void register_sketches(Registry& r) {
  r.add(prefixed("hll", "hll", {fixed(Dynamic, {req("expr", kNotRealOrBool), opt("accuracy", kInteger)})},
                 "HyperLogLog sketch of the values, for dcount_hll and hll_merge."));
  r.add(prefixed("hll_if", "hll_if",
                 {fixed(Dynamic, {req("expr", kNotRealOrBool), req("predicate", kBool), opt("accuracy", kInteger)})},
                 "HyperLogLog sketch of the values where the predicate is true."));
  r.add(prefixed("hll_merge", "hll_merge", {fixed(Dynamic, value(kDynamic))}, "Merges HyperLogLog sketches."));
  r.add(prefixed("tdigest", "tdigest", {fixed(Dynamic, {req("expr", kSummable), opt("weight", kInteger)})},
                 "t-digest sketch of the values, for percentile_tdigest."));
  // Both spellings are named merge_tdigests_<arg>: the prefix is not the function name.
  r.add(prefixed("tdigest_merge", "merge_tdigests", {fixed(Dynamic, value(kDynamic))}, "Merges t-digest sketches."));
  r.add(prefixed("merge_tdigest", "merge_tdigests", {fixed(Dynamic, value(kDynamic))},
                 "Merges t-digest sketches (alias of tdigest_merge)."));
}

void register_percentiles(Registry& r) {
  auto percentile_info = [](std::string_view name, std::vector<Param> params, std::string_view description) {
    FunctionInfo f = prefixed(name, "percentile", {custom(percentile_value_type, std::move(params))}, description);
    f.aggregate_shape = AggregateShape::Percentiles;
    return f;
  };
  r.add(percentile_info("percentile", {req("expr"), req("percentile", kNumber)}, "Estimated percentile of the values."));
  r.add(percentile_info("percentiles", {req("expr"), many("percentile", kNumber)},
                        "Estimated percentiles of the values, one column each."));
  r.add(percentile_info("percentilew", {req("expr"), req("weight", kInteger), req("percentile", kNumber)},
                        "Estimated weighted percentile of the values."));
  r.add(percentile_info("percentilesw", {req("expr"), req("weight", kInteger), many("percentile", kNumber)},
                        "Estimated weighted percentiles of the values, one column each."));

  auto array_info = [](std::string_view name, bool weighted, std::string_view description) {
    std::vector<Param> listed{req("expr")};
    std::vector<Param> as_array{req("expr")};
    if (weighted) {
      listed.push_back(req("weight", kInteger));
      as_array.push_back(req("weight", kInteger));
    }
    listed.push_back(many("percentile", kNumber));
    as_array.push_back(req("percentiles", kDynamic));
    FunctionInfo f =
        prefixed(name, "percentiles", {fixed(Dynamic, std::move(listed)), fixed(Dynamic, std::move(as_array))},
                 description);
    f.aggregate_shape = AggregateShape::PercentilesArray;
    return f;
  };
  r.add(array_info("percentiles_array", false, "Estimated percentiles of the values, as one dynamic array."));
  r.add(array_info("percentilesw_array", true, "Estimated weighted percentiles, as one dynamic array."));
}

void register_row_pickers(Registry& r) {
  // arg_max / arg_min: the result type is the first column's; the binder expands the columns
  // (see the header comment). result_prefix names unnamed expressions.
  for (auto [name, prefix, description] :
       {std::tuple{std::string_view("arg_max"), std::string_view("max"),
                   std::string_view("The row with the largest value: that value and the requested columns.")},
        std::tuple{std::string_view("arg_min"), std::string_view("min"),
                   std::string_view("The row with the smallest value: that value and the requested columns.")}}) {
    r.add({.name = name,
           .kind = FunctionKind::Aggregate,
           .signatures = {same_as(0, {req("by", kKustoOrderable), opt_many("returned", kScalar, ArgShape::Star)})},
           .result_prefix = prefix,
           .aggregate_shape = AggregateShape::ArgMinMax,
           .description = description});
  }
  for (auto [name, prefix, replacement] : {std::tuple{std::string_view("argmax"), std::string_view("max"),
                                                      std::string_view("arg_max")},
                                           std::tuple{std::string_view("argmin"), std::string_view("min"),
                                                      std::string_view("arg_min")}}) {
    r.add({.name = name,
           .kind = FunctionKind::Aggregate,
           .signatures = {same_as(0, {req("by", kKustoOrderable), opt_many("returned", kScalar, ArgShape::Star)})},
           .result_prefix = prefix,
           .aggregate_shape = AggregateShape::ArgMinMax,
           .replaced_by = replacement,
           .hidden = true,
           .description = "Legacy arg_max/arg_min whose columns are prefixed with max_/min_ and the first column."});
  }

  r.add({.name = "take_any",
         .kind = FunctionKind::Aggregate,
         .signatures = {same_as(0, {many("expr", kScalar, ArgShape::Star)})},
         .result_prefix = "any",
         .aggregate_shape = AggregateShape::ArgMinMax,
         .description = "The values of one arbitrary row of the group (one column per argument, or all with *)."});
  // any: one value (named any_<arg>), several values, or `*` (Kusto's third signature accepts
  // only `*`; ArgShape::Star also admits a scalar, which the first signature takes first).
  r.add({.name = "any",
         .kind = FunctionKind::Aggregate,
         .signatures = {same_as(0, {req("expr")}), same_as(0, {req("expr"), many("more")}),
                        same_as(0, {req("expr", kScalar, ArgShape::Star)})},
         .result_name = ResultName::PrefixAndFirstArgument,
         .result_prefix = "any",
         .aggregate_shape = AggregateShape::ArgMinMax,
         .replaced_by = "take_any",
         .description = "Legacy take_any whose columns are prefixed with any_."});
  r.add({.name = "take_anyif",
         .kind = FunctionKind::Aggregate,
         .signatures = {same_as(0, value_if(kScalar))},
         .result_name = ResultName::FirstArgument,
         .description = "The value of one arbitrary row where the predicate is true."});
  r.add(deprecated(prefixed("anyif", "anyif", {same_as(0, value_if(kScalar))}, "Legacy take_anyif, named anyif_<arg>."),
                   "take_anyif", false));
  // Internal: the value itself, used by Kusto's own rewrites.
  r.add({.name = "passthrough",
         .kind = FunctionKind::Aggregate,
         .signatures = {same_as(0, value(kScalar))},
         .result_name = ResultName::FirstArgument,
         .hidden = true,
         .description = "Internal: passes the group's value through."});
}

// Scalar functions over hll()/tdigest() results. Kusto keeps them among the scalar functions
// (dcount_hll is not an aggregate); they live here beside the aggregates that feed them.
void register_sketch_scalars(Registry& r) {
  // dcount_hll(hll(s)) -> dcount_hll_hll_s: Kusto's "name and first argument".
  r.add(scalar("dcount_hll", {fixed(Long, {req("hll", kDynamic)})}, ResultName::PrefixAndFirstArgument, "dcount_hll",
               "Distinct count estimated from an hll sketch."));
  // The scalar merges take 2 to 16 sketches (the registry cannot cap the repeat at 16).
  r.add(scalar("hll_merge", {fixed(Dynamic, {req("hll", kDynamic), many("more", kDynamic)})}, ResultName::PrefixOnly,
               "hll_merged_result", "Merges two or more hll sketches into one."));
  for (std::string_view name : {"tdigest_merge", "merge_tdigest"}) {
    r.add(scalar(name, {fixed(Dynamic, {req("tdigest", kDynamic), many("more", kDynamic)})}, ResultName::PrefixOnly,
                 "tdigests_merge_result", "Merges two or more t-digest sketches into one."));
  }
  r.add(hidden(scalar("__hll_normalize", {fixed(Dynamic, {req("hll", kDynamic), many("more", kDynamic)})},
                      ResultName::FirstArgument, "Internal: normalizes hll sketches.")));
  // percentile_tdigest(d, p [, typeof(T)]): dynamic, or the type the literal names.
  r.add(scalar("percentile_tdigest",
               {fixed(Dynamic, {req("tdigest", kDynamic), req("percentile", kReal)}),
                custom(type_from_last_literal,
                       {req("tdigest", kDynamic), req("percentile", kReal), req("type", kScalar, ArgShape::Any)})},
               ResultName::PrefixAndFirstArgument, "percentile_tdigest",
               "Percentile estimated from a t-digest sketch."));
  r.add(scalar("percentiles_array_tdigest",
               {fixed(Dynamic, {req("tdigest", kDynamic), many("percentile", kReal)}),
                fixed(Dynamic, {req("tdigest", kDynamic), req("percentiles", kDynamic)})},
               ResultName::PrefixAndFirstArgument, "percentile_tdigest",
               "Several percentiles estimated from a t-digest sketch, as an array."));
  r.add(scalar("percentrank_tdigest", {fixed(Real, {req("digest", kDynamic), req("value")})}, ResultName::None,
               "Percentage rank of a value in a t-digest sketch."));
  r.add(scalar("rank_tdigest", {fixed(Real, {req("digest", kDynamic), req("value")})}, ResultName::None,
               "Rank of a value in a t-digest sketch."));
  r.add(hidden(scalar("tdigest_isvalid", {fixed(Bool, {req("digest", kDynamic), req("value")})}, ResultName::None,
                      "Internal: whether a value is a valid t-digest sketch.")));
  r.add(hidden(scalar("hll_isvalid", {fixed(Bool, {req("hll", kDynamic), req("value")})}, ResultName::None,
                      "Internal: whether a value is a valid hll sketch.")));
}

}  // namespace

void register_aggregates(Registry& r) {
  register_counting(r);
  register_sums_and_extremes(r);
  register_statistics(r);
  register_collections(r);
  register_sketches(r);
  register_percentiles(r);
  register_row_pickers(r);
  register_sketch_scalars(r);
}

}  // namespace huntdb::functions
