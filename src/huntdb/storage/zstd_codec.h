// zstd compression of column chunks: one frame per chunk, so a column decompresses alone.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace huntdb::storage {

// Level 3 (zstd's default) decodes at the same speed as higher levels and writes far faster.
inline constexpr int kZstdLevel = 3;

std::string zstd_compress(std::string_view raw, int level = kZstdLevel);
// One frame of the pieces one after the other, as if they were one buffer (they are not copied
// into one: a column's text is compressed where it lies).
std::string zstd_compress_pieces(std::span<const std::string_view> pieces, int level = kZstdLevel);
// Decompresses a frame whose decompressed size is known (the footer records it); throws
// StorageError if the frame is damaged or of another size.
std::string zstd_decompress(std::span<const uint8_t> frame, uint64_t raw_size);

}  // namespace huntdb::storage
