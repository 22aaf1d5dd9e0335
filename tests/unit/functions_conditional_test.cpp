#include "function_test_util.h"

namespace huntdb {
namespace {

using testing::scalar_rejects;
using testing::scalar_result;
using enum ScalarType;

TEST(ConditionalFunctions, IffTakesTheCommonTypeOfItsBranches) {
  EXPECT_EQ(scalar_result("iff", {Bool, String, String}), String);
  EXPECT_EQ(scalar_result("iif", {Bool, Int, Long}), Long);
  EXPECT_EQ(scalar_result("iff", {Bool, Long, Real}), Real);
  EXPECT_TRUE(scalar_rejects("iff", {Bool, String}));
}

TEST(ConditionalFunctions, CaseUsesTheValuesAndTheElse) {
  EXPECT_EQ(scalar_result("case", {Bool, String, Bool, String, String}), String);
  EXPECT_EQ(scalar_result("case", {Bool, Long, Int}), Long);
}

TEST(ConditionalFunctions, NullTestsAreBoolean) {
  EXPECT_EQ(scalar_result("isempty", {String}), Bool);
  EXPECT_EQ(scalar_result("isnotnull", {Dynamic}), Bool);
  EXPECT_EQ(scalar_result("coalesce", {String, String, String}), String);
  EXPECT_TRUE(scalar_rejects("not", {String}));
}

}  // namespace
}  // namespace huntdb
