// punycode_from_string, punycode_to_string, punycode_domain_from_string,
// punycode_domain_to_string: the Punycode of RFC 3492 (punycode_from_string('académie-française')
// is "acadmie-franaise-npb1a", reference page), and per label of a domain name with the "xn--"
// prefix (IDNA). Text that cannot be encoded or decoded gives the empty string (null).
#include <optional>
#include <string>
#include <vector>

#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/string_kernel_util.h"
#include "huntdb/functions/kernels/text_search.h"

namespace huntdb::functions {

namespace {

constexpr uint32_t kBase = 36, kTMin = 1, kTMax = 26, kSkew = 38, kDamp = 700, kInitialBias = 72,
                   kInitialN = 128;

uint32_t adapt(uint32_t delta, uint32_t points, bool first) {
  delta = first ? delta / kDamp : delta / 2;
  delta += delta / points;
  uint32_t k = 0;
  while (delta > ((kBase - kTMin) * kTMax) / 2) {
    delta /= kBase - kTMin;
    k += kBase;
  }
  return k + (kBase - kTMin + 1) * delta / (delta + kSkew);
}

char digit_char(uint32_t d) { return static_cast<char>(d < 26 ? 'a' + d : '0' + (d - 26)); }

std::optional<std::string> encode(std::string_view text) {
  std::vector<uint32_t> cps;
  for (size_t i = 0; i < text.size();) {
    int32_t cp;
    i += utf8_decode(text, i, cp);
    cps.push_back(static_cast<uint32_t>(cp));
  }
  std::string out;
  for (uint32_t c : cps)
    if (c < 0x80) out += static_cast<char>(c);
  uint32_t basic = static_cast<uint32_t>(out.size()), handled = basic;
  if (basic > 0) out += '-';
  uint32_t n = kInitialN, bias = kInitialBias;
  uint64_t delta = 0;
  while (handled < cps.size()) {
    uint32_t m = UINT32_MAX;
    for (uint32_t c : cps)
      if (c >= n && c < m) m = c;
    delta += static_cast<uint64_t>(m - n) * (handled + 1);
    if (delta > UINT32_MAX) return std::nullopt;
    n = m;
    for (uint32_t c : cps) {
      if (c < n && ++delta > UINT32_MAX) return std::nullopt;
      if (c != n) continue;
      uint32_t q = static_cast<uint32_t>(delta);
      for (uint32_t k = kBase;; k += kBase) {
        uint32_t t = k <= bias ? kTMin : (k >= bias + kTMax ? kTMax : k - bias);
        if (q < t) break;
        out += digit_char(t + (q - t) % (kBase - t));
        q = (q - t) / (kBase - t);
      }
      out += digit_char(q);
      bias = adapt(static_cast<uint32_t>(delta), handled + 1, handled == basic);
      delta = 0;
      ++handled;
    }
    ++delta;
    ++n;
  }
  return out;
}

std::optional<std::string> decode(std::string_view text) {
  std::vector<uint32_t> out;
  size_t dash = text.rfind('-');
  size_t b = dash == std::string_view::npos ? 0 : dash;
  for (size_t i = 0; i < b; ++i) {
    if (static_cast<unsigned char>(text[i]) >= 0x80) return std::nullopt;
    out.push_back(static_cast<unsigned char>(text[i]));
  }
  uint32_t n = kInitialN, bias = kInitialBias;
  uint64_t i = 0;
  for (size_t in = b > 0 ? b + 1 : 0; in < text.size();) {
    uint64_t old_i = i, w = 1;
    for (uint32_t k = kBase;; k += kBase) {
      if (in >= text.size()) return std::nullopt;
      char c = text[in++];
      uint32_t digit;
      if (c >= '0' && c <= '9') digit = static_cast<uint32_t>(c - '0') + 26;
      else if (c >= 'a' && c <= 'z') digit = static_cast<uint32_t>(c - 'a');
      else if (c >= 'A' && c <= 'Z') digit = static_cast<uint32_t>(c - 'A');
      else return std::nullopt;
      i += digit * w;
      if (i > UINT32_MAX) return std::nullopt;
      uint32_t t = k <= bias ? kTMin : (k >= bias + kTMax ? kTMax : k - bias);
      if (digit < t) break;
      w *= kBase - t;
      if (w > UINT32_MAX) return std::nullopt;
    }
    uint32_t count = static_cast<uint32_t>(out.size()) + 1;
    bias = adapt(static_cast<uint32_t>(i - old_i), count, old_i == 0);
    n += static_cast<uint32_t>(i / count);
    i %= count;
    if (n > 0x10FFFF || (n >= 0xD800 && n <= 0xDFFF)) return std::nullopt;
    out.insert(out.begin() + static_cast<std::ptrdiff_t>(i), n);
    ++i;
  }
  std::string s;
  for (uint32_t c : out) append_utf8(s, c);
  return s;
}

// Each dot-separated label: encoded with "xn--" when it is not ASCII / decoded when it has it.
template <bool Encode>
std::optional<std::string> domain(std::string_view d) {
  std::string out;
  size_t p = 0;
  for (;;) {
    size_t dot = d.find('.', p);
    std::string_view label = d.substr(p, dot == std::string_view::npos ? std::string_view::npos : dot - p);
    if (Encode && !is_ascii(label)) {
      auto e = encode(label);
      if (!e) return std::nullopt;
      out += "xn--" + *e;
    } else if (!Encode && label.size() > 4 && equals_ci(label.substr(0, 4), "xn--")) {
      auto e = decode(label.substr(4));
      if (!e) return std::nullopt;
      out += *e;
    } else {
      out += label;
    }
    if (dot == std::string_view::npos) break;
    out += '.';
    p = dot + 1;
  }
  return out;
}

template <std::optional<std::string> (*Fn)(std::string_view)>
ColumnPtr codec_kernel(const KernelArgs& a) {
  TextReader s(a.ptr(0));
  StringWriter out(a.rows, a.rows * 16);
  for (size_t i = 0; i < a.rows; ++i) {
    auto r = Fn(s.get(i));
    out.add(r ? std::string_view(*r) : std::string_view());
  }
  return out.finish();
}

}  // namespace

void attach_punycode_kernels(Registry& r) {
  static const KernelTable kernels[] = {
      {.name = "punycode_from_string", .kernel = codec_kernel<encode>},
      {.name = "punycode_to_string", .kernel = codec_kernel<decode>},
      {.name = "punycode_domain_from_string", .kernel = codec_kernel<domain<true>>},
      {.name = "punycode_domain_to_string", .kernel = codec_kernel<domain<false>>},
  };
  r.attach(kernels);
}

}  // namespace huntdb::functions
