// Dynamic values: construction, access, JSON parsing and JSON text, equality
// (src/huntdb/types/dynamic.cpp, json_parse.cpp). Expectations marked "docs" come from the Kusto
// reference pages "The dynamic data type" and "parse_json()" and from outputs in
// ../shared/conformance/docs-examples.jsonl.
#include <gtest/gtest.h>

#include <cmath>

#include "huntdb/types/datetime.h"
#include "huntdb/types/dynamic.h"
#include "huntdb/types/guid.h"

namespace huntdb {
namespace {

using Kind = DynValue::Kind;

DynamicPtr parse(std::string_view text) {
  auto v = parse_json(text);
  EXPECT_TRUE(v.has_value()) << text;
  return v ? *v : DynValue::null();
}

std::string roundtrip(std::string_view text) { return to_json(*parse(text)); }

// ---------------------------------------------------------------- parsing

TEST(TypesDynamicParse, DocsExamples) {
  // docs: parse_json('[43, 21, 65]') - an array of numbers
  auto arr = parse("[43, 21, 65]");
  ASSERT_TRUE(arr->is_array());
  ASSERT_EQ(arr->elements().size(), 3u);
  EXPECT_EQ(arr->at(0)->kind(), Kind::Long);
  EXPECT_EQ(arr->at(2)->as_long(), 65);
  EXPECT_EQ(arr->at(-1)->as_long(), 65);
  EXPECT_EQ(arr->at(3), nullptr);
  EXPECT_EQ(arr->at(-4), nullptr);

  // docs: a dictionary, keys in the order written
  auto bag = parse(R"({"name":"Alan", "age":21, "address":{"street":432,"postcode":"JLK32P"}})");
  ASSERT_TRUE(bag->is_object());
  EXPECT_EQ(bag->member("name")->as_string(), "Alan");
  EXPECT_EQ(bag->member("address")->member("postcode")->as_string(), "JLK32P");
  EXPECT_EQ(bag->member("Name"), nullptr);  // keys are case-sensitive
  EXPECT_EQ(to_json(*bag), R"({"name":"Alan","age":21,"address":{"street":432,"postcode":"JLK32P"}})");

  // docs: parse_json('21') is a number, parse_json('"21"') a string
  EXPECT_EQ(parse("21")->kind(), Kind::Long);
  EXPECT_EQ(parse(R"("21")")->kind(), Kind::String);
  EXPECT_EQ(parse(R"("21")")->as_string(), "21");
}

TEST(TypesDynamicParse, NumbersWithFractionOrExponentAreReals) {
  // docs (parse_json example): {"duration":{"value":118.0,...}} gives d.duration.value = 118
  auto d = parse(R"({"duration":{"value":118.0,"count":5.0,"min":100.0}})");
  const DynValue* value = d->member("duration")->member("value");
  EXPECT_EQ(value->kind(), Kind::Real);
  EXPECT_EQ(value->as_real(), 118.0);
  EXPECT_EQ(parse("1e2")->kind(), Kind::Real);
  EXPECT_EQ(parse("1e2")->as_real(), 100.0);
  EXPECT_EQ(parse("-0.5")->as_real(), -0.5);
  EXPECT_EQ(parse("-0")->kind(), Kind::Long);
}

TEST(TypesDynamicParse, IntegersBeyondLongBecomeReals) {
  EXPECT_EQ(parse("9223372036854775807")->kind(), Kind::Long);
  EXPECT_EQ(parse("9223372036854775807")->as_long(), INT64_MAX);
  EXPECT_EQ(parse("-9223372036854775808")->as_long(), INT64_MIN);
  auto big = parse("9223372036854775808");
  EXPECT_EQ(big->kind(), Kind::Real);
  EXPECT_EQ(big->as_real(), 9223372036854775808.0);
  auto huge = parse("[123456789012345678901234567890]");
  EXPECT_EQ(huge->at(0)->kind(), Kind::Real);
  EXPECT_DOUBLE_EQ(huge->at(0)->as_real(), 1.2345678901234568e29);
  EXPECT_EQ(parse("-99999999999999999999")->as_real(), -1e20);
  // Beyond the double range too: infinite, as .NET reads it.
  EXPECT_TRUE(std::isinf(parse("1e400")->as_real()));
}

TEST(TypesDynamicParse, RepeatedKeyKeepsLastValueInFirstPlace) {
  EXPECT_EQ(roundtrip(R"({"a":1,"a":2})"), R"({"a":2})");
  EXPECT_EQ(roundtrip(R"({"a":1,"b":2,"a":3})"), R"({"a":3,"b":2})");
  std::string many = "{";
  for (int i = 0; i < 40; ++i) many += "\"k" + std::to_string(i % 20) + "\":" + std::to_string(i) + ",";
  many.back() = '}';
  auto bag = parse(many);
  EXPECT_EQ(bag->properties().size(), 20u);
  EXPECT_EQ(bag->properties()[0].first, "k0");
  EXPECT_EQ(bag->member("k0")->as_long(), 20);
  EXPECT_EQ(bag->member("k19")->as_long(), 39);
}

TEST(TypesDynamicParse, SingleQuotesAreAccepted) {
  EXPECT_EQ(roundtrip("{'a': 'b', \"c\": ['x', 1]}"), R"({"a":"b","c":["x",1]})");
  EXPECT_EQ(parse(R"('it\'s')")->as_string(), "it's");
  EXPECT_EQ(parse(R"('say "hi"')")->as_string(), "say \"hi\"");
  EXPECT_FALSE(parse_json("'it''s'"));  // two strings in a row are not JSON
}

TEST(TypesDynamicParse, StringEscapes) {
  auto s = parse(R"("a\nb\t\"q\"\\ \u00e9 \ud83d\ude00 \/")");
  EXPECT_EQ(s->as_string(), "a\nb\t\"q\"\\ \xC3\xA9 \xF0\x9F\x98\x80 /");
  // A lone surrogate is not valid UTF-16; it becomes U+FFFD rather than an error.
  EXPECT_EQ(parse(R"("x\ud800y")")->as_string(), "x\xEF\xBF\xBDy");
  // Bytes that are not UTF-8 pass through as they are.
  EXPECT_EQ(parse("\"\xFF\xFE\"")->as_string(), "\xFF\xFE");
}

TEST(TypesDynamicParse, MalformedTextIsNotJson) {
  for (const char* bad : {"", "   ", "abc", "{", "[1,2", "[1,]", "{\"a\":}", "{\"a\" 1}", "01", "1.",
                          ".5", "tru", "nul", "[1 2]", "{'a':1}x", "\"unterminated", "\"tab\there\"", "1e",
                          "--1", "{\"a\":1,}", "\"\\x41\"", "[\"\\u12\"]"}) {
    EXPECT_FALSE(parse_json(bad).has_value()) << bad;
  }
}

TEST(TypesDynamicParse, DeepNestingIsRejectedNotACrash) {
  std::string deep(100000, '[');
  deep += std::string(100000, ']');
  EXPECT_FALSE(parse_json(deep).has_value());
  // The same through the forgiving path (a single quote sends it there).
  std::string deep_quoted = std::string(100000, '[') + "'x'" + std::string(100000, ']');
  EXPECT_FALSE(parse_json(deep_quoted).has_value());
  std::string unbalanced(100000, '{');
  EXPECT_FALSE(parse_json(unbalanced).has_value());
}

TEST(TypesDynamicParse, ModerateNestingIsFine) {
  std::string nested = std::string(500, '[') + "1" + std::string(500, ']');
  auto v = parse(nested);
  const DynValue* p = v.get();
  for (int i = 0; i < 500; ++i) p = p->at(0);
  EXPECT_EQ(p->as_long(), 1);
  EXPECT_EQ(to_json(*v), nested);
  std::string nested_quoted = std::string(500, '[') + "'s'" + std::string(500, ']');
  EXPECT_TRUE(parse_json(nested_quoted).has_value());
}

// ---------------------------------------------------------------- JSON text

TEST(TypesDynamicJson, CompactKeysInOrder) {
  // docs (dynamic literal example): {"EventType":"Demo","EventValue":"Double-quote love!"}
  EXPECT_EQ(roundtrip(R"({ "EventType" : "Demo", "EventValue":"Double-quote love!" })"),
            R"({"EventType":"Demo","EventValue":"Double-quote love!"})");
  EXPECT_EQ(roundtrip("[ ]"), "[]");
  EXPECT_EQ(roundtrip("{ }"), "{}");
  EXPECT_EQ(roundtrip("[null, true, false]"), "[null,true,false]");
}

TEST(TypesDynamicJson, RealsKeepTheirType) {
  // docs (series_divide, make_set outputs): [0.25,1.0,4.0], [5.0]
  auto a = DynValue::of_array({DynValue::of_real(0.25), DynValue::of_real(1.0), DynValue::of_real(4.0)});
  EXPECT_EQ(to_json(*a), "[0.25,1.0,4.0]");
  EXPECT_EQ(roundtrip("[1.0, -2.50, 1e20, 1e-7]"), "[1.0,-2.5,1E+20,1E-07]");
  EXPECT_EQ(roundtrip("[0.1, 32.15620994567871]"), "[0.1,32.15620994567871]");
  auto nan = DynValue::of_array({DynValue::of_real(NAN), DynValue::of_real(INFINITY), DynValue::of_real(-INFINITY)});
  EXPECT_EQ(to_json(*nan), R"(["NaN","Infinity","-Infinity"])");
}

TEST(TypesDynamicJson, KustoScalarsAreStrings) {
  // docs (pack_array example): [1,"2","00:00:02"]; (range of datetimes) "2007-01-01T00:00:00.0000000Z"
  auto a = DynValue::of_array({DynValue::of_long(1), DynValue::of_string("2"),
                               DynValue::of_timespan(2 * kTicksPerSecond)});
  EXPECT_EQ(to_json(*a), R"([1,"2","00:00:02"])");
  auto dt = *parse_datetime("2007-01-01");
  EXPECT_EQ(to_json(*DynValue::of_datetime(dt)), R"("2007-01-01T00:00:00.0000000Z")");
  auto g = *parse_guid("74BE27DE-1E4E-49D9-B579-FE0B331D3642");
  EXPECT_EQ(to_json(*DynValue::of_guid(g)), R"("74be27de-1e4e-49d9-b579-fe0b331d3642")");
  EXPECT_EQ(to_json(*DynValue::of_decimal(1.5)), "1.5");
}

TEST(TypesDynamicJson, StringEscaping) {
  auto s = DynValue::of_string("q\"b\\n\nt\tc\x01 \xC3\xA9\xE8\x89\xBA");
  // docs (punycode example): ["艺术","com"] keeps non-ASCII text as it is.
  EXPECT_EQ(to_json(*s), "\"q\\\"b\\\\n\\nt\\tc\\u0001 \xC3\xA9\xE8\x89\xBA\"");
  EXPECT_EQ(to_json(*parse(to_json(*s))), to_json(*s));
}

TEST(TypesDynamicJson, ParsedTextRoundTrips) {
  const char* docs[] = {
      R"({"a":123,"b":"hello","c":[1,2,3],"d":{}})",
      R"([[1,2],[3,[4,[5]]],{"x":{"y":{"z":null}}}])",
      R"({"type":"Polygon","coordinates":[[[-73.9495,40.7969],[-73.95807266235352,40.80068603561921]]]})",
  };
  for (const char* d : docs) EXPECT_EQ(roundtrip(d), d);
}

// ---------------------------------------------------------------- construction and equality

TEST(TypesDynamicValue, AccessorsGiveEmptyValuesForOtherKinds) {
  auto s = DynValue::of_string("x");
  EXPECT_TRUE(s->elements().empty());
  EXPECT_TRUE(s->properties().empty());
  EXPECT_EQ(s->as_long(), 0);
  EXPECT_EQ(s->member("x"), nullptr);
  EXPECT_EQ(s->at(0), nullptr);
  EXPECT_EQ(DynValue::of_long(5)->as_string(), "");
  EXPECT_EQ(DynValue::of_datetime(7)->as_long(), 7);
  EXPECT_EQ(DynValue::of_decimal(2.5)->as_real(), 2.5);
}

TEST(TypesDynamicValue, FromValue) {
  EXPECT_EQ(DynValue::from_value(Value::of_int(3))->kind(), Kind::Long);
  EXPECT_EQ(DynValue::from_value(Value::of_timespan(5))->kind(), Kind::TimeSpan);
  EXPECT_TRUE(DynValue::from_value(Value::null(ScalarType::Long))->is_null());
  auto inner = DynValue::of_array({DynValue::of_long(1)});
  EXPECT_EQ(DynValue::from_value(Value::of_dynamic(inner)), inner);
}

TEST(TypesDynamicValue, NullChildrenBecomeNull) {
  auto a = DynValue::of_array({nullptr, DynValue::of_long(1)});
  EXPECT_TRUE(a->at(0)->is_null());
  auto o = DynValue::of_object({{"k", nullptr}});
  EXPECT_EQ(to_json(*o), R"({"k":null})");
}

TEST(TypesDynamicValue, Equality) {
  EXPECT_TRUE(dynamic_equal(*parse(R"({"a":[1,2],"b":"x"})"), *parse(R"({"b":"x","a":[1,2]})")));
  EXPECT_FALSE(dynamic_equal(*parse("[1,2]"), *parse("[2,1]")));
  EXPECT_FALSE(dynamic_equal(*parse("[1]"), *parse("[1.0]")));
  EXPECT_FALSE(dynamic_equal(*parse(R"({"a":1})"), *parse(R"({"a":1,"b":2})")));
  EXPECT_FALSE(dynamic_equal(*parse(R"({"a":1})"), *parse(R"({"b":1})")));
  EXPECT_TRUE(dynamic_equal(*DynValue::null(), *parse("null")));
  EXPECT_FALSE(dynamic_equal(*DynValue::of_datetime(5), *DynValue::of_timespan(5)));
}

TEST(TypesDynamicValue, VeryDeepBuiltTreesDoNotExhaustTheStack) {
  // Functions can build nesting the parser would refuse; writing, comparing and freeing such a
  // tree must not recurse per level.
  DynamicPtr a = DynValue::of_long(1);
  DynamicPtr b = DynValue::of_long(1);
  for (int i = 0; i < 200000; ++i) {
    a = DynValue::of_array({a});
    b = DynValue::of_object({{"k", b}});
  }
  std::string json = to_json(*a);
  EXPECT_EQ(json.size(), 400001u);
  EXPECT_TRUE(dynamic_equal(*a, *a));
  EXPECT_FALSE(dynamic_equal(*a, *b));
  DynamicPtr a2 = DynValue::of_array({a});
  EXPECT_FALSE(dynamic_equal(*a, *a2));
  a.reset();
  b.reset();
  a2.reset();
  SUCCEED();
}

TEST(TypesDynamicValue, SharedChildrenSurviveTheirParent) {
  auto child = DynValue::of_array({DynValue::of_string("kept")});
  {
    auto parent = DynValue::of_array({child, child});
  }
  EXPECT_EQ(child->at(0)->as_string(), "kept");
}

}  // namespace
}  // namespace huntdb
