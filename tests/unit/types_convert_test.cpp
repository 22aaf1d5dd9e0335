// Conversions with Kusto's semantics (src/huntdb/types/convert.cpp). Expectations marked "docs"
// come from the Kusto reference pages of the named functions; the others follow .NET's parsing
// rules that those functions rest on, as the notes beside them say.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "huntdb/types/convert.h"
#include "huntdb/types/datetime.h"
#include "huntdb/types/format.h"
#include "huntdb/types/guid.h"

namespace huntdb {
namespace {

Value str(std::string s) { return Value::of_string(std::move(s)); }
Value dyn(std::string_view json) { return Value::of_dynamic(*parse_json(json)); }

TEST(TypesConvertBool, DocsExamples) {
  // docs (tobool): tobool("true") == true, tobool("false") == false, tobool(1), tobool(123) true
  EXPECT_EQ(to_bool(str("true")), true);
  EXPECT_EQ(to_bool(str("false")), false);
  EXPECT_EQ(to_bool(Value::of_long(1)), true);
  EXPECT_EQ(to_bool(Value::of_long(123)), true);
  EXPECT_EQ(to_bool(Value::of_int(0)), false);
}

TEST(TypesConvertBool, Strings) {
  // .NET's bool parsing: any case, surrounding whitespace; numbers read as numbers.
  EXPECT_EQ(to_bool(str("TRUE")), true);
  EXPECT_EQ(to_bool(str(" False ")), false);
  EXPECT_EQ(to_bool(str("1")), true);
  EXPECT_EQ(to_bool(str("0")), false);
  EXPECT_EQ(to_bool(str("-7")), true);
  EXPECT_FALSE(to_bool(str("abc")));
  EXPECT_FALSE(to_bool(str("")));
  EXPECT_FALSE(to_bool(str("yes")));
  EXPECT_FALSE(to_bool(str("1.5")));
  EXPECT_FALSE(to_bool(Value::null(ScalarType::Bool)));
  EXPECT_FALSE(to_bool(Value::of_real(NAN)));
  EXPECT_EQ(to_bool(Value::of_real(0.5)), true);
}

TEST(TypesConvertInt, DocsExamples) {
  // docs (toint): toint("123") == 123; toint(2.3) is 2 (the fraction is truncated)
  EXPECT_EQ(to_int(str("123")), 123);
  EXPECT_EQ(to_int(Value::of_real(2.3)), 2);
  EXPECT_EQ(to_int(Value::of_real(-2.7)), -2);
}

TEST(TypesConvertInt, Ranges) {
  EXPECT_EQ(to_int(str("2147483647")), 2147483647);
  EXPECT_FALSE(to_int(str("2147483648")));
  EXPECT_FALSE(to_int(Value::of_real(3e9)));
  // A long keeps its low 32 bits, as .NET's unchecked (int) conversion does.
  EXPECT_EQ(to_int(Value::of_long(4294967297LL)), 1);
  EXPECT_EQ(to_int(Value::of_bool(true)), 1);
  EXPECT_EQ(to_int(str("2.5")), 2);
}

TEST(TypesConvertLong, DocsExample) {
  // docs (tolong): tolong("123") == 123
  EXPECT_EQ(to_long(str("123")), 123);
}

TEST(TypesConvertLong, Strings) {
  EXPECT_EQ(to_long(str(" 12 ")), 12);
  EXPECT_EQ(to_long(str("-42")), -42);
  EXPECT_EQ(to_long(str("+42")), 42);
  EXPECT_EQ(to_long(str("9223372036854775807")), INT64_MAX);
  EXPECT_EQ(to_long(str("-9223372036854775808")), INT64_MIN);
  EXPECT_FALSE(to_long(str("9223372036854775808")));
  // Hex, as long(0xf) literals read (docs: "The long data type").
  EXPECT_EQ(to_long(str("0x1F")), 31);
  EXPECT_EQ(to_long(str("0xFFFFFFFFFFFFFFFF")), -1);
  EXPECT_FALSE(to_long(str("0x")));
  EXPECT_FALSE(to_long(str("0xG")));
  // Text that reads as a real truncates like tolong() of the real.
  EXPECT_EQ(to_long(str("1.5")), 1);
  EXPECT_EQ(to_long(str("-1.9")), -1);
  EXPECT_EQ(to_long(str("1e3")), 1000);
  EXPECT_FALSE(to_long(str("1e30")));
  EXPECT_FALSE(to_long(str("nan")));
  EXPECT_FALSE(to_long(str("abc")));
  EXPECT_FALSE(to_long(str("")));
  EXPECT_FALSE(to_long(str("12abc")));
  EXPECT_FALSE(to_long(str("1 2")));
}

TEST(TypesConvertLong, Numbers) {
  EXPECT_EQ(to_long(Value::of_real(-3.99)), -3);
  EXPECT_FALSE(to_long(Value::of_real(NAN)));
  EXPECT_FALSE(to_long(Value::of_real(INFINITY)));
  EXPECT_FALSE(to_long(Value::of_real(9.3e18)));
  EXPECT_EQ(to_long(Value::of_real(-9223372036854775808.0)), INT64_MIN);
  EXPECT_EQ(to_long(Value::of_decimal(7.9)), 7);
  EXPECT_EQ(to_long(Value::of_int(-5)), -5);
  EXPECT_EQ(to_long(Value::of_bool(false)), 0);
}

TEST(TypesConvertLong, DatetimeAndTimespanGiveTicks) {
  // datetimes count .NET ticks from 0001-01-01 (docs, "The datetime data type").
  EXPECT_EQ(to_long(Value::of_datetime(0)), 621355968000000000LL);
  EXPECT_EQ(to_long(Value::of_datetime(kMinDateTimeTicks)), 0);
  EXPECT_EQ(to_long(Value::of_timespan(kTicksPerDay)), 864000000000LL);
}

TEST(TypesConvertReal, Strings) {
  // docs (toreal): toreal("123.4") == 123.4
  EXPECT_EQ(to_real(str("123.4")), 123.4);
  EXPECT_EQ(to_real(str("1e5")), 1e5);
  EXPECT_EQ(to_real(str("-2.5E-3")), -2.5e-3);
  EXPECT_EQ(to_real(str(".5")), 0.5);
  EXPECT_EQ(to_real(str("5.")), 5.0);
  EXPECT_EQ(to_real(str(" 7 ")), 7.0);
  EXPECT_TRUE(std::isnan(*to_real(str("NaN"))));
  EXPECT_EQ(to_real(str("-inf")), -INFINITY);
  EXPECT_EQ(to_real(str("Infinity")), INFINITY);
  EXPECT_EQ(to_real(str("1e999")), INFINITY);
  EXPECT_EQ(to_real(str("1e-999")), 0.0);
  for (const char* bad : {"", "abc", "1,000", "0x10", "1e", "e5", ".", "-", "1.2.3", "++1", "1 e5"})
    EXPECT_FALSE(to_real(str(bad))) << bad;
}

TEST(TypesConvertReal, Numbers) {
  EXPECT_EQ(to_real(Value::of_long(INT64_MAX)), 9223372036854775807.0);
  EXPECT_EQ(to_real(Value::of_bool(true)), 1.0);
  EXPECT_EQ(to_real(Value::of_decimal(1.25)), 1.25);
  EXPECT_FALSE(to_real(Value::of_datetime(0)));
}

TEST(TypesConvertDecimal, DocsExample) {
  // docs (todecimal): todecimal("123.45678") == decimal(123.45678)
  EXPECT_EQ(to_decimal(str("123.45678")), 123.45678);
  EXPECT_FALSE(to_decimal(str("nan")));
  EXPECT_FALSE(to_decimal(str("abc")));
}

TEST(TypesConvertGuid, DocsExample) {
  // docs (toguid): the first 32 hex digits count, hyphens are skipped, the rest is ignored.
  EXPECT_EQ(format_guid(*to_guid(str("0123456789abcdef0123456789abcdef"))), "01234567-89ab-cdef-0123-456789abcdef");
  EXPECT_EQ(format_guid(*to_guid(str("0123456789ab-cdef-0123-456789abcdef"))), "01234567-89ab-cdef-0123-456789abcdef");
  EXPECT_FALSE(to_guid(str("a string that is not a guid")));
  EXPECT_EQ(format_guid(*to_guid(str("0123456789abcdef0123456789abcdef and more"))),
            "01234567-89ab-cdef-0123-456789abcdef");
  EXPECT_FALSE(to_guid(str("0123456789abcdef")));
  EXPECT_FALSE(to_guid(str("")));
}

TEST(TypesConvertDatetime, DocsExamples) {
  // docs (todatetime): todatetime("2015-12-31 23:59:59.9"); todatetime('12-02-2022')
  EXPECT_EQ(format_datetime_iso(*to_datetime(str("2015-12-31 23:59:59.9"))), "2015-12-31T23:59:59.9Z");
  EXPECT_EQ(to_datetime(str("12-02-2022")), parse_datetime("2022-12-02"));
  // docs (dynamic): todate(Y["a b c"]) where Y["a b c"] is parse_json("2015-01-01")
  auto y = *parse_json(R"({"a1":100, "a b c":"2015-01-01"})");
  EXPECT_EQ(to_datetime(Value::of_dynamic(DynamicPtr(y, y->member("a b c")))), parse_datetime("2015-01-01"));
  EXPECT_FALSE(to_datetime(str("abc")));
  EXPECT_FALSE(to_datetime(Value::of_long(5)));
}

TEST(TypesConvertTimespan, DocsExamples) {
  // docs (totimespan): totimespan("0.00:01:00") == time(1min); totimespan("0.00:03:00") is 00:03:00
  EXPECT_EQ(to_timespan(str("0.00:01:00")), kTicksPerMinute);
  EXPECT_EQ(to_timespan(str("0.00:03:00")), 3 * kTicksPerMinute);
  EXPECT_EQ(to_timespan(Value::of_timespan(4 * kTicksPerDay)), 4 * kTicksPerDay);
  EXPECT_FALSE(to_timespan(str("abc")));
}

TEST(TypesConvertDynamic, ScalarsInsideConvertAsThemselves) {
  // docs (dynamic): X = parse_json('[100,101,102]'); toint(X[1]) is 101
  auto x = *parse_json("[100,101,102]");
  EXPECT_EQ(to_int(Value::of_dynamic(DynamicPtr(x, x->at(1)))), 101);
  EXPECT_EQ(to_long(dyn("5")), 5);
  EXPECT_EQ(to_long(dyn("5.7")), 5);
  EXPECT_EQ(to_long(dyn(R"("12")")), 12);
  EXPECT_EQ(to_bool(dyn("true")), true);
  EXPECT_EQ(to_real(dyn("true")), 1.0);
  EXPECT_EQ(to_real(dyn("2.5")), 2.5);
  EXPECT_EQ(format_guid(*to_guid(dyn(R"("74be27de-1e4e-49d9-b579-fe0b331d3642")"))),
            "74be27de-1e4e-49d9-b579-fe0b331d3642");
  EXPECT_EQ(to_timespan(Value::of_dynamic(DynValue::of_timespan(9))), 9);
  // tostring of a dynamic string is the string itself.
  EXPECT_EQ(format_value(dyn(R"("x")")), "x");
}

TEST(TypesConvertDynamic, ArraysBagsAndNullAreNull) {
  for (const char* json : {"[1]", R"({"a":1})", "null"}) {
    EXPECT_FALSE(to_long(dyn(json))) << json;
    EXPECT_FALSE(to_bool(dyn(json))) << json;
    EXPECT_FALSE(to_real(dyn(json))) << json;
    EXPECT_FALSE(to_datetime(dyn(json))) << json;
  }
  EXPECT_FALSE(to_long(Value::null(ScalarType::Dynamic)));
  EXPECT_FALSE(to_long(Value::of_dynamic(nullptr)));
}

TEST(TypesConvertDynamic, ScalarOf) {
  EXPECT_EQ(scalar_of(*DynValue::of_long(3)).type, ScalarType::Long);
  EXPECT_EQ(scalar_of(*DynValue::of_decimal(3)).type, ScalarType::Decimal);
  EXPECT_EQ(scalar_of(*DynValue::of_string("s")).as_string(), "s");
  EXPECT_TRUE(scalar_of(*DynValue::of_array({})).is_null());
}

}  // namespace
}  // namespace huntdb
