#include "huntdb/ingest/evtx/chunk_header.h"

#include <cstring>

#include "huntdb/ingest/evtx/bytes.h"
#include "huntdb/ingest/evtx/crc32.h"

namespace huntdb::ingest::evtx {

bool has_chunk_signature(std::span<const uint8_t> chunk) {
  return chunk.size() >= 8 && std::memcmp(chunk.data(), "ElfChnk\0", 8) == 0;
}

ChunkHeader parse_chunk_header(std::span<const uint8_t> chunk) {
  ChunkHeader h;
  if (chunk.size() < kChunkHeaderSize) return h;
  const uint8_t* p = chunk.data();
  h.signature_ok = has_chunk_signature(chunk);
  h.first_record_number = le64(p + 8);
  h.last_record_number = le64(p + 16);
  h.first_record_id = le64(p + 24);
  h.last_record_id = le64(p + 32);
  h.header_size = le32(p + 40);
  h.last_record_offset = le32(p + 44);
  h.free_space_offset = le32(p + 48);
  h.data_checksum = le32(p + 52);
  h.header_checksum = le32(p + 124);

  // Bytes 120..127 (flags and the checksum itself) are left out of the header checksum.
  uint32_t crc = crc32(0, p, 120);
  crc = crc32(crc, p + 128, kChunkHeaderSize - 128);
  h.header_checksum_ok = crc == h.header_checksum;

  h.free_space_ok = h.free_space_offset >= kChunkHeaderSize && h.free_space_offset <= chunk.size();
  if (h.free_space_ok)
    h.data_checksum_ok = crc32(0, p + kChunkHeaderSize, h.free_space_offset - kChunkHeaderSize) == h.data_checksum;
  return h;
}

}  // namespace huntdb::ingest::evtx
