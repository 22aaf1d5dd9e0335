// The 512-byte header of a 64 KiB chunk ("ElfChnk"): the record id range, where the records end,
// and two CRC-32s (one over the header, one over the record data). Checksums are verified and a
// mismatch is reported, but the records are still read: a flipped bit in one record should not
// hide the other hundred.
#pragma once

#include <cstdint>
#include <span>

namespace huntdb::ingest::evtx {

inline constexpr uint32_t kChunkHeaderSize = 512;  // records start here

struct ChunkHeader {
  uint64_t first_record_number = 0;
  uint64_t last_record_number = 0;
  uint64_t first_record_id = 0;
  uint64_t last_record_id = 0;
  uint32_t header_size = 0;         // 128
  uint32_t last_record_offset = 0;  // chunk-relative
  uint32_t free_space_offset = 0;   // chunk-relative end of the record data
  uint32_t data_checksum = 0;       // CRC-32 of [512, free_space_offset)
  uint32_t header_checksum = 0;     // CRC-32 of [0, 120) and [128, 512)

  bool signature_ok = false;
  bool header_checksum_ok = false;
  bool data_checksum_ok = false;  // false too when free_space_offset is out of range
  bool free_space_ok = false;     // 512 <= free_space_offset <= chunk size
};

// True when `chunk` starts with the chunk signature.
bool has_chunk_signature(std::span<const uint8_t> chunk);

// Parses and verifies a chunk header. `chunk` is the chunk's bytes (64 KiB, or less when the file
// is truncated); it must hold at least kChunkHeaderSize bytes.
ChunkHeader parse_chunk_header(std::span<const uint8_t> chunk);

}  // namespace huntdb::ingest::evtx
