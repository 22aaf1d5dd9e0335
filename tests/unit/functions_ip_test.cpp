// IP address functions (src/huntdb/functions/ip.cpp). Every expected type and rejection below was
// checked against the official parser (Kusto.Language 12.4.1).
#include "function_test_util.h"

namespace huntdb {
namespace {

using testing::scalar_rejects;
using testing::scalar_result;
using enum ScalarType;

TEST(IpFunctions, ParsingIpv4GivesALong) {
  EXPECT_EQ(scalar_result("parse_ipv4", {String}), Long);
  EXPECT_EQ(scalar_result("parse_ipv4_mask", {String, Long}), Long);
  EXPECT_EQ(scalar_result("parse_ipv4_mask", {String, Int}), Long);
  EXPECT_TRUE(scalar_rejects("parse_ipv4", {Long}));
  EXPECT_TRUE(scalar_rejects("parse_ipv4_mask", {String, Real}));
  EXPECT_TRUE(scalar_rejects("parse_ipv4_mask", {String}));
}

TEST(IpFunctions, ParsingIpv6GivesAString) {
  EXPECT_EQ(scalar_result("parse_ipv6", {String}), String);
  EXPECT_EQ(scalar_result("parse_ipv6_mask", {String, Long}), String);
  EXPECT_TRUE(scalar_rejects("parse_ipv6_mask", {String, String}));
}

TEST(IpFunctions, ComparisonAndMatching) {
  EXPECT_EQ(scalar_result("ipv4_compare", {String, String}), Long);
  EXPECT_EQ(scalar_result("ipv4_compare", {String, String, Int}), Long);
  EXPECT_EQ(scalar_result("ipv6_compare", {String, String, Long}), Long);
  EXPECT_EQ(scalar_result("ipv4_is_match", {String, String}), Bool);
  EXPECT_EQ(scalar_result("ipv6_is_match", {String, String, Long}), Bool);
  EXPECT_TRUE(scalar_rejects("ipv4_is_match", {String}));
  EXPECT_TRUE(scalar_rejects("ipv4_is_match", {String, String, Real}));
  EXPECT_TRUE(scalar_rejects("ipv4_compare", {String, Long}));
}

TEST(IpFunctions, PrivateAndRanges) {
  EXPECT_EQ(scalar_result("ipv4_is_private", {String}), Bool);
  EXPECT_TRUE(scalar_rejects("ipv4_is_private", {Long}));
  EXPECT_EQ(scalar_result("ipv4_is_in_range", {String, String}), Bool);
  EXPECT_EQ(scalar_result("ipv6_is_in_range", {String, String}), Bool);
  EXPECT_TRUE(scalar_rejects("ipv4_is_in_range", {String}));
  EXPECT_TRUE(scalar_rejects("ipv4_is_in_range", {String, Long}));
  // The ranges as separate strings or as one dynamic array.
  EXPECT_EQ(scalar_result("ipv4_is_in_any_range", {String, String}), Bool);
  EXPECT_EQ(scalar_result("ipv4_is_in_any_range", {String, String, String, String}), Bool);
  EXPECT_EQ(scalar_result("ipv4_is_in_any_range", {String, Dynamic}), Bool);
  EXPECT_EQ(scalar_result("ipv4_is_in_any_range", {Dynamic, String}), Bool);
  EXPECT_EQ(scalar_result("ipv6_is_in_any_range", {String, Dynamic}), Bool);
  EXPECT_TRUE(scalar_rejects("ipv4_is_in_any_range", {String}));
  EXPECT_TRUE(scalar_rejects("ipv4_is_in_any_range", {Long, String}));
  EXPECT_TRUE(scalar_rejects("ipv4_is_in_any_range", {String, Long}));
  EXPECT_EQ(scalar_result("ipv4_netmask_suffix", {String}), Long);
  EXPECT_EQ(scalar_result("ipv4_range_to_cidr_list", {String, String}), Dynamic);
}

TEST(IpFunctions, Formatting) {
  EXPECT_EQ(scalar_result("format_ipv4", {String}), String);
  EXPECT_EQ(scalar_result("format_ipv4", {Long}), String);
  EXPECT_EQ(scalar_result("format_ipv4", {Int, Long}), String);
  EXPECT_EQ(scalar_result("format_ipv4_mask", {String, Int}), String);
  EXPECT_TRUE(scalar_rejects("format_ipv4_mask", {String}));
  EXPECT_TRUE(scalar_rejects("format_ipv4", {String, String}));
}

TEST(IpFunctions, SearchingTextForAddresses) {
  EXPECT_EQ(scalar_result("has_ipv4", {String, String}), Bool);
  EXPECT_EQ(scalar_result("has_ipv4", {Dynamic, String}), Bool);
  EXPECT_EQ(scalar_result("has_ipv4_prefix", {String, String}), Bool);
  EXPECT_EQ(scalar_result("has_any_ipv4", {String, String, String}), Bool);
  EXPECT_EQ(scalar_result("has_any_ipv4", {String, Dynamic}), Bool);
  EXPECT_EQ(scalar_result("has_any_ipv4_prefix", {String, Dynamic}), Bool);
  EXPECT_TRUE(scalar_rejects("has_ipv4", {Long, String}));
  EXPECT_TRUE(scalar_rejects("has_ipv4", {String}));
  EXPECT_TRUE(scalar_rejects("has_any_ipv4", {String, Long}));
}

}  // namespace
}  // namespace huntdb
