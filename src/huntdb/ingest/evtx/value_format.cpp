#include "huntdb/ingest/evtx/value_format.h"

#include <charconv>

#include "huntdb/ingest/evtx/bytes.h"
#include "huntdb/ingest/evtx/time_format.h"
#include "huntdb/ingest/evtx/utf16.h"
#include "huntdb/ingest/evtx/value_type.h"

namespace huntdb::ingest::evtx {
namespace {

template <class T>
void put_number(T v, std::string& out) {
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, static_cast<size_t>(r.ptr - buf));
}

void put_hex(uint64_t v, std::string& out) {
  char buf[24];
  buf[0] = '0';
  buf[1] = 'x';
  auto r = std::to_chars(buf + 2, buf + sizeof buf, v, 16);
  out.append(buf, static_cast<size_t>(r.ptr - buf));
}

constexpr char kUpperHex[] = "0123456789ABCDEF";

// Writes `digits` upper-case hex digits of v at w; returns the position after them.
char* write_hex_fixed(uint64_t v, int digits, char* w) {
  for (int i = digits - 1; i >= 0; --i) *w++ = kUpperHex[(v >> (4 * i)) & 0xF];
  return w;
}

void put_hex_fixed(uint64_t v, int digits, std::string& out) {
  char buf[16];
  out.append(buf, static_cast<size_t>(write_hex_fixed(v, digits, buf) - buf));
}

// {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}, composed on the stack and appended at once (every
// record has a provider GUID, logon events a logon GUID too).
void put_guid(const uint8_t* p, std::string& out) {
  char buf[38];
  char* w = buf;
  *w++ = '{';
  w = write_hex_fixed(le32(p), 8, w);
  *w++ = '-';
  w = write_hex_fixed(le16(p + 4), 4, w);
  *w++ = '-';
  w = write_hex_fixed(le16(p + 6), 4, w);
  *w++ = '-';
  for (int i = 8; i < 10; ++i) w = write_hex_fixed(p[i], 2, w);
  *w++ = '-';
  for (int i = 10; i < 16; ++i) w = write_hex_fixed(p[i], 2, w);
  *w++ = '}';
  out.append(buf, sizeof buf);
}

// Byte length of the SID at p (0 if `size` cannot hold it).
uint32_t sid_length(const uint8_t* p, uint32_t size) {
  if (size < 8) return 0;
  uint32_t n = 8 + 4u * p[1];
  return n <= size ? n : 0;
}

// S-R-I-S-S…: revision, 48-bit big-endian authority, then 32-bit little-endian sub-authorities.
// Authorities that do not fit 32 bits are written in hex, as ConvertSidToStringSid does.
void put_sid(const uint8_t* p, uint32_t len, std::string& out) {
  out.append("S-");
  put_number(static_cast<unsigned>(p[0]), out);
  out.push_back('-');
  uint64_t auth = 0;
  for (int i = 2; i < 8; ++i) auth = (auth << 8) | p[i];
  if (auth >> 32) {
    out.append("0x");
    put_hex_fixed(auth, 12, out);
  } else {
    put_number(auth, out);
  }
  for (uint32_t off = 8; off + 4 <= len; off += 4) {
    out.push_back('-');
    put_number(le32(p + off), out);
  }
}

// Windows-1252 bytes 0x80..0x9F; the rest of the code page is Latin-1. ANSI strings are rare in
// event logs and their real code page is not recorded, so 1252 (the Western default) is a guess.
constexpr uint16_t kCp1252High[32] = {0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
                                      0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

void put_ansi(const uint8_t* p, uint32_t n, std::string& out) {
  for (uint32_t i = 0; i < n && p[i] != 0; ++i) {
    uint8_t b = p[i];
    if (b < 0x80)
      out.push_back(static_cast<char>(b));
    else
      append_code_point(b < 0xA0 ? kCp1252High[b - 0x80] : b, out);
  }
}

// For string arrays: the [begin, end) byte range of each NUL-terminated item, in order. The
// callback returns false to stop early.
template <class Fn>
void for_each_string_item(bool wide, const uint8_t* p, uint32_t size, Fn&& fn) {
  const uint32_t unit = wide ? 2 : 1;
  uint32_t start = 0;
  uint32_t i = 0;
  for (; i + unit <= size; i += unit) {
    bool nul = wide ? (p[i] == 0 && p[i + 1] == 0) : p[i] == 0;
    if (nul) {
      if (!fn(start, i)) return;
      start = i + unit;
    }
  }
  if (start < i) fn(start, i);  // last item without its terminator
}

}  // namespace

void append_hex_bytes(const uint8_t* p, uint32_t n, std::string& out) {
  size_t at = out.size();
  out.resize(at + 2 * static_cast<size_t>(n));
  char* w = out.data() + at;
  for (uint32_t i = 0; i < n; ++i) {
    *w++ = kUpperHex[p[i] >> 4];
    *w++ = kUpperHex[p[i] & 0xF];
  }
}

void format_value(uint8_t type, const uint8_t* p, uint32_t n, std::string& out) {
  const ValueType t = static_cast<ValueType>(type);
  const uint32_t want = fixed_size(t);
  if (want != 0 && n != want) {
    append_hex_bytes(p, n, out);
    return;
  }
  switch (t) {
    case ValueType::Null:
      return;
    case ValueType::String:
      append_utf16le(p, n / 2, out, /*stop_at_nul=*/true);
      return;
    case ValueType::AnsiString:
      put_ansi(p, n, out);
      return;
    case ValueType::Int8:
      put_number(static_cast<int8_t>(p[0]), out);
      return;
    case ValueType::UInt8:
      put_number(p[0], out);
      return;
    case ValueType::Int16:
      put_number(static_cast<int16_t>(le16(p)), out);
      return;
    case ValueType::UInt16:
      put_number(le16(p), out);
      return;
    case ValueType::Int32:
      put_number(static_cast<int32_t>(le32(p)), out);
      return;
    case ValueType::UInt32:
      put_number(le32(p), out);
      return;
    case ValueType::Int64:
      put_number(static_cast<int64_t>(le64(p)), out);
      return;
    case ValueType::UInt64:
      put_number(le64(p), out);
      return;
    case ValueType::Real32: {
      float f;
      uint32_t bits = le32(p);
      std::memcpy(&f, &bits, 4);
      put_number(f, out);
      return;
    }
    case ValueType::Real64: {
      double d;
      uint64_t bits = le64(p);
      std::memcpy(&d, &bits, 8);
      put_number(d, out);
      return;
    }
    case ValueType::Bool:
      out.append(le32(p) != 0 ? "true" : "false");
      return;
    case ValueType::Guid:
      put_guid(p, out);
      return;
    case ValueType::SizeT:
      if (n == 4)
        put_hex(le32(p), out);
      else if (n == 8)
        put_hex(le64(p), out);
      else
        append_hex_bytes(p, n, out);
      return;
    case ValueType::FileTime:
      append_filetime_iso(le64(p), out);
      return;
    case ValueType::SysTime:
      append_systemtime_iso(p, out);
      return;
    case ValueType::Sid:
      if (uint32_t len = sid_length(p, n); len != 0)
        put_sid(p, len, out);
      else
        append_hex_bytes(p, n, out);
      return;
    case ValueType::HexInt32:
      put_hex(le32(p), out);
      return;
    case ValueType::HexInt64:
      put_hex(le64(p), out);
      return;
    default:  // Binary, EvtHandle, EvtXml and types this reader does not know
      append_hex_bytes(p, n, out);
      return;
  }
}

uint32_t array_item_count(uint8_t type, const uint8_t* p, uint32_t n) {
  const ValueType t = base_type(type);
  if (t == ValueType::String || t == ValueType::AnsiString) {
    uint32_t count = 0;
    for_each_string_item(t == ValueType::String, p, n, [&](uint32_t, uint32_t) { return ++count, true; });
    return count;
  }
  if (t == ValueType::Sid) {
    uint32_t count = 0;
    for (uint32_t off = 0, len; off < n && (len = sid_length(p + off, n - off)) != 0; off += len) ++count;
    return count;
  }
  const uint32_t item = fixed_size(t);
  if (item != 0) return n / item;
  // SizeT arrays carry no width of their own; pointer-sized items are 8 bytes on the 64-bit systems
  // that write these logs, 4 when the data cannot be 8-byte items.
  if (t == ValueType::SizeT) return n % 8 == 0 ? n / 8 : n / 4;
  return n > 0 ? 1 : 0;  // Binary and unknown types: the whole value is one item
}

void format_array_item(uint8_t type, const uint8_t* p, uint32_t n, uint32_t index, std::string& out) {
  const ValueType t = base_type(type);
  const uint8_t bt = static_cast<uint8_t>(t);
  if (t == ValueType::String || t == ValueType::AnsiString) {
    uint32_t k = 0;
    for_each_string_item(t == ValueType::String, p, n, [&](uint32_t b, uint32_t e) {
      if (k++ != index) return true;
      format_value(bt, p + b, e - b, out);
      return false;
    });
    return;
  }
  if (t == ValueType::Sid) {
    uint32_t k = 0;
    for (uint32_t off = 0, len; off < n && (len = sid_length(p + off, n - off)) != 0; off += len, ++k)
      if (k == index) return put_sid(p + off, len, out);
    return;
  }
  uint32_t item = fixed_size(t);
  if (t == ValueType::SizeT) item = n % 8 == 0 ? 8 : 4;
  if (item == 0) {
    if (index == 0) format_value(bt, p, n, out);
    return;
  }
  if (static_cast<uint64_t>(index + 1) * item <= n) format_value(bt, p + index * item, item, out);
}

}  // namespace huntdb::ingest::evtx
