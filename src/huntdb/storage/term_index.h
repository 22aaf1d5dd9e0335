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

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <absl/container/flat_hash_map.h>
#include <absl/hash/hash.h>
#include <absl/strings/string_view.h>

#include "huntdb/common/string_map.h"

namespace huntdb::storage {

inline constexpr size_t kMinTermLength = 3;
inline constexpr size_t kMaxExactTerms = 64 * 1024;
inline constexpr size_t kBloomPrefixMax = 6;

// A table rather than comparisons: every byte of every indexed string goes through it.
inline constexpr auto kAsciiAlnum = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return t;
}();

inline bool is_ascii_alnum(unsigned char c) { return kAsciiAlnum[c]; }

// Calls f(term, strict) for each maximal run of ASCII letters and digits in text (as it is, not
// lower-cased); strict = the run is bounded by ASCII characters or the text's ends.
template <typename F>
void for_each_term(std::string_view text, F&& f) {
  size_t i = 0, n = text.size();
  while (i < n) {
    if (!is_ascii_alnum(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    size_t start = i;
    while (i < n && is_ascii_alnum(static_cast<unsigned char>(text[i]))) ++i;
    bool strict = (start == 0 || static_cast<unsigned char>(text[start - 1]) < 0x80) &&
                  (i == n || static_cast<unsigned char>(text[i]) < 0x80);
    f(text.substr(start, i - start), strict);
  }
}

// The lower-cased terms (3+ characters) a string must contain for `s has needle` to hold.
std::vector<std::string> terms_required_by_has(std::string_view needle);

// Builds the index of one column of one extent: add every distinct value with the number of
// rows holding it, then serialize.
class TermIndexBuilder {
 public:
  void add(std::string_view value, uint64_t rows);
  std::string finish(uint64_t total_rows);

 private:
  struct TermRows {
    uint64_t rows = 0;        // rows holding the term as a strict term
    uint64_t last_value = 0;  // the add() that saw the term last (1-based), so a value counts once
    bool counted = false;     // whether that add() has counted its rows already
  };
  // Abseil's own string hash (the one std::string_view gets here is the slower std::hash): a
  // column's every term occurrence is hashed once.
  struct TermHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const {
      return absl::Hash<absl::string_view>{}(absl::string_view(s.data(), s.size()));
    }
  };
  absl::flat_hash_map<std::string, TermRows, TermHash, StringEq> terms_;  // lower-cased term -> its rows
  uint64_t values_ = 0;  // add() calls so far
  std::string lower_;    // the current value, lower-cased
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
