#include "huntdb/functions/kernels/ip_address.h"

#include <cctype>
#include <vector>

namespace huntdb::functions::ip {

namespace {

// "/n" after an address: a decimal prefix length in [0, max].
std::optional<int> parse_prefix(std::string_view text, int max) {
  if (text.empty() || text.size() > 3) return std::nullopt;
  int v = 0;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    v = v * 10 + (c - '0');
  }
  if (v > max) return std::nullopt;
  return v;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<uint32_t> parse_ipv4_address(std::string_view s) {
  uint32_t address = 0;
  size_t i = 0;
  for (int octet = 0; octet < 4; ++octet) {
    if (octet > 0) {
      if (i >= s.size() || s[i] != '.') return std::nullopt;
      ++i;
    }
    size_t start = i;
    uint32_t v = 0;
    while (i < s.size() && i - start < 3 && std::isdigit(static_cast<unsigned char>(s[i]))) v = v * 10 + (s[i++] - '0');
    if (i == start || v > 255) return std::nullopt;
    address = (address << 8) | v;
  }
  if (i != s.size()) return std::nullopt;
  return address;
}

std::optional<Ipv4> parse_ipv4(std::string_view text) {
  Ipv4 ip;
  size_t slash = text.find('/');
  if (slash != std::string_view::npos) {
    auto prefix = parse_prefix(text.substr(slash + 1), 32);
    if (!prefix) return std::nullopt;
    ip.prefix = *prefix;
    text = text.substr(0, slash);
  }
  auto address = parse_ipv4_address(text);
  if (!address) return std::nullopt;
  ip.address = *address;
  return ip;
}

std::string format_ipv4(uint32_t a) {
  std::string out;
  for (int shift = 24; shift >= 0; shift -= 8) {
    if (shift != 24) out.push_back('.');
    out.append(std::to_string((a >> shift) & 0xFF));
  }
  return out;
}

std::optional<Ipv6> parse_ipv6(std::string_view text) {
  Ipv6 ip;
  std::optional<int> prefix;
  size_t slash = text.find('/');
  std::string_view prefix_text;
  if (slash != std::string_view::npos) {
    prefix_text = text.substr(slash + 1);
    text = text.substr(0, slash);
  }
  // A plain IPv4 address.
  if (text.find(':') == std::string_view::npos) {
    auto v4 = parse_ipv4_address(text);
    if (!v4) return std::nullopt;
    if (!prefix_text.empty() || slash != std::string_view::npos) {
      prefix = parse_prefix(prefix_text, 32);
      if (!prefix) return std::nullopt;
    }
    ip.bytes[10] = ip.bytes[11] = 0xFF;
    for (int k = 0; k < 4; ++k) ip.bytes[12 + k] = static_cast<uint8_t>(*v4 >> (24 - 8 * k));
    ip.prefix = prefix ? *prefix + 96 : 128;
    return ip;
  }
  // IPv6 groups, with at most one "::" and an optional trailing dotted IPv4 part.
  std::vector<uint16_t> head, tail;
  bool compressed = false;
  bool dotted = false;
  size_t i = 0;
  if (text.substr(0, 2) == "::") {
    compressed = true;
    i = 2;
  } else if (!text.empty() && text[0] == ':') {
    return std::nullopt;
  }
  while (i < text.size()) {
    std::vector<uint16_t>& groups = compressed ? tail : head;
    size_t start = i;
    while (i < text.size() && hex_value(text[i]) >= 0) ++i;
    if (i < text.size() && text[i] == '.') {
      // The last 32 bits in dotted form.
      auto v4 = parse_ipv4_address(text.substr(start));
      if (!v4) return std::nullopt;
      groups.push_back(static_cast<uint16_t>(*v4 >> 16));
      groups.push_back(static_cast<uint16_t>(*v4 & 0xFFFF));
      dotted = true;
      i = text.size();
      break;
    }
    if (i == start || i - start > 4) return std::nullopt;
    uint16_t g = 0;
    for (size_t k = start; k < i; ++k) g = static_cast<uint16_t>((g << 4) | hex_value(text[k]));
    groups.push_back(g);
    if (i == text.size()) break;
    if (text[i] != ':') return std::nullopt;
    ++i;
    if (i < text.size() && text[i] == ':') {
      if (compressed) return std::nullopt;
      compressed = true;
      ++i;
    } else if (i == text.size()) {
      return std::nullopt;  // a trailing single ':'
    }
  }
  size_t count = head.size() + tail.size();
  if (compressed ? count > 7 : count != 8) return std::nullopt;
  std::array<uint16_t, 8> groups{};
  for (size_t k = 0; k < head.size(); ++k) groups[k] = head[k];
  for (size_t k = 0; k < tail.size(); ++k) groups[8 - tail.size() + k] = tail[k];
  for (int k = 0; k < 8; ++k) {
    ip.bytes[2 * k] = static_cast<uint8_t>(groups[k] >> 8);
    ip.bytes[2 * k + 1] = static_cast<uint8_t>(groups[k] & 0xFF);
  }
  // ::a.b.c.d and ::ffff:a.b.c.d are IPv4 addresses: mapped, with an IPv4 prefix.
  bool v4_form = false;
  if (dotted) {
    bool zeros = true;
    for (int k = 0; k < 5; ++k) zeros = zeros && groups[k] == 0;
    v4_form = zeros && (groups[5] == 0 || groups[5] == 0xFFFF);
  }
  if (v4_form) ip.bytes[10] = ip.bytes[11] = 0xFF;
  if (slash != std::string_view::npos) {
    prefix = parse_prefix(prefix_text, v4_form ? 32 : 128);
    if (!prefix) return std::nullopt;
    ip.prefix = v4_form ? *prefix + 96 : *prefix;
  }
  return ip;
}

void mask_ipv6(std::array<uint8_t, 16>& bytes, int prefix) {
  for (int k = 0; k < 16; ++k) {
    int bits = prefix - 8 * k;
    if (bits >= 8) continue;
    bytes[k] = bits <= 0 ? 0 : static_cast<uint8_t>(bytes[k] & (0xFF << (8 - bits)));
  }
}

std::string format_ipv6_canonical(const std::array<uint8_t, 16>& bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(39);
  for (int k = 0; k < 16; ++k) {
    if (k > 0 && k % 2 == 0) out.push_back(':');
    out.push_back(kHex[bytes[k] >> 4]);
    out.push_back(kHex[bytes[k] & 0xF]);
  }
  return out;
}

}  // namespace huntdb::functions::ip
