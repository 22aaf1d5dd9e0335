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
  // Room for the worst case, so no output string is sized for it; never zero-filled, so the
  // pages the compressed bytes never reach are never touched.
  std::unique_ptr<char[]> scratch;
  size_t scratch_size = 0;
  ~ThreadCompressor() { ZSTD_freeCCtx(context); }

  char* room(size_t bound) {
    if (!context) throw StorageError("zstd compression failed: out of memory");
    if (scratch_size < bound) {
      scratch.reset(new char[bound]);
      scratch_size = bound;
    }
    return scratch.get();
  }
  // The first n bytes of the room as the result. A huge chunk's room is not kept for the
  // thread's life.
  std::string result(size_t n) {
    std::string out(scratch.get(), n);
    if (scratch_size > (64u << 20)) {
      scratch.reset();
      scratch_size = 0;
    }
    return out;
  }
};

ThreadCompressor& thread_compressor() {
  thread_local ThreadCompressor compressor;
  return compressor;
}

size_t checked(size_t r) {
  if (ZSTD_isError(r)) throw StorageError(std::string("zstd compression failed: ") + ZSTD_getErrorName(r));
  return r;
}

}  // namespace

std::string zstd_compress(std::string_view raw, int level) {
  const std::string_view pieces[] = {raw};
  return zstd_compress_pieces(pieces, level);
}

std::string zstd_compress_pieces(std::span<const std::string_view> pieces, int level) {
  ThreadCompressor& c = thread_compressor();
  size_t total = 0;
  for (auto p : pieces) total += p.size();
  size_t bound = ZSTD_compressBound(total);
  char* room = c.room(bound);
  checked(ZSTD_CCtx_reset(c.context, ZSTD_reset_session_and_parameters));
  checked(ZSTD_CCtx_setParameter(c.context, ZSTD_c_compressionLevel, level));
  // The size up front, so the frame header records it as a one-shot compression's does.
  checked(ZSTD_CCtx_setPledgedSrcSize(c.context, total));
  ZSTD_outBuffer out{room, bound, 0};
  for (size_t i = 0; i < pieces.size(); ++i) {
    ZSTD_inBuffer in{pieces[i].data(), pieces[i].size(), 0};
    while (in.pos < in.size) {
      checked(ZSTD_compressStream2(c.context, &out, &in, ZSTD_e_continue));
      if (out.pos == out.size) throw StorageError("zstd compression failed: output larger than its bound");
    }
  }
  ZSTD_inBuffer none{nullptr, 0, 0};
  while (checked(ZSTD_compressStream2(c.context, &out, &none, ZSTD_e_end)) != 0)
    if (out.pos == out.size) throw StorageError("zstd compression failed: output larger than its bound");
  return c.result(out.pos);
}

std::string zstd_decompress(std::span<const uint8_t> frame, uint64_t raw_size) {
  std::string out(raw_size, '\0');
  size_t n = ZSTD_decompress(out.data(), out.size(), frame.data(), frame.size());
  if (ZSTD_isError(n)) throw StorageError(std::string("corrupt column chunk: ") + ZSTD_getErrorName(n));
  if (n != raw_size) throw StorageError("corrupt column chunk: wrong decompressed size");
  return out;
}

}  // namespace huntdb::storage
