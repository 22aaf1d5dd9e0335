#include "huntdb/functions/kernels/hll_sketch.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <limits>
#include <string>

namespace huntdb::functions {

namespace {

constexpr int kMinPrecision = 12;
constexpr int kMaxPrecision = 18;

constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64_encode(const std::vector<uint8_t>& bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (size_t i = 0; i < bytes.size(); i += 3) {
    uint32_t n = uint32_t{bytes[i]} << 16;
    if (i + 1 < bytes.size()) n |= uint32_t{bytes[i + 1]} << 8;
    if (i + 2 < bytes.size()) n |= bytes[i + 2];
    out.push_back(kBase64[(n >> 18) & 63]);
    out.push_back(kBase64[(n >> 12) & 63]);
    out.push_back(i + 1 < bytes.size() ? kBase64[(n >> 6) & 63] : '=');
    out.push_back(i + 2 < bytes.size() ? kBase64[n & 63] : '=');
  }
  return out;
}

std::optional<std::vector<uint8_t>> base64_decode(std::string_view s) {
  auto digit = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  if (s.size() % 4 != 0) return std::nullopt;
  std::vector<uint8_t> out;
  out.reserve(s.size() / 4 * 3);
  for (size_t i = 0; i < s.size(); i += 4) {
    uint32_t n = 0;
    int pad = 0;
    for (size_t k = 0; k < 4; ++k) {
      char c = s[i + k];
      if (c == '=') {
        ++pad;
        n <<= 6;
        continue;
      }
      int d = digit(c);
      if (d < 0 || pad > 0) return std::nullopt;
      n = (n << 6) | static_cast<uint32_t>(d);
    }
    out.push_back(static_cast<uint8_t>(n >> 16));
    if (pad < 2) out.push_back(static_cast<uint8_t>(n >> 8));
    if (pad < 1) out.push_back(static_cast<uint8_t>(n));
  }
  return out;
}

// Ertl's sigma and tau series (improved raw estimator).
double sigma(double x) {
  if (x == 1) return std::numeric_limits<double>::infinity();
  double y = 1, z = x;
  while (true) {
    x *= x;
    double before = z;
    z += x * y;
    y += y;
    if (z == before) return z;
  }
}

double tau(double x) {
  if (x == 0 || x == 1) return 0;
  double y = 1, z = 1 - x;
  while (true) {
    x = std::sqrt(x);
    double before = z;
    y *= 0.5;
    z -= (1 - x) * (1 - x) * y;
    if (z == before) return z / 3;
  }
}

}  // namespace

int HllSketch::precision_for_accuracy(int64_t accuracy) {
  switch (accuracy) {
    case 0: return 12;
    case 1: return 14;
    case 2: return 16;
    case 3: return 17;
    case 4: return 18;
    default: return 14;
  }
}

HllSketch::HllSketch(int precision) : p_(std::clamp(precision, kMinPrecision, kMaxPrecision)) {}

size_t HllSketch::sparse_limit() const {
  switch (p_) {
    case 12: return 256;
    case 14: return 1024;
    case 16: return 8192;
    case 17: return 16384;
    case 18: return 32768;
    default: return size_t{1} << (p_ - 4);
  }
}

void HllSketch::add(uint64_t hash) {
  if (!registers_.empty()) {
    add_to_registers(hash);
    return;
  }
  if (hashes_.empty()) {
    for (uint64_t h : few_)
      if (h == hash) return;
    if (few_.size() < kFew) {
      few_.push_back(hash);
      return;
    }
    hashes_.insert(few_.begin(), few_.end());
    few_.clear();
    few_.shrink_to_fit();
  }
  hashes_.insert(hash);
  if (hashes_.size() > sparse_limit()) make_dense();
}

std::vector<uint64_t> HllSketch::exact_hashes() const {
  std::vector<uint64_t> out(few_.begin(), few_.end());
  out.insert(out.end(), hashes_.begin(), hashes_.end());
  return out;
}

void HllSketch::add_to_registers(uint64_t hash) {
  size_t index = static_cast<size_t>(hash >> (64 - p_));
  uint64_t rest = hash << p_;
  int q = 64 - p_;
  uint8_t rank = static_cast<uint8_t>(rest == 0 ? q + 1 : std::countl_zero(rest) + 1);
  if (rank > registers_[index]) registers_[index] = rank;
}

void HllSketch::make_dense() {
  registers_.assign(size_t{1} << p_, 0);
  for (uint64_t h : exact_hashes()) add_to_registers(h);
  few_.clear();
  few_.shrink_to_fit();
  hashes_.clear();
  hashes_.rehash(0);
}

std::vector<uint8_t> HllSketch::fold(const std::vector<uint8_t>& registers, int p, int q) {
  std::vector<uint8_t> out(size_t{1} << q, 0);
  int shift = p - q;
  uint64_t low_mask = (uint64_t{1} << shift) - 1;
  for (size_t i = 0; i < registers.size(); ++i) {
    uint8_t r = registers[i];
    if (r == 0) continue;
    uint64_t dropped = i & low_mask;  // the bits that now lead the rest of the hash
    uint8_t rank = dropped != 0 ? static_cast<uint8_t>(shift - std::bit_width(dropped) + 1)
                                : static_cast<uint8_t>(std::min(shift + r, 64 - q + 1));
    uint8_t& slot = out[i >> shift];
    if (rank > slot) slot = rank;
  }
  return out;
}

void HllSketch::lower_precision(int q) {
  if (q >= p_) return;
  if (!registers_.empty()) registers_ = fold(registers_, p_, q);
  p_ = q;
  if (registers_.empty() && exact_count() > sparse_limit()) make_dense();
}

void HllSketch::merge(const HllSketch& other) {
  if (other.p_ < p_) lower_precision(other.p_);
  if (other.registers_.empty()) {
    for (uint64_t h : other.few_) add(h);
    for (uint64_t h : other.hashes_) add(h);
    return;
  }
  if (registers_.empty()) make_dense();
  const std::vector<uint8_t>* theirs = &other.registers_;
  std::vector<uint8_t> folded;
  if (other.p_ > p_) {
    folded = fold(other.registers_, other.p_, p_);
    theirs = &folded;
  }
  for (size_t i = 0; i < registers_.size(); ++i) registers_[i] = std::max(registers_[i], (*theirs)[i]);
}

uint64_t HllSketch::estimate() const {
  if (registers_.empty()) return exact_count();
  int q = 64 - p_;
  std::vector<double> counts(static_cast<size_t>(q) + 2, 0);
  for (uint8_t r : registers_) counts[std::min<size_t>(r, static_cast<size_t>(q) + 1)] += 1;
  double m = static_cast<double>(registers_.size());
  double z = m * tau((m - counts[q + 1]) / m);
  for (int k = q; k >= 1; --k) z = 0.5 * (z + counts[k]);
  z += m * sigma(counts[0] / m);
  double alpha = 1 / (2 * std::log(2.0));
  return static_cast<uint64_t>(std::llround(alpha * m * m / z));
}

DynamicPtr HllSketch::to_dynamic() const {
  DynValue::Elements header{DynValue::of_long(static_cast<int64_t>(sparse_limit())), DynValue::of_long(p_)};
  DynValue::Elements hashes;
  if (registers_.empty()) {
    std::vector<uint64_t> sorted = exact_hashes();
    std::sort(sorted.begin(), sorted.end());  // the same set always prints the same
    hashes.reserve(sorted.size());
    for (uint64_t h : sorted) hashes.push_back(DynValue::of_string(std::to_string(static_cast<int64_t>(h))));
  }
  DynamicPtr registers =
      registers_.empty() ? DynValue::of_array({}) : DynValue::of_string(base64_encode(registers_));
  return DynValue::of_array(
      {DynValue::of_array(std::move(header)), DynValue::of_array(std::move(hashes)), std::move(registers)});
}

std::optional<HllSketch> HllSketch::from_dynamic(const DynValue& v) {
  if (!v.is_array() || v.elements().size() != 3) return std::nullopt;
  const auto& parts = v.elements();
  if (!parts[0] || !parts[0]->is_array() || parts[0]->elements().size() != 2 || !parts[1] || !parts[1]->is_array() ||
      !parts[2])
    return std::nullopt;
  const DynValue* precision = parts[0]->elements()[1].get();
  if (!precision || precision->kind() != DynValue::Kind::Long) return std::nullopt;
  int64_t p = precision->as_long();
  if (p < kMinPrecision || p > kMaxPrecision) return std::nullopt;
  HllSketch s(static_cast<int>(p));
  if (parts[2]->kind() == DynValue::Kind::String) {
    auto bytes = base64_decode(parts[2]->as_string());
    if (!bytes || bytes->size() != (size_t{1} << p)) return std::nullopt;
    s.registers_ = std::move(*bytes);
    return s;
  }
  if (!parts[2]->is_array()) return std::nullopt;
  for (const auto& h : parts[1]->elements()) {
    if (!h) return std::nullopt;
    int64_t x = 0;
    if (h->kind() == DynValue::Kind::String) {
      const std::string& text = h->as_string();
      auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), x);
      if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
    } else if (h->kind() == DynValue::Kind::Long) {
      x = h->as_long();
    } else {
      return std::nullopt;
    }
    s.add(static_cast<uint64_t>(x));
  }
  return s;
}

}  // namespace huntdb::functions
