#include "huntdb/types/guid.h"

#include "huntdb/types/text_scanner.h"

namespace huntdb {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Reads 32 hex digits into g; a hyphen is skipped only where `hyphen_allowed` says so.
template <typename HyphenAllowed>
std::optional<size_t> read_hex_digits(std::string_view text, Guid& g, HyphenAllowed hyphen_allowed) {
  size_t digits = 0;
  size_t i = 0;
  for (; i < text.size() && digits < 32; ++i) {
    if (text[i] == '-' && hyphen_allowed(digits)) continue;
    int v = hex_value(text[i]);
    if (v < 0) return std::nullopt;
    auto& byte = g.bytes[digits / 2];
    byte = static_cast<uint8_t>(digits % 2 == 0 ? v << 4 : byte | v);
    ++digits;
  }
  if (digits < 32) return std::nullopt;
  return i;
}

}  // namespace

std::string format_guid(const Guid& g) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (size_t i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    out.push_back(kHex[g.bytes[i] >> 4]);
    out.push_back(kHex[g.bytes[i] & 0xF]);
  }
  return out;
}

std::optional<Guid> parse_guid(std::string_view text) {
  text = trim_ascii(text);
  if (text.size() >= 2 && ((text.front() == '{' && text.back() == '}') || (text.front() == '(' && text.back() == ')')))
    text = trim_ascii(text.substr(1, text.size() - 2));
  Guid g;
  if (text.size() == 32) {
    auto used = read_hex_digits(text, g, [](size_t) { return false; });
    if (!used) return std::nullopt;
    return g;
  }
  if (text.size() != 36) return std::nullopt;
  for (size_t pos : {8, 13, 18, 23})
    if (text[pos] != '-') return std::nullopt;
  // Hyphens are skipped only after the 8th, 12th, 16th and 20th digit.
  auto used = read_hex_digits(text, g, [](size_t digits) { return digits == 8 || digits == 12 || digits == 16 || digits == 20; });
  if (!used || *used != 36) return std::nullopt;
  return g;
}

std::optional<Guid> parse_guid_lenient(std::string_view text) {
  Guid g;
  if (!read_hex_digits(trim_ascii(text), g, [](size_t) { return true; })) return std::nullopt;
  return g;
}

}  // namespace huntdb
