// Text of values as tostring() and query results show them (src/huntdb/types/format.cpp,
// number_format.cpp). Expectations marked "docs" come from outputs shown in
// ../shared/conformance/docs-examples.jsonl; real formatting follows .NET's invariant culture,
// which Kusto uses.
#include <gtest/gtest.h>

#include <cfloat>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>

#include "huntdb/types/convert.h"
#include "huntdb/types/datetime.h"
#include "huntdb/types/format.h"
#include "huntdb/types/guid.h"
#include "huntdb/types/number_format.h"

namespace huntdb {
namespace {

TEST(TypesFormatReal, IntegralAndSimpleValues) {
  EXPECT_EQ(format_real(1.0), "1");
  EXPECT_EQ(format_real(0.0), "0");
  EXPECT_EQ(format_real(-0.0), "-0");
  EXPECT_EQ(format_real(0.5), "0.5");
  EXPECT_EQ(format_real(-2.5), "-2.5");
  EXPECT_EQ(format_real(123.4), "123.4");
  EXPECT_EQ(format_real(100000000000000.0), "100000000000000");
}

TEST(TypesFormatReal, ShortestRoundTripDigits) {
  EXPECT_EQ(format_real(1.0 / 3), "0.3333333333333333");
  EXPECT_EQ(format_real(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(format_real(0.1), "0.1");
  // docs (geo_point_to_geohash via strcat): 32.15620994567871
  EXPECT_EQ(format_real(32.15620994567871), "32.15620994567871");
  std::mt19937_64 rng(3);
  for (int i = 0; i < 10000; ++i) {
    uint64_t bits = rng();
    double d;
    std::memcpy(&d, &bits, sizeof d);
    if (!std::isfinite(d)) continue;
    ASSERT_EQ(parse_real_text(format_real(d)), d) << format_real(d);
  }
}

TEST(TypesFormatReal, ScientificOutsideFixedRange) {
  EXPECT_EQ(format_real(1e15), "1E+15");
  EXPECT_EQ(format_real(1e20), "1E+20");
  EXPECT_EQ(format_real(1.2345678901234568e20), "1.2345678901234568E+20");
  EXPECT_EQ(format_real(0.0001), "0.0001");
  EXPECT_EQ(format_real(0.00001), "1E-05");
  // docs (erfc example): 2.20904969985854E-05
  EXPECT_EQ(format_real(2.20904969985854e-05), "2.20904969985854E-05");
  EXPECT_EQ(format_real(DBL_MAX), "1.7976931348623157E+308");
  EXPECT_EQ(format_real(5e-324), "5E-324");
  EXPECT_EQ(format_real(-1.5e-10), "-1.5E-10");
}

TEST(TypesFormatReal, NonFiniteValues) {
  // docs (activity_metrics output): NaN
  EXPECT_EQ(format_real(std::numeric_limits<double>::quiet_NaN()), "NaN");
  EXPECT_EQ(format_real(std::numeric_limits<double>::infinity()), "Infinity");
  EXPECT_EQ(format_real(-std::numeric_limits<double>::infinity()), "-Infinity");
}

TEST(TypesFormatReal, JsonFormKeepsRealsRecognisable) {
  std::string out;
  append_real_json(out, 42.0);
  out += ',';
  append_real_json(out, 0.25);
  out += ',';
  append_real_json(out, 1e20);
  out += ',';
  append_real_json(out, std::numeric_limits<double>::quiet_NaN());
  EXPECT_EQ(out, R"(42.0,0.25,1E+20,"NaN")");
}

TEST(TypesFormatDecimal, FixedNotationOnly) {
  EXPECT_EQ(format_decimal(1e5), "100000");
  EXPECT_EQ(format_decimal(123.45678), "123.45678");
  EXPECT_EQ(format_decimal(0.00001), "0.00001");
  EXPECT_EQ(format_decimal(-1.5), "-1.5");
  EXPECT_EQ(format_decimal(1e20), "100000000000000000000");
}

TEST(TypesFormatValue, Scalars) {
  EXPECT_EQ(format_value(Value::of_bool(true)), "true");
  EXPECT_EQ(format_value(Value::of_bool(false)), "false");
  // docs: print tostring(123)
  EXPECT_EQ(format_value(Value::of_int(123)), "123");
  EXPECT_EQ(format_value(Value::of_int(std::numeric_limits<int32_t>::min())), "-2147483648");
  EXPECT_EQ(format_value(Value::of_long(std::numeric_limits<int64_t>::min())), "-9223372036854775808");
  EXPECT_EQ(format_value(Value::of_real(2.0)), "2");
  EXPECT_EQ(format_value(Value::of_decimal(123.45678)), "123.45678");
  EXPECT_EQ(format_value(Value::of_string("text")), "text");
  EXPECT_EQ(format_value(Value::of_datetime(*parse_datetime("2017-05-14 12:00"))), "2017-05-14T12:00:00Z");
  EXPECT_EQ(format_value(Value::of_timespan(4 * kTicksPerDay)), "4.00:00:00");
  // docs (toguid example): 01234567-89ab-cdef-0123-456789abcdef
  EXPECT_EQ(format_value(Value::of_guid(*parse_guid("0123456789ABCDEF0123456789ABCDEF"))),
            "01234567-89ab-cdef-0123-456789abcdef");
}

TEST(TypesFormatValue, NullsAreEmpty) {
  // docs (tostring page): "If value is null, the result is an empty string."
  for (ScalarType t : {ScalarType::Bool, ScalarType::Int, ScalarType::Long, ScalarType::Real, ScalarType::Decimal,
                       ScalarType::DateTime, ScalarType::TimeSpan, ScalarType::Guid, ScalarType::Dynamic})
    EXPECT_EQ(format_value(Value::null(t)), "") << type_name(t);
  EXPECT_EQ(format_value(Value::of_dynamic(DynValue::null())), "");
}

TEST(TypesFormatValue, Dynamics) {
  // docs (parse_json example): tostring(parse_json(d).b) is the string without quotes.
  EXPECT_EQ(format_value(Value::of_dynamic(DynValue::of_string(R"({"c":456})"))), R"({"c":456})");
  EXPECT_EQ(format_value(Value::of_dynamic(*parse_json("[1,\"2\",{\"a\":true}]"))), R"([1,"2",{"a":true}])");
  EXPECT_EQ(format_value(Value::of_dynamic(DynValue::of_long(5))), "5");
  EXPECT_EQ(format_value(Value::of_dynamic(DynValue::of_real(5))), "5.0");
  EXPECT_EQ(format_value(Value::of_dynamic(DynValue::of_timespan(kTicksPerMinute))), "00:01:00");
  EXPECT_EQ(format_value(Value::of_dynamic(DynValue::of_datetime(0))), "1970-01-01T00:00:00.0000000Z");
}

}  // namespace
}  // namespace huntdb
