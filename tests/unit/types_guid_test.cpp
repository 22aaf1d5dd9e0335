// GUID text (src/huntdb/types/guid.cpp). Forms from the Kusto reference pages "The guid data
// type" and "toguid()".
#include <gtest/gtest.h>

#include "huntdb/types/guid.h"

namespace huntdb {
namespace {

TEST(TypesGuid, CanonicalFormRoundTrips) {
  // docs: guid(74be27de-1e4e-49d9-b579-fe0b331d3642)
  auto g = parse_guid("74be27de-1e4e-49d9-b579-fe0b331d3642");
  ASSERT_TRUE(g);
  EXPECT_EQ(g->bytes[0], 0x74);
  EXPECT_EQ(g->bytes[15], 0x42);
  EXPECT_EQ(format_guid(*g), "74be27de-1e4e-49d9-b579-fe0b331d3642");
}

TEST(TypesGuid, AcceptedSpellings) {
  const std::string want = "74be27de-1e4e-49d9-b579-fe0b331d3642";
  for (const char* text : {"74BE27DE-1E4E-49D9-B579-FE0B331D3642", "74be27de1e4e49d9b579fe0b331d3642",
                           "{74be27de-1e4e-49d9-b579-fe0b331d3642}", "(74be27de-1e4e-49d9-b579-fe0b331d3642)",
                           "  74be27de-1e4e-49d9-b579-fe0b331d3642  "}) {
    auto g = parse_guid(text);
    ASSERT_TRUE(g) << text;
    EXPECT_EQ(format_guid(*g), want);
  }
}

TEST(TypesGuid, RejectedSpellings) {
  for (const char* text : {"", "74be27de", "74be27de-1e4e-49d9-b579-fe0b331d364", "74be27de-1e4e-49d9-b579-fe0b331d36422",
                           "74be27de1-e4e-49d9-b579-fe0b331d3642", "74be27de-1e4e-49d9-b579-fe0b331d364g",
                           "{74be27de-1e4e-49d9-b579-fe0b331d3642", "74be27de--1e4e49d9-b579-fe0b331d3642"}) {
    EXPECT_FALSE(parse_guid(text)) << text;
  }
}

TEST(TypesGuid, LenientFormOfToguid) {
  EXPECT_EQ(format_guid(*parse_guid_lenient("0123456789ab-cdef-0123-456789abcdef")),
            "01234567-89ab-cdef-0123-456789abcdef");
  EXPECT_EQ(format_guid(*parse_guid_lenient("-0123-4567-89ab-cdef-0123-4567-89ab-cdef-")),
            "01234567-89ab-cdef-0123-456789abcdef");
  EXPECT_FALSE(parse_guid_lenient("0123456789abcdef 0123456789abcdef"));
  EXPECT_FALSE(parse_guid_lenient("{0123456789abcdef0123456789abcdef}"));
}

TEST(TypesGuid, OrderingFollowsTheText) {
  EXPECT_LT(*parse_guid("00000000-0000-0000-0000-000000000001"), *parse_guid("00000000-0000-0000-0000-000000000010"));
  EXPECT_LT(*parse_guid("0fffffff-ffff-ffff-ffff-ffffffffffff"), *parse_guid("10000000-0000-0000-0000-000000000000"));
}

}  // namespace
}  // namespace huntdb
