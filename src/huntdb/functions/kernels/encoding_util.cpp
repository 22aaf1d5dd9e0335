#include "huntdb/functions/kernels/encoding_util.h"

#include <cstdint>

namespace huntdb::functions {

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int sextet(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

void base64_encode(std::string_view bytes, std::string& out) {
  size_t i = 0;
  auto b = [&](size_t k) { return static_cast<uint32_t>(static_cast<unsigned char>(bytes[k])); };
  for (; i + 3 <= bytes.size(); i += 3) {
    uint32_t v = b(i) << 16 | b(i + 1) << 8 | b(i + 2);
    out += kAlphabet[v >> 18];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += kAlphabet[v & 63];
  }
  size_t rest = bytes.size() - i;
  if (rest == 1) {
    uint32_t v = b(i) << 16;
    out += kAlphabet[v >> 18];
    out += kAlphabet[(v >> 12) & 63];
    out += "==";
  } else if (rest == 2) {
    uint32_t v = b(i) << 16 | b(i + 1) << 8;
    out += kAlphabet[v >> 18];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += '=';
  }
}

bool base64_decode(std::string_view text, std::string& out) {
  out.clear();
  uint32_t acc = 0;
  int count = 0;    // sextets in the current quantum
  int padding = 0;  // '=' seen
  for (char c : text) {
    if (is_space(c)) continue;
    if (c == '=') {
      ++padding;
      if (padding > 2) return false;
      acc <<= 6;
      ++count;
    } else {
      if (padding) return false;  // data after padding
      int v = sextet(c);
      if (v < 0) return false;
      acc = acc << 6 | static_cast<uint32_t>(v);
      ++count;
    }
    if (count == 4) {
      out += static_cast<char>(acc >> 16);
      if (padding < 2) out += static_cast<char>((acc >> 8) & 255);
      if (padding < 1) out += static_cast<char>(acc & 255);
      acc = 0;
      count = 0;
    }
  }
  if (count != 0) return false;
  // Padding must close the last quantum only ("QQ==" ends it; "QQ==QQ==" is rejected above).
  return true;
}

void hex_encode(std::string_view bytes, std::string& out) {
  static const char kHex[] = "0123456789abcdef";
  for (char c : bytes) {
    unsigned char b = static_cast<unsigned char>(c);
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
}

}  // namespace huntdb::functions
