// splitmix64's finalizer: spreads the bits of a 64-bit value so that every input bit affects
// every output bit. Stored hashes (the term index's bloom filter, value keys) depend on it, so it
// must never change.
#pragma once

#include <cstdint>

namespace huntdb {

inline uint64_t splitmix64_finalize(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

}  // namespace huntdb
