// String functions (src/huntdb/functions/string.cpp). Every expected type and rejection below was
// checked against the official parser (Kusto.Language 12.4.1).
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

// The result type of a call whose last argument is the type literal `typeof(type_name)`.
ScalarType result_with_type_literal(std::string_view name, std::vector<ScalarType> types,
                                    std::string type_name) {
  std::vector<ArgInfo> args;
  for (ScalarType t : types) args.push_back(ArgInfo{.type = t});
  args.push_back(ArgInfo{.type = Unknown, .literal = std::move(type_name)});
  auto r = functions::resolve(scalar_entry(name), args);
  EXPECT_NE(r.signature, nullptr) << name << ": " << r.error;
  return r.type;
}

TEST(StringFunctions, LengthsAreLongAndNamedAfterTheirArgument) {
  EXPECT_EQ(scalar_result("strlen", {String}), Long);
  EXPECT_EQ(scalar_result("strlen", {Dynamic}), Long);
  EXPECT_EQ(scalar_result("string_size", {String}), Long);
  EXPECT_TRUE(scalar_rejects("strlen", {Int}));
  EXPECT_TRUE(scalar_rejects("strlen", {}));
  // strlen(Computer) -> strlen_Computer
  EXPECT_EQ(scalar_entry("strlen").result_name, ResultName::PrefixAndFirstArgument);
  EXPECT_EQ(scalar_entry("strlen").result_prefix, "strlen");
  EXPECT_EQ(scalar_entry("string_size").result_prefix, "string_size");
}

TEST(StringFunctions, CaseMappingTakesAnyScalar) {
  EXPECT_EQ(scalar_result("tolower", {String}), String);
  EXPECT_EQ(scalar_result("tolower", {Int}), String);
  EXPECT_EQ(scalar_result("toupper", {Dynamic}), String);
  EXPECT_EQ(scalar_result("toupper", {DateTime}), String);
  EXPECT_TRUE(scalar_rejects("tolower", {}));
  EXPECT_TRUE(scalar_rejects("toupper", {String, String}));
  EXPECT_EQ(scalar_entry("tolower").result_name, ResultName::None);
}

TEST(StringFunctions, ConcatenationTakesAnyNumberOfScalars) {
  EXPECT_EQ(scalar_result("strcat", {String}), String);
  EXPECT_EQ(scalar_result("strcat", {String, Int, Dynamic, DateTime}), String);
  EXPECT_TRUE(scalar_rejects("strcat", {}));
  EXPECT_EQ(scalar_result("strcat_delim", {String, String, Long}), String);
  EXPECT_TRUE(scalar_rejects("strcat_delim", {String, String}));  // needs two values
  EXPECT_EQ(scalar_result("strcat_array", {Dynamic, String}), String);
  EXPECT_TRUE(scalar_rejects("strcat_array", {String, String}));
  EXPECT_EQ(scalar_result("strrep", {String, Int}), String);
  EXPECT_EQ(scalar_result("strrep", {String, Long, String}), String);
  EXPECT_TRUE(scalar_rejects("strrep", {String, Real}));
}

TEST(StringFunctions, SplitReturnsAnArrayNamedAfterItsSource) {
  EXPECT_EQ(scalar_result("split", {String, String}), Dynamic);
  EXPECT_EQ(scalar_result("split", {String, String, Int}), Dynamic);
  EXPECT_EQ(scalar_result("split", {Dynamic, String, Long}), Dynamic);
  EXPECT_TRUE(scalar_rejects("split", {String, Long}));
  EXPECT_TRUE(scalar_rejects("split", {String, String, Real}));
  EXPECT_TRUE(scalar_rejects("split", {String}));
  EXPECT_EQ(scalar_entry("split").result_name, ResultName::FirstArgument);
}

TEST(StringFunctions, ExtractReturnsStringOrTheRequestedType) {
  EXPECT_EQ(scalar_result("extract", {String, Long, String}), String);
  EXPECT_EQ(scalar_result("extract", {String, Int, String}), String);
  EXPECT_TRUE(scalar_rejects("extract", {String, Real, String}));
  EXPECT_TRUE(scalar_rejects("extract", {String, Long}));
  EXPECT_TRUE(scalar_rejects("extract", {Long, Long, String}));
  // extract(regex, 1, s, typeof(long)) is a long; a typed value is no type literal.
  EXPECT_EQ(result_with_type_literal("extract", {String, Long, String}, "long"), Long);
  EXPECT_EQ(result_with_type_literal("extract", {String, Long, String}, "typeof(datetime)"), DateTime);
  EXPECT_TRUE(scalar_rejects("extract", {String, Long, String, Int}));

  EXPECT_EQ(scalar_result("extract_all", {String, String}), Dynamic);
  EXPECT_EQ(scalar_result("extract_all", {String, Dynamic, String}), Dynamic);
  EXPECT_TRUE(scalar_rejects("extract_all", {String, Long, String}));
  EXPECT_EQ(scalar_result("extractall", {String, String}), Dynamic);
  EXPECT_TRUE(scalar_entry("extractall").hidden);
  EXPECT_EQ(scalar_entry("extractall").replaced_by, "extract_all");
}

TEST(StringFunctions, ExtractJsonReturnsStringOrTheRequestedType) {
  EXPECT_EQ(scalar_result("extract_json", {String, String}), String);
  EXPECT_EQ(scalar_result("extractjson", {String, String}), String);
  EXPECT_EQ(result_with_type_literal("extract_json", {String, String}, "int"), Int);
  EXPECT_EQ(result_with_type_literal("extractjson", {String, String}, "guid"), Guid);
  EXPECT_TRUE(scalar_rejects("extract_json", {String}));
  EXPECT_TRUE(scalar_rejects("extractjson", {String, Long}));
  EXPECT_FALSE(scalar_entry("extractjson").hidden);  // still listed by Kusto
}

TEST(StringFunctions, ReplaceFamily) {
  EXPECT_EQ(scalar_result("replace_regex", {String, String, String}), String);
  EXPECT_EQ(scalar_result("replace_string", {String, String, String}), String);
  EXPECT_EQ(scalar_result("replace_strings", {String, Dynamic, Dynamic}), String);
  EXPECT_EQ(scalar_result("replace", {String, String, String}), String);
  EXPECT_TRUE(scalar_rejects("replace_string", {String, Int, String}));
  EXPECT_TRUE(scalar_rejects("replace_regex", {String, String}));
  EXPECT_TRUE(scalar_rejects("replace_strings", {String, String, Int}));
  EXPECT_TRUE(scalar_entry("replace").hidden);
  EXPECT_EQ(scalar_entry("replace").replaced_by, "replace_regex");
  EXPECT_EQ(scalar_result("translate", {String, String, String}), String);
}

TEST(StringFunctions, SubstringAndIndexOfTakeIntegerPositions) {
  EXPECT_EQ(scalar_result("substring", {String, Int}), String);
  EXPECT_EQ(scalar_result("substring", {Long, Long, Long}), String);
  EXPECT_TRUE(scalar_rejects("substring", {String, Real}));
  EXPECT_TRUE(scalar_rejects("substring", {String}));
  EXPECT_EQ(scalar_result("indexof", {String, String}), Long);
  EXPECT_EQ(scalar_result("indexof", {String, String, Int, Long, Int}), Long);
  EXPECT_TRUE(scalar_rejects("indexof", {String, String, Real}));
  EXPECT_TRUE(scalar_rejects("indexof", {String, String, Int, Int, Int, Int}));
  EXPECT_EQ(scalar_result("indexof_regex", {String, String, Long}), Long);
  EXPECT_EQ(scalar_result("has_any_index", {String, Dynamic}), Long);
  EXPECT_TRUE(scalar_rejects("has_any_index", {Int, Dynamic}));
}

TEST(StringFunctions, TrimTakesARegexAndAString) {
  for (std::string_view f : {"trim", "trim_start", "trim_end"}) {
    EXPECT_EQ(scalar_result(f, {String, String}), String) << f;
    EXPECT_TRUE(scalar_rejects(f, {String})) << f;
    EXPECT_TRUE(scalar_rejects(f, {String, Int})) << f;
  }
}

TEST(StringFunctions, CountOf) {
  EXPECT_EQ(scalar_result("countof", {String, String}), Long);
  EXPECT_EQ(scalar_result("countof", {String, String, String}), Long);
  EXPECT_TRUE(scalar_rejects("countof", {Int, String}));
  EXPECT_TRUE(scalar_rejects("countof", {String}));
}

TEST(StringFunctions, ParsersReturnDynamic) {
  EXPECT_EQ(scalar_result("parse_url", {String}), Dynamic);
  EXPECT_EQ(scalar_result("parse_urlquery", {String}), Dynamic);
  EXPECT_EQ(scalar_result("parse_path", {String}), Dynamic);
  EXPECT_EQ(scalar_result("parse_command_line", {String, String}), Dynamic);
  EXPECT_EQ(scalar_result("parse_user_agent", {String}), Dynamic);
  EXPECT_EQ(scalar_result("parse_user_agent", {String, String}), Dynamic);
  EXPECT_EQ(scalar_result("parse_user_agent", {String, Dynamic}), Dynamic);
  EXPECT_EQ(scalar_result("parse_xml", {String}), Dynamic);
  EXPECT_EQ(scalar_result("parse_xml", {Dynamic}), Dynamic);
  EXPECT_EQ(scalar_result("parse_csv", {String}), Dynamic);
  EXPECT_EQ(scalar_result("parse_version", {String}), Decimal);
  EXPECT_TRUE(scalar_rejects("parse_url", {Int}));
  EXPECT_TRUE(scalar_rejects("parse_path", {String, String}));
  EXPECT_TRUE(scalar_rejects("parse_command_line", {String}));
  EXPECT_TRUE(scalar_rejects("parse_command_line", {String, Long}));
  EXPECT_TRUE(scalar_rejects("parse_user_agent", {String, Long}));
  EXPECT_TRUE(scalar_rejects("parse_xml", {Long}));
  EXPECT_EQ(scalar_entry("parse_xml").result_name, ResultName::FirstArgument);
  EXPECT_EQ(scalar_entry("parse_url").result_name, ResultName::None);
  EXPECT_TRUE(scalar_entry("parseurl").hidden);
  EXPECT_EQ(scalar_entry("parseurl").replaced_by, "parse_url");
}

TEST(StringFunctions, FormatBytes) {
  EXPECT_EQ(scalar_result("format_bytes", {Long}), String);
  EXPECT_EQ(scalar_result("format_bytes", {Real, Int}), String);
  EXPECT_EQ(scalar_result("format_bytes", {Int, Int, String}), String);
  EXPECT_TRUE(scalar_rejects("format_bytes", {String}));
  EXPECT_TRUE(scalar_rejects("format_bytes", {Long, String}));
  EXPECT_EQ(scalar_entry("format_bytes").result_name, ResultName::FirstArgument);
}

TEST(StringFunctions, CodePoints) {
  EXPECT_EQ(scalar_result("unicode_codepoints_from_string", {String}), Dynamic);
  EXPECT_EQ(scalar_result("unicode_codepoints_to_string", {Int, Long, Dynamic}), String);
  EXPECT_TRUE(scalar_rejects("unicode_codepoints_to_string", {String}));
  EXPECT_EQ(scalar_result("make_string", {Long}), String);
  EXPECT_EQ(scalar_entry("to_utf8").replaced_by, "unicode_codepoints_from_string");
  EXPECT_EQ(scalar_result("isascii", {String}), Bool);
  EXPECT_EQ(scalar_result("reverse", {Long}), String);
}

}  // namespace
}  // namespace huntdb
