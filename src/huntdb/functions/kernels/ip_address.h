// IPv4 and IPv6 addresses in the text forms Kusto's IP functions read ("IP-prefix notation":
// an address optionally followed by /prefix) and write.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace huntdb::functions::ip {

// An IPv4 address with its prefix length (32 when the text has none).
struct Ipv4 {
  uint32_t address = 0;
  int prefix = 32;
};

// The mask of the first `prefix` bits (0..32).
inline uint32_t ipv4_mask(int prefix) { return prefix <= 0 ? 0 : (prefix >= 32 ? ~0u : ~0u << (32 - prefix)); }

// Four dotted decimal octets (0..255, 1-3 digits each), nothing else.
std::optional<uint32_t> parse_ipv4_address(std::string_view text);
// An address with an optional /prefix (0..32). The address is not masked.
std::optional<Ipv4> parse_ipv4(std::string_view text);

std::string format_ipv4(uint32_t address);

// An IPv6 address as 16 bytes, with its prefix length (128 when the text has none). IPv4
// addresses, in dotted form alone or written into IPv6 notation (::a.b.c.d, ::ffff:a.b.c.d), are
// IPv4-mapped (::ffff:a.b.c.d) and their /prefix counts IPv4 bits (so 96 is added).
struct Ipv6 {
  std::array<uint8_t, 16> bytes{};
  int prefix = 128;
};

std::optional<Ipv6> parse_ipv6(std::string_view text);

// Zeroes all but the first `prefix` bits (0..128).
void mask_ipv6(std::array<uint8_t, 16>& bytes, int prefix);

// Eight groups of four lowercase hex digits: fe80:0000:0000:0000:085d:e82c:9446:7994.
std::string format_ipv6_canonical(const std::array<uint8_t, 16>& bytes);

}  // namespace huntdb::functions::ip
