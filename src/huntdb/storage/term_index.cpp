#include "huntdb/storage/term_index.h"

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "huntdb/storage/byte_buffer.h"
#include "huntdb/storage/term_hash.h"

namespace huntdb::storage {

namespace {

constexpr double kBloomBitsPerKey = 10;  // ~1% false positives with 7 probes

enum class Form : uint8_t { None = 0, Exact = 1, Bloom = 2 };

void lower_ascii(std::string_view in, std::string& out) {
  out.resize(in.size());
  const char* src = in.data();
  char* dst = out.data();
  size_t n = in.size(), i = 0;
  // Eight bytes at a time: a byte is an upper-case letter when its low seven bits are in
  // 'A'..'Z' and its high bit is clear; 0x20 is added to exactly those bytes (no carries cross
  // bytes, as every sum stays below 0x100).
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  for (; i + 8 <= n; i += 8) {
    uint64_t x;
    std::memcpy(&x, src + i, 8);
    uint64_t low7 = x & ~kHigh;
    uint64_t at_least_a = low7 + kOnes * (0x80 - 'A');
    uint64_t past_z = low7 + kOnes * (0x80 - 'Z' - 1);
    uint64_t upper = at_least_a & ~past_z & ~x & kHigh;
    x |= upper >> 2;
    std::memcpy(dst + i, &x, 8);
  }
  for (; i < n; ++i) {
    char c = src[i];
    dst[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c;
  }
}

// ascii_alnum_mask64 of the 64 bytes at src, which are also copied to dst lower-cased (ASCII
// letters only).
[[gnu::always_inline]] inline uint64_t lower_ascii_alnum_mask64(const unsigned char* src, unsigned char* dst) {
  uint64_t mask = 0;
#if defined(__SSE2__)
  // As ascii_alnum_mask64; a byte in 'A'..'Z' gets 0x20 added, which makes it its lower case.
  const __m128i digit_lo = _mm_set1_epi8('0' - 1), digit_hi = _mm_set1_epi8('9' + 1);
  const __m128i upper_lo = _mm_set1_epi8('A' - 1), upper_hi = _mm_set1_epi8('Z' + 1);
  const __m128i alpha_lo = _mm_set1_epi8('a' - 1), alpha_hi = _mm_set1_epi8('z' + 1), case_bit = _mm_set1_epi8(0x20);
  for (int k = 0; k < 4; ++k) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + 16 * k));
    __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(v, upper_lo), _mm_cmplt_epi8(v, upper_hi));
    __m128i lower = _mm_or_si128(v, _mm_and_si128(upper, case_bit));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + 16 * k), lower);
    __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, digit_lo), _mm_cmplt_epi8(v, digit_hi));
    __m128i alpha = _mm_and_si128(_mm_cmpgt_epi8(lower, alpha_lo), _mm_cmplt_epi8(lower, alpha_hi));
    uint64_t bits = static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(digit, alpha)));
    mask |= bits << (16 * k);
  }
#else
  for (int j = 0; j < 64; ++j) {
    unsigned char c = src[j];
    dst[j] = (c >= 'A' && c <= 'Z') ? static_cast<unsigned char>(c | 0x20) : c;
    if (is_ascii_alnum(c)) mask |= uint64_t{1} << j;
  }
#endif
  return mask;
}

// Sorts keys and drops repeats. Filter keys are hashes, evenly spread: a radix sort of 11-bit
// digits (all six histograms counted in one pass) beats comparison sorting once there are many.
void sort_unique_keys(std::vector<uint64_t>& keys) {
  constexpr unsigned kDigitBits = 11, kDigits = 6;
  constexpr size_t kBuckets = size_t{1} << kDigitBits;
  if (keys.size() < 4096) {
    std::sort(keys.begin(), keys.end());
  } else {
    std::vector<uint32_t> counts(kDigits * kBuckets, 0);
    for (uint64_t k : keys)
      for (unsigned d = 0; d < kDigits; ++d) ++counts[d * kBuckets + ((k >> (d * kDigitBits)) & (kBuckets - 1))];
    std::vector<uint64_t> other(keys.size());
    for (unsigned d = 0; d < kDigits; ++d) {
      uint32_t* c = counts.data() + d * kBuckets;
      uint32_t sum = 0;
      for (size_t b = 0; b < kBuckets; ++b) {
        uint32_t n = c[b];
        c[b] = sum;
        sum += n;
      }
      for (uint64_t k : keys) other[c[(k >> (d * kDigitBits)) & (kBuckets - 1)]++] = k;
      keys.swap(other);
    }
  }
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
}

}  // namespace

uint64_t ascii_alnum_mask64(const unsigned char* p) {
  uint64_t mask = 0;
#if defined(__SSE2__)
  // Signed byte compares: bytes of 0x80 and above are negative, so never in a range.
  const __m128i digit_lo = _mm_set1_epi8('0' - 1), digit_hi = _mm_set1_epi8('9' + 1);
  const __m128i alpha_lo = _mm_set1_epi8('a' - 1), alpha_hi = _mm_set1_epi8('z' + 1), case_bit = _mm_set1_epi8(0x20);
  for (int k = 0; k < 4; ++k) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    __m128i lower = _mm_or_si128(v, case_bit);
    __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, digit_lo), _mm_cmplt_epi8(v, digit_hi));
    __m128i alpha = _mm_and_si128(_mm_cmpgt_epi8(lower, alpha_lo), _mm_cmplt_epi8(lower, alpha_hi));
    uint64_t bits = static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(digit, alpha)));
    mask |= bits << (16 * k);
  }
#else
  for (int j = 0; j < 64; ++j)
    if (is_ascii_alnum(p[j])) mask |= uint64_t{1} << j;
#endif
  return mask;
}

std::vector<std::string> terms_required_by_has(std::string_view needle) {
  std::vector<std::string> out;
  std::string lower;
  for_each_term(needle, [&](std::string_view term, bool) {
    if (term.size() < kMinTermLength) return;
    lower_ascii(term, lower);
    out.push_back(lower);
  });
  return out;
}

// Each term counts a value's rows once, if any of its runs in the value is strict.
[[gnu::always_inline]] inline void TermIndexBuilder::add_exact(const unsigned char* term, size_t len, bool strict, uint64_t rows) {
  bool added = false;
  ExactTermTable::Entry& e = exact_.find_or_add(term, len, &added);
  if (strict && e.counted_in != value_id_) {
    e.rows += rows;
    e.counted_in = value_id_;
  }
  if (added && exact_.size() > kMaxExactTerms) switch_to_bloom();
}

void TermIndexBuilder::add(std::string_view value, uint64_t rows) {
  if (phase_ == Phase::None) return;
  if (++value_id_ == 0) {
    // The numbering wrapped: no entry may look counted by a new value.
    exact_.clear_counted_in();
    value_id_ = 1;
  }
  const auto* src = reinterpret_cast<const unsigned char*>(value.data());
  size_t n = value.size(), blocks = (n + 63) / 64;
  // Whole blocks of 64, plus 16 bytes so that a term's words can be loaded from any start.
  if (lower_.size() < blocks * 64 + kShortTermBytes) lower_.resize(blocks * 64 + kShortTermBytes);
  if (alnum_.size() < blocks + 1) alnum_.resize(blocks + 1);
  unsigned char* lower = lower_.data();
  uint64_t* alnum = alnum_.data();
  // First the value is lower-cased and classified, 64 bytes at a time.
  for (size_t b = 0; b < blocks; ++b) {
    size_t base = b * 64;
    if (n - base >= 64) {
      // Long values are read well ahead: the lookups between blocks hide the hardware's own
      // prefetching (a prefetch past the value's end is harmless).
      __builtin_prefetch(src + base + 512);
      alnum[b] = lower_ascii_alnum_mask64(src + base, lower + base);
    } else {
      unsigned char tail[64] = {};  // zeros are not letters: a run ends at the text's end
      std::memcpy(tail, src + base, n - base);
      alnum[b] = lower_ascii_alnum_mask64(tail, lower + base);
    }
  }
  alnum[blocks] = 0;
  // Then the runs of 3+ letters and digits are read off the masks: their starts are the set
  // bits with a clear bit before and two set bits after, so shorter runs cost nothing.
  uint64_t carry = 0;  // the last bit of the previous word
  for (size_t b = 0; b < blocks; ++b) {
    uint64_t m = alnum[b], next = alnum[b + 1];
    uint64_t starts = m & ~((m << 1) | carry) & ((m >> 1) | (next << 63)) & ((m >> 2) | (next << 62));
    carry = m >> 63;
    while (starts != 0) {
      unsigned s = static_cast<unsigned>(__builtin_ctzll(starts));
      starts &= starts - 1;
      size_t start = b * 64 + s, end;
      // The run ends at the first clear bit after its start, maybe in a later word.
      uint64_t clear = ~m & (~uint64_t{0} << s);
      if (clear != 0) {
        end = b * 64 + static_cast<size_t>(__builtin_ctzll(clear));
      } else {
        size_t w = b + 1;
        while (alnum[w] == ~uint64_t{0}) ++w;
        end = w * 64 + static_cast<size_t>(__builtin_ctzll(~alnum[w]));
      }
      // Non-ASCII bytes stay as they are in the lower-cased copy.
      bool strict = (start == 0 || lower[start - 1] < 0x80) && (end == n || lower[end] < 0x80);
      if (phase_ == Phase::Exact)
        add_exact(lower + start, end - start, strict, rows);
      else if (phase_ == Phase::Bloom)
        add_to_bloom(lower + start, end - start);
    }
  }
}

void TermIndexBuilder::add_to_bloom(const unsigned char* term, size_t len) {
  bool added;
  uint64_t key = 0;
  if (len <= kShortTermBytes) {
    uint64_t w0, w1;
    term_table_detail::short_term_words(term, len, &w0, &w1);
    added = bloom_terms_.add_short(w0, w1);
  } else {
    key = term_hash(std::string_view(reinterpret_cast<const char*>(term), len), kTermSeed);
    added = bloom_terms_.add_long(key, term);
  }
  if (!added) return;
  if (bloom_terms_.size() > kMaxIndexedTerms) {
    phase_ = Phase::None;
    bloom_terms_.release();
    bloom_prefixes_.release();
    std::vector<uint64_t>().swap(bloom_keys_);
    return;
  }
  if (len <= kShortTermBytes) key = term_hash(std::string_view(reinterpret_cast<const char*>(term), len), kTermSeed);
  add_bloom_keys(term, len, key);
}

// The term's key and those of its prefixes of 3..kBloomPrefixMax bytes, hashed in one pass. The
// prefix keys are added only with a new longest prefix: adding one adds all shorter ones.
void TermIndexBuilder::add_bloom_keys(const unsigned char* term, size_t len, uint64_t term_key) {
  bloom_keys_.push_back(term_key);
  size_t longest = std::min(len, kBloomPrefixMax);
  static_assert(kBloomPrefixMax < 8, "a prefix and its length fit one word");
  uint64_t packed = (term_table_detail::load_word(term) & term_table_detail::kLowBytes[longest]) | (uint64_t{longest} << 56);
  if (!bloom_prefixes_.add(packed)) return;
  uint64_t h = kFnvOffset ^ kPrefixSeed;
  for (size_t i = 0; i < longest; ++i) {
    h = fnv1a_step(h, term[i]);
    if (i + 1 >= kMinTermLength) bloom_keys_.push_back(splitmix64_finalize(h));
  }
}

void TermIndexBuilder::switch_to_bloom() {
  phase_ = Phase::Bloom;
  exact_.for_each([&](const ExactTermTable::Entry& e) {
    std::string_view t = exact_.term(e);
    const auto* bytes = reinterpret_cast<const unsigned char*>(t.data());
    uint64_t key = term_hash(t, kTermSeed);
    bool added = e.length <= kShortTermBytes ? bloom_terms_.add_short(e.w0, e.w1) : bloom_terms_.add_long(key, bytes);
    if (added) add_bloom_keys(bytes, t.size(), key);
  });
  exact_.release();
}

std::string TermIndexBuilder::finish(uint64_t total_rows) {
  switch (phase_) {
    case Phase::Exact: return finish_exact(total_rows);
    case Phase::Bloom: return finish_bloom(total_rows);
    case Phase::None: break;
  }
  return std::string(1, static_cast<char>(Form::None));
}

std::string TermIndexBuilder::finish_exact(uint64_t total_rows) {
  std::vector<std::pair<std::string_view, uint64_t>> sorted;
  sorted.reserve(exact_.size());
  size_t bytes = 0;
  exact_.for_each([&](const ExactTermTable::Entry& e) {
    sorted.emplace_back(exact_.term(e), e.rows);
    bytes += e.length;
  });
  std::sort(sorted.begin(), sorted.end());
  ByteWriter out;
  out.bytes().reserve(1 + 2 * 10 + bytes + sorted.size() * 12);
  out.u8(static_cast<uint8_t>(Form::Exact));
  out.varint(total_rows);
  out.varint(sorted.size());
  for (const auto& [term, rows] : sorted) {
    out.str(term);
    out.varint(rows);
  }
  return std::move(out.bytes());
}

std::string TermIndexBuilder::finish_bloom(uint64_t total_rows) {
  std::vector<uint64_t>& keys = bloom_keys_;
  sort_unique_keys(keys);
  uint64_t bits = std::max<uint64_t>(64, static_cast<uint64_t>(static_cast<double>(keys.size()) * kBloomBitsPerKey));
  uint64_t words = (bits + 63) / 64;
  bits = words * 64;
  std::vector<uint64_t> filter(words, 0);
  const uint32_t probes = 7;
  for (uint64_t h : keys) {
    uint64_t delta = (h >> 33) | (h << 31);
    for (uint32_t p = 0; p < probes; ++p) {
      uint64_t bit = h % bits;
      filter[bit >> 6] |= uint64_t{1} << (bit & 63);
      h += delta;
    }
  }
  ByteWriter out;
  out.u8(static_cast<uint8_t>(Form::Bloom));
  out.varint(total_rows);
  out.u8(static_cast<uint8_t>(probes));
  out.varint(words);
  out.raw(filter.data(), words * 8);
  return std::move(out.bytes());
}

std::shared_ptr<const TermIndex> TermIndex::parse(std::span<const uint8_t> bytes) {
  auto index = std::make_shared<TermIndex>();
  ByteReader in(bytes, "term index");
  auto form = static_cast<Form>(in.u8());
  switch (form) {
    case Form::None:
      index->exact_ = false;
      index->probes_ = 0;
      break;
    case Form::Exact: {
      index->total_rows_ = in.varint();
      uint64_t n = in.varint();
      if (n > in.remaining()) throw StorageError("corrupt term index: bad term count");
      index->terms_.reserve(n);
      for (uint64_t i = 0; i < n; ++i) {
        std::string term(in.str());
        uint64_t rows = in.varint();
        index->terms_.emplace_back(std::move(term), rows);
      }
      break;
    }
    case Form::Bloom: {
      index->exact_ = false;
      index->total_rows_ = in.varint();
      index->probes_ = in.u8();
      uint64_t words = in.varint();
      auto raw = in.bytes(words * 8);
      index->bloom_.resize(words);
      std::memcpy(index->bloom_.data(), raw.data(), words * 8);
      if (words == 0 || index->probes_ == 0) throw StorageError("corrupt term index: empty filter");
      break;
    }
    default:
      throw StorageError("corrupt term index: unknown form");
  }
  return index;
}

bool TermIndex::bloom_test(uint64_t h) const {
  if (bloom_.empty()) return true;  // no index
  uint64_t bits = bloom_.size() * 64;
  uint64_t delta = (h >> 33) | (h << 31);
  for (uint32_t p = 0; p < probes_; ++p) {
    uint64_t bit = h % bits;
    if (!((bloom_[bit >> 6] >> (bit & 63)) & 1)) return false;
    h += delta;
  }
  return true;
}

bool TermIndex::may_contain_term(std::string_view term) const {
  if (term.size() < kMinTermLength) return true;
  std::string lower;
  lower_ascii(term, lower);
  if (!exact_) return bloom_test(term_hash(lower, kTermSeed));
  auto it = std::lower_bound(terms_.begin(), terms_.end(), lower,
                             [](const auto& e, const std::string& t) { return e.first < t; });
  return it != terms_.end() && it->first == lower;
}

bool TermIndex::may_contain_prefix(std::string_view prefix) const {
  if (prefix.size() < kMinTermLength) return true;
  std::string lower;
  lower_ascii(prefix, lower);
  if (!exact_) return bloom_test(term_hash(std::string_view(lower).substr(0, kBloomPrefixMax), kPrefixSeed));
  auto it = std::lower_bound(terms_.begin(), terms_.end(), lower,
                             [](const auto& e, const std::string& t) { return e.first < t; });
  return it != terms_.end() && std::string_view(it->first).starts_with(lower);
}

bool TermIndex::all_rows_contain_term(std::string_view term) const {
  if (!exact_ || term.size() < kMinTermLength) return false;
  std::string lower;
  lower_ascii(term, lower);
  auto it = std::lower_bound(terms_.begin(), terms_.end(), lower,
                             [](const auto& e, const std::string& t) { return e.first < t; });
  return it != terms_.end() && it->first == lower && it->second == total_rows_;
}

}  // namespace huntdb::storage
