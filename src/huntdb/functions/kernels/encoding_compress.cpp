// zlib_compress_to_base64_string, zlib_decompress_from_base64_string,
// gzip_compress_to_base64_string, gzip_decompress_from_base64_string (zlib, Debian's libz).
//
// Compression writes what the reference pages show for "1234567890qwertyuiop": a zlib stream
// with the fastest-level header (78 01) and, for text that deflate cannot shrink, one stored
// block ("eAEBFADr/zEyMzQ1Njc4OTBxd2VydHl1aW9wOAkGdw=="); the gzip form has no file name, time 0
// and OS 255 ("H4sIAAAAAAAA/wEUAOv/..."). Text that deflate does shrink is deflated at level 1.
// Decompression of anything that is not such a stream (or not UTF-8 text) gives the empty string.
#include <algorithm>
#include <string>

#include <zlib.h>

#include "huntdb/common/inflate.h"
#include "huntdb/functions/kernels/encoding_util.h"
#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/string_kernel_util.h"

namespace huntdb::functions {

namespace {

// Raw deflate of `data` (no header), or stored blocks when deflating does not make it smaller.
std::string deflate_raw(std::string_view data) {
  std::string out;
  z_stream zs{};
  if (deflateInit2(&zs, 1, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) == Z_OK) {
    out.resize(deflateBound(&zs, static_cast<uLong>(data.size())));
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    int rc = deflate(&zs, Z_FINISH);
    out.resize(rc == Z_STREAM_END ? zs.total_out : 0);
    deflateEnd(&zs);
    if (rc == Z_STREAM_END && out.size() < data.size()) return out;
  }
  // Stored blocks of at most 65535 bytes: BFINAL/BTYPE byte, LEN and its complement (LE), bytes.
  out.clear();
  size_t p = 0;
  do {
    size_t n = std::min<size_t>(65535, data.size() - p);
    bool last = p + n == data.size();
    out += static_cast<char>(last ? 1 : 0);
    out += static_cast<char>(n & 0xFF);
    out += static_cast<char>(n >> 8);
    out += static_cast<char>(~n & 0xFF);
    out += static_cast<char>((~n >> 8) & 0xFF);
    out.append(data.substr(p, n));
    p += n;
  } while (p < data.size());
  return out;
}

void put_le32(std::string& out, uint32_t v) {
  for (int k = 0; k < 4; ++k) out += static_cast<char>((v >> (8 * k)) & 0xFF);
}

template <bool Gzip>
ColumnPtr compress_kernel(const KernelArgs& a) {
  TextReader s(a.ptr(0));
  StringWriter out(a.rows, a.rows * 32);
  std::string bytes;
  for (size_t i = 0; i < a.rows; ++i) {
    std::string_view data = s.get(i);
    bytes.clear();
    const Bytef* p = reinterpret_cast<const Bytef*>(data.data());
    if (Gzip) {
      bytes.append("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff", 10);
      bytes += deflate_raw(data);
      put_le32(bytes, static_cast<uint32_t>(crc32(0, p, static_cast<uInt>(data.size()))));
      put_le32(bytes, static_cast<uint32_t>(data.size()));
    } else {
      bytes.append("\x78\x01", 2);
      bytes += deflate_raw(data);
      uint32_t adler = static_cast<uint32_t>(adler32(1, p, static_cast<uInt>(data.size())));
      for (int k = 3; k >= 0; --k) bytes += static_cast<char>((adler >> (8 * k)) & 0xFF);
    }
    base64_encode(bytes, out.text());
    out.end_row();
  }
  return out.finish();
}

template <bool Gzip>
ColumnPtr decompress_kernel(const KernelArgs& a) {
  TextReader s(a.ptr(0));
  StringWriter out(a.rows, a.rows * 32);
  std::string bytes, text;
  for (size_t i = 0; i < a.rows; ++i) {
    if (base64_decode(s.get(i), bytes) && inflate_all(bytes, Gzip ? 31 : 15, text) && is_valid_utf8(text))
      out.add(text);
    else
      out.add({});
  }
  return out.finish();
}

}  // namespace

void attach_compression_kernels(Registry& r) {
  static const KernelTable kernels[] = {
      {.name = "zlib_compress_to_base64_string", .kernel = compress_kernel<false>},
      {.name = "zlib_decompress_from_base64_string", .kernel = decompress_kernel<false>},
      {.name = "gzip_compress_to_base64_string", .kernel = compress_kernel<true>},
      {.name = "gzip_decompress_from_base64_string", .kernel = decompress_kernel<true>},
  };
  r.attach(kernels);
}

}  // namespace huntdb::functions
