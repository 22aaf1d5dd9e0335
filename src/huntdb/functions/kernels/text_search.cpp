#include "huntdb/functions/kernels/text_search.h"

#include <cstring>

#include <utf8proc.h>

namespace huntdb::functions {

namespace {

inline unsigned char lower_ascii(unsigned char c) { return (c >= 'A' && c <= 'Z') ? c | 0x20 : c; }

std::string map_case(std::string_view s, bool upper) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += static_cast<char>(upper ? ((c >= 'a' && c <= 'z') ? c - 32 : c) : lower_ascii(c));
      ++i;
      continue;
    }
    utf8proc_int32_t cp;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                              static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) {
      // Not UTF-8: keep the byte as it is.
      out += s[i];
      ++i;
      continue;
    }
    utf8proc_int32_t mapped = upper ? utf8proc_toupper(cp) : utf8proc_tolower(cp);
    // utf8proc upper-cases ß to ẞ (U+1E9E); Unicode's simple case mapping, which .NET's invariant
    // culture (and so Kusto's toupper()) applies, keeps ß.
    if (upper && cp == 0xDF) mapped = cp;
    utf8proc_uint8_t buf[4];
    auto len = utf8proc_encode_char(mapped, buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(len));
    i += static_cast<size_t>(n);
  }
  return out;
}

}  // namespace

bool is_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

std::string to_lower_invariant(std::string_view s) { return map_case(s, false); }
std::string to_upper_invariant(std::string_view s) { return map_case(s, true); }

bool equals_ci(std::string_view a, std::string_view b) {
  if (a.size() == b.size()) {
    bool ascii = true;
    for (size_t i = 0; i < a.size(); ++i) {
      unsigned char x = static_cast<unsigned char>(a[i]), y = static_cast<unsigned char>(b[i]);
      if (x >= 0x80 || y >= 0x80) {
        ascii = false;
        break;
      }
      if (lower_ascii(x) != lower_ascii(y)) return false;
    }
    if (ascii) return true;
  } else if (is_ascii(a) && is_ascii(b)) {
    return false;
  }
  return to_lower_invariant(a) == to_lower_invariant(b);
}

TextMatcher::TextMatcher(std::string_view needle, bool case_sensitive)
    : needle_(case_sensitive ? std::string(needle) : to_lower_invariant(needle)),
      cs_(case_sensitive),
      needle_ascii_(is_ascii(needle)) {}

size_t TextMatcher::find_folded(std::string_view haystack, size_t from) const {
  // Positions in the folded text can differ from the original's; callers that need exact
  // positions of non-ASCII text get the folded text's, which is what a match test needs.
  std::string folded = to_lower_invariant(haystack.substr(from));
  size_t p = folded.find(needle_);
  return p == std::string::npos ? std::string_view::npos : p + from;
}

size_t TextMatcher::find(std::string_view h, size_t from) const {
  const size_t m = needle_.size();
  if (m == 0) return from <= h.size() ? from : std::string_view::npos;
  if (h.size() < m + from) return std::string_view::npos;
  if (cs_) return h.find(needle_, from);
  if (!needle_ascii_ || !is_ascii(h)) return find_folded(h, from);
  const unsigned char first = static_cast<unsigned char>(needle_[0]);
  const unsigned char first_upper = (first >= 'a' && first <= 'z') ? first - 32 : first;
  const char* base = h.data();
  const char* end = base + h.size() - m + 1;
  const char* p = base + from;
  while (p < end) {
    // Jump to the next byte that can start a match (either case of the first letter).
    const void* a = std::memchr(p, first, static_cast<size_t>(end - p));
    const void* b = first_upper != first ? std::memchr(p, first_upper, static_cast<size_t>(end - p)) : nullptr;
    const char* q = static_cast<const char*>(a);
    if (!q || (b && static_cast<const char*>(b) < q)) q = static_cast<const char*>(b);
    if (!q) return std::string_view::npos;
    size_t k = 1;
    while (k < m && lower_ascii(static_cast<unsigned char>(q[k])) == static_cast<unsigned char>(needle_[k])) ++k;
    if (k == m) return static_cast<size_t>(q - base);
    p = q + 1;
  }
  return std::string_view::npos;
}

bool TextMatcher::starts_with(std::string_view h) const {
  if (cs_) return h.substr(0, needle_.size()) == needle_;
  if (h.size() >= needle_.size() && needle_ascii_ && is_ascii(h.substr(0, needle_.size())))
    return equals_ci(h.substr(0, needle_.size()), needle_);
  return to_lower_invariant(h).starts_with(needle_);
}

bool TextMatcher::ends_with(std::string_view h) const {
  if (cs_) return h.size() >= needle_.size() && h.substr(h.size() - needle_.size()) == needle_;
  if (h.size() >= needle_.size() && needle_ascii_ && is_ascii(h.substr(h.size() - needle_.size())))
    return equals_ci(h.substr(h.size() - needle_.size()), needle_);
  return to_lower_invariant(h).ends_with(needle_);
}

bool TextMatcher::equals(std::string_view h) const {
  if (cs_) return h == needle_;
  return equals_ci(h, needle_);
}

template <typename Accept>
bool TextMatcher::any_match(std::string_view h, Accept accept) const {
  std::string folded;
  std::string_view text = h;
  if (!cs_ && (!needle_ascii_ || !is_ascii(h))) {
    folded = to_lower_invariant(h);
    text = folded;
  }
  TextMatcher exact(needle_, true);
  const TextMatcher& m = (text.data() == h.data() && !cs_) ? *this : exact;
  size_t from = 0;
  while (true) {
    size_t p = m.find(text, from);
    if (p == std::string_view::npos) return false;
    if (accept(text, p)) return true;
    from = p + 1;
  }
}

bool TextMatcher::has(std::string_view h) const {
  if (needle_.empty()) return true;
  bool check_start = is_term_char(static_cast<unsigned char>(needle_.front()));
  bool check_end = is_term_char(static_cast<unsigned char>(needle_.back()));
  size_t m = needle_.size();
  return any_match(h, [&](std::string_view t, size_t p) {
    if (check_start && p > 0 && is_term_char(static_cast<unsigned char>(t[p - 1]))) return false;
    if (check_end && p + m < t.size() && is_term_char(static_cast<unsigned char>(t[p + m]))) return false;
    return true;
  });
}

bool TextMatcher::has_prefix(std::string_view h) const {
  if (needle_.empty()) return true;
  bool check_start = is_term_char(static_cast<unsigned char>(needle_.front()));
  return any_match(h, [&](std::string_view t, size_t p) {
    return !(check_start && p > 0 && is_term_char(static_cast<unsigned char>(t[p - 1])));
  });
}

bool TextMatcher::has_suffix(std::string_view h) const {
  if (needle_.empty()) return true;
  bool check_end = is_term_char(static_cast<unsigned char>(needle_.back()));
  size_t m = needle_.size();
  return any_match(h, [&](std::string_view t, size_t p) {
    return !(check_end && p + m < t.size() && is_term_char(static_cast<unsigned char>(t[p + m])));
  });
}

}  // namespace huntdb::functions
