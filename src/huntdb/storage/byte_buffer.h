// Little-endian binary writing and bounds-checked reading for the extent and its footer. A read
// past the end throws StorageError("corrupt ..."), so a damaged file fails cleanly.
#pragma once

#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>

#include "huntdb/storage/storage_error.h"

namespace huntdb::storage {

class ByteWriter {
 public:
  std::string& bytes() { return out_; }
  size_t size() const { return out_.size(); }

  void u8(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void u32(uint32_t v) { raw(&v, 4); }
  void u64(uint64_t v) { raw(&v, 8); }
  void i64(int64_t v) { raw(&v, 8); }
  void f64(double v) { raw(&v, 8); }
  void varint(uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>((v & 0x7f) | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }
  void str(std::string_view s) {
    varint(s.size());
    out_.append(s);
  }
  void raw(const void* p, size_t n) { out_.append(static_cast<const char*>(p), n); }

 private:
  std::string out_;
};

class ByteReader {
 public:
  ByteReader(std::span<const uint8_t> bytes, const char* what) : p_(bytes.data()), end_(p_ + bytes.size()), what_(what) {}
  ByteReader(std::string_view bytes, const char* what)
      : ByteReader(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()), what) {}

  size_t remaining() const { return static_cast<size_t>(end_ - p_); }
  const uint8_t* position() const { return p_; }

  uint8_t u8() {
    need(1);
    return *p_++;
  }
  uint32_t u32() { return fixed<uint32_t>(); }
  uint64_t u64() { return fixed<uint64_t>(); }
  int64_t i64() { return fixed<int64_t>(); }
  double f64() { return fixed<double>(); }
  uint64_t varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      uint8_t b = u8();
      v |= uint64_t{b & 0x7fu} << shift;
      if (!(b & 0x80)) return v;
    }
    throw StorageError(std::string("corrupt ") + what_ + ": bad varint");
  }
  std::string_view str() {
    uint64_t n = varint();
    return std::string_view(reinterpret_cast<const char*>(bytes(n).data()), n);
  }
  std::span<const uint8_t> bytes(uint64_t n) {
    need(n);
    std::span<const uint8_t> out(p_, static_cast<size_t>(n));
    p_ += n;
    return out;
  }

 private:
  template <typename T>
  T fixed() {
    need(sizeof(T));
    T v;
    std::memcpy(&v, p_, sizeof(T));
    p_ += sizeof(T);
    return v;
  }
  void need(uint64_t n) const {
    if (n > remaining()) throw StorageError(std::string("corrupt ") + what_ + ": truncated");
  }
  const uint8_t* p_;
  const uint8_t* end_;
  const char* what_;
};

}  // namespace huntdb::storage
