// File and chunk headers (file_header.h, chunk_header.h) and the CRC-32 that guards them.
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "huntdb/ingest/evtx/chunk_header.h"
#include "huntdb/ingest/evtx/crc32.h"
#include "huntdb/ingest/evtx/file_header.h"

namespace huntdb::ingest::evtx {
namespace {

using Bytes = std::vector<uint8_t>;

Bytes load(const std::string& p) {
  std::ifstream in(p, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

const std::string kFile = std::string(HUNTDB_SHARED_DIR) + "/data/evtx/DeepBlueCLI/wmi-event-filter-persistance.evtx";

// Bit at a time, straight from the definition: the reference the fast paths must match.
uint32_t crc32_bitwise(uint32_t crc, const uint8_t* p, size_t n) {
  crc = ~crc;
  for (size_t i = 0; i < n; ++i) {
    crc ^= p[i];
    for (int k = 0; k < 8; ++k) crc = (crc & 1) ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
  }
  return ~crc;
}

TEST(EvtxCrc32, MatchesTheStandardCheckValue) {
  const char* s = "123456789";
  EXPECT_EQ(crc32(0, reinterpret_cast<const uint8_t*>(s), 9), 0xCBF43926u);
  EXPECT_EQ(crc32(0, nullptr, 0), 0u);
  // Continuing a CRC equals computing it in one go, for every split (the 8-byte loop and the tail).
  Bytes data(1000);
  for (size_t i = 0; i < data.size(); ++i) data[i] = static_cast<uint8_t>(i * 7 + 3);
  const uint32_t whole = crc32(0, data.data(), data.size());
  for (size_t split : {0, 1, 7, 8, 9, 500, 999, 1000})
    EXPECT_EQ(crc32(crc32(0, data.data(), split), data.data() + split, data.size() - split), whole) << split;
}

TEST(EvtxCrc32, FastPathsMatchTheDefinitionForEveryLengthAndAlignment) {
  Bytes data(70000);
  uint32_t x = 12345;
  for (auto& b : data) b = static_cast<uint8_t>((x = x * 1103515245u + 12345u) >> 24);
  for (size_t offset = 0; offset < 16; ++offset)
    for (size_t n = 0; n < 300; ++n)
      ASSERT_EQ(crc32(0x5A5A5A5Au, data.data() + offset, n), crc32_bitwise(0x5A5A5A5Au, data.data() + offset, n))
          << offset << " " << n;
  EXPECT_EQ(crc32(0, data.data() + 3, 65024), crc32_bitwise(0, data.data() + 3, 65024));
}

TEST(EvtxHeaders, FileHeaderOfARealFile) {
  if (!std::filesystem::exists(kFile)) GTEST_SKIP();
  Bytes f = load(kFile);
  ProblemList problems("f");
  FileHeader h = parse_file_header(f, problems);
  EXPECT_TRUE(problems.empty());
  EXPECT_TRUE(h.signature_ok);
  EXPECT_TRUE(h.checksum_ok());
  EXPECT_EQ(h.major_version, 3);
  EXPECT_EQ(h.minor_version, 1);
  EXPECT_EQ(h.header_block_size, 4096);
  EXPECT_EQ(h.chunk_count, 12);
  EXPECT_TRUE(h.dirty());
  EXPECT_FALSE(h.full());

  f[0] = 'X';
  ProblemList bad("f");
  EXPECT_FALSE(parse_file_header(f, bad).signature_ok);
  EXPECT_EQ(bad.count(), 1u);
}

TEST(EvtxHeaders, ChunkHeaderOfARealFile) {
  if (!std::filesystem::exists(kFile)) GTEST_SKIP();
  Bytes f = load(kFile);
  std::span<const uint8_t> chunk(f.data() + kFileHeaderSize, kChunkSize);
  ASSERT_TRUE(has_chunk_signature(chunk));
  ChunkHeader h = parse_chunk_header(chunk);
  EXPECT_TRUE(h.signature_ok);
  EXPECT_TRUE(h.header_checksum_ok);
  EXPECT_TRUE(h.data_checksum_ok);
  EXPECT_TRUE(h.free_space_ok);
  EXPECT_EQ(h.first_record_number, 1u);
  EXPECT_EQ(h.last_record_number, 73u);
  EXPECT_EQ(h.free_space_offset, 64752u);

  Bytes copy(chunk.begin(), chunk.end());
  copy[600] ^= 1;  // record data
  EXPECT_FALSE(parse_chunk_header(copy).data_checksum_ok);
  EXPECT_TRUE(parse_chunk_header(copy).header_checksum_ok);
  copy[600] ^= 1;
  copy[121] ^= 1;  // flags: outside both checksums
  EXPECT_TRUE(parse_chunk_header(copy).header_checksum_ok);
  copy[300] ^= 1;  // string table: inside the header checksum
  EXPECT_FALSE(parse_chunk_header(copy).header_checksum_ok);
  // A free-space offset beyond the chunk is flagged, and no data checksum is computed over it.
  copy[50] = 0x02;
  ChunkHeader odd = parse_chunk_header(copy);
  EXPECT_FALSE(odd.free_space_ok);
  EXPECT_FALSE(odd.data_checksum_ok);
  // Too short for a header: nothing is read.
  EXPECT_FALSE(parse_chunk_header(std::span<const uint8_t>(copy.data(), 100)).signature_ok);
}

}  // namespace
}  // namespace huntdb::ingest::evtx
