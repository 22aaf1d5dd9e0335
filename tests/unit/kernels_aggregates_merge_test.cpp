// Partial results of several workers must merge into the answer one worker gives
// (src/huntdb/functions/kernels/aggregates_*.cpp). Summarize runs each worker over its own
// batches with its own group numbers, then merges the partial accumulators into one: here the
// same batches go once through a single accumulator, and once split between two accumulators (the
// second numbering its groups in reverse) that are merged, in both orders, into a third.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "huntdb/functions/registry.h"
#include "huntdb/types/dynamic.h"
#include "huntdb/types/format.h"

namespace huntdb::functions {
namespace {

constexpr size_t kGroups = 3;

struct BatchInput {
  std::vector<ColumnPtr> args;
  std::vector<uint32_t> groups;  // 0 .. kGroups-1
};

struct Call {
  std::string name;
  std::vector<ScalarType> arg_types;
  std::vector<ScalarType> result_types;
  std::vector<std::optional<Value>> constants;
};

std::unique_ptr<Accumulator> make(const Call& c, const AggregateSpec& spec) {
  const FunctionInfo* f = Registry::builtins().aggregate(c.name);
  EXPECT_NE(f, nullptr) << c.name;
  EXPECT_NE(f ? f->accumulator : nullptr, nullptr) << c.name;
  return f && f->accumulator ? f->accumulator(spec) : nullptr;
}

void feed(Accumulator& acc, const BatchInput& b, uint32_t batch_index, bool reversed) {
  std::vector<uint32_t> groups = b.groups;
  if (reversed)
    for (auto& g : groups) g = static_cast<uint32_t>(kGroups - 1 - g);
  acc.resize(kGroups);
  KernelArgs ka{b.args, groups.size()};
  ka.batch = batch_index;
  acc.update(groups, ka);
}

// Every output cell as text; reals rounded to 12 significant digits (merging moments may change
// the last bits).
std::vector<std::string> cells(Accumulator& acc) {
  std::vector<std::string> out;
  for (const auto& col : acc.finish(kGroups)) {
    for (size_t i = 0; i < col->size(); ++i) {
      Value v = col->value_at(i);
      if (v.type == ScalarType::Real && !v.is_null()) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.12g", v.as_real());
        out.push_back(buf);
      } else {
        out.push_back(format_value(v));
      }
    }
  }
  return out;
}

void expect_merge_matches_single(const Call& c, const std::vector<BatchInput>& batches) {
  AggregateSpec spec{c.arg_types, c.result_types, c.constants, nullptr};
  if (spec.constants.size() < spec.arg_types.size()) spec.constants.resize(spec.arg_types.size());
  auto single = make(c, spec);
  ASSERT_NE(single, nullptr);
  for (size_t b = 0; b < batches.size(); ++b) feed(*single, batches[b], static_cast<uint32_t>(b), false);
  std::vector<std::string> expected = cells(*single);

  for (bool b_first : {false, true}) {
    auto first = make(c, spec), second = make(c, spec), global = make(c, spec);
    // Workers take batches in turn: batch 0, 2, 4, ... to the first, 1, 3, ... to the second.
    for (size_t b = 0; b < batches.size(); ++b) {
      if (b % 2 == 0) {
        feed(*first, batches[b], static_cast<uint32_t>(b), false);
      } else {
        feed(*second, batches[b], static_cast<uint32_t>(b), true);
      }
    }
    std::vector<uint32_t> identity(kGroups), reverse(kGroups);
    for (uint32_t g = 0; g < kGroups; ++g) {
      identity[g] = g;
      reverse[g] = static_cast<uint32_t>(kGroups - 1 - g);
    }
    global->resize(kGroups);
    first->resize(kGroups);
    second->resize(kGroups);
    if (b_first) {
      global->merge(*second, reverse);
      global->merge(*first, identity);
    } else {
      global->merge(*first, identity);
      global->merge(*second, reverse);
    }
    EXPECT_EQ(cells(*global), expected) << c.name << (b_first ? " (second worker merged first)" : "");
  }
}

ColumnPtr longs(std::vector<int64_t> v, std::vector<size_t> nulls = {}) {
  Validity valid;
  for (size_t i : nulls) valid.set(i, false);
  return Column::make_longs(ScalarType::Long, std::move(v), std::move(valid));
}

ColumnPtr reals(std::vector<double> v) { return Column::make_reals(ScalarType::Real, std::move(v)); }

ColumnPtr strings(const std::vector<std::string>& v) {
  // Dictionary-encoded, as stored strings usually are.
  ColumnBuilder dict(ScalarType::String);
  std::vector<std::string> seen;
  std::vector<uint32_t> codes;
  for (const auto& s : v) {
    auto it = std::find(seen.begin(), seen.end(), s);
    if (it == seen.end()) {
      codes.push_back(static_cast<uint32_t>(seen.size()));
      seen.push_back(s);
      dict.append_string(s);
    } else {
      codes.push_back(static_cast<uint32_t>(it - seen.begin()));
    }
  }
  return Column::make_dictionary(dict.finish(), std::move(codes));
}

ColumnPtr bools(std::vector<uint8_t> v) { return Column::make_bools(std::move(v)); }

ColumnPtr dynamics(const std::vector<std::string>& json) {
  std::vector<DynamicPtr> v;
  for (const auto& j : json) v.push_back(j.empty() ? nullptr : *parse_json(j));
  return Column::make_dynamics(std::move(v));
}

// Six batches of four rows over three groups, with repeats across batches (so first appearance
// and ties matter) and nulls.
std::vector<BatchInput> numeric_batches() {
  std::vector<BatchInput> out;
  for (int b = 0; b < 6; ++b) {
    std::vector<int64_t> x{b % 3, 7 - b, b * 2, 5};
    std::vector<double> y{b * 0.5, 1.5, -b * 1.0, 2.25};
    std::vector<std::string> s{"s" + std::to_string(b % 4), "dup", "s" + std::to_string(5 - b), ""};
    std::vector<uint8_t> pred{static_cast<uint8_t>(b % 2), 1, 0, static_cast<uint8_t>(b > 2)};
    out.push_back({{longs(x, b == 3 ? std::vector<size_t>{1} : std::vector<size_t>{}), reals(y), strings(s), bools(pred)},
                   {0, static_cast<uint32_t>(b % 3), 1, 2}});
  }
  return out;
}

// The arguments of `numeric_batches` a call reads, in its order.
std::vector<BatchInput> pick(const std::vector<BatchInput>& in, std::vector<size_t> columns) {
  std::vector<BatchInput> out;
  for (const auto& b : in) {
    BatchInput p;
    p.groups = b.groups;
    for (size_t c : columns) p.args.push_back(b.args[c]);
    out.push_back(std::move(p));
  }
  return out;
}

using enum ScalarType;
constexpr size_t X = 0, Y = 1, S = 2, P = 3;

TEST(AggregateMerge, CountsSumsAndExtremes) {
  auto in = numeric_batches();
  expect_merge_matches_single({"count", {}, {Long}, {}}, pick(in, {}));
  expect_merge_matches_single({"countif", {Bool}, {Long}, {}}, pick(in, {P}));
  expect_merge_matches_single({"sum", {Long}, {Long}, {}}, pick(in, {X}));
  expect_merge_matches_single({"sumif", {Real, Bool}, {Real}, {}}, pick(in, {Y, P}));
  expect_merge_matches_single({"avg", {Long}, {Real}, {}}, pick(in, {X}));
  expect_merge_matches_single({"min", {String}, {String}, {}}, pick(in, {S}));
  expect_merge_matches_single({"max", {Real}, {Real}, {}}, pick(in, {Y}));
  expect_merge_matches_single({"maxif", {Long, Bool}, {Long}, {}}, pick(in, {X, P}));
}

TEST(AggregateMerge, ArgMaxAndArgMinKeepTheFirstRowOnTies) {
  auto in = numeric_batches();
  // x = 5 in the last row of every batch: ties across workers.
  expect_merge_matches_single({"arg_max", {Long, String, Real}, {Long, String, Real}, {}}, pick(in, {X, S, Y}));
  expect_merge_matches_single({"arg_min", {Long, String}, {Long, String}, {}}, pick(in, {X, S}));
  expect_merge_matches_single({"arg_max", {String, Long}, {String, Long}, {}}, pick(in, {S, X}));
  expect_merge_matches_single({"arg_min", {Real, Long}, {Real, Long}, {}}, pick(in, {Y, X}));
}

TEST(AggregateMerge, ListsSetsAndBagsKeepTheOrderOfAppearance) {
  auto in = numeric_batches();
  expect_merge_matches_single({"make_list", {String}, {Dynamic}, {}}, pick(in, {S}));
  expect_merge_matches_single({"make_list", {Long, Long}, {Dynamic}, {std::nullopt, Value::of_long(5)}},
                              pick(in, {X, X}));
  expect_merge_matches_single({"make_list_if", {Real, Bool}, {Dynamic}, {}}, pick(in, {Y, P}));
  expect_merge_matches_single({"make_list_with_nulls", {Long}, {Dynamic}, {}}, pick(in, {X}));
  expect_merge_matches_single({"make_set", {String}, {Dynamic}, {}}, pick(in, {S}));
  expect_merge_matches_single({"make_set", {Long, Long}, {Dynamic}, {std::nullopt, Value::of_long(3)}},
                              pick(in, {X, X}));
  expect_merge_matches_single({"make_set_if", {Long, Bool}, {Dynamic}, {}}, pick(in, {X, P}));

  // Batches over one shared dictionary (as a table's string column): sets look rows up by code.
  ColumnPtr shared = strings({"a", "b", "c", "a", "d", "b", "e", "a"});
  std::vector<BatchInput> coded;
  for (int b = 0; b < 6; ++b) {
    std::vector<uint32_t> rows{static_cast<uint32_t>(b), static_cast<uint32_t>((b + 3) % 8), 7, static_cast<uint32_t>(b % 2)};
    coded.push_back({{Column::take(shared, rows)}, {0, static_cast<uint32_t>(b % 3), 1, 2}});
  }
  expect_merge_matches_single({"make_set", {String}, {Dynamic}, {}}, coded);
  expect_merge_matches_single({"count_distinct", {String}, {Long}, {}}, coded);

  std::vector<BatchInput> bags;
  for (int b = 0; b < 6; ++b)
    bags.push_back({{dynamics({R"({"a":)" + std::to_string(b) + R"(,"k)" + std::to_string(b % 3) + R"(":1})",
                               "[1,2," + std::to_string(b % 2) + "]", "", R"({"z":)" + std::to_string(b) + "}"})},
                    {0, 1, 2, static_cast<uint32_t>(b % 3)}});
  expect_merge_matches_single({"make_bag", {Dynamic}, {Dynamic}, {}}, bags);
  expect_merge_matches_single({"make_set", {Dynamic}, {Dynamic}, {}}, bags);
  expect_merge_matches_single({"buildschema", {Dynamic}, {Dynamic}, {}}, bags);
}

TEST(AggregateMerge, DistinctCountsAndSketches) {
  auto in = numeric_batches();
  expect_merge_matches_single({"dcount", {String}, {Long}, {}}, pick(in, {S}));
  expect_merge_matches_single({"dcountif", {Long, Bool}, {Long}, {}}, pick(in, {X, P}));
  expect_merge_matches_single({"count_distinct", {Real}, {Long}, {}}, pick(in, {Y}));
  expect_merge_matches_single({"hll", {Long}, {Dynamic}, {}}, pick(in, {X}));

  // Beyond the exact range: dense registers on both sides.
  std::vector<BatchInput> many;
  for (int b = 0; b < 6; ++b) {
    std::vector<int64_t> v(3000);
    std::vector<uint32_t> g(3000);
    for (size_t i = 0; i < v.size(); ++i) {
      v[i] = static_cast<int64_t>(i) * 7 + b * 1000;
      g[i] = static_cast<uint32_t>(i % kGroups);
    }
    many.push_back({{longs(v)}, g});
  }
  expect_merge_matches_single({"dcount", {Long}, {Long}, {}}, many);
  expect_merge_matches_single({"dcount", {Long, Long}, {Long}, {std::nullopt, Value::of_long(0)}},
                              {many[0], many[1], many[2]});
  expect_merge_matches_single({"hll", {Long}, {Dynamic}, {}}, many);
}

TEST(AggregateMerge, CompressedDigestsMergeWithinTheErrorBound) {
  // Beyond the exact range a t-digest's centroids depend on the order values arrive in, so
  // merged partial digests agree with a single one within the documented 1% of rank.
  std::vector<BatchInput> many;
  for (int b = 0; b < 6; ++b) {
    std::vector<int64_t> v(5000);
    std::vector<uint32_t> g(5000, 0);
    for (size_t i = 0; i < v.size(); ++i) v[i] = static_cast<int64_t>(i) * 6 + b;  // 0 .. 29999
    many.push_back({{longs(v)}, g});
  }
  AggregateSpec spec{{Long, Long}, {Long}, {std::nullopt, Value::of_long(50)}, nullptr};
  auto single = Registry::builtins().aggregate("percentile")->accumulator(spec);
  auto first = Registry::builtins().aggregate("percentile")->accumulator(spec);
  auto second = Registry::builtins().aggregate("percentile")->accumulator(spec);
  for (size_t b = 0; b < many.size(); ++b) {
    feed(*single, many[b], static_cast<uint32_t>(b), false);
    feed(b % 2 ? *second : *first, many[b], static_cast<uint32_t>(b), false);
  }
  std::vector<uint32_t> identity{0, 1, 2};
  first->merge(*second, identity);
  int64_t one = single->finish(kGroups)[0]->value_at(0).as_long();
  int64_t merged = first->finish(kGroups)[0]->value_at(0).as_long();
  EXPECT_NEAR(one, 15000, 300);
  EXPECT_NEAR(merged, 15000, 300);
}

TEST(AggregateMerge, PercentilesDigestsAndStatistics) {
  auto in = numeric_batches();
  expect_merge_matches_single(
      {"percentiles", {Long, Real, Real}, {Long, Long}, {std::nullopt, Value::of_real(50), Value::of_real(90)}},
      pick(in, {X, Y, Y}));
  expect_merge_matches_single({"percentilesw_array", {Long, Long, Long}, {Dynamic}, {std::nullopt, std::nullopt, Value::of_long(75)}},
                              pick(in, {X, X, X}));
  expect_merge_matches_single({"tdigest", {Real}, {Dynamic}, {}}, pick(in, {Y}));
  expect_merge_matches_single({"stdev", {Long}, {Real}, {}}, pick(in, {X}));
  expect_merge_matches_single({"variancep", {Real}, {Real}, {}}, pick(in, {Y}));
  expect_merge_matches_single({"varianceif", {Long, Bool}, {Real}, {}}, pick(in, {X, P}));
  expect_merge_matches_single({"covariance", {Long, Real}, {Real}, {}}, pick(in, {X, Y}));
  expect_merge_matches_single({"binary_all_xor", {Long}, {Long}, {}}, pick(in, {X}));
  expect_merge_matches_single({"binary_all_and", {Long}, {Long}, {}}, pick(in, {X}));
}

TEST(AggregateMerge, SketchMergesMatchTheirInputs) {
  // hll_merge and tdigest_merge over sketches made per batch.
  std::vector<BatchInput> hlls, digests;
  for (int b = 0; b < 6; ++b) {
    std::vector<std::string> h, d;
    for (int g = 0; g < 3; ++g) {
      h.push_back("[[1024,14],[\"" + std::to_string(b * 10 + g) + "\",\"" + std::to_string(g) + "\"],[]]");
      d.push_back("[[7],[" + std::to_string(b) + "," + std::to_string(g) + "],[1," + std::to_string(b + 1) + "]]");
    }
    hlls.push_back({{dynamics(h)}, {0, 1, 2}});
    digests.push_back({{dynamics(d)}, {0, 1, 2}});
  }
  expect_merge_matches_single({"hll_merge", {Dynamic}, {Dynamic}, {}}, hlls);
  expect_merge_matches_single({"tdigest_merge", {Dynamic}, {Dynamic}, {}}, digests);
}

}  // namespace
}  // namespace huntdb::functions
