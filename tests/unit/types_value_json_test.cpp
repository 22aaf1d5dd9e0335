// Values as the Kusto REST API sends them in result rows (src/huntdb/types/value_json.cpp).
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "huntdb/types/datetime.h"
#include "huntdb/types/dynamic.h"
#include "huntdb/types/guid.h"
#include "huntdb/types/value_json.h"

namespace huntdb {
namespace {

std::string json(const Value& v) {
  std::string out;
  append_json_value(out, v);
  return out;
}

TEST(ValueJson, ScalarsAsKustoSendsThem) {
  EXPECT_EQ(json(Value::of_bool(true)), "true");
  EXPECT_EQ(json(Value::of_int(-7)), "-7");
  EXPECT_EQ(json(Value::of_long(9007199254740993LL)), "9007199254740993");
  EXPECT_EQ(json(Value::of_real(0.5)), "0.5");
  EXPECT_EQ(json(Value::of_real(2.0)), "2.0");
  EXPECT_EQ(json(Value::of_decimal(1.25)), "\"1.25\"");
  EXPECT_EQ(json(Value::of_string("a\"b\\c\n\x01")), "\"a\\\"b\\\\c\\n\\u0001\"");
}

TEST(ValueJson, NonFiniteRealsAreStrings) {
  EXPECT_EQ(json(Value::of_real(std::nan(""))), "\"NaN\"");
  EXPECT_EQ(json(Value::of_real(std::numeric_limits<double>::infinity())), "\"Infinity\"");
  EXPECT_EQ(json(Value::of_real(-std::numeric_limits<double>::infinity())), "\"-Infinity\"");
}

TEST(ValueJson, DatetimeHasSevenFractionDigits) {
  auto t = parse_datetime("2024-01-02T03:04:05.1234567Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(json(Value::of_datetime(*t)), "\"2024-01-02T03:04:05.1234567Z\"");
  EXPECT_EQ(json(Value::of_datetime(*parse_datetime("2024-01-02"))), "\"2024-01-02T00:00:00.0000000Z\"");
}

TEST(ValueJson, TimespanGuidAndNulls) {
  EXPECT_EQ(json(Value::of_timespan(kTicksPerDay + 90 * kTicksPerMinute)), "\"1.01:30:00\"");
  EXPECT_EQ(json(Value::of_timespan(-kTicksPerSecond)), "\"-00:00:01\"");
  auto g = parse_guid("74be27de-1e4e-49d9-b579-fe0b331d3642");
  ASSERT_TRUE(g);
  EXPECT_EQ(json(Value::of_guid(*g)), "\"74be27de-1e4e-49d9-b579-fe0b331d3642\"");
  EXPECT_EQ(json(Value::null(ScalarType::Long)), "null");
  EXPECT_EQ(json(Value::null(ScalarType::DateTime)), "null");
}

TEST(ValueJson, DynamicIsItsJsonValue) {
  auto d = parse_json(R"({"a":[1,2.5,"x"],"b":null})");
  ASSERT_TRUE(d);
  EXPECT_EQ(json(Value::of_dynamic(*d)), R"({"a":[1,2.5,"x"],"b":null})");
  // A string inside dynamic stays a JSON string (tostring() would drop the quotes).
  EXPECT_EQ(json(Value::of_dynamic(DynValue::of_string("s"))), "\"s\"");
  EXPECT_EQ(json(Value::of_dynamic(DynValue::of_real(std::nan("")))), "\"NaN\"");
}

}  // namespace
}  // namespace huntdb
