// The comparison rules of the docs-examples runner, case by case: what a page's cell may say
// for a value and still match it, and what it may not.
#include "loose_match.h"

#include <cmath>

#include <gtest/gtest.h>

#include "huntdb/types/datetime.h"
#include "huntdb/types/dynamic.h"

namespace huntdb::conformance {
namespace {

Value dyn(std::string_view json) { return Value::of_dynamic(*parse_json(json)); }

TEST(LooseMatch, MarkupIsRemoved) {
  EXPECT_EQ(unmarkup_cell(" `abc` "), "abc");
  EXPECT_EQ(unmarkup_cell("a<br>b<br/>c<BR />d"), "a\nb\nc\nd");
  EXPECT_EQ(unmarkup_cell("a \\| b &lt;x&gt; &amp;"), "a | b <x> &");
  EXPECT_EQ(unmarkup_cell("&nbsp;"), "");
}

TEST(LooseMatch, NumbersWithinTheWrittenRounding) {
  EXPECT_TRUE(number_matches("0.982", 0.98213));
  EXPECT_TRUE(number_matches("0.982", 0.9824999));
  EXPECT_FALSE(number_matches("0.982", 0.9826));
  EXPECT_TRUE(number_matches("1.5E-05", 1.54e-5));
  EXPECT_FALSE(number_matches("1.5E-05", 1.6e-5));
  EXPECT_TRUE(number_matches("3", 3.0));
  EXPECT_FALSE(number_matches("3", 3.6));
  EXPECT_TRUE(number_matches("NaN", std::nan("")));
  EXPECT_TRUE(number_matches("-Infinity", -HUGE_VAL));
  EXPECT_TRUE(number_matches("700,000,000", 7e8));
  EXPECT_FALSE(number_matches("1,2", 12));  // not thousands grouping
}

TEST(LooseMatch, IntegersAreExact) {
  EXPECT_TRUE(cell_matches("5", Value::of_long(5)));
  EXPECT_FALSE(cell_matches("6", Value::of_long(5)));
  EXPECT_TRUE(cell_matches("-1440138333540407281", Value::of_long(-1440138333540407281)));
  EXPECT_FALSE(cell_matches("-1440138333540407281", Value::of_long(-1440138333540407280)));
}

TEST(LooseMatch, NullsAndBooleans) {
  EXPECT_TRUE(cell_matches("", Value::null(ScalarType::Long)));
  EXPECT_TRUE(cell_matches("null", Value::null(ScalarType::Int)));
  EXPECT_FALSE(cell_matches("0", Value::null(ScalarType::Long)));
  EXPECT_FALSE(cell_matches("", Value::of_long(0)));
  EXPECT_TRUE(cell_matches("True", Value::of_bool(true)));
  EXPECT_TRUE(cell_matches("FALSE", Value::of_bool(false)));
  EXPECT_TRUE(cell_matches("1", Value::of_bool(true)));
  EXPECT_FALSE(cell_matches("true", Value::of_bool(false)));
}

TEST(LooseMatch, DatetimesAndTimespansInAnyDocumentedForm) {
  Value t = Value::of_datetime(*parse_datetime("2018-07-01T00:00:00Z"));
  EXPECT_TRUE(cell_matches("2018-07-01 00:00:00.0000000", t));
  EXPECT_TRUE(cell_matches("2018-07-01T00:00:00Z", t));
  EXPECT_TRUE(cell_matches("`2018-07-01T00:00:00.0000000Z`", t));
  EXPECT_FALSE(cell_matches("2018-07-02 00:00:00.0000000", t));
  Value d = Value::of_timespan(*parse_timespan("01:00:00"));
  EXPECT_TRUE(cell_matches("01:00:00", d));
  EXPECT_TRUE(cell_matches("1h", d));
  EXPECT_FALSE(cell_matches("02:00:00", d));
}

TEST(LooseMatch, DynamicValuesCompareStructurally) {
  EXPECT_TRUE(cell_matches("[1, 2]", dyn("[1,2]")));
  EXPECT_FALSE(cell_matches("[2, 1]", dyn("[1,2]")));
  EXPECT_TRUE(cell_matches("{\"b\": 2, \"a\": [1.50]}", dyn("{\"a\":[1.5],\"b\":2}")));
  EXPECT_TRUE(cell_matches("[0.333]", dyn("[0.33333333]")));
  EXPECT_FALSE(cell_matches("[0.334]", dyn("[0.33333333]")));
  EXPECT_TRUE(cell_matches("[yes, no]", dyn("[\"yes\",\"no\"]")));
  EXPECT_TRUE(cell_matches("{<br>  \"a\": 1<br>}", dyn("{\"a\":1}")));
  EXPECT_TRUE(cell_matches("[\"2015-01-01 00:00:00.0000000\"]", dyn("[\"2015-01-01T00:00:00.0000000Z\"]")));
  EXPECT_TRUE(cell_matches("abc", Value::of_dynamic(DynValue::of_string("abc"))));
  EXPECT_TRUE(cell_matches("", Value::of_dynamic(DynValue::null())));
}

TEST(LooseMatch, Text) {
  EXPECT_TRUE(cell_matches("Hello, world!", Value::of_string("Hello, world!")));
  EXPECT_FALSE(cell_matches("Hello", Value::of_string("hello")));
  EXPECT_TRUE(cell_matches("a<br>b", Value::of_string("a\nb")));
  EXPECT_TRUE(cell_matches("a  b", Value::of_string("a b")));
  EXPECT_TRUE(cell_matches("\"abc\"", Value::of_string("abc")));
  EXPECT_TRUE(cell_matches("[1, 2]", Value::of_string("[1,2]")));
  // Dates inside plain strings are text: tests of date formatting must see the format.
  EXPECT_FALSE(cell_matches("2024-12-15", Value::of_string("15-12-2024")));
}

}  // namespace
}  // namespace huntdb::conformance
