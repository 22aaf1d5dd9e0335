#include "huntdb/ingest/evtx/event_xml.h"

#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace huntdb::ingest::evtx {

namespace {

#if defined(__SSE2__)
// Bit k set where byte k of the 16 at `p` needs escaping.
inline unsigned special_mask16(const char* p, bool quote) {
  const __m128i amp = _mm_set1_epi8('&'), lt = _mm_set1_epi8('<'), gt = _mm_set1_epi8('>');
  const __m128i apos = _mm_set1_epi8(quote ? '\'' : '<'), quot = _mm_set1_epi8(quote ? '"' : '<');
  __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  __m128i hit = _mm_or_si128(
      _mm_or_si128(_mm_cmpeq_epi8(v, amp), _mm_cmpeq_epi8(v, lt)),
      _mm_or_si128(_mm_cmpeq_epi8(v, gt), _mm_or_si128(_mm_cmpeq_epi8(v, apos), _mm_cmpeq_epi8(v, quot))));
  return static_cast<unsigned>(_mm_movemask_epi8(hit));
}
#endif

// Position of the first character at or after `i` that needs escaping, or s.size(). Most values
// need none, so the scan goes sixteen bytes at a time where SSE2 is available, the last few
// bytes included: most values are shorter than sixteen bytes, and a byte-by-byte tail was most
// of the cost of escaping them.
size_t next_special(std::string_view s, size_t i, bool quote) {
  const size_t n = s.size();
#if defined(__SSE2__)
  for (; i + 16 <= n; i += 16)
    if (unsigned mask = special_mask16(s.data() + i, quote); mask != 0) return i + static_cast<size_t>(__builtin_ctz(mask));
  if (i == n) return n;
  const size_t left = n - i;
  if (n >= 16) {
    // The last sixteen bytes of the value; those before `i` were scanned already.
    unsigned mask = special_mask16(s.data() + n - 16, quote) >> (16 - left);
    return mask != 0 ? i + static_cast<size_t>(__builtin_ctz(mask)) : n;
  }
  // A short value: sixteen bytes from `i` may be read when they stay within its memory page
  // (pages are readable whole); the bytes past the value are masked off.
  if ((reinterpret_cast<uintptr_t>(s.data() + i) & 4095) <= 4096 - 16) {
    unsigned mask = special_mask16(s.data() + i, quote) & ((1u << left) - 1);
    return mask != 0 ? i + static_cast<size_t>(__builtin_ctz(mask)) : n;
  }
#endif
  for (; i < n; ++i) {
    char c = s[i];
    if (c == '&' || c == '<' || c == '>' || (quote && (c == '\'' || c == '"'))) return i;
  }
  return n;
}

}  // namespace

void append_xml_escaped(std::string_view s, bool quote, std::string& out) {
  size_t i = 0;
  for (;;) {
    size_t j = next_special(s, i, quote);
    out.append(s.data() + i, j - i);
    if (j == s.size()) return;
    switch (s[j]) {
      case '&':
        out.append("&amp;");
        break;
      case '<':
        out.append("&lt;");
        break;
      case '>':
        out.append("&gt;");
        break;
      case '\'':
        out.append("&apos;");
        break;
      default:
        out.append("&quot;");
        break;
    }
    i = j + 1;
  }
}

namespace {

// Appends node `i` and returns the index after its subtree.
uint32_t append_node(const Event& ev, uint32_t i, std::string& out) {
  const Node& n = ev.nodes()[i];
  switch (n.kind) {
    case NodeKind::Element: {
      out.push_back('<');
      out.append(ev.name(i));
      uint32_t c = i + 1;
      for (; c < n.end && ev.nodes()[c].kind == NodeKind::Attribute; ++c) {
        out.push_back(' ');
        out.append(ev.name(c));
        out.append("='");
        append_xml_escaped(ev.value(c), true, out);
        out.push_back('\'');
      }
      if (c == n.end) {
        out.append("/>");
        return n.end;
      }
      out.push_back('>');
      while (c < n.end) c = append_node(ev, c, out);
      out.append("</");
      out.append(ev.name(i));
      out.push_back('>');
      return n.end;
    }
    case NodeKind::Text:
      append_xml_escaped(ev.value(i), false, out);
      break;
    case NodeKind::CData:
      out.append("<![CDATA[");
      out.append(ev.value(i));
      out.append("]]>");
      break;
    case NodeKind::ProcessingInstruction:
      out.append("<?");
      out.append(ev.name(i));
      if (!ev.value(i).empty()) {
        out.push_back(' ');
        out.append(ev.value(i));
      }
      out.append("?>");
      break;
    case NodeKind::Attribute:  // only reached for malformed trees; attributes are written above
      break;
  }
  return i + 1;
}

}  // namespace

void append_element_xml(const Event& ev, uint32_t element, std::string& out) {
  if (element < ev.nodes().size()) append_node(ev, element, out);
}

void append_event_xml(const Event& ev, std::string& out) {
  for (uint32_t i = 0; i < ev.nodes().size();) i = append_node(ev, i, out);
}

std::string event_xml(const Event& ev) {
  std::string out;
  append_event_xml(ev, out);
  return out;
}

}  // namespace huntdb::ingest::evtx
