// The term index builder (src/huntdb/storage/term_index.cpp) against a straightforward reference:
// the rules and the serialized format of docs/storage_format.md written out the plain way
// (byte-by-byte scan, std::map of terms, std::set of bloom keys). The builder is tuned for speed;
// its bytes must stay exactly these, so that indexes written before still read the same and the
// same rows give the same extent.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>

#include "huntdb/storage/term_hash.h"
#include "huntdb/storage/term_index.h"
#include "ingest_test_util.h"

namespace huntdb::storage {
namespace {

using Values = std::vector<std::pair<std::string, uint64_t>>;  // distinct value, rows holding it

void put_varint(std::string& out, uint64_t v) {
  for (; v >= 0x80; v >>= 7) out.push_back(static_cast<char>((v & 0x7f) | 0x80));
  out.push_back(static_cast<char>(v));
}

std::string reference_index(const Values& values, uint64_t total_rows) {
  std::map<std::string, uint64_t> rows_of;  // lower-cased term -> rows holding it as a strict term
  for (const auto& [value, rows] : values) {
    std::set<std::string> seen, strict;
    size_t i = 0, n = value.size();
    auto ascii = [&](size_t k) { return static_cast<unsigned char>(value[k]) < 0x80; };
    while (i < n) {
      if (!is_ascii_alnum(static_cast<unsigned char>(value[i]))) {
        ++i;
        continue;
      }
      size_t start = i;
      std::string term;
      for (; i < n && is_ascii_alnum(static_cast<unsigned char>(value[i])); ++i)
        term += (value[i] >= 'A' && value[i] <= 'Z') ? static_cast<char>(value[i] - 'A' + 'a') : value[i];
      if (term.size() < kMinTermLength) continue;
      seen.insert(term);
      if ((start == 0 || ascii(start - 1)) && (i == n || ascii(i))) strict.insert(term);
    }
    for (const auto& t : seen) rows_of[t] += strict.count(t) ? rows : 0;
  }
  std::string out;
  if (rows_of.size() > kMaxIndexedTerms) return std::string(1, '\0');
  if (rows_of.size() <= kMaxExactTerms) {
    out.push_back('\1');
    put_varint(out, total_rows);
    put_varint(out, rows_of.size());
    for (const auto& [term, rows] : rows_of) {
      put_varint(out, term.size());
      out += term;
      put_varint(out, rows);
    }
    return out;
  }
  std::set<uint64_t> keys;
  for (const auto& [term, rows] : rows_of) {
    keys.insert(term_hash(term, kTermSeed));
    for (size_t len = kMinTermLength; len <= std::min(term.size(), kBloomPrefixMax); ++len)
      keys.insert(term_hash(term.substr(0, len), kPrefixSeed));
  }
  uint64_t bits = std::max<uint64_t>(64, static_cast<uint64_t>(static_cast<double>(keys.size()) * 10));
  uint64_t words = (bits + 63) / 64;
  bits = words * 64;
  std::vector<uint64_t> filter(words, 0);
  for (uint64_t h : keys) {
    uint64_t delta = (h >> 33) | (h << 31);
    for (int p = 0; p < 7; ++p, h += delta) filter[(h % bits) >> 6] |= uint64_t{1} << ((h % bits) & 63);
  }
  out.push_back('\2');
  put_varint(out, total_rows);
  out.push_back('\7');
  put_varint(out, words);
  out.append(reinterpret_cast<const char*>(filter.data()), words * 8);
  return out;
}

std::string built_index(const Values& values, uint64_t total_rows) {
  TermIndexBuilder b;
  for (const auto& [value, rows] : values) b.add(value, rows);
  return b.finish(total_rows);
}

uint64_t total_rows_of(const Values& values) {
  uint64_t total = 0;
  for (const auto& v : values) total += v.second;
  return total;
}

void expect_same_as_reference(const Values& values, const std::string& what) {
  uint64_t total = total_rows_of(values);
  std::string want = reference_index(values, total), got = built_index(values, total);
  ASSERT_FALSE(want.empty());
  EXPECT_EQ(static_cast<int>(got[0]), static_cast<int>(want[0])) << what << ": form";
  EXPECT_TRUE(got == want) << what << ": " << got.size() << " bytes, reference " << want.size();
}

// The format's hash: values pinned when the format was defined; a change would make every bloom
// filter on disk answer "cannot contain" wrongly.
TEST(StorageTermIndexReference, HashIsTheFormats) {
  EXPECT_EQ(term_hash("", kTermSeed), 0xf52a15e9a9b5e89bULL);
  EXPECT_EQ(term_hash("cmd", kTermSeed), 0x518ce8d6ea6cee09ULL);
  EXPECT_EQ(term_hash("cmd", kPrefixSeed), 0x4b173ab7b766ca61ULL);
  EXPECT_EQ(term_hash("windows", kTermSeed), 0x05b5c3d9e0786294ULL);
}

// Every string column of every table the JSON samples map to, and all of them in one index (past
// the exact list's limit when each value also carries a term of its own, as record ids do).
TEST(StorageTermIndexReference, JsonSampleColumnsGiveTheSameBytes) {
  if (!ingest::testing::have_data()) GTEST_SKIP() << "no ../shared/data";
  std::vector<std::string> paths;
  for (const auto& e : std::filesystem::directory_iterator(ingest::testing::data_path("json")))
    if (e.path().extension() == ".json") paths.push_back(e.path().string());
  std::sort(paths.begin(), paths.end());
  ASSERT_FALSE(paths.empty());
  auto loaded = ingest::testing::load_files(paths);
  Values all;
  size_t columns = 0;
  for (const auto& [name, table] : loaded.tables.tables()) {
    for (size_t c = 0; c < table->schema.columns.size(); ++c) {
      if (table->schema.columns[c].type != ScalarType::String) continue;
      std::map<std::string, uint64_t> counts;
      for (const auto& b : table->batches)
        for (size_t i = 0; i < b.rows; ++i) ++counts[std::string(b.columns[c]->string_at(i))];
      Values values(counts.begin(), counts.end());
      expect_same_as_reference(values, name + "." + table->schema.columns[c].name);
      ++columns;
      for (const auto& [v, n] : values) {
        std::string id = std::to_string(all.size());
        all.emplace_back(v + " Rec" + id + "\xC3\xA9" "Alt" + id, n);
      }
    }
  }
  EXPECT_GT(columns, 20u);
  ASSERT_EQ(reference_index(all, total_rows_of(all))[0], '\2');
  expect_same_as_reference(all, "all columns");
}

// Random values: letters of both cases, digits, separators and non-ASCII bytes, in short and long
// runs (terms of every length around 8 and 16 bytes), repeated within values and across them.
Values random_values(size_t count, uint64_t seed) {
  std::mt19937_64 rng(seed);
  const std::string alphabet = "abcdefXYZ0189-._ \\/@[`{\x80\xC3\xFF";
  Values values;
  std::set<std::string> seen;
  std::vector<std::string> recent;
  while (values.size() < count) {
    std::string v;
    size_t parts = 1 + rng() % 12;
    for (size_t p = 0; p < parts; ++p) {
      if (!recent.empty() && rng() % 3 == 0) {
        v += recent[rng() % recent.size()];  // a term seen before, maybe in another case
      } else {
        size_t len = rng() % 4 == 0 ? 14 + rng() % 6 : 1 + rng() % 10;
        for (size_t k = 0; k < len; ++k) v += alphabet[rng() % alphabet.size()];
        if (rng() % 8 == 0) v += std::string(1 + rng() % 40, "kQ7"[rng() % 3]);
      }
      v += " -/\xC3"[rng() % 4];
      if (rng() % 4 == 0) recent.push_back(v.substr(v.size() > 12 ? v.size() - 12 : 0));
    }
    if (recent.size() > 64) recent.erase(recent.begin(), recent.begin() + 32);
    if (seen.insert(v).second) values.emplace_back(v, 1 + rng() % 5);
  }
  return values;
}

TEST(StorageTermIndexReference, RandomValuesGiveTheSameBytes) {
  for (uint64_t seed = 1; seed <= 20; ++seed)
    expect_same_as_reference(random_values(seed * 10, seed), "seed " + std::to_string(seed));
  expect_same_as_reference(random_values(40'000, 99), "many values");
}

// One past the exact list's limit is a bloom filter; at the limit the list is still exact.
TEST(StorageTermIndexReference, ExactListLimit) {
  Values values;
  for (size_t i = 0; i < kMaxExactTerms; ++i) values.emplace_back("term" + std::to_string(i * 37) + " shared", 1);
  // "shared" is one of the terms: the list is full.
  values.pop_back();
  expect_same_as_reference(values, "at the limit");
  EXPECT_EQ(built_index(values, total_rows_of(values))[0], '\1');
  values.emplace_back("last one", 2);
  expect_same_as_reference(values, "one past the limit");
  EXPECT_EQ(built_index(values, total_rows_of(values))[0], '\2');
}

// Past kMaxIndexedTerms distinct terms a column gets no index; at the limit it gets a filter.
TEST(StorageTermIndexReference, IndexedTermsLimit) {
  TermIndexBuilder at_limit, past_limit;
  std::string value;
  size_t term = 0;
  // Values of 1,000 terms each, until the limit.
  while (term < kMaxIndexedTerms) {
    value.clear();
    for (size_t k = 0; k < 1000 && term < kMaxIndexedTerms; ++k, ++term) value += "word" + std::to_string(term) + ' ';
    at_limit.add(value, 1);
    past_limit.add(value, 1);
  }
  past_limit.add("one more term", 1);
  EXPECT_EQ(at_limit.finish(term)[0], '\2');
  std::string none = past_limit.finish(term + 1);
  EXPECT_EQ(none.size(), 1u);
  EXPECT_EQ(none[0], '\0');
}

}  // namespace
}  // namespace huntdb::storage
