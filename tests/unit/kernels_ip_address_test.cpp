// IPv4/IPv6 text parsing and formatting behind the IP functions (functions/kernels/ip_address.h).
#include "huntdb/functions/kernels/ip_address.h"

#include <gtest/gtest.h>

namespace huntdb::functions::ip {
namespace {

std::string v6(std::string_view text) {
  auto ip = parse_ipv6(text);
  if (!ip) return "invalid";
  auto bytes = ip->bytes;
  mask_ipv6(bytes, ip->prefix);
  return format_ipv6_canonical(bytes) + "/" + std::to_string(ip->prefix);
}

TEST(IpAddress, Ipv4DottedQuadWithOptionalPrefix) {
  EXPECT_EQ(parse_ipv4_address("192.168.1.1"), 3232235777u);
  EXPECT_EQ(parse_ipv4_address("0.0.0.0"), 0u);
  EXPECT_EQ(parse_ipv4_address("255.255.255.255"), 0xFFFFFFFFu);
  EXPECT_FALSE(parse_ipv4_address("256.1.1.1"));
  EXPECT_FALSE(parse_ipv4_address("1.2.3"));
  EXPECT_FALSE(parse_ipv4_address("1.2.3.4.5"));
  EXPECT_FALSE(parse_ipv4_address("1.2.3.4 "));
  EXPECT_FALSE(parse_ipv4_address("1..2.3"));
  EXPECT_FALSE(parse_ipv4_address("1.2.3.1000"));

  auto ip = parse_ipv4("10.1.2.3/8");
  ASSERT_TRUE(ip);
  EXPECT_EQ(ip->address, 0x0A010203u);
  EXPECT_EQ(ip->prefix, 8);
  EXPECT_EQ(parse_ipv4("10.1.2.3")->prefix, 32);
  EXPECT_FALSE(parse_ipv4("10.1.2.3/33"));
  EXPECT_FALSE(parse_ipv4("10.1.2.3/"));
  EXPECT_FALSE(parse_ipv4("10.1.2.3/-1"));
  EXPECT_EQ(ipv4_mask(0), 0u);
  EXPECT_EQ(ipv4_mask(24), 0xFFFFFF00u);
  EXPECT_EQ(ipv4_mask(32), 0xFFFFFFFFu);
  EXPECT_EQ(format_ipv4(0xC0A80100u), "192.168.1.0");
}

TEST(IpAddress, Ipv6FormsAndCanonicalText) {
  EXPECT_EQ(v6("fe80::85d:e82c:9446:7994"), "fe80:0000:0000:0000:085d:e82c:9446:7994/128");
  EXPECT_EQ(v6("fe80::85d:e82c:9446:7994/120"), "fe80:0000:0000:0000:085d:e82c:9446:7900/120");
  EXPECT_EQ(v6("::"), "0000:0000:0000:0000:0000:0000:0000:0000/128");
  EXPECT_EQ(v6("1::"), "0001:0000:0000:0000:0000:0000:0000:0000/128");
  EXPECT_EQ(v6("1:2:3:4:5:6:7:8"), "0001:0002:0003:0004:0005:0006:0007:0008/128");
  EXPECT_EQ(v6("1:2:3:4:5:6:7:8:9"), "invalid");
  EXPECT_EQ(v6("1:2:3:4:5:6:7"), "invalid");
  EXPECT_EQ(v6("1::2::3"), "invalid");
  EXPECT_EQ(v6("12345::"), "invalid");
  EXPECT_EQ(v6("fe80::1/129"), "invalid");
  // IPv4 addresses are mapped, and their prefix counts IPv4 bits (the Kusto reference page
  // "parse_ipv6_mask()": '::192.168.255.255/24' is masked to 120 bits).
  EXPECT_EQ(v6("192.168.255.255"), "0000:0000:0000:0000:0000:ffff:c0a8:ffff/128");
  EXPECT_EQ(v6("192.168.255.255/24"), "0000:0000:0000:0000:0000:ffff:c0a8:ff00/120");
  EXPECT_EQ(v6("::192.168.255.255/24"), "0000:0000:0000:0000:0000:ffff:c0a8:ff00/120");
  EXPECT_EQ(v6("::ffff:192.168.1.1"), "0000:0000:0000:0000:0000:ffff:c0a8:0101/128");
  // Hex groups that spell an IPv4-mapped address keep an IPv6 prefix.
  EXPECT_EQ(v6("::ffff:c0a8:0101/120"), "0000:0000:0000:0000:0000:ffff:c0a8:0100/120");
}

}  // namespace
}  // namespace huntdb::functions::ip
