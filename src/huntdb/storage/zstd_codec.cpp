#include "huntdb/storage/zstd_codec.h"

#include <zstd.h>

#include <vector>

#include "huntdb/storage/storage_error.h"

namespace huntdb::storage {

namespace {

// One compression context per thread, kept between chunks: a fresh one allocates and clears its
// match tables for every chunk, which costs more than compressing a small column. The output is
// the same either way.
struct ThreadCompressor {
  ZSTD_CCtx* context = ZSTD_createCCtx();
  std::vector<char> scratch;  // room for the worst case, so no output string is sized for it
  ~ThreadCompressor() { ZSTD_freeCCtx(context); }
};

}  // namespace

std::string zstd_compress(std::string_view raw, int level) {
  thread_local ThreadCompressor compressor;
  if (!compressor.context) throw StorageError("zstd compression failed: out of memory");
  size_t bound = ZSTD_compressBound(raw.size());
  if (compressor.scratch.size() < bound) compressor.scratch.resize(bound);
  size_t n = ZSTD_compressCCtx(compressor.context, compressor.scratch.data(), bound, raw.data(), raw.size(), level);
  if (ZSTD_isError(n)) throw StorageError(std::string("zstd compression failed: ") + ZSTD_getErrorName(n));
  std::string out(compressor.scratch.data(), n);
  // A huge chunk's scratch is not kept for the thread's life.
  if (compressor.scratch.size() > (64u << 20)) std::vector<char>().swap(compressor.scratch);
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
