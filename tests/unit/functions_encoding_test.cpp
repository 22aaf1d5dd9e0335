// Encoding, compression and hash functions (src/huntdb/functions/encoding.cpp). Every expected type
// and rejection below was checked against the official parser (Kusto.Language 12.4.1).
#include "function_test_util.h"

namespace huntdb {
namespace {

using testing::scalar_entry;
using testing::scalar_rejects;
using testing::scalar_result;
using enum ScalarType;

TEST(EncodingFunctions, Base64) {
  EXPECT_EQ(scalar_result("base64_decode_tostring", {String}), String);
  EXPECT_EQ(scalar_result("base64_encode_tostring", {String}), String);
  EXPECT_EQ(scalar_result("base64_decode_toarray", {String}), Dynamic);
  EXPECT_EQ(scalar_result("base64_encode_fromarray", {Dynamic}), String);
  EXPECT_EQ(scalar_result("base64_decode_toguid", {String}), Guid);
  EXPECT_EQ(scalar_result("base64_encode_fromguid", {Guid}), String);
  EXPECT_TRUE(scalar_rejects("base64_decode_tostring", {Long}));
  EXPECT_TRUE(scalar_rejects("base64_decode_tostring", {}));
  EXPECT_TRUE(scalar_rejects("base64_encode_fromguid", {String}));
  EXPECT_TRUE(scalar_rejects("base64_encode_fromarray", {String}));
}

TEST(EncodingFunctions, DeprecatedBase64NamesStillResolve) {
  EXPECT_EQ(scalar_result("base64_decodestring", {String}), String);
  EXPECT_EQ(scalar_result("base64_encodestring", {String}), String);
  EXPECT_TRUE(scalar_rejects("base64_decodestring", {Int}));
  EXPECT_TRUE(scalar_entry("base64_decodestring").hidden);
  EXPECT_EQ(scalar_entry("base64_decodestring").replaced_by, "base64_decode_tostring");
  EXPECT_EQ(scalar_entry("base64_encodestring").replaced_by, "base64_encode_tostring");
}

TEST(EncodingFunctions, UrlAndCompression) {
  EXPECT_EQ(scalar_result("url_decode", {String}), String);
  EXPECT_EQ(scalar_result("url_encode", {String}), String);
  EXPECT_EQ(scalar_result("url_encode_component", {String}), String);
  EXPECT_TRUE(scalar_rejects("url_decode", {Int}));
  EXPECT_TRUE(scalar_rejects("url_decode", {String, String}));
  EXPECT_EQ(scalar_result("gzip_decompress_from_base64_string", {String}), String);
  EXPECT_EQ(scalar_result("zlib_compress_to_base64_string", {String}), String);
  EXPECT_EQ(scalar_result("punycode_domain_to_string", {String}), String);
}

TEST(EncodingFunctions, HashesTakeAnyNonDynamicScalar) {
  EXPECT_EQ(scalar_result("hash", {String}), Long);
  EXPECT_EQ(scalar_result("hash", {Long, Int}), Long);
  EXPECT_EQ(scalar_result("hash", {DateTime, Long}), Long);
  EXPECT_EQ(scalar_result("hash_xxhash64", {Guid}), Long);
  EXPECT_EQ(scalar_result("hash_sha256", {String}), String);
  EXPECT_EQ(scalar_result("hash_sha1", {Int}), String);
  EXPECT_EQ(scalar_result("hash_md5", {String}), String);
  EXPECT_TRUE(scalar_rejects("hash", {Dynamic}));
  EXPECT_TRUE(scalar_rejects("hash", {String, Real}));
  EXPECT_TRUE(scalar_rejects("hash_sha256", {Dynamic}));
  EXPECT_TRUE(scalar_rejects("hash_md5", {String, Int}));
}

TEST(EncodingFunctions, HashManyAndCombine) {
  EXPECT_EQ(scalar_result("hash_many", {String}), Long);
  EXPECT_EQ(scalar_result("hash_many", {String, Int, DateTime}), Long);
  EXPECT_TRUE(scalar_rejects("hash_many", {}));
  EXPECT_TRUE(scalar_rejects("hash_many", {String, Dynamic}));
  EXPECT_EQ(scalar_result("hash_combine", {Long, Long}), Long);
  EXPECT_EQ(scalar_result("hash_combine", {Long, Long, Dynamic}), Long);
  EXPECT_TRUE(scalar_rejects("hash_combine", {Long}));
  EXPECT_TRUE(scalar_entry("__hash_crc32").hidden);
  EXPECT_TRUE(scalar_rejects("__hash_many_crc32", {Long, Long, Long}));
}

}  // namespace
}  // namespace huntdb
