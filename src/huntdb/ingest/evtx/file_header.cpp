#include "huntdb/ingest/evtx/file_header.h"

#include <cstring>

#include <fmt/format.h>

#include "huntdb/ingest/evtx/bytes.h"
#include "huntdb/ingest/evtx/crc32.h"

namespace huntdb::ingest::evtx {

FileHeader parse_file_header(std::span<const uint8_t> file, ProblemList& problems) {
  FileHeader h;
  // 128 bytes hold every field; the rest of the 4 KiB block is padding.
  if (file.size() < 128) {
    problems.add(0, fmt::format("file is {} bytes, too short for an EVTX header", file.size()));
    return h;
  }
  const uint8_t* p = file.data();
  h.signature_ok = std::memcmp(p, "ElfFile\0", 8) == 0;
  h.first_chunk = le64(p + 8);
  h.last_chunk = le64(p + 16);
  h.next_record_id = le64(p + 24);
  h.header_size = le32(p + 32);
  h.minor_version = le16(p + 36);
  h.major_version = le16(p + 38);
  h.header_block_size = le16(p + 40);
  h.chunk_count = le16(p + 42);
  h.flags = le32(p + 120);
  h.checksum = le32(p + 124);
  h.computed_checksum = crc32(0, p, 120);

  if (!h.signature_ok) {
    problems.add(0, "file header signature is not \"ElfFile\"; looking for chunks anyway");
    return h;
  }
  if (!h.checksum_ok())
    problems.add(124, fmt::format("file header checksum 0x{:08x} does not match its bytes (0x{:08x}); reading on",
                                  h.checksum, h.computed_checksum));
  if (h.major_version != 3 || (h.minor_version != 1 && h.minor_version != 2))
    problems.add(36, fmt::format("unknown format version {}.{}; reading as 3.x", h.major_version, h.minor_version));
  if (file.size() < kFileHeaderSize)
    problems.add(file.size(), fmt::format("file ends at {} bytes, inside the 4096-byte header", file.size()));
  return h;
}

}  // namespace huntdb::ingest::evtx
