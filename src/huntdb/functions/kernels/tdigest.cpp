#include "huntdb/functions/kernels/tdigest.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numbers>

namespace huntdb::functions {

namespace {

// Pending values are folded in once there are this many: sorting a batch at a time keeps adds cheap.
constexpr size_t kPendingLimit = 4096;

struct TypeCode {
  ScalarType type;
  int64_t code;
};
constexpr TypeCode kTypeCodes[] = {
    {ScalarType::Int, 6},      {ScalarType::Long, 7},      {ScalarType::Real, 9},
    {ScalarType::Decimal, 10}, {ScalarType::DateTime, 11}, {ScalarType::TimeSpan, 12},
};

int64_t code_of(ScalarType t) {
  for (const auto& c : kTypeCodes)
    if (c.type == t) return c.code;
  return 9;
}

std::optional<ScalarType> type_of_code(int64_t code) {
  for (const auto& c : kTypeCodes)
    if (c.code == code) return c.type;
  return std::nullopt;
}

bool integer_like(ScalarType t) { return t != ScalarType::Real && t != ScalarType::Decimal; }

uint64_t bits_of(double d) {
  if (d == 0) d = 0;  // -0 and 0 are one value
  uint64_t b;
  std::memcpy(&b, &d, sizeof b);
  return b;
}

// The k1 scale function: centroids near the ends hold few values, near the median more.
double k1(double q) {
  q = std::clamp(q, 0.0, 1.0);
  return TDigest::kCompression / (2 * std::numbers::pi) * std::asin(2 * q - 1);
}

std::optional<long double> number_of(const DynValue* v) {
  if (!v) return std::nullopt;
  switch (v->kind()) {
    case DynValue::Kind::Long:
    case DynValue::Kind::DateTime:
    case DynValue::Kind::TimeSpan: return static_cast<long double>(v->as_long());
    case DynValue::Kind::Real:
    case DynValue::Kind::Decimal: return static_cast<long double>(v->as_real());
    default: return std::nullopt;
  }
}

}  // namespace

TDigest::Key TDigest::key_of(long double v) {
  double hi = static_cast<double>(v);
  double lo = static_cast<double>(v - static_cast<long double>(hi));
  return {bits_of(hi), bits_of(lo)};
}

void TDigest::add(long double value, double weight) {
  if (!(weight > 0) || std::isnan(value)) return;
  if (total_ == 0) {
    min_ = max_ = value;
  } else {
    min_ = std::min(min_, value);
    max_ = std::max(max_, value);
  }
  total_ += weight;
  if (exact_) {
    Key k = key_of(value);
    auto it = index_.find(k);
    if (it != index_.end()) {
      centroids_[it->second].weight += weight;
      return;
    }
    if (centroids_.size() < kExactLimit) {
      index_.emplace(k, static_cast<uint32_t>(centroids_.size()));
      centroids_.push_back({value, weight});
      return;
    }
    compress();
  }
  pending_.push_back({value, weight});
  if (pending_.size() >= kPendingLimit) flush();
}

void TDigest::compress() {
  if (exact_) {
    exact_ = false;
    index_.clear();
    pending_.insert(pending_.end(), centroids_.begin(), centroids_.end());
    centroids_.clear();
  }
  flush();
}

void TDigest::flush() const {
  if (pending_.empty()) return;
  std::vector<Centroid> all;
  all.reserve(centroids_.size() + pending_.size());
  all.insert(all.end(), centroids_.begin(), centroids_.end());
  all.insert(all.end(), pending_.begin(), pending_.end());
  pending_.clear();
  std::sort(all.begin(), all.end(), [](const Centroid& a, const Centroid& b) { return a.mean < b.mean; });
  double total = 0;
  for (const auto& c : all) total += c.weight;
  std::vector<Centroid> out;
  Centroid cur = all[0];
  double before = 0;  // weight left of `cur`
  for (size_t i = 1; i < all.size(); ++i) {
    const Centroid& next = all[i];
    double q0 = before / total, q2 = (before + cur.weight + next.weight) / total;
    if (k1(q2) - k1(q0) <= 1) {
      double w = cur.weight + next.weight;
      cur.mean += (next.mean - cur.mean) * static_cast<long double>(next.weight / w);
      cur.weight = w;
    } else {
      out.push_back(cur);
      before += cur.weight;
      cur = next;
    }
  }
  out.push_back(cur);
  centroids_ = std::move(out);
}

void TDigest::merge(const TDigest& other) {
  if (other.empty()) return;
  if (exact_ && other.exact_) {
    for (const auto& c : other.centroids_) add(c.mean, c.weight);
    return;
  }
  if (empty()) {
    *this = other;
    return;
  }
  compress();
  other.flush();
  min_ = std::min(min_, other.min_);
  max_ = std::max(max_, other.max_);
  total_ += other.total_;
  pending_.insert(pending_.end(), other.centroids_.begin(), other.centroids_.end());
  flush();
}

std::vector<TDigest::Centroid> TDigest::sorted_exact() const {
  std::vector<Centroid> sorted = centroids_;
  std::sort(sorted.begin(), sorted.end(), [](const Centroid& a, const Centroid& b) { return a.mean < b.mean; });
  return sorted;
}

long double TDigest::percentile(double p) const {
  if (p <= 0) return min_;
  if (p >= 100) return max_;
  double target = p / 100 * total_;
  if (exact_) {
    // Nearest rank: the smallest value whose cumulative weight reaches ceil(P/100 * N). The
    // tolerance keeps 50% of 18 at rank 9 when the product comes out as 9.000000000000002.
    double rank = std::max(1.0, std::ceil(target - 1e-9 * std::max(1.0, target)));
    double cumulative = 0;
    std::vector<Centroid> sorted = sorted_exact();
    for (const auto& c : sorted) {
      cumulative += c.weight;
      if (cumulative >= rank) return c.mean;
    }
    return max_;
  }
  flush();
  const auto& cs = centroids_;
  if (cs.size() == 1) return cs[0].mean;
  double half = cs[0].weight / 2;
  if (target < half) return min_ + (cs[0].mean - min_) * static_cast<long double>(target / half);
  double cumulative = half;  // weight up to the center of centroid i
  for (size_t i = 0; i + 1 < cs.size(); ++i) {
    double next = cumulative + (cs[i].weight + cs[i + 1].weight) / 2;
    if (target < next) {
      double t = (target - cumulative) / (next - cumulative);
      return cs[i].mean + (cs[i + 1].mean - cs[i].mean) * static_cast<long double>(t);
    }
    cumulative = next;
  }
  double last_half = cs.back().weight / 2;
  double t = std::min(1.0, (target - cumulative) / last_half);
  return cs.back().mean + (max_ - cs.back().mean) * static_cast<long double>(t);
}

double TDigest::rank(long double v) const {
  if (empty() || v < min_) return 0;
  if (v >= max_) return total_;
  if (exact_) {
    double r = 0;
    for (const auto& c : centroids_)
      if (c.mean <= v) r += c.weight;
    return r;
  }
  flush();
  const auto& cs = centroids_;
  auto fraction = [](long double from, long double to, long double at) {
    return to > from ? static_cast<double>((at - from) / (to - from)) : 1.0;
  };
  if (v < cs[0].mean) return cs[0].weight / 2 * fraction(min_, cs[0].mean, v);
  double cumulative = cs[0].weight / 2;
  for (size_t i = 0; i + 1 < cs.size(); ++i) {
    double step = (cs[i].weight + cs[i + 1].weight) / 2;
    if (v < cs[i + 1].mean) return cumulative + step * fraction(cs[i].mean, cs[i + 1].mean, v);
    cumulative += step;
  }
  return std::min(total_, cumulative + cs.back().weight / 2 * fraction(cs.back().mean, max_, v));
}

DynamicPtr TDigest::to_dynamic(ScalarType type) const {
  flush();
  bool integral = integer_like(type);
  auto number = [&](long double v, bool exact_value) {
    if (integral && exact_value) return DynValue::of_long(static_cast<int64_t>(v));
    return DynValue::of_real(static_cast<double>(v));
  };
  DynValue::Elements header{DynValue::of_long(code_of(type))};
  if (!exact_) {
    header.push_back(DynValue::of_long(static_cast<int64_t>(kCompression)));
    header.push_back(number(min_, true));
    header.push_back(number(max_, true));
  }
  DynValue::Elements means, weights;
  means.reserve(centroids_.size());
  weights.reserve(centroids_.size());
  // By value, so a digest prints the same however its rows were split between workers.
  for (const auto& c : exact_ ? sorted_exact() : centroids_) {
    bool whole = exact_ || c.mean == std::floor(c.mean);
    means.push_back(number(c.mean, whole));
    weights.push_back(DynValue::of_long(std::llround(c.weight)));
  }
  return DynValue::of_array(
      {DynValue::of_array(std::move(header)), DynValue::of_array(std::move(means)), DynValue::of_array(std::move(weights))});
}

std::optional<std::pair<TDigest, ScalarType>> TDigest::from_dynamic(const DynValue& v) {
  if (!v.is_array() || v.elements().size() != 3) return std::nullopt;
  const auto& parts = v.elements();
  for (const auto& p : parts)
    if (!p || !p->is_array()) return std::nullopt;
  const auto& header = parts[0]->elements();
  const auto& means = parts[1]->elements();
  const auto& weights = parts[2]->elements();
  if (header.empty() || means.size() != weights.size() || !header[0] || header[0]->kind() != DynValue::Kind::Long)
    return std::nullopt;
  auto type = type_of_code(header[0]->as_long());
  if (!type) return std::nullopt;
  TDigest d;
  if (header.size() >= 4) {
    auto lo = number_of(header[2].get()), hi = number_of(header[3].get());
    if (!lo || !hi) return std::nullopt;
    d.exact_ = false;
    d.min_ = *lo;
    d.max_ = *hi;
    for (size_t i = 0; i < means.size(); ++i) {
      auto m = number_of(means[i].get());
      auto w = number_of(weights[i].get());
      if (!m || !w || !(*w > 0)) return std::nullopt;
      d.centroids_.push_back({*m, static_cast<double>(*w)});
      d.total_ += static_cast<double>(*w);
    }
    std::sort(d.centroids_.begin(), d.centroids_.end(),
              [](const Centroid& a, const Centroid& b) { return a.mean < b.mean; });
    return std::make_pair(std::move(d), *type);
  }
  for (size_t i = 0; i < means.size(); ++i) {
    auto m = number_of(means[i].get());
    auto w = number_of(weights[i].get());
    if (!m || !w) return std::nullopt;
    d.add(*m, static_cast<double>(*w));
  }
  return std::make_pair(std::move(d), *type);
}

DynamicPtr digest_value_dynamic(long double v, ScalarType value_type) {
  switch (value_type) {
    case ScalarType::Real: return DynValue::of_real(static_cast<double>(v));
    case ScalarType::Decimal: return DynValue::of_decimal(static_cast<double>(v));
    case ScalarType::DateTime: return DynValue::of_datetime(std::llround(v));
    case ScalarType::TimeSpan: return DynValue::of_timespan(std::llround(v));
    default: return DynValue::of_long(std::llround(v));
  }
}

}  // namespace huntdb::functions
