#include "huntdb/storage/zstd_codec.h"

#include <zstd.h>

#include <memory>

#include "huntdb/storage/storage_error.h"

namespace huntdb::storage {

namespace {

// One compression context per thread, kept between chunks: a fresh one allocates and clears its
// match tables for every chunk, which costs more than compressing a small column. The output is
// the same either way.
struct ThreadCompressor {
  ZSTD_CCtx* context = ZSTD_createCCtx();
  // Room for the worst case, so no output string is sized for it; never zero-filled.
  std::unique_ptr<char[]> scratch;
  size_t scratch_size = 0;
  ~ThreadCompressor() { ZSTD_freeCCtx(context); }
};

}  // namespace

std::string zstd_compress(std::string_view raw, int level) {
  thread_local ThreadCompressor compressor;
  if (!compressor.context) throw StorageError("zstd compression failed: out of memory");
  size_t bound = ZSTD_compressBound(raw.size());
  if (compressor.scratch_size < bound) {
    compressor.scratch.reset(new char[bound]);
    compressor.scratch_size = bound;
  }
  size_t n = ZSTD_compressCCtx(compressor.context, compressor.scratch.get(), bound, raw.data(), raw.size(), level);
  if (ZSTD_isError(n)) throw StorageError(std::string("zstd compression failed: ") + ZSTD_getErrorName(n));
  std::string out(compressor.scratch.get(), n);
  // A huge chunk's scratch is not kept for the thread's life.
  if (compressor.scratch_size > (64u << 20)) {
    compressor.scratch.reset();
    compressor.scratch_size = 0;
  }
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
