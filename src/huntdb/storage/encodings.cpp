#include "huntdb/storage/encodings.h"

#include <algorithm>
#include <bit>

namespace huntdb::storage {

namespace {

unsigned bit_width_of(uint64_t range) { return static_cast<unsigned>(std::bit_width(range)); }

// The width frame of reference needs for values (as unsigned offsets from their minimum).
unsigned for_width(std::span<const int64_t> values, int64_t* base) {
  if (values.empty()) {
    *base = 0;
    return 0;
  }
  auto [lo, hi] = std::minmax_element(values.begin(), values.end());
  *base = *lo;
  return bit_width_of(static_cast<uint64_t>(*hi) - static_cast<uint64_t>(*lo));
}

void write_for(ByteWriter& out, std::span<const int64_t> values, int64_t base, unsigned width) {
  out.i64(base);
  out.u8(static_cast<uint8_t>(width));
  std::vector<uint64_t> offsets(values.size());
  for (size_t i = 0; i < values.size(); ++i)
    offsets[i] = static_cast<uint64_t>(values[i]) - static_cast<uint64_t>(base);
  pack_bits(out, offsets, width);
}

void read_for(ByteReader& in, size_t count, int64_t* out) {
  auto base = static_cast<uint64_t>(in.i64());
  unsigned width = in.u8();
  if (width > 64) throw StorageError("corrupt column chunk: bad bit width");
  auto* u = reinterpret_cast<uint64_t*>(out);
  unpack_bits(in, count, width, u);
  for (size_t i = 0; i < count; ++i) out[i] = static_cast<int64_t>(u[i] + base);
}

}  // namespace

void pack_bits(ByteWriter& out, std::span<const uint64_t> values, unsigned width) {
  if (width == 0) return;
  size_t words = (values.size() * width + 63) / 64;
  std::vector<uint64_t> packed(words, 0);
  uint64_t mask = width == 64 ? ~uint64_t{0} : (uint64_t{1} << width) - 1;
  size_t bit = 0;
  for (uint64_t v : values) {
    v &= mask;
    size_t w = bit >> 6, shift = bit & 63;
    packed[w] |= v << shift;
    if (shift + width > 64) packed[w + 1] |= v >> (64 - shift);
    bit += width;
  }
  out.raw(packed.data(), packed.size() * 8);
}

void unpack_bits(ByteReader& in, size_t count, unsigned width, uint64_t* out) {
  if (width == 0) {
    std::fill(out, out + count, 0);
    return;
  }
  size_t words = (count * width + 63) / 64;
  auto bytes = in.bytes(words * 8);
  std::vector<uint64_t> packed(words + 1, 0);  // one spare word: reads of the last value may peek past
  std::memcpy(packed.data(), bytes.data(), words * 8);
  uint64_t mask = width == 64 ? ~uint64_t{0} : (uint64_t{1} << width) - 1;
  size_t bit = 0;
  for (size_t i = 0; i < count; ++i) {
    size_t w = bit >> 6, shift = bit & 63;
    uint64_t v = packed[w] >> shift;
    if (shift + width > 64) v |= packed[w + 1] << (64 - shift);
    out[i] = v & mask;
    bit += width;
  }
}

IntCoding encode_ints(ByteWriter& out, std::span<const int64_t> values) {
  int64_t base = 0;
  unsigned width = for_width(values, &base);
  std::vector<int64_t> deltas;
  int64_t delta_base = 0;
  unsigned delta_width = 65;
  if (values.size() > 1 && width > 0) {
    deltas.resize(values.size() - 1);
    for (size_t i = 1; i < values.size(); ++i)
      deltas[i - 1] = static_cast<int64_t>(static_cast<uint64_t>(values[i]) - static_cast<uint64_t>(values[i - 1]));
    delta_width = for_width(deltas, &delta_base);
  }
  out.varint(values.size());
  if (delta_width < width) {
    out.u8(static_cast<uint8_t>(IntCoding::Delta));
    out.i64(values[0]);
    write_for(out, deltas, delta_base, delta_width);
    return IntCoding::Delta;
  }
  if (width < 64) {
    out.u8(static_cast<uint8_t>(IntCoding::FrameOfReference));
    write_for(out, values, base, width);
    return IntCoding::FrameOfReference;
  }
  out.u8(static_cast<uint8_t>(IntCoding::Plain));
  out.raw(values.data(), values.size() * 8);
  return IntCoding::Plain;
}

template <typename T>
void decode_ints(ByteReader& in, std::vector<T>& out) {
  uint64_t count = in.varint();
  if (count > (uint64_t{1} << 40)) throw StorageError("corrupt column chunk: bad value count");
  auto coding = static_cast<IntCoding>(in.u8());
  std::vector<int64_t> values(count);
  switch (coding) {
    case IntCoding::Plain: {
      auto bytes = in.bytes(count * 8);
      std::memcpy(values.data(), bytes.data(), count * 8);
      break;
    }
    case IntCoding::FrameOfReference:
      read_for(in, count, values.data());
      break;
    case IntCoding::Delta: {
      int64_t first = in.i64();
      if (count == 0) break;
      values[0] = first;
      read_for(in, count - 1, values.data() + 1);
      uint64_t acc = static_cast<uint64_t>(first);
      for (size_t i = 1; i < count; ++i) {
        acc += static_cast<uint64_t>(values[i]);
        values[i] = static_cast<int64_t>(acc);
      }
      break;
    }
    default:
      throw StorageError("corrupt column chunk: unknown integer coding");
  }
  if constexpr (std::is_same_v<T, int64_t>) {
    out = std::move(values);
  } else {
    out.resize(count);
    for (size_t i = 0; i < count; ++i) out[i] = static_cast<T>(values[i]);
  }
}

template void decode_ints<int64_t>(ByteReader&, std::vector<int64_t>&);
template void decode_ints<int32_t>(ByteReader&, std::vector<int32_t>&);
template void decode_ints<uint32_t>(ByteReader&, std::vector<uint32_t>&);
template void decode_ints<uint8_t>(ByteReader&, std::vector<uint8_t>&);

void encode_dynamic(ByteWriter& out, const DynValue& v) {
  using K = DynValue::Kind;
  out.u8(static_cast<uint8_t>(v.kind()));
  switch (v.kind()) {
    case K::Null: break;
    case K::Bool: out.u8(v.as_bool() ? 1 : 0); break;
    case K::Long:
    case K::DateTime:
    case K::TimeSpan: out.i64(v.as_long()); break;
    case K::Real:
    case K::Decimal: out.f64(v.as_real()); break;
    case K::String: out.str(v.as_string()); break;
    case K::Guid: out.raw(v.as_guid().bytes.data(), 16); break;
    case K::Array:
      out.varint(v.elements().size());
      for (const auto& e : v.elements()) encode_dynamic(out, e ? *e : *DynValue::null());
      break;
    case K::Object:
      out.varint(v.properties().size());
      for (const auto& [key, value] : v.properties()) {
        out.str(key);
        encode_dynamic(out, value ? *value : *DynValue::null());
      }
      break;
  }
}

namespace {

DynamicPtr decode_dynamic_at(ByteReader& in, size_t depth);

}  // namespace

DynamicPtr decode_dynamic(ByteReader& in) { return decode_dynamic_at(in, 0); }

namespace {

// Depth is bounded so that a damaged chunk cannot exhaust the stack.
DynamicPtr decode_dynamic_at(ByteReader& in, size_t depth) {
  using K = DynValue::Kind;
  if (depth > kMaxJsonDepth + 1) throw StorageError("corrupt column chunk: dynamic value nested too deep");
  auto kind = static_cast<K>(in.u8());
  switch (kind) {
    case K::Null: return DynValue::null();
    case K::Bool: return DynValue::of_bool(in.u8() != 0);
    case K::Long: return DynValue::of_long(in.i64());
    case K::DateTime: return DynValue::of_datetime(in.i64());
    case K::TimeSpan: return DynValue::of_timespan(in.i64());
    case K::Real: return DynValue::of_real(in.f64());
    case K::Decimal: return DynValue::of_decimal(in.f64());
    case K::String: return DynValue::of_string(std::string(in.str()));
    case K::Guid: {
      Guid g;
      auto b = in.bytes(16);
      std::copy(b.begin(), b.end(), g.bytes.begin());
      return DynValue::of_guid(g);
    }
    case K::Array: {
      uint64_t n = in.varint();
      if (n > in.remaining()) throw StorageError("corrupt column chunk: bad array size");
      DynValue::Elements elements;
      elements.reserve(n);
      for (uint64_t i = 0; i < n; ++i) elements.push_back(decode_dynamic_at(in, depth + 1));
      return DynValue::of_array(std::move(elements));
    }
    case K::Object: {
      uint64_t n = in.varint();
      if (n > in.remaining()) throw StorageError("corrupt column chunk: bad bag size");
      DynValue::Properties props;
      props.reserve(n);
      for (uint64_t i = 0; i < n; ++i) {
        std::string key(in.str());
        props.emplace_back(std::move(key), decode_dynamic_at(in, depth + 1));
      }
      return DynValue::of_object(std::move(props));
    }
  }
  throw StorageError("corrupt column chunk: unknown dynamic kind");
}

}  // namespace

}  // namespace huntdb::storage
