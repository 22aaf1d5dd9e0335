// CRC-32 of every chunk's record data (up to 64 KiB) is verified, so the CRC runs over as many
// bytes as the decoder reads; a plain byte-at-a-time loop would cost a third of the read time.
// Two paths:
//  - carry-less multiplication (PCLMULQDQ, when the CPU has it): fold 16-byte blocks forward;
//  - slicing-by-8 tables otherwise, and for the last few bytes.
#include "huntdb/ingest/evtx/crc32.h"

#include <array>

#include "huntdb/ingest/evtx/bytes.h"

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace huntdb::ingest::evtx {
namespace {

using Tables = std::array<std::array<uint32_t, 256>, 8>;

constexpr Tables make_tables() {
  Tables t{};
  for (uint32_t i = 0; i < 256; ++i) {
    uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    t[0][i] = c;
  }
  // Table k advances a byte's contribution by k further zero bytes.
  for (uint32_t i = 0; i < 256; ++i)
    for (size_t k = 1; k < 8; ++k) t[k][i] = (t[k - 1][i] >> 8) ^ t[0][t[k - 1][i] & 0xFF];
  return t;
}

constexpr Tables kTables = make_tables();

// The CRC register without the initial and final inversion: for state 0 it is M(x)·x^32 mod P(x).
uint32_t crc_tables(uint32_t c, const uint8_t* p, size_t n) {
  while (n >= 8) {
    uint32_t lo = le32(p) ^ c;
    uint32_t hi = le32(p + 4);
    c = kTables[7][lo & 0xFF] ^ kTables[6][(lo >> 8) & 0xFF] ^ kTables[5][(lo >> 16) & 0xFF] ^ kTables[4][lo >> 24] ^
        kTables[3][hi & 0xFF] ^ kTables[2][(hi >> 8) & 0xFF] ^ kTables[1][(hi >> 16) & 0xFF] ^ kTables[0][hi >> 24];
    p += 8;
    n -= 8;
  }
  while (n-- > 0) c = kTables[0][(c ^ *p++) & 0xFF] ^ (c >> 8);
  return c;
}

#if defined(__x86_64__)

// Folding. A 16-byte block read little-endian holds 128 message bits with the first bit (the low
// bit of byte 0) as the highest power of x. Its low 64-bit lane H and high lane L stand for
// H·x^64 + L. Moving the block T bits further down the message multiplies it by x^T, and modulo
// P that is H·(x^(T+64) mod P) + L·(x^T mod P): two 64x32-bit carry-less products whose sum is
// under 128 bits and lines up with the block T bits later, so it is simply XORed into it. In this
// bit order a carry-less product comes out multiplied by an extra x, so the constants are
// x^(T+63) mod P and x^(T-1) mod P, each stored with x^d at bit 63-d of its lane.
constexpr uint64_t kFold128Low = 0x65673b4600000000ull;   // x^191 mod P
constexpr uint64_t kFold128High = 0x9ba54c6f00000000ull;  // x^127 mod P
constexpr uint64_t kFold512Low = 0x653d982200000000ull;   // x^575 mod P
constexpr uint64_t kFold512High = 0xcad38e8f00000000ull;  // x^511 mod P

__attribute__((target("pclmul,sse4.1"))) inline __m128i fold(__m128i x, __m128i k) {
  return _mm_xor_si128(_mm_clmulepi64_si128(x, k, 0x00), _mm_clmulepi64_si128(x, k, 0x11));
}

__attribute__((target("pclmul,sse4.1"))) inline __m128i load(const uint8_t* p) {
  return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
}

// Needs n >= 64. Four independent accumulators keep the multiplier busy.
__attribute__((target("pclmul,sse4.1"))) uint32_t crc_clmul(uint32_t c, const uint8_t* p, size_t n) {
  const __m128i k512 = _mm_set_epi64x(static_cast<long long>(kFold512High), static_cast<long long>(kFold512Low));
  const __m128i k128 = _mm_set_epi64x(static_cast<long long>(kFold128High), static_cast<long long>(kFold128Low));
  // XORing the running register into the first 32 message bits continues the CRC from it.
  __m128i x0 = _mm_xor_si128(load(p), _mm_cvtsi32_si128(static_cast<int>(c)));
  __m128i x1 = load(p + 16), x2 = load(p + 32), x3 = load(p + 48);
  p += 64;
  n -= 64;
  while (n >= 64) {
    x0 = _mm_xor_si128(fold(x0, k512), load(p));
    x1 = _mm_xor_si128(fold(x1, k512), load(p + 16));
    x2 = _mm_xor_si128(fold(x2, k512), load(p + 32));
    x3 = _mm_xor_si128(fold(x3, k512), load(p + 48));
    p += 64;
    n -= 64;
  }
  __m128i x = _mm_xor_si128(fold(x0, k128), x1);
  x = _mm_xor_si128(fold(x, k128), x2);
  x = _mm_xor_si128(fold(x, k128), x3);
  while (n >= 16) {
    x = _mm_xor_si128(fold(x, k128), load(p));
    p += 16;
    n -= 16;
  }
  // The whole message so far is now congruent to these 16 bytes: finish them, then the tail.
  alignas(16) uint8_t last[16];
  _mm_store_si128(reinterpret_cast<__m128i*>(last), x);
  return crc_tables(crc_tables(0, last, 16), p, n);
}

bool have_clmul() {
  static const bool yes = __builtin_cpu_supports("pclmul") && __builtin_cpu_supports("sse4.1");
  return yes;
}

#endif

}  // namespace

uint32_t crc32(uint32_t crc, const uint8_t* p, size_t n) {
#if defined(__x86_64__)
  if (n >= 64 && have_clmul()) return ~crc_clmul(~crc, p, n);
#endif
  return ~crc_tables(~crc, p, n);
}

}  // namespace huntdb::ingest::evtx
