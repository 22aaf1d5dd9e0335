// What the distinct-value aggregates (make_set, count_distinct, dcount, hll) need from an argument
// of any type and encoding, row by row and without boxing: a byte key that is equal exactly for
// equal values, a hash of that key that stays the same across runs and machines (hll() results
// may be stored and merged later), and the value as a dynamic element.
//
// Keys: a string is its own text; integers, bools, datetimes and timespans are their int64
// bytes (so int 1 and long 1 agree); reals are their double bytes with -0 folded into 0; guids
// their 16 bytes. Dynamic values start with a kind tag (so the string "1" and the number 1
// differ) followed by the scalar's bytes, or the JSON text of an array or a bag.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "huntdb/column/column.h"
#include "huntdb/functions/kernels/kernel_util.h"

namespace huntdb::functions {

// A 64-bit hash of bytes, fixed by this code (not seeded per process): the blocks are mixed
// with multiply-rotate steps and the result goes through the splitmix64 finalizer, so every input
// bit affects every output bit (HyperLogLog reads the leading bits).
uint64_t stable_hash(std::string_view bytes);

class ValueKeys {
 public:
  explicit ValueKeys(const Column& c);

  bool null(size_t i) const;
  // The key of row i (not null); valid until the next call.
  std::string_view key(size_t i);
  uint64_t hash(size_t i) { return stable_hash(key(i)); }
  // Row i as an element of a dynamic array (null rows give a dynamic null).
  DynamicPtr element(size_t i) const;

  // The key of a dynamic value (used when make_set spreads an array into its elements).
  static void dynamic_key(const DynValue& v, std::string& out);

 private:
  const Column& c_;
  ScalarType type_;
  // Only the reader of the column's type is made (the others may not read it).
  std::unique_ptr<LongReader> longs_;
  std::unique_ptr<RealReader> reals_;
  std::unique_ptr<StringReader> strings_;
  std::unique_ptr<DynamicReader> dynamics_;
  std::string buf_;
};

}  // namespace huntdb::functions
