// The hash of the term index's bloom form. It is part of the on-disk format (a filter written by
// one process is read by another), so it must never change: FNV-1a over the lower-cased bytes,
// then splitmix64's finalizer to spread the bits. Prefix keys are hashed with another seed so
// that a prefix never collides with the equal full term on purpose.
#pragma once

#include <cstdint>
#include <string_view>

#include "huntdb/common/splitmix64.h"

namespace huntdb::storage {

inline constexpr uint64_t kTermSeed = 0;
inline constexpr uint64_t kPrefixSeed = 0x9e3779b97f4a7c15ULL;

inline constexpr uint64_t kFnvOffset = 14695981039346656037ULL;
inline constexpr uint64_t kFnvPrime = 1099511628211ULL;

inline uint64_t fnv1a_step(uint64_t h, unsigned char c) { return (h ^ c) * kFnvPrime; }

inline uint64_t term_hash(std::string_view s, uint64_t seed) {
  uint64_t h = kFnvOffset ^ seed;
  for (unsigned char c : s) h = fnv1a_step(h, c);
  return splitmix64_finalize(h);
}

}  // namespace huntdb::storage
