// FILETIME and SYSTEMTIME as ISO 8601 text, and back (time_format.h).
#include "huntdb/ingest/evtx/time_format.h"

#include <string>

#include <gtest/gtest.h>

namespace huntdb::ingest::evtx {
namespace {

std::string iso(uint64_t ft) {
  std::string s;
  append_filetime_iso(ft, s);
  return s;
}

TEST(EvtxTimeFormat, FileTimeAsIso) {
  EXPECT_EQ(iso(0), "1601-01-01T00:00:00.0000000Z");
  EXPECT_EQ(iso(static_cast<uint64_t>(kFileTimeUnixEpoch)), "1970-01-01T00:00:00.0000000Z");
  EXPECT_EQ(iso(132635550531234567ull), "2021-04-22T08:50:53.1234567Z");
  EXPECT_EQ(iso(132274943999999999ull), "2020-02-29T23:59:59.9999999Z");  // leap day
  EXPECT_EQ(iso(132274944000000000ull), "2020-03-01T00:00:00.0000000Z");
  // The largest FILETIME still prints (a five-digit year) rather than failing.
  EXPECT_EQ(iso(~0ull), "60056-05-28T05:36:10.9551615Z");
}

TEST(EvtxTimeFormat, SystemTimeAsIso) {
  uint8_t st[16] = {};
  auto set = [&](int i, uint16_t v) {
    st[2 * i] = static_cast<uint8_t>(v);
    st[2 * i + 1] = static_cast<uint8_t>(v >> 8);
  };
  set(0, 1999), set(1, 12), set(2, 5), set(3, 31), set(4, 23), set(5, 59), set(6, 58), set(7, 7);
  std::string s;
  append_systemtime_iso(st, s);
  EXPECT_EQ(s, "1999-12-31T23:59:58.0070000Z");
}

TEST(EvtxTimeFormat, ParsesIsoBackToFileTime) {
  EXPECT_EQ(parse_iso_filetime("2021-04-22T08:50:53.1234567Z"), 132635550531234567ull);
  // evtxexport prints nine digits; digits past the tick are dropped.
  EXPECT_EQ(parse_iso_filetime("2021-04-22T08:50:53.123456789Z"), 132635550531234567ull);
  EXPECT_EQ(parse_iso_filetime("2021-04-22T08:50:53.1Z"), 132635550531000000ull);
  EXPECT_EQ(parse_iso_filetime("2021-04-22T08:50:53Z"), 132635550530000000ull);
  EXPECT_EQ(parse_iso_filetime("1601-01-01T00:00:00.0000000Z"), 0ull);
  for (uint64_t ft : {0ull, 1ull, 132274943999999999ull, 2650467743999999999ull})
    EXPECT_EQ(parse_iso_filetime(iso(ft)), ft) << ft;
  EXPECT_EQ(parse_iso_filetime(""), std::nullopt);
  EXPECT_EQ(parse_iso_filetime("2021-04-22 08:50:53Z"), std::nullopt);
  EXPECT_EQ(parse_iso_filetime("2021-13-22T08:50:53Z"), std::nullopt);
  EXPECT_EQ(parse_iso_filetime("2021-04-22T08:50:53.12"), std::nullopt);
  EXPECT_EQ(parse_iso_filetime("1600-04-22T08:50:53Z"), std::nullopt);
}

}  // namespace
}  // namespace huntdb::ingest::evtx
