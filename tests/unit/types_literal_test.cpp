// Typed literals (src/huntdb/types/literal.cpp). Forms from the Kusto reference pages of the
// scalar data types (bool, int, long, real, decimal, datetime, timespan, guid, null values).
#include <gtest/gtest.h>

#include <cmath>

#include "huntdb/types/datetime.h"
#include "huntdb/types/dynamic.h"
#include "huntdb/types/format.h"
#include "huntdb/types/literal.h"

namespace huntdb {
namespace {

std::string text_of(std::string_view literal) {
  auto v = parse_typed_literal(literal);
  if (!v) return "<invalid>";
  return std::string(type_name(v->type)) + ":" + (v->is_null() ? "null" : format_value(*v));
}

TEST(TypesLiteral, DocsForms) {
  EXPECT_EQ(text_of("datetime(2015-12-31 23:59:59.9)"), "datetime:2015-12-31T23:59:59.9Z");
  EXPECT_EQ(text_of("datetime(2015-12-31)"), "datetime:2015-12-31T00:00:00Z");
  EXPECT_EQ(text_of("datetime('2007-04-07')"), "datetime:2007-04-07T00:00:00Z");
  EXPECT_EQ(text_of("date(2015-12-31)"), "datetime:2015-12-31T00:00:00Z");
  EXPECT_EQ(text_of("long(12)"), "long:12");
  EXPECT_EQ(text_of("long(0xf)"), "long:15");
  EXPECT_EQ(text_of("long(-1)"), "long:-1");
  EXPECT_EQ(text_of("int(123)"), "int:123");
  EXPECT_EQ(text_of("real(0.01)"), "real:0.01");
  EXPECT_EQ(text_of("real(nan)"), "real:NaN");
  EXPECT_EQ(text_of("real(+inf)"), "real:Infinity");
  EXPECT_EQ(text_of("real(-inf)"), "real:-Infinity");
  EXPECT_EQ(text_of("double(1e5)"), "real:100000");
  EXPECT_EQ(text_of("decimal(1e5)"), "decimal:100000");
  EXPECT_EQ(text_of("decimal(0.1)"), "decimal:0.1");
  EXPECT_EQ(text_of("bool(true)"), "bool:true");
  EXPECT_EQ(text_of("bool(false)"), "bool:false");
  EXPECT_EQ(text_of("guid(74be27de-1e4e-49d9-b579-fe0b331d3642)"), "guid:74be27de-1e4e-49d9-b579-fe0b331d3642");
  EXPECT_EQ(text_of("timespan(15 seconds)"), "timespan:00:00:15");
  EXPECT_EQ(text_of("timespan(2)"), "timespan:2.00:00:00");
  EXPECT_EQ(text_of("time(0.12:34:56.7)"), "timespan:12:34:56.7000000");
  EXPECT_EQ(text_of("time(1d)"), "timespan:1.00:00:00");
  EXPECT_EQ(text_of("time('14.02:03:04.12345')"), "timespan:14.02:03:04.1234500");
}

TEST(TypesLiteral, NullForms) {
  // docs (null values): bool(null), datetime(null), guid(null), int(null), long(null),
  // real(null), double(null), timespan(null)
  for (const char* lit : {"bool(null)", "datetime(null)", "guid(null)", "int(null)", "long(null)", "real(null)",
                          "double(null)", "timespan(null)", "decimal(null)"}) {
    auto v = parse_typed_literal(lit);
    ASSERT_TRUE(v) << lit;
    EXPECT_TRUE(v->is_null()) << lit;
  }
  EXPECT_EQ(parse_typed_literal("double(null)")->type, ScalarType::Real);
}

TEST(TypesLiteral, InvalidForms) {
  for (const char* lit : {"datetime()", "datetime(abc)", "guid(xyz)", "int(3000000000)", "long(1.5)", "long()",
                          "bool(yes)", "real(abc)", "decimal(nan)", "timespan(1w)", "datetime(2015-12-31",
                          "notatype(1)", "2015-12-31", "long(0x)"}) {
    EXPECT_FALSE(parse_typed_literal(lit)) << lit;
  }
}

TEST(TypesLiteral, FormattedLiteralsParseBack) {
  const Value values[] = {
      Value::of_bool(true),
      Value::of_int(-7),
      Value::of_long(5),
      Value::of_long(-5),
      Value::of_real(0.5),
      Value::of_real(-2.25),
      Value::of_real(1e300),
      Value::of_real(3.0),
      Value::of_decimal(1.5),
      Value::of_datetime(*parse_datetime("2018-04-24T02:00:00.1234567Z")),
      Value::of_timespan(-(kTicksPerDay + 5)),
      *parse_typed_literal("guid(74be27de-1e4e-49d9-b579-fe0b331d3642)"),
      Value::null(ScalarType::Long),
      Value::null(ScalarType::DateTime),
  };
  for (const Value& v : values) {
    std::string lit = format_literal(v);
    if (v.type == ScalarType::Long && !v.is_null() && v.as_long() >= 0) {
      EXPECT_EQ(lit, std::to_string(v.as_long()));
      continue;
    }
    if (v.type == ScalarType::Real && !std::signbit(v.as_real())) {
      // A bare real literal; it must still read as a real, so it carries a '.' or an exponent.
      EXPECT_NE(lit.find_first_of(".E"), std::string::npos) << lit;
      continue;
    }
    if (v.type == ScalarType::Bool) {
      EXPECT_EQ(lit, "true");
      continue;
    }
    auto back = parse_typed_literal(lit);
    ASSERT_TRUE(back) << lit;
    EXPECT_EQ(back->type, v.type) << lit;
    EXPECT_EQ(format_value(*back), format_value(v)) << lit;
  }
}

TEST(TypesLiteral, FormatExamples) {
  EXPECT_EQ(format_literal(Value::of_datetime(*parse_datetime("2018-04-24 02:00"))),
            "datetime(2018-04-24T02:00:00.0000000Z)");
  EXPECT_EQ(format_literal(Value::of_timespan(kTicksPerHour)), "timespan(01:00:00)");
  EXPECT_EQ(format_literal(Value::of_real(1.0)), "1.0");
  EXPECT_EQ(format_literal(Value::of_real(std::nan(""))), "real(nan)");
  EXPECT_EQ(format_literal(Value::of_int(3)), "int(3)");
  EXPECT_EQ(format_literal(Value::of_string("a\"b\\\n")), R"("a\"b\\\n")");
  EXPECT_EQ(format_literal(Value::null(ScalarType::Guid)), "guid(null)");
  EXPECT_EQ(format_literal(Value::of_dynamic(*parse_json("[1,{\"a\":2.0}]"))), R"(dynamic([1,{"a":2.0}]))");
}

}  // namespace
}  // namespace huntdb
