// CRC-32 as EVTX uses it for file headers, chunk headers and record data (the gzip/zlib CRC of
// RFC 1952: reflected polynomial 0xEDB88320, initial value 0, final xor).
#pragma once

#include <cstddef>
#include <cstdint>

namespace huntdb::ingest::evtx {

// Continues a CRC over more bytes: crc32(crc32(0, a), b) == crc32(0, a + b).
uint32_t crc32(uint32_t crc, const uint8_t* data, size_t size);

}  // namespace huntdb::ingest::evtx
