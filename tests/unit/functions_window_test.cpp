// Result types of the window functions (serialized-row functions), as Kusto's binder infers them
// (each case was checked against the official parser, @kusto/language-service-next 12.4.1).
#include "function_test_util.h"

namespace huntdb {
namespace {

using testing::scalar_entry;
using testing::scalar_rejects;
using testing::scalar_result;
using enum ScalarType;
using functions::ResultName;

TEST(WindowFunctions, AreWindowKindWithGenericNames) {
  for (std::string_view f : {"row_number", "row_cumsum", "row_rank_dense", "row_rank_min", "row_rank",
                             "row_window_session", "prev", "next"}) {
    EXPECT_EQ(scalar_entry(f).kind, functions::FunctionKind::Window) << f;
    EXPECT_EQ(scalar_entry(f).result_name, ResultName::None) << f;
  }
  EXPECT_EQ(functions::Registry::builtins().aggregate("row_number"), nullptr);
}

TEST(WindowFunctions, RowNumber) {
  EXPECT_EQ(scalar_result("row_number", {}), Long);
  EXPECT_EQ(scalar_result("row_number", {Long}), Long);
  EXPECT_EQ(scalar_result("row_number", {Int}), Long);
  EXPECT_EQ(scalar_result("row_number", {Long, Bool}), Long);
  EXPECT_TRUE(scalar_rejects("row_number", {Real}));
  EXPECT_TRUE(scalar_rejects("row_number", {Long, Long}));
}

TEST(WindowFunctions, RowCumsumKeepsTheTermsType) {
  EXPECT_EQ(scalar_result("row_cumsum", {Int}), Int);
  EXPECT_EQ(scalar_result("row_cumsum", {Long}), Long);
  EXPECT_EQ(scalar_result("row_cumsum", {Real}), Real);
  EXPECT_EQ(scalar_result("row_cumsum", {Decimal}), Decimal);
  EXPECT_EQ(scalar_result("row_cumsum", {Int, Bool}), Int);
  EXPECT_TRUE(scalar_rejects("row_cumsum", {TimeSpan}));
  EXPECT_TRUE(scalar_rejects("row_cumsum", {}));
}

TEST(WindowFunctions, Ranks) {
  EXPECT_EQ(scalar_result("row_rank_dense", {String}), Long);
  EXPECT_EQ(scalar_result("row_rank_dense", {DateTime, Bool}), Long);
  EXPECT_EQ(scalar_result("row_rank_min", {Int}), Long);
  EXPECT_TRUE(scalar_rejects("row_rank_min", {Dynamic}));
  EXPECT_TRUE(scalar_rejects("row_rank_dense", {String, Long}));
  EXPECT_EQ(scalar_result("row_rank", {String}), Long);
  EXPECT_TRUE(scalar_entry("row_rank").hidden);
  EXPECT_EQ(scalar_entry("row_rank").replaced_by, "row_rank_dense");
}

TEST(WindowFunctions, RowWindowSessionIsADatetime) {
  EXPECT_EQ(scalar_result("row_window_session", {DateTime, TimeSpan, TimeSpan}), DateTime);
  EXPECT_EQ(scalar_result("row_window_session", {DateTime, TimeSpan, TimeSpan, Bool}), DateTime);
  EXPECT_TRUE(scalar_rejects("row_window_session", {Int, TimeSpan, TimeSpan}));
  EXPECT_TRUE(scalar_rejects("row_window_session", {DateTime, TimeSpan}));
}

TEST(WindowFunctions, PrevAndNextReturnTheColumnsType) {
  EXPECT_EQ(scalar_result("prev", {String}), String);
  EXPECT_EQ(scalar_result("prev", {Int, Long}), Int);
  EXPECT_EQ(scalar_result("prev", {Int, Long, Int}), Int);
  EXPECT_EQ(scalar_result("next", {DateTime}), DateTime);
  EXPECT_EQ(scalar_result("next", {Dynamic, Long}), Dynamic);
  EXPECT_TRUE(scalar_rejects("prev", {Int, Real}));
  EXPECT_TRUE(scalar_rejects("next", {}));
  // prev(Account) reads a column; prev(Account + "x") is an error in Kusto.
  const auto& p = scalar_entry("prev").signatures.front().params;
  EXPECT_EQ(p.at(0).shape, functions::ArgShape::Column);
  EXPECT_EQ(p.at(2).shape, functions::ArgShape::Constant);
}

}  // namespace
}  // namespace huntdb
