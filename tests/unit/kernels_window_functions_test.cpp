// Window functions fed batch after batch (src/huntdb/functions/kernels/window_functions.cpp):
// the running state carries across batches, so a row's result does not depend on where the
// stream was cut. (next() looks ahead within its batch only; the Project operator gives it the
// whole serialized input at once.)
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "huntdb/functions/registry.h"
#include "huntdb/types/format.h"

namespace huntdb::functions {
namespace {

using enum ScalarType;

std::unique_ptr<WindowState> make(std::string_view name, std::vector<ScalarType> arg_types, ScalarType result,
                                  std::vector<std::optional<Value>> constants = {}) {
  const FunctionInfo* f = Registry::builtins().scalar(name);
  EXPECT_TRUE(f && f->window) << name;
  constants.resize(arg_types.size());
  AggregateSpec spec{arg_types, {result}, constants, nullptr};
  return f && f->window ? f->window(spec) : nullptr;
}

// Runs `state` over the rows cut into batches of `cut` rows; each argument is a column of all
// the rows. Returns the results as text.
std::vector<std::string> run(WindowState& state, const std::vector<ColumnPtr>& columns, size_t cut) {
  std::vector<std::string> out;
  size_t rows = columns.empty() ? 0 : columns[0]->size();
  for (size_t from = 0; from < rows; from += cut) {
    size_t n = std::min(cut, rows - from);
    std::vector<ColumnPtr> args;
    for (const auto& c : columns) args.push_back(Column::slice(c, from, n));
    KernelArgs ka{args, n};
    ColumnPtr r = state.next(ka);
    for (size_t i = 0; i < n; ++i) out.push_back(format_value(r->value_at(i)));
  }
  return out;
}

std::vector<std::string> texts(std::initializer_list<const char*> v) { return {v.begin(), v.end()}; }

ColumnPtr longs(std::vector<int64_t> v) { return Column::make_longs(Long, std::move(v)); }
ColumnPtr bools(std::vector<uint8_t> v) { return Column::make_bools(std::move(v)); }

TEST(WindowState, ResultsDoNotDependOnBatchBoundaries) {
  ColumnPtr x = longs({5, 5, 7, 1, 1, 1, 9, 2});
  ColumnPtr restart = bools({0, 0, 0, 1, 0, 0, 0, 0});
  for (size_t cut : {1, 2, 3, 8}) {
    auto prev = make("prev", {Long}, Long);
    EXPECT_EQ(run(*prev, {x}, cut), texts({"", "5", "5", "7", "1", "1", "1", "9"})) << cut;
    auto prev3 = make("prev", {Long, Long, Long}, Long, {std::nullopt, Value::of_long(3), Value::of_long(-1)});
    EXPECT_EQ(run(*prev3, {x, longs(std::vector<int64_t>(8, 3)), longs(std::vector<int64_t>(8, -1))}, cut),
              texts({"-1", "-1", "-1", "5", "5", "7", "1", "1"}))
        << cut;
    auto number = make("row_number", {Long, Bool}, Long, {Value::of_long(10)});
    EXPECT_EQ(run(*number, {longs(std::vector<int64_t>(8, 10)), restart}, cut),
              texts({"10", "11", "12", "10", "11", "12", "13", "14"}))
        << cut;
    auto cumsum = make("row_cumsum", {Long, Bool}, Long);
    EXPECT_EQ(run(*cumsum, {x, restart}, cut), texts({"5", "10", "17", "1", "2", "3", "12", "14"})) << cut;
    auto dense = make("row_rank_dense", {Long}, Long);
    EXPECT_EQ(run(*dense, {x}, cut), texts({"1", "1", "2", "3", "3", "3", "4", "5"})) << cut;
    auto min = make("row_rank_min", {Long, Bool}, Long);
    EXPECT_EQ(run(*min, {x, restart}, cut), texts({"1", "1", "3", "1", "1", "1", "4", "5"})) << cut;
  }
}

TEST(WindowState, NextLooksAheadWithinItsBatch) {
  ColumnPtr x = longs({1, 2, 3, 4});
  auto next = make("next", {Long, Long}, Long, {std::nullopt, Value::of_long(2)});
  EXPECT_EQ(run(*next, {x, longs({2, 2, 2, 2})}, 4), texts({"3", "4", "", ""}));
  auto back = make("next", {Long, Long}, Long, {std::nullopt, Value::of_long(-1)});  // a negative offset looks back
  EXPECT_EQ(run(*back, {x, longs({-1, -1, -1, -1})}, 4), texts({"", "1", "2", "3"}));
}

}  // namespace
}  // namespace huntdb::functions
