// Little-endian loads and a bounds-checked cursor over mapped EVTX bytes. Every read of file data
// goes through here, so a corrupt length or offset can make a read fail but never run off the map.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace huntdb::ingest::evtx {

// EVTX is little-endian throughout. memcpy keeps the loads legal at any alignment; compilers turn
// it into a single move, and on big-endian hosts the swap below keeps the meaning.
template <class T>
inline T load_le(const uint8_t* p) {
  T v;
  std::memcpy(&v, p, sizeof(T));
  if constexpr (std::endian::native == std::endian::big) {
    uint64_t r = 0;
    for (size_t i = sizeof(T); i-- > 0;) r = (r << 8) | p[i];
    v = static_cast<T>(r);
  }
  return v;
}

inline uint16_t le16(const uint8_t* p) { return load_le<uint16_t>(p); }
inline uint32_t le32(const uint8_t* p) { return load_le<uint32_t>(p); }
inline uint64_t le64(const uint8_t* p) { return load_le<uint64_t>(p); }

// A read position inside [0, size) of a byte range. Offsets are kept relative to `base` because
// EVTX offsets (names, templates) are relative to the start of the chunk. A read past the limit
// sets `failed` and returns zero instead of reading; callers check `ok()` once after a group of
// reads rather than after each one.
class Cursor {
 public:
  Cursor(const uint8_t* base, uint32_t pos, uint32_t limit) : base_(base), pos_(pos), limit_(limit) {}

  uint32_t pos() const { return pos_; }
  uint32_t limit() const { return limit_; }
  uint32_t remaining() const { return pos_ <= limit_ ? limit_ - pos_ : 0; }
  bool ok() const { return !failed_; }
  bool at_end() const { return pos_ >= limit_; }
  const uint8_t* here() const { return base_ + pos_; }

  bool has(uint32_t n) const { return !failed_ && n <= remaining(); }

  uint8_t u8() { return has(1) ? base_[pos_++] : fail<uint8_t>(); }
  uint16_t u16() { return take<uint16_t>(); }
  uint32_t u32() { return take<uint32_t>(); }

  bool skip(uint32_t n) {
    if (!has(n)) {
      failed_ = true;
      return false;
    }
    pos_ += n;
    return true;
  }

 private:
  template <class T>
  T take() {
    if (!has(sizeof(T))) return fail<T>();
    T v = load_le<T>(base_ + pos_);
    pos_ += sizeof(T);
    return v;
  }
  template <class T>
  T fail() {
    failed_ = true;
    return T{};
  }

  const uint8_t* base_;
  uint32_t pos_;
  uint32_t limit_;
  bool failed_ = false;
};

}  // namespace huntdb::ingest::evtx
