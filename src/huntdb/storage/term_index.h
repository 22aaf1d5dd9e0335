// A per-extent, per-string-column index of terms, so that `has`, `has_any`, `has_all`,
// `hasprefix` (and `!has`) can skip extents that cannot match.
//
// Terms follow Kusto's rules (see "String operators" in the Kusto reference: a term is a
// maximal run of ASCII letters and digits; matching is case-insensitive; only terms of 3+
// characters are indexed). An answer of "may contain" can be wrong (then the extent is scanned
// for nothing); "does not contain" never is. The engine's `has` also counts non-ASCII bytes as
// term characters, which only makes its terms longer; such a match still contains every ASCII
// run of the needle as an ASCII term, so the index stays free of false negatives. The per-term
// row counts behind all_rows_contain_term count a row only where the run is bounded by ASCII
// separators on both sides, i.e. where the engine's `has` would also match.
//
// Two forms: an exact sorted list of terms with row counts while a column has at most
// kMaxExactTerms distinct terms (answers prefixes and `!has` too), else a bloom filter over the
// terms and their prefixes of 3..kBloomPrefixMax characters (about 1% false positives).
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "huntdb/storage/term_table.h"

namespace huntdb::storage {

inline constexpr size_t kMinTermLength = 3;
inline constexpr size_t kMaxExactTerms = 64 * 1024;
// Beyond this many distinct terms a column gets no index at all (every answer "may"), which
// bounds the memory an extent of unique free text can take while it is written.
inline constexpr size_t kMaxIndexedTerms = 4 * 1024 * 1024;
inline constexpr size_t kBloomPrefixMax = 6;

inline bool is_ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

// Bit j set where byte j of the 64 at `p` is an ASCII letter or digit (all 64 must be readable).
uint64_t ascii_alnum_mask64(const unsigned char* p);

// Calls f(term, strict) for each maximal run of ASCII letters and digits in text (as it is, not
// lower-cased); strict = the run is bounded by ASCII characters or the text's ends. The text is
// classified 64 bytes at a time into a bit mask, and the runs are read off the mask, so the cost
// is per run rather than per byte.
template <typename F>
void for_each_term(std::string_view text, F&& f) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size();
  constexpr size_t kNone = ~size_t{0};
  size_t run_start = kNone;
  auto emit = [&](size_t start, size_t end) {
    bool strict = (start == 0 || p[start - 1] < 0x80) && (end == n || p[end] < 0x80);
    f(text.substr(start, end - start), strict);
  };
  for (size_t base = 0; base < n; base += 64) {
    uint64_t m;
    if (n - base >= 64) {
      m = ascii_alnum_mask64(p + base);
    } else {
      unsigned char tail[64] = {};  // zeros are not letters: a run ends at the text's end
      std::memcpy(tail, p + base, n - base);
      m = ascii_alnum_mask64(tail);
    }
    unsigned pos = 0;
    while (pos < 64) {
      // Outside a run look for the next set bit, inside one for the next clear bit.
      uint64_t rest = (run_start == kNone ? m : ~m) >> pos;
      if (rest == 0) break;
      pos += static_cast<unsigned>(__builtin_ctzll(rest));
      if (run_start == kNone) {
        run_start = base + pos;
      } else {
        emit(run_start, base + pos);
        run_start = kNone;
      }
    }
  }
  if (run_start != kNone) emit(run_start, n);
}

// The lower-cased terms (3+ characters) a string must contain for `s has needle` to hold.
std::vector<std::string> terms_required_by_has(std::string_view needle);

// Builds the index of one column of one extent: add every distinct value with the number of
// rows holding it, then serialize. Each value is lower-cased and split into terms in one pass;
// each term is one lookup in a table keyed by its bytes (term_table.h). Past kMaxExactTerms
// distinct terms only the bloom filter's keys are kept, past kMaxIndexedTerms nothing.
class TermIndexBuilder {
 public:
  void add(std::string_view value, uint64_t rows);
  std::string finish(uint64_t total_rows);

 private:
  enum class Phase : uint8_t { Exact, Bloom, None };
  void add_exact(const unsigned char* term, size_t len, bool strict, uint64_t rows);
  void add_to_bloom(const unsigned char* term, size_t len);
  void add_bloom_keys(const unsigned char* term, size_t len, uint64_t term_key);
  void switch_to_bloom();
  std::string finish_exact(uint64_t total_rows);
  std::string finish_bloom(uint64_t total_rows);

  Phase phase_ = Phase::Exact;
  uint32_t value_id_ = 0;             // add() calls so far (numbering restarts when it wraps)
  ExactTermTable exact_;              // lower-cased term -> rows holding it as a strict term
  BloomTermSet bloom_terms_;          // the distinct terms, past the exact list
  WordSet bloom_prefixes_;            // the longest prefix (up to kBloomPrefixMax) of each of them
  std::vector<uint64_t> bloom_keys_;  // their filter keys (term and prefix hashes), with repeats
  std::vector<unsigned char> lower_;  // the current value lower-cased, padded for word loads
  std::vector<uint64_t> alnum_;       // its letters and digits, 64 bytes a word, and a zero word
};

class TermIndex {
 public:
  // Parses a serialized index (the bytes are copied as needed).
  static std::shared_ptr<const TermIndex> parse(std::span<const uint8_t> bytes);

  // `term` is one term (letters and digits; any case). True when the term is shorter than
  // kMinTermLength (not indexed) or may occur.
  bool may_contain_term(std::string_view term) const;
  // Whether some term may begin with `prefix` (hasprefix); true for prefixes under 3 characters.
  bool may_contain_prefix(std::string_view prefix) const;
  // True only when every row certainly has the term (then `!has term` matches nothing).
  bool all_rows_contain_term(std::string_view term) const;

  bool exact() const { return exact_; }
  size_t exact_term_count() const { return terms_.size(); }

 private:
  bool bloom_test(uint64_t hash) const;

  bool exact_ = true;
  uint64_t total_rows_ = 0;
  std::vector<std::pair<std::string, uint64_t>> terms_;  // sorted
  std::vector<uint64_t> bloom_;
  uint32_t probes_ = 0;
};

}  // namespace huntdb::storage
