#include "huntdb/functions/kernels/hash_algorithms.h"

#include <bit>
#include <cmath>
#include <cstring>
#include <string>

namespace huntdb::functions {

namespace {

uint64_t read64le(const unsigned char* p) {
  uint64_t v = 0;
  for (int k = 7; k >= 0; --k) v = v << 8 | p[k];
  return v;
}
uint32_t read32le(const unsigned char* p) { return uint32_t{p[0]} | uint32_t{p[1]} << 8 | uint32_t{p[2]} << 16 | uint32_t{p[3]} << 24; }
uint32_t read32be(const unsigned char* p) { return uint32_t{p[3]} | uint32_t{p[2]} << 8 | uint32_t{p[1]} << 16 | uint32_t{p[0]} << 24; }

// ---------------------------------------------------------------- xxHash64

constexpr uint64_t kP1 = 0x9E3779B185EBCA87ULL;
constexpr uint64_t kP2 = 0xC2B2AE3D27D4EB4FULL;
constexpr uint64_t kP3 = 0x165667B19E3779F9ULL;
constexpr uint64_t kP4 = 0x85EBCA77C2B2AE63ULL;
constexpr uint64_t kP5 = 0x27D4EB2F165667C5ULL;

uint64_t xx_round(uint64_t acc, uint64_t lane) { return std::rotl(acc + lane * kP2, 31) * kP1; }
uint64_t xx_merge(uint64_t acc, uint64_t v) { return (acc ^ xx_round(0, v)) * kP1 + kP4; }

// Message padding shared by MD5 and the SHAs: 0x80, zeros, then the bit length in 8 bytes.
std::string padded(std::string_view data, bool big_endian_length) {
  std::string m(data);
  uint64_t bits = static_cast<uint64_t>(data.size()) * 8;
  m += static_cast<char>(0x80);
  while (m.size() % 64 != 56) m += '\0';
  for (int k = 0; k < 8; ++k) {
    int shift = big_endian_length ? (7 - k) * 8 : k * 8;
    m += static_cast<char>((bits >> shift) & 0xFF);
  }
  return m;
}

// floor(x^(1/n)) of a 128-bit integer, by bisection (the SHA-256 constants are the first bits
// of the fractional parts of square and cube roots of primes).
unsigned __int128 iroot(unsigned __int128 x, int n) {
  unsigned __int128 lo = 0, hi = static_cast<unsigned __int128>(1) << (128 / n + 1);
  while (lo < hi) {
    unsigned __int128 mid = lo + (hi - lo + 1) / 2;
    unsigned __int128 p = 1;
    bool over = false;
    for (int k = 0; k < n && !over; ++k) {
      if (p > x / mid) over = true;
      else p *= mid;
    }
    if (over || p > x) hi = mid - 1;
    else lo = mid;
  }
  return lo;
}

struct Sha256Constants {
  uint32_t k[64];
  uint32_t h[8];
  Sha256Constants() {
    int found = 0;
    for (uint32_t p = 2; found < 64; ++p) {
      bool prime = true;
      for (uint32_t d = 2; d * d <= p; ++d)
        if (p % d == 0) prime = false;
      if (!prime) continue;
      // cbrt(p) * 2^32 = cbrt(p * 2^96); sqrt(p) * 2^32 = sqrt(p * 2^64). Keep the fraction's 32 bits.
      k[found] = static_cast<uint32_t>(iroot(static_cast<unsigned __int128>(p) << 96, 3));
      if (found < 8) h[found] = static_cast<uint32_t>(iroot(static_cast<unsigned __int128>(p) << 64, 2));
      ++found;
    }
  }
};

}  // namespace

uint64_t xxhash64(std::string_view data, uint64_t seed) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(data.data());
  size_t n = data.size(), i = 0;
  uint64_t acc;
  if (n >= 32) {
    uint64_t v1 = seed + kP1 + kP2, v2 = seed + kP2, v3 = seed, v4 = seed - kP1;
    for (; i + 32 <= n; i += 32) {
      v1 = xx_round(v1, read64le(p + i));
      v2 = xx_round(v2, read64le(p + i + 8));
      v3 = xx_round(v3, read64le(p + i + 16));
      v4 = xx_round(v4, read64le(p + i + 24));
    }
    acc = std::rotl(v1, 1) + std::rotl(v2, 7) + std::rotl(v3, 12) + std::rotl(v4, 18);
    acc = xx_merge(acc, v1);
    acc = xx_merge(acc, v2);
    acc = xx_merge(acc, v3);
    acc = xx_merge(acc, v4);
  } else {
    acc = seed + kP5;
  }
  acc += n;
  for (; i + 8 <= n; i += 8) acc = std::rotl(acc ^ xx_round(0, read64le(p + i)), 27) * kP1 + kP4;
  if (i + 4 <= n) {
    acc = std::rotl(acc ^ (uint64_t{read32le(p + i)} * kP1), 23) * kP2 + kP3;
    i += 4;
  }
  for (; i < n; ++i) acc = std::rotl(acc ^ (uint64_t{p[i]} * kP5), 11) * kP1;
  acc ^= acc >> 33;
  acc *= kP2;
  acc ^= acc >> 29;
  acc *= kP3;
  acc ^= acc >> 32;
  return acc;
}

std::array<uint8_t, 16> md5(std::string_view data) {
  static const int kShift[64] = {7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
                                 5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20,
                                 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
                                 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21};
  // K[i] = floor(|sin(i + 1)| * 2^32) (RFC 1321, section 3.4).
  static const auto kTable = [] {
    std::array<uint32_t, 64> t{};
    for (int k = 0; k < 64; ++k) t[static_cast<size_t>(k)] = static_cast<uint32_t>(std::fabs(std::sin(k + 1.0)) * 4294967296.0);
    return t;
  }();
  uint32_t a0 = 0x67452301, b0 = 0xefcdab89, c0 = 0x98badcfe, d0 = 0x10325476;
  std::string m = padded(data, false);
  const unsigned char* p = reinterpret_cast<const unsigned char*>(m.data());
  for (size_t off = 0; off < m.size(); off += 64) {
    uint32_t w[16];
    for (int k = 0; k < 16; ++k) w[k] = read32le(p + off + 4 * static_cast<size_t>(k));
    uint32_t a = a0, b = b0, c = c0, d = d0;
    for (int k = 0; k < 64; ++k) {
      uint32_t f;
      int g;
      if (k < 16) {
        f = (b & c) | (~b & d);
        g = k;
      } else if (k < 32) {
        f = (d & b) | (~d & c);
        g = (5 * k + 1) % 16;
      } else if (k < 48) {
        f = b ^ c ^ d;
        g = (3 * k + 5) % 16;
      } else {
        f = c ^ (b | ~d);
        g = (7 * k) % 16;
      }
      f = f + a + kTable[static_cast<size_t>(k)] + w[g];
      a = d;
      d = c;
      c = b;
      b = b + std::rotl(f, kShift[k]);
    }
    a0 += a;
    b0 += b;
    c0 += c;
    d0 += d;
  }
  std::array<uint8_t, 16> out{};
  uint32_t words[4] = {a0, b0, c0, d0};
  for (int k = 0; k < 16; ++k) out[static_cast<size_t>(k)] = static_cast<uint8_t>(words[k / 4] >> (8 * (k % 4)));
  return out;
}

std::array<uint8_t, 20> sha1(std::string_view data) {
  uint32_t h[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
  std::string m = padded(data, true);
  const unsigned char* p = reinterpret_cast<const unsigned char*>(m.data());
  uint32_t w[80];
  for (size_t off = 0; off < m.size(); off += 64) {
    for (int t = 0; t < 16; ++t) w[t] = read32be(p + off + 4 * static_cast<size_t>(t));
    for (int t = 16; t < 80; ++t) w[t] = std::rotl(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int t = 0; t < 80; ++t) {
      uint32_t f, k;
      if (t < 20) {
        f = (b & c) | (~b & d);
        k = 0x5A827999;
      } else if (t < 40) {
        f = b ^ c ^ d;
        k = 0x6ED9EBA1;
      } else if (t < 60) {
        f = (b & c) | (b & d) | (c & d);
        k = 0x8F1BBCDC;
      } else {
        f = b ^ c ^ d;
        k = 0xCA62C1D6;
      }
      uint32_t temp = std::rotl(a, 5) + f + e + k + w[t];
      e = d;
      d = c;
      c = std::rotl(b, 30);
      b = a;
      a = temp;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
  }
  std::array<uint8_t, 20> out{};
  for (int k = 0; k < 20; ++k) out[static_cast<size_t>(k)] = static_cast<uint8_t>(h[k / 4] >> (24 - 8 * (k % 4)));
  return out;
}

std::array<uint8_t, 32> sha256(std::string_view data) {
  static const Sha256Constants kC;
  uint32_t h[8];
  std::memcpy(h, kC.h, sizeof h);
  std::string m = padded(data, true);
  const unsigned char* p = reinterpret_cast<const unsigned char*>(m.data());
  uint32_t w[64];
  for (size_t off = 0; off < m.size(); off += 64) {
    for (int t = 0; t < 16; ++t) w[t] = read32be(p + off + 4 * static_cast<size_t>(t));
    for (int t = 16; t < 64; ++t) {
      uint32_t s0 = std::rotr(w[t - 15], 7) ^ std::rotr(w[t - 15], 18) ^ (w[t - 15] >> 3);
      uint32_t s1 = std::rotr(w[t - 2], 17) ^ std::rotr(w[t - 2], 19) ^ (w[t - 2] >> 10);
      w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int t = 0; t < 64; ++t) {
      uint32_t S1 = std::rotr(e, 6) ^ std::rotr(e, 11) ^ std::rotr(e, 25);
      uint32_t ch = (e & f) ^ (~e & g);
      uint32_t t1 = hh + S1 + ch + kC.k[t] + w[t];
      uint32_t S0 = std::rotr(a, 2) ^ std::rotr(a, 13) ^ std::rotr(a, 22);
      uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
      uint32_t t2 = S0 + maj;
      hh = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
  }
  std::array<uint8_t, 32> out{};
  for (int k = 0; k < 32; ++k) out[static_cast<size_t>(k)] = static_cast<uint8_t>(h[k / 4] >> (24 - 8 * (k % 4)));
  return out;
}

}  // namespace huntdb::functions
