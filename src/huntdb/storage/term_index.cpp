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

void TermIndexBuilder::add(std::string_view value, uint64_t rows) {
  if (terms_.size() > kMaxIndexedTerms) return;
  // Each term counts once per value, strict if any of its runs in the value is strict: every run
  // is looked up as it comes, and the entry remembers which value counted it last (long values
  // such as rendered messages repeat their terms, and sorting them per value cost more than the
  // lookups).
  uint64_t value_id = ++values_;
  // Lower-cased once as a whole; each term is then the same span of the lower-cased copy.
  lower_ascii(value, lower_);
  for_each_term(value, [&](std::string_view term, bool strict) {
    if (term.size() < kMinTermLength) return;
    std::string_view lower(lower_.data() + (term.data() - value.data()), term.size());
    auto it = terms_.find(lower);
    if (it == terms_.end()) it = terms_.try_emplace(std::string(lower)).first;
    TermRows& t = it->second;
    if (t.last_value != value_id) {
      t.last_value = value_id;
      t.counted = false;
    }
    if (strict && !t.counted) {
      t.rows += rows;
      t.counted = true;
    }
  });
}

std::string TermIndexBuilder::finish(uint64_t total_rows) {
  ByteWriter out;
  if (terms_.size() > kMaxIndexedTerms) {
    out.u8(static_cast<uint8_t>(Form::None));
    return std::move(out.bytes());
  }
  if (terms_.size() <= kMaxExactTerms) {
    std::vector<std::pair<std::string_view, uint64_t>> sorted;
    sorted.reserve(terms_.size());
    for (const auto& [term, t] : terms_) sorted.emplace_back(term, t.rows);
    std::sort(sorted.begin(), sorted.end());
    out.u8(static_cast<uint8_t>(Form::Exact));
    out.varint(total_rows);
    out.varint(sorted.size());
    for (const auto& [term, rows] : sorted) {
      out.str(term);
      out.varint(rows);
    }
    return std::move(out.bytes());
  }
  std::vector<uint64_t> keys;
  keys.reserve(terms_.size() * 3);
  for (const auto& entry : terms_) {
    std::string_view t = entry.first;
    keys.push_back(term_hash(t, kTermSeed));
    for (size_t len = kMinTermLength; len <= std::min(t.size(), kBloomPrefixMax); ++len)
      keys.push_back(term_hash(t.substr(0, len), kPrefixSeed));
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
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
