// URL and base64 codecs: url_encode, url_encode_component, url_decode, base64_encode_tostring,
// base64_decode_tostring, base64_decode_toarray, base64_encode_fromarray, base64_decode_toguid,
// base64_encode_fromguid. Bad input gives null (the empty string for string results).
#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "huntdb/functions/kernels/encoding_util.h"
#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/string_kernel_util.h"

namespace huntdb::functions {

namespace {

// url_encode / url_encode_component (reference pages: "https://www.bing.com/hello world" is
// "https%3a%2f%2fwww.bing.com%2fhello+world"; the component form writes the space as %20):
// letters, digits and -_.!*() stay, other bytes of the UTF-8 text become %xx in lower case.
template <bool Component>
ColumnPtr url_encode_kernel(const KernelArgs& a) {
  static const char kHex[] = "0123456789abcdef";
  TextReader s(a.ptr(0));
  StringWriter out(a.rows, a.rows * 24);
  for (size_t i = 0; i < a.rows; ++i) {
    std::string& t = out.text();
    for (char ch : s.get(i)) {
      unsigned char c = static_cast<unsigned char>(ch);
      if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '!' || c == '*' || c == '(' || c == ')') {
        t += ch;
      } else if (c == ' ' && !Component) {
        t += '+';
      } else {
        t += '%';
        t += kHex[c >> 4];
        t += kHex[c & 15];
      }
    }
    out.end_row();
  }
  return out.finish();
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// url_decode: '+' is a space, %xx a byte, %uxxxx a UTF-16 unit; a '%' that starts neither stays
// as it is. The bytes are read as UTF-8, unreadable ones as U+FFFD.
std::string url_decode(std::string_view s) {
  std::string bytes;
  bytes.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '+') {
      bytes += ' ';
    } else if (c == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      bytes += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else if (c == '%' && i + 5 < s.size() && (s[i + 1] == 'u' || s[i + 1] == 'U') && hex_value(s[i + 2]) >= 0 &&
               hex_value(s[i + 3]) >= 0 && hex_value(s[i + 4]) >= 0 && hex_value(s[i + 5]) >= 0) {
      uint32_t unit = static_cast<uint32_t>(hex_value(s[i + 2]) << 12 | hex_value(s[i + 3]) << 8 |
                                            hex_value(s[i + 4]) << 4 | hex_value(s[i + 5]));
      append_utf8(bytes, unit >= 0xD800 && unit <= 0xDFFF ? 0xFFFD : unit);
      i += 5;
    } else {
      bytes += c;
    }
  }
  return utf8_sanitize(bytes);
}

ColumnPtr url_decode_kernel(const KernelArgs& a) {
  TextReader s(a.ptr(0));
  StringWriter out(a.rows, a.rows * 24);
  for (size_t i = 0; i < a.rows; ++i) out.add(url_decode(s.get(i)));
  return out.finish();
}

ColumnPtr base64_encode_tostring_kernel(const KernelArgs& a) {
  TextReader s(a.ptr(0));
  StringWriter out(a.rows, a.rows * 24);
  for (size_t i = 0; i < a.rows; ++i) {
    base64_encode(s.get(i), out.text());
    out.end_row();
  }
  return out.finish();
}

// base64_decode_tostring (reference page): the decoded bytes are the string, NUL bytes and all
// (a UTF-16 "powershell -enc" payload decodes to its characters with NULs between them); bytes
// that are not UTF-8 give null, as does text that is not base64.
ColumnPtr base64_decode_tostring_kernel(const KernelArgs& a) {
  TextReader s(a.ptr(0));
  StringWriter out(a.rows, a.rows * 24);
  std::string bytes;
  for (size_t i = 0; i < a.rows; ++i) {
    if (base64_decode(s.get(i), bytes) && is_valid_utf8(bytes))
      out.add(bytes);
    else
      out.add({});
  }
  return out.finish();
}

// base64_decode_toarray: the decoded bytes as an array of longs; null for text that is not
// base64 (the reference pages' unpadded example decodes to nothing).
ColumnPtr base64_decode_toarray_kernel(const KernelArgs& a) {
  TextReader s(a.ptr(0));
  std::vector<DynamicPtr> out(a.rows);
  std::string bytes;
  for (size_t i = 0; i < a.rows; ++i) {
    if (!base64_decode(s.get(i), bytes)) continue;
    DynValue::Elements el;
    el.reserve(bytes.size());
    for (char c : bytes) el.push_back(DynValue::of_long(static_cast<unsigned char>(c)));
    out[i] = DynValue::of_array(std::move(el));
  }
  return Column::make_dynamics(std::move(out));
}

// base64_encode_fromarray: an array of byte values (0..255) encoded; anything else gives null.
ColumnPtr base64_encode_fromarray_kernel(const KernelArgs& a) {
  DynamicReader arr(a[0]);
  StringWriter out(a.rows, a.rows * 24);
  std::string bytes;
  for (size_t i = 0; i < a.rows; ++i) {
    const DynValue* d = arr.get(i);
    bool ok = d && d->is_array();
    bytes.clear();
    if (ok)
      for (const auto& el : d->elements()) {
        if (!el || el->kind() != DynValue::Kind::Long || el->as_long() < 0 || el->as_long() > 255) {
          ok = false;
          break;
        }
        bytes += static_cast<char>(el->as_long());
      }
    if (ok) base64_encode(bytes, out.text());
    out.end_row();
  }
  return out.finish();
}

// .NET's Guid byte order: the first three groups little-endian.
constexpr int kGuidByteOrder[16] = {3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15};

// base64_decode_toguid: 16 bytes in .NET's Guid.ToByteArray order (reference page:
// "JpbpECu8dUy7Pv5gbeJXAA==" is 10e99626-bc2b-754c-bb3e-fe606de25700); else null.
ColumnPtr base64_decode_toguid_kernel(const KernelArgs& a) {
  TextReader s(a.ptr(0));
  ValueWriter<Guid> out(ScalarType::Guid, a.rows);
  std::string bytes;
  for (size_t i = 0; i < a.rows; ++i) {
    if (!base64_decode(s.get(i), bytes) || bytes.size() != 16) {
      out.set_null(i);
      continue;
    }
    Guid g;
    for (int k = 0; k < 16; ++k) g.bytes[static_cast<size_t>(kGuidByteOrder[k])] = static_cast<uint8_t>(bytes[static_cast<size_t>(k)]);
    out.set(i, g);
  }
  return out.finish();
}

ColumnPtr base64_encode_fromguid_kernel(const KernelArgs& a) {
  StringWriter out(a.rows, a.rows * 24);
  const Column& c = a[0];
  std::string bytes(16, '\0');
  for (size_t i = 0; i < a.rows; ++i) {
    Value v = c.value_at(i);
    if (v.is_null() || v.type != ScalarType::Guid) {
      out.add({});
      continue;
    }
    for (int k = 0; k < 16; ++k) bytes[static_cast<size_t>(k)] = static_cast<char>(v.as_guid().bytes[static_cast<size_t>(kGuidByteOrder[k])]);
    base64_encode(bytes, out.text());
    out.end_row();
  }
  return out.finish();
}

}  // namespace

void attach_encoding_kernels(Registry& r) {
  static const KernelTable kernels[] = {
      {.name = "url_encode", .kernel = url_encode_kernel<false>},
      {.name = "url_encode_component", .kernel = url_encode_kernel<true>},
      {.name = "url_decode", .kernel = url_decode_kernel},
      {.name = "base64_encode_tostring", .kernel = base64_encode_tostring_kernel},
      {.name = "base64_decode_tostring", .kernel = base64_decode_tostring_kernel},
      {.name = "base64_decode_toarray", .kernel = base64_decode_toarray_kernel},
      {.name = "base64_encode_fromarray", .kernel = base64_encode_fromarray_kernel},
      {.name = "base64_decode_toguid", .kernel = base64_decode_toguid_kernel},
      {.name = "base64_encode_fromguid", .kernel = base64_encode_fromguid_kernel},
  };
  r.attach(kernels);
}

}  // namespace huntdb::functions
