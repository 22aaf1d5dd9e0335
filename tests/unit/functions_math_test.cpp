// Result types of the math and bitwise functions, as Kusto's binder infers them (each case was
// checked against the official parser, @kusto/language-service-next 12.4.1).
#include "function_test_util.h"

namespace huntdb {
namespace {

using testing::scalar_entry;
using testing::scalar_rejects;
using testing::scalar_result;
using enum ScalarType;
using functions::ResultName;

TEST(MathFunctions, AbsWidensIntegersToLong) {
  EXPECT_EQ(scalar_result("abs", {Int}), Long);
  EXPECT_EQ(scalar_result("abs", {Long}), Long);
  EXPECT_EQ(scalar_result("abs", {Real}), Real);
  EXPECT_EQ(scalar_result("abs", {Decimal}), Decimal);
  EXPECT_EQ(scalar_result("abs", {TimeSpan}), TimeSpan);
  EXPECT_TRUE(scalar_rejects("abs", {DateTime}));
  EXPECT_TRUE(scalar_rejects("abs", {String}));
  EXPECT_EQ(scalar_entry("abs").result_name, ResultName::FirstArgument);
}

TEST(MathFunctions, RoundAndCeilingKeepTheirArgumentsType) {
  EXPECT_EQ(scalar_result("round", {Int}), Int);
  EXPECT_EQ(scalar_result("round", {Long}), Long);
  EXPECT_EQ(scalar_result("round", {Real}), Real);
  EXPECT_EQ(scalar_result("round", {Decimal}), Decimal);
  EXPECT_EQ(scalar_result("round", {Real, Long}), Real);
  EXPECT_TRUE(scalar_rejects("round", {TimeSpan}));
  EXPECT_TRUE(scalar_rejects("round", {Real, Long, Long}));
  EXPECT_EQ(scalar_result("ceiling", {Int}), Int);
  EXPECT_EQ(scalar_result("ceiling", {Real}), Real);
  EXPECT_EQ(scalar_result("ceiling", {Decimal}), Decimal);
  EXPECT_TRUE(scalar_rejects("ceiling", {TimeSpan}));
  // The precision of round must be a constant.
  EXPECT_EQ(scalar_entry("round").signatures.front().params.at(1).shape, functions::ArgShape::Constant);
  EXPECT_EQ(scalar_entry("round").result_name, ResultName::FirstArgument);
}

TEST(MathFunctions, TranscendentalFunctionsAreReal) {
  EXPECT_EQ(scalar_result("log2", {Long}), Real);
  EXPECT_EQ(scalar_result("log", {Real}), Real);
  EXPECT_EQ(scalar_result("log10", {Decimal}), Real);
  EXPECT_EQ(scalar_result("exp", {Int}), Real);
  EXPECT_EQ(scalar_result("exp2", {Real}), Real);
  EXPECT_EQ(scalar_result("sqrt", {Decimal}), Real);
  EXPECT_EQ(scalar_result("pow", {Int, Long}), Real);
  EXPECT_EQ(scalar_result("atan2", {Real, Int}), Real);
  EXPECT_EQ(scalar_result("erf", {Real}), Real);
  EXPECT_EQ(scalar_result("pi", {}), Real);
  EXPECT_EQ(scalar_result("sign", {Int}), Real);
  EXPECT_EQ(scalar_result("beta_cdf", {Real, Long, Long}), Real);
  EXPECT_EQ(scalar_result("welch_test", {Real, Real, Real, Real, Real, Real}), Real);
  EXPECT_TRUE(scalar_rejects("welch_test", {Real, Real, Real, Real, Real}));
  EXPECT_TRUE(scalar_rejects("sqrt", {String}));
  EXPECT_TRUE(scalar_rejects("exp", {TimeSpan}));
  EXPECT_TRUE(scalar_rejects("log2", {}));
  // Most are named after their argument; sign, cot, degrees, radians are not.
  EXPECT_EQ(scalar_entry("log2").result_name, ResultName::FirstArgument);
  EXPECT_EQ(scalar_entry("sign").result_name, ResultName::None);
  EXPECT_EQ(scalar_entry("cot").result_name, ResultName::None);
}

TEST(MathFunctions, FloatingPointClassificationTakesReals) {
  EXPECT_EQ(scalar_result("isnan", {Real}), Bool);
  EXPECT_EQ(scalar_result("isnan", {Int}), Bool);
  EXPECT_EQ(scalar_result("isinf", {Long}), Bool);
  EXPECT_EQ(scalar_result("isfinite", {Real}), Bool);
  EXPECT_TRUE(scalar_rejects("isnan", {String}));
}

TEST(MathFunctions, MaxOfAndMinOfTakeTheCommonType) {
  EXPECT_EQ(scalar_result("max_of", {Int, Long}), Long);
  EXPECT_EQ(scalar_result("max_of", {Int, Int}), Int);
  EXPECT_EQ(scalar_result("max_of", {Int, Real}), Real);
  EXPECT_EQ(scalar_result("max_of", {Real, Decimal}), Decimal);
  EXPECT_EQ(scalar_result("max_of", {Int, Long, Real}), Real);
  EXPECT_EQ(scalar_result("max_of", {DateTime, DateTime}), DateTime);
  EXPECT_EQ(scalar_result("max_of", {TimeSpan, TimeSpan}), TimeSpan);
  EXPECT_EQ(scalar_result("max_of", {String, String}), String);
  EXPECT_EQ(scalar_result("min_of", {Long, Real, Long}), Real);
  EXPECT_TRUE(scalar_rejects("max_of", {Int}));
  EXPECT_TRUE(scalar_rejects("max_of", {Guid, Guid}));
  EXPECT_TRUE(scalar_rejects("max_of", {Dynamic, Dynamic}));
  EXPECT_TRUE(scalar_rejects("min_of", {Int, Dynamic}));
  // Kusto rejects mixed kinds ("no common type"); a return rule can only say Unknown.
  EXPECT_EQ(scalar_result("max_of", {DateTime, Int}), Unknown);
  EXPECT_EQ(scalar_entry("max_of").result_name, ResultName::None);
}

TEST(MathFunctions, Rand) {
  EXPECT_EQ(scalar_result("rand", {}), Real);
  EXPECT_EQ(scalar_result("rand", {Long}), Real);
  EXPECT_EQ(scalar_result("rand", {Int}), Real);
  EXPECT_TRUE(scalar_rejects("rand", {Real}));
  EXPECT_EQ(scalar_entry("rand").result_name, ResultName::FirstArgument);
}

TEST(MathFunctions, BitwiseFunctionsAreLong) {
  EXPECT_EQ(scalar_result("binary_and", {Int, Int}), Long);
  EXPECT_EQ(scalar_result("binary_and", {Long, Int}), Long);
  EXPECT_EQ(scalar_result("binary_or", {Long, Long}), Long);
  EXPECT_EQ(scalar_result("binary_xor", {Int, Long}), Long);
  EXPECT_EQ(scalar_result("binary_not", {Int}), Long);
  EXPECT_EQ(scalar_result("binary_shift_left", {Long, Long}), Long);
  EXPECT_EQ(scalar_result("binary_shift_right", {Int, Long}), Long);
  EXPECT_EQ(scalar_result("bitset_count_ones", {Long}), Long);
  EXPECT_TRUE(scalar_rejects("binary_and", {Real, Int}));
  EXPECT_TRUE(scalar_rejects("binary_or", {Long}));
  EXPECT_TRUE(scalar_rejects("bitset_count_ones", {Real}));
  EXPECT_EQ(scalar_entry("binary_and").result_name, ResultName::FirstArgument);
}

}  // namespace
}  // namespace huntdb
