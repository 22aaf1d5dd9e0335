// The hash algorithms behind hash() and hash_md5/sha1/sha256 (functions/kernels/
// hash_algorithms.cpp), against published test vectors (RFC 1321 appendix A.5, FIPS 180 examples,
// the xxHash reference values) and inputs long enough to cross block and stripe boundaries.
#include <string>

#include <gtest/gtest.h>

#include "huntdb/functions/kernels/encoding_util.h"
#include "huntdb/functions/kernels/hash_algorithms.h"

namespace huntdb::functions {
namespace {

template <typename Digest>
std::string hex(const Digest& d) {
  std::string out;
  hex_encode(std::string_view(reinterpret_cast<const char*>(d.data()), d.size()), out);
  return out;
}

std::string bytes_0_to_99() {
  std::string s;
  for (int i = 0; i < 100; ++i) s += static_cast<char>(i);
  return s;
}

TEST(HashAlgorithms, Md5) {
  EXPECT_EQ(hex(md5("")), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(hex(md5("abc")), "900150983cd24fb0d6963f7d28e17f72");
  EXPECT_EQ(hex(md5("message digest")), "f96b697d7cb7938d525a2f31aaf161d0");
  EXPECT_EQ(hex(md5(std::string(1000, 'a'))), "cabe45dcc9ae5b66ba86600cca6b8ba8");
  EXPECT_EQ(hex(md5(bytes_0_to_99())), "7acedd1a84a4cfcb6e7a16003242945e");
}

TEST(HashAlgorithms, Sha1) {
  EXPECT_EQ(hex(sha1("")), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
  EXPECT_EQ(hex(sha1("abc")), "a9993e364706816aba3e25717850c26c9cd0d89d");
  EXPECT_EQ(hex(sha1("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
            "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
  EXPECT_EQ(hex(sha1(std::string(1000, 'a'))), "291e9a6c66994949b57ba5e650361e98fc36b1ba");
  EXPECT_EQ(hex(sha1(bytes_0_to_99())), "1e6634bfaebc0348298105923d0f26e47aa33ff5");
}

TEST(HashAlgorithms, Sha256) {
  EXPECT_EQ(hex(sha256("")), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(hex(sha256("abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(hex(sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(hex(sha256(std::string(1000, 'a'))), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
  EXPECT_EQ(hex(sha256(bytes_0_to_99())), "bce0aff19cf5aa6a7469a30d61d04e4376e4bbf6381052ee9e7f33925c954d52");
}

TEST(HashAlgorithms, XxHash64) {
  EXPECT_EQ(xxhash64(""), 0xEF46DB3751D8E999ULL);
  EXPECT_EQ(xxhash64("abc"), 0x44BC2CF5AD770999ULL);
  // hash("World") and hash("Hello") from the Kusto hash() / hash_combine() reference pages.
  EXPECT_EQ(static_cast<int64_t>(xxhash64("World")), 1846988464401551951LL);
  EXPECT_EQ(static_cast<int64_t>(xxhash64("Hello")), 753694413698530628LL);
  // 100 bytes: three 32-byte stripes and a 4-byte tail; a seed changes every lane.
  EXPECT_EQ(xxhash64(bytes_0_to_99()), 0x6AC1E58032166597ULL);
  EXPECT_EQ(xxhash64(bytes_0_to_99(), 12345), 0x028BA1AE2DE4DE27ULL);
}

TEST(Base64, RoundTripsAndRejectsMalformedText) {
  std::string out, back;
  base64_encode("Kusto", out);
  EXPECT_EQ(out, "S3VzdG8=");
  ASSERT_TRUE(base64_decode(out, back));
  EXPECT_EQ(back, "Kusto");
  ASSERT_TRUE(base64_decode("S3Vz dG8=\n", back));  // whitespace is skipped
  EXPECT_EQ(back, "Kusto");
  EXPECT_FALSE(base64_decode("S3VzdG8", back));      // no padding
  EXPECT_FALSE(base64_decode("S3=zdG8=", back));     // padding inside
  EXPECT_FALSE(base64_decode("S3VzdG8*", back));     // not the alphabet
  ASSERT_TRUE(base64_decode("", back));
  EXPECT_EQ(back, "");
}

}  // namespace
}  // namespace huntdb::functions
