// Substitution values rendered as Windows shows them in event XML (value_format.h), one value type
// at a time, including the array forms and values whose size does not fit their type.
#include "huntdb/ingest/evtx/value_format.h"

#include <cstring>
#include <initializer_list>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "huntdb/ingest/evtx/value_type.h"

namespace huntdb::ingest::evtx {
namespace {

using Bytes = std::vector<uint8_t>;

template <class T>
void put_le(Bytes& b, T v, size_t n = sizeof(T)) {
  for (size_t i = 0; i < n; ++i) b.push_back(static_cast<uint8_t>(static_cast<uint64_t>(v) >> (8 * i)));
}

Bytes le(uint64_t v, size_t n) {
  Bytes b;
  put_le(b, v, n);
  return b;
}

Bytes utf16(std::u16string_view s) {
  Bytes b;
  for (char16_t c : s) put_le<uint16_t>(b, c);
  return b;
}

std::string fmt(ValueType t, const Bytes& b) {
  std::string out;
  format_value(static_cast<uint8_t>(t), b.data(), static_cast<uint32_t>(b.size()), out);
  return out;
}

std::vector<std::string> items(ValueType t, const Bytes& b) {
  const uint8_t type = static_cast<uint8_t>(t) | kArrayFlag;
  std::vector<std::string> out;
  uint32_t n = array_item_count(type, b.data(), static_cast<uint32_t>(b.size()));
  for (uint32_t i = 0; i < n; ++i) {
    out.emplace_back();
    format_array_item(type, b.data(), static_cast<uint32_t>(b.size()), i, out.back());
  }
  return out;
}

Bytes sid(uint8_t rev, uint64_t authority, std::initializer_list<uint32_t> subs) {
  Bytes b{rev, static_cast<uint8_t>(subs.size())};
  for (int i = 5; i >= 0; --i) b.push_back(static_cast<uint8_t>(authority >> (8 * i)));  // big-endian
  for (uint32_t s : subs) put_le(b, s);
  return b;
}

TEST(EvtxValueFormat, IntegersAreDecimal) {
  EXPECT_EQ(fmt(ValueType::Int8, le(0xFB, 1)), "-5");
  EXPECT_EQ(fmt(ValueType::UInt8, le(200, 1)), "200");
  EXPECT_EQ(fmt(ValueType::Int16, le(static_cast<uint16_t>(-300), 2)), "-300");
  EXPECT_EQ(fmt(ValueType::UInt16, le(60000, 2)), "60000");
  EXPECT_EQ(fmt(ValueType::Int32, le(static_cast<uint32_t>(-70000), 4)), "-70000");
  EXPECT_EQ(fmt(ValueType::UInt32, le(4000000000u, 4)), "4000000000");
  EXPECT_EQ(fmt(ValueType::Int64, le(static_cast<uint64_t>(-5000000000000LL), 8)), "-5000000000000");
  EXPECT_EQ(fmt(ValueType::UInt64, le(~0ull, 8)), "18446744073709551615");
}

TEST(EvtxValueFormat, HexTypesAreLowerCaseWithoutPadding) {
  // Windows prints SubjectLogonId 0x3e7, not 0x00000000000003e7 (evtxexport pads; Windows does not).
  EXPECT_EQ(fmt(ValueType::HexInt32, le(0x3e7, 4)), "0x3e7");
  EXPECT_EQ(fmt(ValueType::HexInt32, le(0, 4)), "0x0");
  EXPECT_EQ(fmt(ValueType::HexInt64, le(0x58d874, 8)), "0x58d874");
  EXPECT_EQ(fmt(ValueType::HexInt64, le(0x8020000000000000ull, 8)), "0x8020000000000000");
  // SizeT takes its width from the value.
  EXPECT_EQ(fmt(ValueType::SizeT, le(0x1000, 4)), "0x1000");
  EXPECT_EQ(fmt(ValueType::SizeT, le(0x7ffe0000ABCDull, 8)), "0x7ffe0000abcd");
}

TEST(EvtxValueFormat, RealsBoolsAndBinary) {
  float f = 1.5f;
  double d = 0.1;
  Bytes bf(4), bd(8);
  std::memcpy(bf.data(), &f, 4);
  std::memcpy(bd.data(), &d, 8);
  EXPECT_EQ(fmt(ValueType::Real32, bf), "1.5");
  EXPECT_EQ(fmt(ValueType::Real64, bd), "0.1");
  EXPECT_EQ(fmt(ValueType::Bool, le(1, 4)), "true");
  EXPECT_EQ(fmt(ValueType::Bool, le(0, 4)), "false");
  EXPECT_EQ(fmt(ValueType::Binary, Bytes{0x01, 0xAB, 0x00, 0xFF}), "01AB00FF");
  EXPECT_EQ(fmt(ValueType::Binary, Bytes{}), "");
  EXPECT_EQ(fmt(ValueType::Null, Bytes{1, 2}), "");
}

TEST(EvtxValueFormat, GuidIsBracedUpperCase) {
  // {54849625-5478-4994-A5BA-3E3B0328C30D}: first three groups little-endian, the rest as stored.
  Bytes g{0x25, 0x96, 0x84, 0x54, 0x78, 0x54, 0x94, 0x49, 0xA5, 0xBA, 0x3E, 0x3B, 0x03, 0x28, 0xC3, 0x0D};
  EXPECT_EQ(fmt(ValueType::Guid, g), "{54849625-5478-4994-A5BA-3E3B0328C30D}");
}

TEST(EvtxValueFormat, SidsInStringForm) {
  EXPECT_EQ(fmt(ValueType::Sid, sid(1, 5, {18})), "S-1-5-18");
  EXPECT_EQ(fmt(ValueType::Sid, sid(1, 5, {21, 1470532092, 3758209836u, 3742276719u, 1001})),
            "S-1-5-21-1470532092-3758209836-3742276719-1001");
  EXPECT_EQ(fmt(ValueType::Sid, sid(1, 0, {})), "S-1-0");
  // An authority beyond 32 bits is written in hex, as ConvertSidToStringSid does.
  EXPECT_EQ(fmt(ValueType::Sid, sid(1, 0x123456789ABCull, {7})), "S-1-0x123456789ABC-7");
  // A SID claiming more sub-authorities than its bytes hold is shown as hex, not read past its end.
  Bytes cut = sid(1, 5, {21, 22});
  cut.erase(cut.end() - 2, cut.end());
  EXPECT_EQ(fmt(ValueType::Sid, cut), "0102000000000005150000001600");
}

TEST(EvtxValueFormat, TimesAsIso8601WithSevenDigits) {
  EXPECT_EQ(fmt(ValueType::FileTime, le(132635550531234567ull, 8)), "2021-04-22T08:50:53.1234567Z");
  Bytes st;
  for (uint16_t v : {2021, 4, 4, 22, 8, 50, 53, 123}) put_le(st, v);
  EXPECT_EQ(fmt(ValueType::SysTime, st), "2021-04-22T08:50:53.1230000Z");
}

TEST(EvtxValueFormat, StringsStopAtTheirTerminator) {
  EXPECT_EQ(fmt(ValueType::String, utf16(u"C:\\Windows")), "C:\\Windows");
  EXPECT_EQ(fmt(ValueType::String, utf16(std::u16string(u"abc\0", 4))), "abc");
  EXPECT_EQ(fmt(ValueType::String, utf16(std::u16string(u"ab\0cd", 5))), "ab");
  EXPECT_EQ(fmt(ValueType::String, utf16(u"\u00e9\u4e2d")), "\xc3\xa9\xe4\xb8\xad");
  EXPECT_EQ(fmt(ValueType::String, utf16(u"\U0001F600")), "\xf0\x9f\x98\x80");                    // surrogate pair
  EXPECT_EQ(fmt(ValueType::String, utf16(std::u16string(1, char16_t(0xD800)))), "\xef\xbf\xbd");  // lone surrogate
  Bytes odd = utf16(u"ab");
  odd.push_back('c');  // a stray last byte is not half a character
  EXPECT_EQ(fmt(ValueType::String, odd), "ab");
  // ANSI strings: Windows-1252.
  EXPECT_EQ(fmt(ValueType::AnsiString, Bytes{'a', 'b', 0xE9, 0x80, 0, 'x'}), "ab\xc3\xa9\xe2\x82\xac");
}

TEST(EvtxValueFormat, SizesThatDoNotFitTheTypeAreShownAsHex) {
  EXPECT_EQ(fmt(ValueType::UInt32, Bytes{1, 2, 3}), "010203");
  EXPECT_EQ(fmt(ValueType::Guid, Bytes{0xAA}), "AA");
  EXPECT_EQ(fmt(ValueType::FileTime, Bytes{}), "");
  EXPECT_EQ(fmt(ValueType::SizeT, Bytes{1, 2}), "0102");
  EXPECT_EQ(fmt(static_cast<ValueType>(0x33), Bytes{0xDE, 0xAD}), "DEAD");  // unknown type
}

TEST(EvtxValueFormat, ArraysSplitIntoItems) {
  EXPECT_EQ(items(ValueType::String, utf16(std::u16string(u"a\0bc\0", 5))), (std::vector<std::string>{"a", "bc"}));
  EXPECT_EQ(items(ValueType::String, utf16(std::u16string(u"a\0\0b", 4))), (std::vector<std::string>{"a", "", "b"}));
  EXPECT_EQ(items(ValueType::String, Bytes{}), std::vector<std::string>{});
  EXPECT_EQ(items(ValueType::AnsiString, Bytes{'x', 0, 'y', 'z', 0}), (std::vector<std::string>{"x", "yz"}));
  Bytes u16s;
  for (uint16_t v : {1, 2, 65535}) put_le(u16s, v);
  EXPECT_EQ(items(ValueType::UInt16, u16s), (std::vector<std::string>{"1", "2", "65535"}));
  Bytes i8s{0xFF, 0x01};
  EXPECT_EQ(items(ValueType::Int8, i8s), (std::vector<std::string>{"-1", "1"}));
  Bytes hex64 = le(0x10, 8);
  put_le<uint64_t>(hex64, 0xFF);
  hex64.push_back(7);  // a partial trailing item is not an item
  EXPECT_EQ(items(ValueType::HexInt64, hex64), (std::vector<std::string>{"0x10", "0xff"}));
  Bytes sids = sid(1, 5, {18});
  Bytes s2 = sid(1, 5, {32, 544});
  sids.insert(sids.end(), s2.begin(), s2.end());
  EXPECT_EQ(items(ValueType::Sid, sids), (std::vector<std::string>{"S-1-5-18", "S-1-5-32-544"}));
  Bytes guids(32, 0);
  guids[16] = 1;
  EXPECT_EQ(items(ValueType::Guid, guids), (std::vector<std::string>{"{00000000-0000-0000-0000-000000000000}",
                                                                     "{00000001-0000-0000-0000-000000000000}"}));
  Bytes bools = le(1, 4);
  put_le<uint32_t>(bools, 0);
  EXPECT_EQ(items(ValueType::Bool, bools), (std::vector<std::string>{"true", "false"}));
  Bytes sizes = le(0x20, 4);  // SizeT items are 8 bytes when the data allows, else 4
  put_le<uint32_t>(sizes, 0x30);
  put_le<uint32_t>(sizes, 0x40);
  EXPECT_EQ(items(ValueType::SizeT, sizes), (std::vector<std::string>{"0x20", "0x30", "0x40"}));
  // Asking for an item that is not there appends nothing.
  std::string out;
  format_array_item(static_cast<uint8_t>(ValueType::UInt16) | kArrayFlag, u16s.data(), 6, 3, out);
  EXPECT_EQ(out, "");
}

}  // namespace
}  // namespace huntdb::ingest::evtx
