// Conversion functions (src/huntdb/functions/conversion.cpp). Every expected type and rejection
// below was checked against the official parser (Kusto.Language 12.4.1).
#include <string>
#include <vector>

#include "function_test_util.h"

namespace huntdb {
namespace {

using functions::ArgInfo;
using functions::Registry;
using functions::ResultName;
using testing::scalar_rejects;
using testing::scalar_result;
using enum ScalarType;

const functions::FunctionInfo& info(std::string_view name) {
  const auto* f = Registry::builtins().scalar(name);
  EXPECT_NE(f, nullptr) << name;
  static const functions::FunctionInfo kNone;
  return f ? *f : kNone;
}

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
    EXPECT_EQ(info(f).result_name, ResultName::FirstArgument) << f;
  }
  EXPECT_TRUE(info("totime").hidden);
  EXPECT_EQ(info("totime").replaced_by, "totimespan");
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
  EXPECT_EQ(info("tohex").result_name, ResultName::FirstArgument);
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
  EXPECT_TRUE(info("parsejson").hidden);
  EXPECT_EQ(info("parsejson").replaced_by, "parse_json");
  EXPECT_EQ(info("toobject").replaced_by, "todynamic");
  EXPECT_FALSE(info("todynamic").hidden);
  EXPECT_EQ(info("parse_json").result_name, ResultName::FirstArgument);
}

TEST(ConversionFunctions, GetTypeIsNamedTypeOfItsArgument) {
  EXPECT_EQ(scalar_result("gettype", {Dynamic}), String);
  EXPECT_EQ(scalar_result("gettype", {Long}), String);
  EXPECT_EQ(info("gettype").result_name, ResultName::PrefixAndFirstArgument);
  EXPECT_EQ(info("gettype").result_prefix, "type");
}

TEST(ConversionFunctions, CastReadsItsTypeLiteral) {
  std::vector<ArgInfo> args = {ArgInfo{.type = Unknown, .literal = std::string("long")}, ArgInfo{.type = String}};
  auto r = functions::resolve(info("__cast"), args);
  ASSERT_NE(r.signature, nullptr) << r.error;
  EXPECT_EQ(r.type, Long);
  EXPECT_TRUE(info("__cast").hidden);
  EXPECT_TRUE(scalar_rejects("__cast", {String, String}));  // a string is no type literal
}

}  // namespace
}  // namespace huntdb
