// The extent file: one immutable file per extent, columnar. Layout (little-endian; documented
// in docs/storage_format.md):
//
//   header   "HDBX" u32 version
//   chunks   one zstd frame per column (the column's encoded values, see encodings.h)
//   indexes  one term index per string column (term_index.h), uncompressed
//   footer   row count, creation time, and per column: name, type, encoding, chunk place,
//            size and CRC-32, statistics (null count, min, max), term index place
//   trailer  u64 footer offset, u32 footer size, u32 footer CRC-32, "HDBX"
//
// A reader maps the file, reads the fixed-size trailer, then the footer, and from there can
// open any one column without touching the others.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "huntdb/types/schema.h"
#include "huntdb/types/value.h"

namespace huntdb::storage {

inline constexpr char kExtentMagic[4] = {'H', 'D', 'B', 'X'};
inline constexpr uint32_t kExtentVersion = 1;
inline constexpr size_t kExtentHeaderSize = 8;
inline constexpr size_t kExtentTrailerSize = 20;

// How a column chunk encodes its values (the first byte of the decompressed chunk too).
enum class ChunkEncoding : uint8_t {
  Plain = 0,       // fixed-width values, or lengths + bytes for strings, binary dynamic
  Dictionary = 1,  // strings: distinct values + codes
  Integers = 2,    // frame of reference / delta packed integers (see encodings.h)
};

// Per-column statistics for pruning. min/max cover non-null values: integers, bools,
// datetimes and timespans as their int64 value, reals and decimals as doubles (NaN ignored),
// strings bytewise when both fit in kMaxStatString bytes. Guid and dynamic have none.
struct ColumnStats {
  uint64_t null_count = 0;
  bool has_range = false;
  Value min, max;
};
inline constexpr size_t kMaxStatString = 256;

struct ColumnMeta {
  std::string name;
  ScalarType type = ScalarType::Unknown;
  ChunkEncoding encoding = ChunkEncoding::Plain;
  uint64_t offset = 0, size = 0, raw_size = 0;
  uint32_t crc = 0;
  ColumnStats stats;
  uint64_t term_offset = 0, term_size = 0;  // term_size 0: no term index
};

struct ExtentFooter {
  uint64_t rows = 0;
  int64_t created_ticks = 0;
  std::vector<ColumnMeta> columns;

  std::string serialize() const;
  static ExtentFooter parse(std::span<const uint8_t> bytes);
  int index_of(std::string_view name) const;
};

uint32_t crc32_of(std::span<const uint8_t> bytes);
inline uint32_t crc32_of(std::string_view s) {
  return crc32_of(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(s.data()), s.size()));
}

}  // namespace huntdb::storage
