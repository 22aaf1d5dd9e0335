// Which rows of a column hold a value (KQL null = not valid). Empty means "all valid", so the
// common case costs nothing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace huntdb {

class Validity {
 public:
  Validity() = default;

  bool all_valid() const { return bits_.empty(); }

  // n rows, all null.
  static Validity all_null(size_t n) {
    Validity v;
    v.bits_.assign((n + 63) / 64 + 1, 0);
    return v;
  }
  bool valid(size_t i) const { return bits_.empty() || ((bits_[i >> 6] >> (i & 63)) & 1) != 0; }

  // Marks row i (growing to hold it); rows added before are valid unless marked otherwise.
  void set(size_t i, bool v) {
    if (v && bits_.empty()) return;
    if (bits_.empty()) materialize(i + 1);
    if ((i >> 6) >= bits_.size()) grow(i + 1);
    if (v) {
      bits_[i >> 6] |= (uint64_t{1} << (i & 63));
    } else {
      bits_[i >> 6] &= ~(uint64_t{1} << (i & 63));
    }
  }

  // Keeps the bitmap sized for n rows (new rows valid).
  void grow(size_t n) {
    if (bits_.empty()) return;
    size_t words = (n + 63) / 64;
    if (words > bits_.size()) bits_.resize(words, ~uint64_t{0});
  }

  size_t null_count(size_t n) const {
    if (bits_.empty()) return 0;
    size_t valid_rows = 0;
    for (size_t i = 0; i < n; ++i) valid_rows += valid(i) ? 1 : 0;
    return n - valid_rows;
  }

 private:
  void materialize(size_t n) { bits_.assign((n + 63) / 64 + 1, ~uint64_t{0}); }
  std::vector<uint64_t> bits_;
};

}  // namespace huntdb
