// Value encodings of column chunks (src/huntdb/storage/encodings.cpp): frame of reference,
// delta, plain, bit packing, and the binary form of dynamic values.
#include <gtest/gtest.h>

#include <limits>
#include <random>

#include "huntdb/storage/encodings.h"

namespace huntdb::storage {
namespace {

std::vector<int64_t> round_trip(const std::vector<int64_t>& values, IntCoding* coding = nullptr, size_t* bytes = nullptr) {
  ByteWriter out;
  IntCoding c = encode_ints(out, values);
  if (coding) *coding = c;
  if (bytes) *bytes = out.size();
  ByteReader in(out.bytes(), "test");
  std::vector<int64_t> back;
  decode_ints(in, back);
  EXPECT_EQ(in.remaining(), 0u);
  return back;
}

TEST(StorageEncodings, IntegersRoundTripInEveryCoding) {
  IntCoding c;
  // Timestamps a second apart: delta packs them in a few bits.
  std::vector<int64_t> times;
  for (int i = 0; i < 1000; ++i) times.push_back(17'000'000'000'000'000LL + i * 10'000'000LL);
  size_t bytes = 0;
  EXPECT_EQ(round_trip(times, &c, &bytes), times);
  EXPECT_EQ(c, IntCoding::Delta);
  EXPECT_LT(bytes, 1000u);  // 1000 values in under a byte each

  // Small values in random order: frame of reference.
  std::mt19937_64 rng(3);
  std::vector<int64_t> small;
  for (int i = 0; i < 1000; ++i) small.push_back(4000 + static_cast<int64_t>(rng() % 600));
  EXPECT_EQ(round_trip(small, &c, &bytes), small);
  EXPECT_EQ(c, IntCoding::FrameOfReference);
  EXPECT_LT(bytes, 1000 * 10 / 8 + 32);

  // Full-range random values: plain.
  std::vector<int64_t> wide;
  for (int i = 0; i < 100; ++i) wide.push_back(static_cast<int64_t>(rng()));
  wide.push_back(std::numeric_limits<int64_t>::min());
  wide.push_back(std::numeric_limits<int64_t>::max());
  EXPECT_EQ(round_trip(wide, &c), wide);
  EXPECT_EQ(c, IntCoding::Plain);
}

TEST(StorageEncodings, IntegerEdgeCases) {
  EXPECT_EQ(round_trip({}), std::vector<int64_t>{});
  EXPECT_EQ(round_trip({42}), std::vector<int64_t>{42});
  EXPECT_EQ(round_trip({-5, -5, -5}), (std::vector<int64_t>{-5, -5, -5}));
  std::vector<int64_t> extremes = {std::numeric_limits<int64_t>::max(), std::numeric_limits<int64_t>::min(), 0};
  EXPECT_EQ(round_trip(extremes), extremes);
  // Every width from 1 to 64 bits packs and unpacks.
  for (unsigned w = 1; w <= 64; ++w) {
    std::vector<int64_t> v;
    uint64_t top = w == 64 ? ~uint64_t{0} : (uint64_t{1} << w) - 1;
    for (int i = 0; i < 67; ++i) v.push_back(static_cast<int64_t>(i % 2 ? top : i));
    EXPECT_EQ(round_trip(v), v) << "width " << w;
  }
}

TEST(StorageEncodings, TruncatedInputFailsCleanly) {
  ByteWriter out;
  std::vector<int64_t> v(100, 0);
  for (int i = 0; i < 100; ++i) v[i] = i * 37 % 1000;
  encode_ints(out, v);
  std::string cut = out.bytes().substr(0, out.size() - 3);
  ByteReader in(cut, "test");
  std::vector<int64_t> back;
  EXPECT_THROW(decode_ints(in, back), StorageError);
}

TEST(StorageEncodings, DynamicKeepsEveryKind) {
  Guid g;
  g.bytes[3] = 9;
  DynamicPtr v = DynValue::of_object({
      {"n", DynValue::null()},
      {"b", DynValue::of_bool(false)},
      {"l", DynValue::of_long(-12)},
      {"r", DynValue::of_real(2.5)},
      {"d", DynValue::of_decimal(0.1)},
      {"s", DynValue::of_string("")},
      {"t", DynValue::of_datetime(123456789)},
      {"ts", DynValue::of_timespan(-5)},
      {"g", DynValue::of_guid(g)},
      {"a", DynValue::of_array({DynValue::of_array({}), DynValue::of_object({})})},
  });
  ByteWriter out;
  encode_dynamic(out, *v);
  ByteReader in(out.bytes(), "test");
  DynamicPtr back = decode_dynamic(in);
  ASSERT_TRUE(back);
  EXPECT_TRUE(dynamic_equal(*v, *back));
  EXPECT_EQ(back->member("t")->kind(), DynValue::Kind::DateTime);
  EXPECT_EQ(back->member("ts")->kind(), DynValue::Kind::TimeSpan);
  EXPECT_EQ(back->member("g")->kind(), DynValue::Kind::Guid);
  EXPECT_EQ(back->member("d")->kind(), DynValue::Kind::Decimal);
  EXPECT_EQ(to_json(*v), to_json(*back));
}

}  // namespace
}  // namespace huntdb::storage
