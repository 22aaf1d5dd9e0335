#include "huntdb/storage/zstd_codec.h"

#include <zstd.h>

#include "huntdb/storage/storage_error.h"

namespace huntdb::storage {

std::string zstd_compress(std::string_view raw, int level) {
  std::string out(ZSTD_compressBound(raw.size()), '\0');
  size_t n = ZSTD_compress(out.data(), out.size(), raw.data(), raw.size(), level);
  if (ZSTD_isError(n)) throw StorageError(std::string("zstd compression failed: ") + ZSTD_getErrorName(n));
  out.resize(n);
  return out;
}

std::string zstd_decompress(std::span<const uint8_t> frame, uint64_t raw_size) {
  std::string out(raw_size, '\0');
  size_t n = ZSTD_decompress(out.data(), out.size(), frame.data(), frame.size());
  if (ZSTD_isError(n)) throw StorageError(std::string("corrupt column chunk: ") + ZSTD_getErrorName(n));
  if (n != raw_size) throw StorageError("corrupt column chunk: wrong decompressed size");
  return out;
}

}  // namespace huntdb::storage
