#include "huntdb/ingest/evtx/utf16.h"

#include "huntdb/ingest/evtx/bytes.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace huntdb::ingest::evtx {

void append_code_point(uint32_t cp, std::string& out) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    char b[2] = {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
    out.append(b, 2);
  } else if (cp < 0x10000) {
    char b[3] = {static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                 static_cast<char>(0x80 | (cp & 0x3F))};
    out.append(b, 3);
  } else {
    char b[4] = {static_cast<char>(0xF0 | (cp >> 18)), static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
                 static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
    out.append(b, 4);
  }
}

void append_utf16le(const uint8_t* p, size_t units, std::string& out, bool stop_at_nul) {
  // Event text is overwhelmingly ASCII: reserve the worst case for ASCII and write bytes straight
  // into the string, falling back to the general path unit by unit.
  size_t start = out.size();
  out.resize(start + units);
  char* w = out.data() + start;
  size_t i = 0;
#if defined(__SSE2__)
  // Eight units at a time while they are all ASCII and none is NUL (SSE2 is baseline on x86-64).
  const __m128i high = _mm_set1_epi16(static_cast<short>(0xFF80));
  const __m128i zero = _mm_setzero_si128();
  for (; i + 8 <= units; i += 8) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 2 * i));
    const int ascii = _mm_movemask_epi8(_mm_cmpeq_epi16(_mm_and_si128(v, high), zero));  // 0xFFFF: all < 0x80
    const int nul = _mm_movemask_epi8(_mm_cmpeq_epi16(v, zero));
    if (ascii != 0xFFFF || nul != 0) break;
    _mm_storel_epi64(reinterpret_cast<__m128i*>(w), _mm_packus_epi16(v, v));
    w += 8;
  }
#endif
  for (; i < units; ++i) {
    uint16_t u = le16(p + 2 * i);
    if (u >= 0x80 || u == 0) break;
    *w++ = static_cast<char>(u);
  }
  out.resize(static_cast<size_t>(w - out.data()));
  for (; i < units; ++i) {
    uint16_t u = le16(p + 2 * i);
    if (u == 0) {
      if (stop_at_nul) return;
      continue;
    }
    if (u < 0x80) {
      out.push_back(static_cast<char>(u));
    } else if (u >= 0xD800 && u <= 0xDBFF && i + 1 < units) {
      uint16_t lo = le16(p + 2 * (i + 1));
      if (lo >= 0xDC00 && lo <= 0xDFFF) {
        append_code_point(0x10000 + ((static_cast<uint32_t>(u) - 0xD800) << 10) + (lo - 0xDC00), out);
        ++i;
      } else {
        append_code_point(0xFFFD, out);
      }
    } else {
      append_code_point(u, out);  // lone surrogates map to U+FFFD inside
    }
  }
}

}  // namespace huntdb::ingest::evtx
