// The 4 KiB file header ("ElfFile"): where the chunks are and whether the file was closed cleanly.
// The header is advisory: chunks carry their own signatures and checksums, so a damaged header is
// reported and reading goes on from the chunk area.
#pragma once

#include <cstdint>
#include <span>

#include "huntdb/ingest/evtx/problem.h"

namespace huntdb::ingest::evtx {

inline constexpr uint32_t kFileHeaderSize = 4096;  // chunks start here
inline constexpr uint32_t kChunkSize = 65536;

struct FileHeader {
  uint64_t first_chunk = 0;
  uint64_t last_chunk = 0;
  uint64_t next_record_id = 0;
  uint32_t header_size = 0;  // 128
  uint16_t minor_version = 0;
  uint16_t major_version = 0;      // 3.1 (Vista..) or 3.2 (Windows 10 2004..)
  uint16_t header_block_size = 0;  // 4096
  uint16_t chunk_count = 0;
  uint32_t flags = 0;
  uint32_t checksum = 0;           // stored CRC-32 of bytes [0, 120)
  uint32_t computed_checksum = 0;  // what the bytes give

  bool signature_ok = false;
  bool checksum_ok() const { return checksum == computed_checksum; }
  bool dirty() const { return flags & 0x1; }
  bool full() const { return flags & 0x2; }
};

// Parses the header at the start of `file`. Problems (short file, bad signature, bad checksum,
// unknown version) go to `problems`; the returned header holds whatever fields could be read.
FileHeader parse_file_header(std::span<const uint8_t> file, ProblemList& problems);

}  // namespace huntdb::ingest::evtx
