// Math functions: rounding, powers and logarithms, trigonometry, special functions, statistics
// helpers, max_of/min_of, and the bitwise binary_* family.
#include "huntdb/functions/declare.h"

namespace huntdb::functions {

namespace {

using namespace types;
using namespace declare;

// What max_of/min_of accept: Kusto's "orderable" types. Unlike types::kOrderable it leaves out
// guid (max_of(guid, guid) is an error in Kusto).
inline constexpr TypeSet kComparable{Int, Long, Real, Decimal, DateTime, TimeSpan, String, Bool};

// f(number) -> real, named after its argument unless `naming` says otherwise.
void add_real_of_number(Registry& r, std::string_view name, std::string_view param, ResultName naming,
                        std::string_view description) {
  r.add({.name = name,
         .signatures = {fixed(ScalarType::Real, {{param, kNumber}})},
         .result_name = naming,
         .description = description});
}

// isnan/isinf/isfinite take a real (int and long widen to it).
void add_real_test(Registry& r, std::string_view name, std::string_view description) {
  r.add({.name = name, .signatures = {fixed(ScalarType::Bool, {{"number", kReal}})}, .description = description});
}

// The bitwise functions: integer arguments, a long result named after the first argument.
void add_bitwise(Registry& r, std::string_view name, std::vector<Param> params, std::string_view description) {
  r.add({.name = name,
         .signatures = {fixed(ScalarType::Long, std::move(params))},
         .result_name = ResultName::FirstArgument,
         .description = description});
}

}  // namespace

void register_math_functions(Registry& r) {
  // --- rounding and sign
  r.add({.name = "round",
         .signatures = {same_as(0, {{"number", kNumber}, opt("precision", kLong, ArgShape::Constant)})},
         .result_name = ResultName::FirstArgument,
         .description = "Rounds a number to a given number of decimal places (default 0)."});
  r.add({.name = "ceiling",
         .signatures = {same_as(0, {{"number", kNumber}})},
         .result_name = ResultName::FirstArgument,
         .description = "The smallest integral value not less than the number."});
  // abs: integers come back as long, other numbers keep their type, timespans stay timespans.
  r.add({.name = "abs",
         .signatures =
             {
                 fixed(ScalarType::Long, {{"number", kInteger}}),
                 same_as(0, {{"number", kNumber}}),
                 fixed(ScalarType::TimeSpan, {{"number", kTimeSpan}}),
             },
         .result_name = ResultName::FirstArgument,
         .description = "The absolute value of a number or timespan."});
  add_real_of_number(r, "sign", "number", ResultName::None, "-1, 0 or 1 by the sign of the number.");

  // --- powers, roots, logarithms
  r.add({.name = "pow",
         .signatures = {fixed(ScalarType::Real, {{"base", kNumber}, {"exponent", kNumber}})},
         .result_name = ResultName::FirstArgument,
         .description = "A number raised to a power."});
  add_real_of_number(r, "sqrt", "number", ResultName::FirstArgument, "The square root.");
  add_real_of_number(r, "exp", "number", ResultName::FirstArgument, "e raised to the number.");
  add_real_of_number(r, "exp2", "number", ResultName::FirstArgument, "2 raised to the number.");
  add_real_of_number(r, "exp10", "number", ResultName::FirstArgument, "10 raised to the number.");
  add_real_of_number(r, "log", "number", ResultName::FirstArgument, "The natural logarithm.");
  add_real_of_number(r, "log2", "number", ResultName::FirstArgument, "The base-2 logarithm.");
  add_real_of_number(r, "log10", "number", ResultName::FirstArgument, "The base-10 logarithm.");

  // --- trigonometry
  r.add({.name = "pi", .signatures = {fixed(ScalarType::Real)}, .description = "The constant pi."});
  add_real_of_number(r, "sin", "number", ResultName::FirstArgument, "The sine of an angle in radians.");
  add_real_of_number(r, "cos", "number", ResultName::FirstArgument, "The cosine of an angle in radians.");
  add_real_of_number(r, "tan", "number", ResultName::FirstArgument, "The tangent of an angle in radians.");
  add_real_of_number(r, "cot", "number", ResultName::None, "The cotangent of an angle in radians.");
  add_real_of_number(r, "asin", "number", ResultName::FirstArgument, "The arcsine, in radians.");
  add_real_of_number(r, "acos", "number", ResultName::FirstArgument, "The arccosine, in radians.");
  add_real_of_number(r, "atan", "number", ResultName::FirstArgument, "The arctangent, in radians.");
  r.add({.name = "atan2",
         .signatures = {fixed(ScalarType::Real, {{"y", kNumber}, {"x", kNumber}})},
         .result_name = ResultName::FirstArgument,
         .description = "The angle in radians of the point (x, y) from the positive x axis."});
  add_real_of_number(r, "degrees", "radians", ResultName::None, "Converts radians to degrees.");
  add_real_of_number(r, "radians", "degrees", ResultName::None, "Converts degrees to radians.");

  // --- special functions and distributions
  add_real_of_number(r, "gamma", "number", ResultName::FirstArgument, "The gamma function.");
  add_real_of_number(r, "loggamma", "number", ResultName::FirstArgument,
                     "The natural log of the absolute gamma function.");
  add_real_of_number(r, "erf", "number", ResultName::FirstArgument, "The error function.");
  add_real_of_number(r, "erfc", "number", ResultName::FirstArgument, "The complementary error function.");
  r.add({.name = "beta_cdf",
         .signatures = {fixed(ScalarType::Real, {{"x", kNumber}, {"alpha", kNumber}, {"beta", kNumber}})},
         .description = "The cumulative beta distribution function."});
  r.add({.name = "beta_inv",
         .signatures = {fixed(ScalarType::Real, {{"probability", kNumber}, {"alpha", kNumber}, {"beta", kNumber}})},
         .description = "The inverse of the cumulative beta distribution function."});
  r.add({.name = "beta_pdf",
         .signatures = {fixed(ScalarType::Real, {{"x", kNumber}, {"alpha", kNumber}, {"beta", kNumber}})},
         .description = "The beta probability density function."});
  r.add({.name = "welch_test",
         .signatures = {fixed(ScalarType::Real, {{"mean1", kNumber},
                                                 {"variance1", kNumber},
                                                 {"count1", kNumber},
                                                 {"mean2", kNumber},
                                                 {"variance2", kNumber},
                                                 {"count2", kNumber}})},
         .description = "The p-value of Welch's t-test for two samples given as mean, variance, count."});

  // --- random numbers; rand(n) is named after n, like Kusto does
  r.add({.name = "rand",
         .signatures = {fixed(ScalarType::Real, {opt("number", kInteger)})},
         .result_name = ResultName::FirstArgument,
         .description = "A random real in [0, 1), or a random integer in [0, n) given n."});

  // --- floating-point classification
  add_real_test(r, "isnan", "Whether the number is NaN.");
  add_real_test(r, "isinf", "Whether the number is positive or negative infinity.");
  add_real_test(r, "isfinite", "Whether the number is neither infinite nor NaN.");

  // --- largest and smallest of 2..64 values of one orderable kind. Not common_type(): numbers
  // widen but int stays int when all are int (max_of(int, int) is int), and mixed kinds
  // (datetime with int, string with long) have no common type: Unknown, the closest a return
  // rule can come to Kusto's "no common type" error (see same_kind_type).
  r.add({.name = "max_of",
         .signatures = {custom(same_kind_type, {{"arg", kComparable}, many("more", kComparable)})},
         .description = "The largest of its arguments (nulls ignored)."});
  r.add({.name = "min_of",
         .signatures = {custom(same_kind_type, {{"arg", kComparable}, many("more", kComparable)})},
         .description = "The smallest of its arguments (nulls ignored)."});

  // --- bitwise operations on integers
  add_bitwise(r, "binary_and", {{"value1", kInteger}, {"value2", kInteger}}, "Bitwise AND of two integers.");
  add_bitwise(r, "binary_or", {{"value1", kInteger}, {"value2", kInteger}}, "Bitwise OR of two integers.");
  add_bitwise(r, "binary_xor", {{"value1", kInteger}, {"value2", kInteger}}, "Bitwise XOR of two integers.");
  add_bitwise(r, "binary_not", {{"value", kInteger}}, "Bitwise NOT of an integer.");
  add_bitwise(r, "binary_shift_left", {{"value", kInteger}, {"shift", kInteger}},
              "An integer shifted left by a number of bits.");
  add_bitwise(r, "binary_shift_right", {{"value", kInteger}, {"shift", kInteger}},
              "An integer shifted right by a number of bits.");
  add_bitwise(r, "bitset_count_ones", {{"value", kInteger}}, "The number of set bits in an integer.");
}

}  // namespace huntdb::functions
