// The hash algorithms behind hash(), hash_xxhash64(), hash_md5(), hash_sha1() and hash_sha256(),
// written from their specifications: xxHash64 (Yann Collet's XXH64 description), MD5 (RFC
// 1321), SHA-1 and SHA-256 (FIPS 180-4).
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace huntdb::functions {

uint64_t xxhash64(std::string_view data, uint64_t seed = 0);
std::array<uint8_t, 16> md5(std::string_view data);
std::array<uint8_t, 20> sha1(std::string_view data);
std::array<uint8_t, 32> sha256(std::string_view data);

}  // namespace huntdb::functions
