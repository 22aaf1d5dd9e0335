#include "huntdb/storage/extent_format.h"

#include <zlib.h>

#include "huntdb/storage/byte_buffer.h"

namespace huntdb::storage {

namespace {

bool is_int_like(ScalarType t) {
  return t == ScalarType::Bool || t == ScalarType::Int || t == ScalarType::Long || t == ScalarType::DateTime ||
         t == ScalarType::TimeSpan;
}

void write_stat(ByteWriter& out, ScalarType t, const Value& v) {
  if (is_int_like(t)) {
    int64_t x = t == ScalarType::Bool ? (v.as_bool() ? 1 : 0) : t == ScalarType::Int ? v.as_int() : v.as_long();
    out.i64(x);
  } else if (t == ScalarType::Real) {
    out.f64(v.as_real());
  } else if (t == ScalarType::Decimal) {
    out.f64(std::get<Decimal>(v.data).value);
  } else if (t == ScalarType::String) {
    out.str(v.as_string());
  }
}

Value read_stat(ByteReader& in, ScalarType t) {
  switch (t) {
    case ScalarType::Bool: return Value::of_bool(in.i64() != 0);
    case ScalarType::Int: return Value::of_int(static_cast<int32_t>(in.i64()));
    case ScalarType::Long: return Value::of_long(in.i64());
    case ScalarType::DateTime: return Value::of_datetime(in.i64());
    case ScalarType::TimeSpan: return Value::of_timespan(in.i64());
    case ScalarType::Real: return Value::of_real(in.f64());
    case ScalarType::Decimal: return Value::of_decimal(in.f64());
    case ScalarType::String: return Value::of_string(std::string(in.str()));
    default: throw StorageError("corrupt extent footer: statistics for a type without them");
  }
}

}  // namespace

std::string ExtentFooter::serialize() const {
  ByteWriter out;
  out.u64(rows);
  out.i64(created_ticks);
  out.varint(columns.size());
  for (const auto& c : columns) {
    out.str(c.name);
    out.u8(static_cast<uint8_t>(c.type));
    out.u8(static_cast<uint8_t>(c.encoding));
    out.u64(c.offset);
    out.u64(c.size);
    out.u64(c.raw_size);
    out.u32(c.crc);
    out.varint(c.stats.null_count);
    out.u8(c.stats.has_range ? 1 : 0);
    if (c.stats.has_range) {
      write_stat(out, c.type, c.stats.min);
      write_stat(out, c.type, c.stats.max);
    }
    out.u64(c.term_offset);
    out.u64(c.term_size);
  }
  return std::move(out.bytes());
}

ExtentFooter ExtentFooter::parse(std::span<const uint8_t> bytes) {
  ByteReader in(bytes, "extent footer");
  ExtentFooter f;
  f.rows = in.u64();
  f.created_ticks = in.i64();
  uint64_t n = in.varint();
  if (n > in.remaining()) throw StorageError("corrupt extent footer: bad column count");
  for (uint64_t i = 0; i < n; ++i) {
    ColumnMeta c;
    c.name = std::string(in.str());
    uint8_t type = in.u8();
    if (type == 0 || type > static_cast<uint8_t>(ScalarType::Dynamic))
      throw StorageError("corrupt extent footer: bad column type");
    c.type = static_cast<ScalarType>(type);
    c.encoding = static_cast<ChunkEncoding>(in.u8());
    c.offset = in.u64();
    c.size = in.u64();
    c.raw_size = in.u64();
    c.crc = in.u32();
    c.stats.null_count = in.varint();
    c.stats.has_range = in.u8() != 0;
    if (c.stats.has_range) {
      c.stats.min = read_stat(in, c.type);
      c.stats.max = read_stat(in, c.type);
    }
    c.term_offset = in.u64();
    c.term_size = in.u64();
    f.columns.push_back(std::move(c));
  }
  return f;
}

int ExtentFooter::index_of(std::string_view name) const {
  for (size_t i = 0; i < columns.size(); ++i)
    if (columns[i].name == name) return static_cast<int>(i);
  return -1;
}

uint32_t crc32_of(std::span<const uint8_t> bytes) {
  uLong crc = ::crc32(0L, Z_NULL, 0);
  const uint8_t* p = bytes.data();
  size_t n = bytes.size();
  while (n > 0) {
    uInt chunk = static_cast<uInt>(std::min<size_t>(n, 1u << 30));
    crc = ::crc32(crc, p, chunk);
    p += chunk;
    n -= chunk;
  }
  return static_cast<uint32_t>(crc);
}

}  // namespace huntdb::storage
