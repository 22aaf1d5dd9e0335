// The per-extent term index (src/huntdb/storage/term_index.cpp). Terms as the Kusto reference
// ("String operators", "What is a term?") defines them: maximal runs of alphanumeric
// characters, case-insensitive; indexed when 3+ characters long. The index must never say
// "cannot contain" where the engine's `has` / `hasprefix` would match (checked against the
// engine's own matcher), and `!has` may skip only extents where every row matches `has`.
#include <gtest/gtest.h>

#include <random>

#include "huntdb/functions/kernels/text_search.h"
#include "huntdb/common/string_map.h"
#include "huntdb/storage/term_index.h"

namespace huntdb::storage {
namespace {

std::shared_ptr<const TermIndex> build(const std::vector<std::string>& values) {
  TermIndexBuilder b;
  StringMap<uint64_t> counts;
  for (const auto& v : values) ++counts[v];
  for (const auto& [v, n] : counts) b.add(v, n);
  std::string bytes = b.finish(values.size());
  return TermIndex::parse(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()));
}

std::vector<std::string> terms_of(std::string_view s) {
  std::vector<std::string> out;
  for_each_term(s, [&](std::string_view t, bool) { out.emplace_back(t); });
  return out;
}

// The runs read off 64-byte masks are those a byte-by-byte scan finds, with the same strictness,
// for texts of every length around the block size and runs across block boundaries.
TEST(StorageTermIndex, TermsAcrossBlocksMatchAByteByByteScan) {
  auto reference = [](std::string_view text) {
    std::vector<std::pair<std::string, bool>> out;
    size_t i = 0, n = text.size();
    auto high = [&](size_t k) { return static_cast<unsigned char>(text[k]) >= 0x80; };
    while (i < n) {
      if (!is_ascii_alnum(static_cast<unsigned char>(text[i]))) {
        ++i;
        continue;
      }
      size_t start = i;
      while (i < n && is_ascii_alnum(static_cast<unsigned char>(text[i]))) ++i;
      out.emplace_back(std::string(text.substr(start, i - start)), (start == 0 || !high(start - 1)) && (i == n || !high(i)));
    }
    return out;
  };
  std::mt19937 rng(7);
  const std::string alphabet = "aZ09 .-_\x80\xC3\xFF@[`{/:";
  for (size_t len = 0; len < 300; ++len) {
    for (int round = 0; round < 4; ++round) {
      std::string text;
      // Long runs (round 0) and short ones (later rounds) both cross the 64-byte boundaries.
      for (size_t k = 0; k < len; ++k) text += round == 0 && k % 90 < 80 ? 'x' : alphabet[rng() % alphabet.size()];
      std::vector<std::pair<std::string, bool>> got;
      for_each_term(text, [&](std::string_view t, bool strict) { got.emplace_back(std::string(t), strict); });
      ASSERT_EQ(got, reference(text)) << "length " << len << " round " << round;
    }
  }
}

// Terms are lower-cased eight bytes at a time: every letter at every offset of a long value, with
// the bytes around 'A'..'Z' ('@', '[', and their non-ASCII images 0xC0, 0xDB) as separators.
TEST(StorageTermIndex, LowerCasesLongValuesAtEveryOffset) {
  std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  for (size_t shift = 0; shift < 8; ++shift) {
    std::string value = std::string(shift, '@') + alphabet + "[\xC0" "MiXeD" "\xDB" "TAIL@";
    auto index = build({value});
    ASSERT_TRUE(index->exact());
    EXPECT_TRUE(index->may_contain_term("abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz0123456789")) << shift;
    EXPECT_TRUE(index->may_contain_term("mixed")) << shift;
    EXPECT_TRUE(index->may_contain_term("tail")) << shift;
    EXPECT_EQ(index->exact_term_count(), 3u) << shift;
    // MiXeD and TAIL follow non-ASCII bytes: indexed, but not as strict terms.
    EXPECT_FALSE(index->all_rows_contain_term("mixed")) << shift;
    EXPECT_FALSE(index->all_rows_contain_term("tail")) << shift;
    EXPECT_TRUE(index->all_rows_contain_term("ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")) << shift;
  }
}

TEST(StorageTermIndex, KustoTermRules) {
  // docs (String operators): "the string 'abc-def' has terms 'abc' and 'def'"
  EXPECT_EQ(terms_of("abc-def"), (std::vector<std::string>{"abc", "def"}));
  EXPECT_EQ(terms_of("C:\\Windows\\cmd.exe /c whoami"),
            (std::vector<std::string>{"C", "Windows", "cmd", "exe", "c", "whoami"}));
  EXPECT_EQ(terms_of("  "), std::vector<std::string>{});
  EXPECT_EQ(terms_required_by_has("CMD.exe"), (std::vector<std::string>{"cmd", "exe"}));
  EXPECT_EQ(terms_required_by_has("a.bc"), std::vector<std::string>{});  // too short to be indexed
}

TEST(StorageTermIndex, ExactAnswers) {
  auto idx = build({"C:\\Windows\\System32\\cmd.exe", "powershell.exe -enc AAAA", "cmd.exe"});
  ASSERT_TRUE(idx->exact());
  EXPECT_TRUE(idx->may_contain_term("cmd"));
  EXPECT_TRUE(idx->may_contain_term("CMD"));  // case-insensitive
  EXPECT_TRUE(idx->may_contain_term("System32"));
  EXPECT_FALSE(idx->may_contain_term("cmdlet"));
  EXPECT_FALSE(idx->may_contain_term("System"));  // not a whole term
  EXPECT_TRUE(idx->may_contain_term("ex"));        // short terms are not indexed: may
  EXPECT_TRUE(idx->may_contain_prefix("Power"));
  EXPECT_TRUE(idx->may_contain_prefix("syst"));
  EXPECT_FALSE(idx->may_contain_prefix("shell"));  // inside a term, not its start
  EXPECT_TRUE(idx->all_rows_contain_term("exe"));
  EXPECT_FALSE(idx->all_rows_contain_term("cmd"));
}

TEST(StorageTermIndex, RepeatedTermsCountOncePerRow) {
  // A term repeated in a value, strict in one place and not in another, counts one row.
  auto idx = build({"abc abc Äabc", "abc-ABC", "Äabc abc"});
  EXPECT_TRUE(idx->all_rows_contain_term("abc"));
  auto partial = build({"abc abc", "Äabc Äabc"});
  EXPECT_FALSE(partial->all_rows_contain_term("abc"));
  EXPECT_TRUE(partial->may_contain_term("abc"));
}

TEST(StorageTermIndex, NonAsciiNeighboursDoNotCountForNotHas) {
  // The engine counts non-ASCII letters as term characters: "Äabc" does not `has` "abc". The
  // ASCII term "abc" is indexed (so `has` may look), but the row does not count towards
  // all_rows_contain_term (so `!has "abc"` does not skip an extent where it would match).
  auto idx = build({"Äabc", "x abc"});
  EXPECT_TRUE(idx->may_contain_term("abc"));
  EXPECT_FALSE(idx->all_rows_contain_term("abc"));
  functions::TextMatcher m("abc", false);
  EXPECT_FALSE(m.has("Äabc"));
}

// Random values from letters, digits, separators and non-ASCII; needles cut from them and
// invented. Every needle the engine finds must pass the index.
// `filler` more values of distinct terms make the index large (a bloom filter) without
// costing the engine check: ground truth over the random values only is a subset of what the
// index saw, so a needle they match must still pass.
void check_no_false_negatives(size_t value_count, size_t filler, bool expect_exact, uint64_t seed) {
  std::mt19937_64 rng(seed);
  const std::string alphabet = "abcXYZ019-._ \\/";
  const std::vector<std::string> pieces = {"Ä", "é", "ß"};
  auto random_text = [&](size_t len) {
    std::string s;
    for (size_t i = 0; i < len; ++i) {
      if (rng() % 20 == 0)
        s += pieces[rng() % pieces.size()];
      else
        s += alphabet[rng() % alphabet.size()];
    }
    return s;
  };
  std::vector<std::string> values;
  for (size_t i = 0; i < value_count; ++i) values.push_back(random_text(4 + rng() % 40));
  std::vector<std::string> indexed = values;
  for (size_t i = 0; i < filler; ++i) indexed.push_back("zq" + std::to_string(i * 7919) + " filler");
  auto idx = build(indexed);
  EXPECT_EQ(idx->exact(), expect_exact);

  std::vector<std::string> needles;
  for (int i = 0; i < 300; ++i) {
    const std::string& v = values[rng() % values.size()];
    size_t a = rng() % v.size(), len = 1 + rng() % 12;
    needles.push_back(v.substr(a, len));
    needles.push_back(random_text(3 + rng() % 6));
  }
  size_t skipped = 0;
  for (const auto& needle : needles) {
    functions::TextMatcher m(needle, false);
    bool any_has = false, any_prefix = false, all_has = filler == 0;
    for (const auto& v : values) {
      bool h = m.has(v);
      any_has = any_has || h;
      all_has = all_has && h;
      any_prefix = any_prefix || m.has_prefix(v);
    }
    bool index_may = true;
    for (const auto& t : terms_required_by_has(needle)) index_may = index_may && idx->may_contain_term(t);
    if (any_has) {
      EXPECT_TRUE(index_may) << "has \"" << needle << "\"";
    }
    if (!index_may) ++skipped;
    // hasprefix with a needle that is one run of letters and digits.
    auto runs = terms_of(needle);
    if (runs.size() == 1 && runs[0] == needle && any_prefix) {
      EXPECT_TRUE(idx->may_contain_prefix(needle)) << "hasprefix \"" << needle << "\"";
    }
    // !has: skipping is allowed only if every row has the term.
    if (runs.size() == 1 && runs[0] == needle && idx->all_rows_contain_term(needle)) {
      EXPECT_TRUE(all_has) << "!has \"" << needle << "\"";
    }
  }
  EXPECT_GT(skipped, 0u);  // the index does prune something
}

TEST(StorageTermIndex, NoFalseNegativesExact) { check_no_false_negatives(300, 0, true, 1); }

TEST(StorageTermIndex, NoFalseNegativesBloom) {
  // Enough distinct terms to exceed the exact list: a bloom filter with prefixes.
  check_no_false_negatives(2000, 70'000, false, 2);
}

TEST(StorageTermIndex, BloomPrunesMostAbsentTerms) {
  std::vector<std::string> values;
  for (int i = 0; i < 100'000; ++i) values.push_back("host" + std::to_string(i) + " user" + std::to_string(i * 7));
  auto idx = build(values);
  ASSERT_FALSE(idx->exact());
  EXPECT_TRUE(idx->may_contain_term("host123"));
  EXPECT_TRUE(idx->may_contain_prefix("host12"));
  EXPECT_TRUE(idx->may_contain_prefix("HOST1234567"));  // checked on its first 6 characters
  int false_positives = 0;
  for (int i = 0; i < 1000; ++i) false_positives += idx->may_contain_term("absent" + std::to_string(i)) ? 1 : 0;
  EXPECT_LT(false_positives, 50);
  EXPECT_FALSE(idx->all_rows_contain_term("host1"));
}

}  // namespace
}  // namespace huntdb::storage
