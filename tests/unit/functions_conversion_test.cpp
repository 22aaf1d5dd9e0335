// Conversion functions (src/huntdb/functions/conversion.cpp). Every expected type and rejection
// below was checked against the official parser (Kusto.Language 12.4.1).
#include <string>
#include <vector>

#include "function_test_util.h"

namespace huntdb {
namespace {

using functions::ArgInfo;
using functions::ResultName;
using testing::scalar_entry;
using testing::scalar_rejects;
using testing::scalar_result;
using enum ScalarType;

TEST(ConversionFunctions, ToTypeTakesAnyScalar) {
  EXPECT_EQ(scalar_result("tostring", {Int}), String);
  EXPECT_EQ(scalar_result("tostring", {Dynamic}), String);
  EXPECT_EQ(scalar_result("tostring", {Guid}), String);
  EXPECT_EQ(scalar_result("toint", {String}), Int);
  EXPECT_EQ(scalar_result("toint", {Real}), Int);
  EXPECT_EQ(scalar_result("tolong", {Dynamic}), Long);
  EXPECT_EQ(scalar_result("tolong", {DateTime}), Long);
  EXPECT_EQ(scalar_result("toreal", {String}), Real);
  EXPECT_EQ(scalar_result("todouble", {Int}), Real);
  EXPECT_EQ(scalar_result("todecimal", {Real}), Decimal);
  EXPECT_EQ(scalar_result("tobool", {String}), Bool);
  EXPECT_EQ(scalar_result("tobool", {Long}), Bool);
  EXPECT_EQ(scalar_result("toboolean", {Dynamic}), Bool);
  EXPECT_EQ(scalar_result("todatetime", {String}), DateTime);
  EXPECT_EQ(scalar_result("todatetime", {Long}), DateTime);
  EXPECT_EQ(scalar_result("totimespan", {String}), TimeSpan);
  EXPECT_EQ(scalar_result("totimespan", {Real}), TimeSpan);
  for (std::string_view f : {"tostring", "toint", "tolong", "toreal", "tobool", "todatetime", "totimespan"}) {
    EXPECT_TRUE(scalar_rejects(f, {})) << f;
    EXPECT_TRUE(scalar_rejects(f, {String, String})) << f;
    // tostring(Computer) -> Computer
    EXPECT_EQ(scalar_entry(f).result_name, ResultName::FirstArgument) << f;
  }
  EXPECT_TRUE(scalar_entry("totime").hidden);
  EXPECT_EQ(scalar_entry("totime").replaced_by, "totimespan");
  EXPECT_EQ(scalar_result("totime", {String}), TimeSpan);
}

TEST(ConversionFunctions, ToGuidTakesStringOrDynamic) {
  EXPECT_EQ(scalar_result("toguid", {String}), Guid);
  EXPECT_EQ(scalar_result("toguid", {Dynamic}), Guid);
  EXPECT_TRUE(scalar_rejects("toguid", {Int}));
  EXPECT_TRUE(scalar_rejects("toguid", {Guid}));
}

TEST(ConversionFunctions, ToHexTakesIntegers) {
  EXPECT_EQ(scalar_result("tohex", {Int}), String);
  EXPECT_EQ(scalar_result("tohex", {Long, Int}), String);
  EXPECT_TRUE(scalar_rejects("tohex", {Real}));
  EXPECT_TRUE(scalar_rejects("tohex", {String}));
  EXPECT_TRUE(scalar_rejects("tohex", {Long, Real}));
  EXPECT_EQ(scalar_entry("tohex").result_name, ResultName::FirstArgument);
}

TEST(ConversionFunctions, JsonParsingReturnsDynamic) {
  EXPECT_EQ(scalar_result("parse_json", {String}), Dynamic);
  EXPECT_EQ(scalar_result("parse_json", {Dynamic}), Dynamic);
  EXPECT_EQ(scalar_result("parsejson", {String}), Dynamic);
  EXPECT_EQ(scalar_result("todynamic", {String}), Dynamic);
  EXPECT_EQ(scalar_result("toobject", {String}), Dynamic);
  EXPECT_TRUE(scalar_rejects("parse_json", {Int}));
  EXPECT_TRUE(scalar_rejects("todynamic", {Long}));
  EXPECT_TRUE(scalar_rejects("parse_json", {String, String}));
  EXPECT_TRUE(scalar_entry("parsejson").hidden);
  EXPECT_EQ(scalar_entry("parsejson").replaced_by, "parse_json");
  EXPECT_EQ(scalar_entry("toobject").replaced_by, "todynamic");
  EXPECT_FALSE(scalar_entry("todynamic").hidden);
  EXPECT_EQ(scalar_entry("parse_json").result_name, ResultName::FirstArgument);
}

TEST(ConversionFunctions, GetTypeIsNamedTypeOfItsArgument) {
  EXPECT_EQ(scalar_result("gettype", {Dynamic}), String);
  EXPECT_EQ(scalar_result("gettype", {Long}), String);
  EXPECT_EQ(scalar_entry("gettype").result_name, ResultName::PrefixAndFirstArgument);
  EXPECT_EQ(scalar_entry("gettype").result_prefix, "type");
}

TEST(ConversionFunctions, CastReadsItsTypeLiteral) {
  std::vector<ArgInfo> args = {ArgInfo{.type = Unknown, .literal = std::string("long")}, ArgInfo{.type = String}};
  auto r = functions::resolve(scalar_entry("__cast"), args);
  ASSERT_NE(r.signature, nullptr) << r.error;
  EXPECT_EQ(r.type, Long);
  EXPECT_TRUE(scalar_entry("__cast").hidden);
  EXPECT_TRUE(scalar_rejects("__cast", {String, String}));  // a string is no type literal
}

}  // namespace
}  // namespace huntdb
