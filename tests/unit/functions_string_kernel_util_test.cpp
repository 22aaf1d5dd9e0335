// Helpers of the string kernels (functions/kernels/string_kernel_util.cpp): UTF-8 positions,
// the named-group spelling RE2 lacks, and text conversion for extract(..., typeof(T)).
#include <string>

#include <gtest/gtest.h>

#include "huntdb/functions/kernels/string_kernel_util.h"

namespace huntdb::functions {
namespace {

TEST(StringKernelUtil, Utf8PositionsCountCodePoints) {
  EXPECT_EQ(utf8_length("hello"), 5u);
  EXPECT_EQ(utf8_length("⒦⒰⒮"), 3u);
  EXPECT_EQ(utf8_length("C\u0327edilla"), 8u);  // a combining mark is a code point of its own
  EXPECT_EQ(utf8_length("a\xFF" "b"), 3u);      // a stray byte counts as one
  EXPECT_EQ(utf8_offset("⒦⒰⒮", 2), 6u);
  EXPECT_EQ(utf8_offset("ab", 5), 2u);
  std::vector<uint32_t> starts;
  utf8_starts("a⒦b", starts);
  EXPECT_EQ(starts, (std::vector<uint32_t>{0, 1, 4, 5}));
}

TEST(StringKernelUtil, Utf8ValidationAndRepair) {
  EXPECT_TRUE(is_valid_utf8(std::string_view("K\0u", 3)));  // NUL is a character like any other
  EXPECT_TRUE(is_valid_utf8("⒦"));
  EXPECT_FALSE(is_valid_utf8("\xD1\xD2"));
  EXPECT_EQ(utf8_sanitize("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
  std::string s;
  append_utf8(s, 0x1F600);
  EXPECT_EQ(s, "\xF0\x9F\x98\x80");
}

TEST(StringKernelUtil, NamedGroupsInEitherSpelling) {
  auto re = make_regex("(?<key>\\w+)=(?P<value>\\w+)");
  ASSERT_TRUE(re->ok()) << re->error();
  EXPECT_EQ(re->NamedCapturingGroups().at("key"), 1);
  EXPECT_EQ(re->NamedCapturingGroups().at("value"), 2);
  // Escaped parentheses and character classes are not groups.
  auto literal = make_regex("\\(?<a");
  ASSERT_TRUE(literal->ok()) << literal->error();
  EXPECT_TRUE(RE2::PartialMatch("<a", *literal));
  auto in_class = make_regex("[(?<]+x");
  ASSERT_TRUE(in_class->ok()) << in_class->error();
  EXPECT_TRUE(RE2::PartialMatch("?<x", *in_class));
  // Lookbehind is still RE2's error to report.
  EXPECT_FALSE(make_regex("(?<=a)b")->ok());
}

TEST(StringKernelUtil, TextConvertsAsTypeofAsks) {
  EXPECT_EQ(text_as("12", ScalarType::Int).as_int(), 12);
  EXPECT_EQ(text_as("12", ScalarType::Long).as_long(), 12);
  EXPECT_TRUE(text_as("x", ScalarType::Long).is_null());
  EXPECT_DOUBLE_EQ(text_as("1.5", ScalarType::Real).as_real(), 1.5);
  EXPECT_EQ(text_as("abc", ScalarType::String).as_string(), "abc");
  EXPECT_TRUE(text_as("[1,2]", ScalarType::Dynamic).as_dynamic()->is_array());
  EXPECT_EQ(text_as("plain", ScalarType::Dynamic).as_dynamic()->as_string(), "plain");
}

}  // namespace
}  // namespace huntdb::functions
