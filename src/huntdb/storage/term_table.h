// The hash tables behind TermIndexBuilder: every term occurrence of every distinct value of a
// string column is looked up in one, so they are built for that lookup. Terms arrive as spans of
// a lower-cased copy of the value with at least 16 readable bytes from their start; a term of up
// to 16 bytes is keyed by those bytes as two zero-padded words (terms have no zero bytes, so the
// words also say the length), compared as two integers, with no per-term allocation.
//
//   ExactTermTable: the terms themselves with their row counts (the exact form). Longer terms
//     keep their bytes in one arena.
//   BloomTermSet: once a column has too many terms for the exact form only the filter's keys
//     matter, so a longer term is kept as its filter hash and first bytes (all its prefix keys
//     depend on), which tells apart any two terms whose keys differ.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace huntdb::storage {

static_assert(std::endian::native == std::endian::little, "term words are read as little-endian bytes");

namespace term_table_detail {

inline uint64_t load_word(const unsigned char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

// kLowBytes[n] keeps the first n bytes (n <= 8) of a little-endian word.
inline constexpr uint64_t kLowBytes[9] = {0,
                                          0xffULL,
                                          0xffffULL,
                                          0xffffffULL,
                                          0xffffffffULL,
                                          0xffffffffffULL,
                                          0xffffffffffffULL,
                                          0xffffffffffffffULL,
                                          ~0ULL};

// A 64x64->128-bit multiply folded to 64 bits: one multiply mixes two words thoroughly.
inline uint64_t fold_multiply(uint64_t a, uint64_t b) {
  unsigned __int128 r = static_cast<unsigned __int128>(a) * b;
  return static_cast<uint64_t>(r) ^ static_cast<uint64_t>(r >> 64);
}

inline constexpr uint64_t kSeed0 = 0xa0761d6478bd642fULL, kSeed1 = 0xe7037ed1a0b428dbULL;

inline uint64_t short_term_hash(uint64_t w0, uint64_t w1) { return fold_multiply(w0 ^ kSeed0, w1 ^ kSeed1); }

inline uint64_t long_term_hash(const unsigned char* p, size_t len) {
  uint64_t h = kSeed1 ^ len;
  size_t i = 0;
  for (; i + 16 < len; i += 16) h = fold_multiply(load_word(p + i) ^ kSeed0 ^ h, load_word(p + i + 8) ^ kSeed1);
  return fold_multiply(load_word(p + len - 16) ^ kSeed0 ^ h, load_word(p + len - 8) ^ kSeed1 ^ len);
}

// The first `len` (<= 16) bytes at p as two zero-padded words.
inline void short_term_words(const unsigned char* p, size_t len, uint64_t* w0, uint64_t* w1) {
  *w0 = load_word(p) & kLowBytes[len < 8 ? len : 8];
  *w1 = load_word(p + 8) & kLowBytes[len > 8 ? len - 8 : 0];
}

}  // namespace term_table_detail

inline constexpr size_t kShortTermBytes = 16;

class ExactTermTable {
 public:
  struct Entry {
    uint64_t w0 = 0;  // the first 8 bytes, zero-padded; 0 marks an empty slot
    uint64_t w1 = 0;  // the next 8, zero-padded; for a longer term, where its bytes are in the arena
    uint64_t rows = 0;
    uint32_t length = 0;
    uint32_t counted_in = 0;  // the value that added its rows to `rows` last (TermIndexBuilder)
  };

  ExactTermTable() : slots_(kInitialSlots), mask_(kInitialSlots - 1) {}

  // The entry of the term at p (len bytes), added with no rows when new (then *added is set).
  [[gnu::always_inline]] Entry& find_or_add(const unsigned char* p, size_t len, bool* added) {
    using namespace term_table_detail;
    uint64_t w0, w1, h;
    if (len <= kShortTermBytes) {
      short_term_words(p, len, &w0, &w1);
      h = short_term_hash(w0, w1);
    } else {
      w0 = load_word(p);
      w1 = 0;
      h = long_term_hash(p, len);
    }
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      Entry& e = slots_[i];
      if (e.w0 == 0) {
        if ((size_ + 1) * 4 > (mask_ + 1) * 3) {
          grow();
          i = (h & mask_) - 1;  // probe the grown table from the start (the increment wraps)
          continue;
        }
        ++size_;
        *added = true;
        e.w0 = w0;
        e.length = static_cast<uint32_t>(len);
        if (len <= kShortTermBytes) {
          e.w1 = w1;
        } else {
          e.w1 = arena_.size();
          arena_.append(reinterpret_cast<const char*>(p), len);
        }
        return e;
      }
      if (e.w0 == w0 && e.length == len &&
          (len <= kShortTermBytes ? e.w1 == w1 : std::memcmp(arena_.data() + e.w1, p, len) == 0))
        return e;
    }
  }

  size_t size() const { return size_; }

  // The bytes of an entry's term (valid while the table is).
  std::string_view term(const Entry& e) const {
    if (e.length <= kShortTermBytes) return std::string_view(reinterpret_cast<const char*>(&e.w0), e.length);
    return std::string_view(arena_.data() + e.w1, e.length);
  }

  template <typename F>
  void for_each(F&& f) const {
    for (const Entry& e : slots_)
      if (e.w0 != 0) f(e);
  }

  // Sets every entry's counted_in to 0 (when the value numbering starts over).
  void clear_counted_in();
  // Drops every term and the memory they took.
  void release();

 private:
  static constexpr size_t kInitialSlots = 64;
  void grow();

  std::vector<Entry> slots_;
  size_t mask_;  // slots_.size() - 1 (a power of two less one)
  size_t size_ = 0;
  std::string arena_;  // the bytes of terms over 16 bytes
};

class BloomTermSet {
 public:

  // Adds a term of at most 16 bytes, as its words; true when it is new.
  bool add_short(uint64_t w0, uint64_t w1) { return add(w0, w1, term_table_detail::short_term_hash(w0, w1)); }
  // Adds a longer term as its filter hash and first bytes; true when no term with both was added.
  bool add_long(uint64_t filter_hash, const unsigned char* p) {
    // Bit 63 is never set in a short term's first word (ASCII bytes or zero padding).
    uint64_t first_bytes = (term_table_detail::load_word(p) & term_table_detail::kLowBytes[6]) | (uint64_t{1} << 63);
    return add(first_bytes, filter_hash, filter_hash);
  }

  size_t size() const { return size_; }
  void release();

 private:
  struct Slot {
    uint64_t k0 = 0;  // 0 marks an empty slot
    uint64_t k1 = 0;
  };
  static constexpr size_t kInitialSlots = 1024;

  bool add(uint64_t k0, uint64_t k1, uint64_t h) {
    if (slots_.empty()) slots_.resize(kInitialSlots);  // most columns never need the set
    size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (s.k0 == 0) {
        if ((size_ + 1) * 4 > slots_.size() * 3) {
          grow();
          return add(k0, k1, h);
        }
        ++size_;
        s.k0 = k0;
        s.k1 = k1;
        return true;
      }
      if (s.k0 == k0 && s.k1 == k1) return false;
    }
  }
  uint64_t hash_of(const Slot& s) const;
  void grow();

  std::vector<Slot> slots_;
  size_t size_ = 0;
};

// A set of nonzero 64-bit values (the lower-cased first bytes of terms, with their length).
class WordSet {
 public:
  // True when w is new.
  bool add(uint64_t w) {
    if (slots_.empty()) slots_.resize(kInitialSlots);  // most columns never need the set
    size_t mask = slots_.size() - 1;
    for (size_t i = term_table_detail::short_term_hash(w, 0) & mask;; i = (i + 1) & mask) {
      if (slots_[i] == 0) {
        if ((size_ + 1) * 4 > slots_.size() * 3) {
          grow();
          return add(w);
        }
        ++size_;
        slots_[i] = w;
        return true;
      }
      if (slots_[i] == w) return false;
    }
  }
  void release();

 private:
  static constexpr size_t kInitialSlots = 1024;
  void grow();

  std::vector<uint64_t> slots_;
  size_t size_ = 0;
};

}  // namespace huntdb::storage
