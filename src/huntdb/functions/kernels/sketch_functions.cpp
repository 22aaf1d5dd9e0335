// Scalar functions over the sketches hll() and tdigest() return: dcount_hll, hll_merge,
// tdigest_merge / merge_tdigest, percentile_tdigest, percentiles_array_tdigest,
// percentrank_tdigest, rank_tdigest. They run on summarized results (a few rows), so each row's
// sketch is decoded from its dynamic value (encodings in hll_sketch.h and tdigest.h).
//
// Values that are not sketches give null; dcount_hll of a null sketch is 0, as dcount() over no
// values is 0.
#include <cmath>
#include <optional>

#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/hll_sketch.h"
#include "huntdb/functions/kernels/kernel_util.h"
#include "huntdb/functions/kernels/tdigest.h"

namespace huntdb::functions {

namespace {

std::optional<HllSketch> hll_at(const DynamicReader& r, size_t i) {
  const DynValue* v = r.get(i);
  if (!v || v->is_null()) return std::nullopt;
  return HllSketch::from_dynamic(*v);
}

std::optional<std::pair<TDigest, ScalarType>> digest_at(const DynamicReader& r, size_t i) {
  const DynValue* v = r.get(i);
  if (!v || v->is_null()) return std::nullopt;
  return TDigest::from_dynamic(*v);
}

ColumnPtr dcount_hll(const KernelArgs& a) {
  DynamicReader r(a[0]);
  LongWriter out(ScalarType::Long, a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    if (r.null(i)) {
      out.set(i, 0);
      continue;
    }
    auto s = hll_at(r, i);
    if (s) {
      out.set(i, static_cast<int64_t>(s->estimate()));
    } else {
      out.set_null(i);
    }
  }
  return out.finish();
}

ColumnPtr hll_merge(const KernelArgs& a) {
  std::vector<DynamicReader> readers;
  for (size_t k = 0; k < a.size(); ++k) readers.emplace_back(a[k]);
  std::vector<DynamicPtr> out(a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    std::optional<HllSketch> merged;
    for (const auto& r : readers) {
      auto s = hll_at(r, i);
      if (!s) continue;
      if (merged) {
        merged->merge(*s);
      } else {
        merged = std::move(s);
      }
    }
    if (merged) out[i] = merged->to_dynamic();
  }
  return Column::make_dynamics(std::move(out));
}

// Digests of another value type than the first argument's are left out.
ColumnPtr tdigest_merge(const KernelArgs& a) {
  std::vector<DynamicReader> readers;
  for (size_t k = 0; k < a.size(); ++k) readers.emplace_back(a[k]);
  std::vector<DynamicPtr> out(a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    std::optional<std::pair<TDigest, ScalarType>> merged;
    for (const auto& r : readers) {
      auto d = digest_at(r, i);
      if (!d) continue;
      if (!merged) {
        merged = std::move(d);
      } else if (merged->second == d->second) {
        merged->first.merge(d->first);
      }
    }
    if (merged && !merged->first.empty()) out[i] = merged->first.to_dynamic(merged->second);
  }
  return Column::make_dynamics(std::move(out));
}

// A value of the digest's type as the number the digest holds (ticks for datetime/timespan).
std::optional<long double> number_at(const Column& c, const std::unique_ptr<LongReader>& longs,
                                     const std::unique_ptr<RealReader>& reals, size_t i) {
  if (longs) {
    if (longs->null(i)) return std::nullopt;
    return static_cast<long double>(longs->get(i));
  }
  if (reals) {
    if (reals->null(i)) return std::nullopt;
    return static_cast<long double>(reals->get(i));
  }
  if (c.type() == ScalarType::Dynamic) {
    DynamicReader d(c);
    const DynValue* v = d.get(i);
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
  return std::nullopt;
}

struct NumberReader {
  explicit NumberReader(const Column& c) : c_(c) {
    switch (c.type()) {
      case ScalarType::Int:
      case ScalarType::Long:
      case ScalarType::DateTime:
      case ScalarType::TimeSpan:
      case ScalarType::Bool: longs_ = std::make_unique<LongReader>(c); break;
      case ScalarType::Real:
      case ScalarType::Decimal: reals_ = std::make_unique<RealReader>(c); break;
      default: break;
    }
  }
  std::optional<long double> get(size_t i) const { return number_at(c_, longs_, reals_, i); }

 private:
  const Column& c_;
  std::unique_ptr<LongReader> longs_;
  std::unique_ptr<RealReader> reals_;
};

// percentile_tdigest(digest, p [, typeof(T)]): the percentile as the call's type (dynamic unless
// a type is named).
ColumnPtr percentile_tdigest(const KernelArgs& a) {
  DynamicReader digests(a[0]);
  NumberReader percents(a[1]);
  ColumnBuilder b(a.result == ScalarType::Unknown ? ScalarType::Dynamic : a.result, a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    auto d = digest_at(digests, i);
    auto p = percents.get(i);
    if (!d || !p || d->first.empty()) {
      b.append_null();
      continue;
    }
    long double v = d->first.percentile(static_cast<double>(*p));
    switch (b.type()) {
      case ScalarType::Dynamic: b.append_dynamic(digest_value_dynamic(v, d->second)); break;
      case ScalarType::Real:
      case ScalarType::Decimal: b.append_real(static_cast<double>(v)); break;
      case ScalarType::Int: b.append_int(static_cast<int32_t>(std::llround(v))); break;
      case ScalarType::Long:
      case ScalarType::DateTime:
      case ScalarType::TimeSpan: b.append_long(std::llround(v)); break;
      default: b.append_value(Value::of_dynamic(digest_value_dynamic(v, d->second))); break;
    }
  }
  return b.finish();
}

// percentiles_array_tdigest(digest, p1, p2, ...) or (digest, dynamic([p1, p2, ...])).
ColumnPtr percentiles_array_tdigest(const KernelArgs& a) {
  DynamicReader digests(a[0]);
  std::vector<NumberReader> listed;
  std::unique_ptr<DynamicReader> as_array;
  if (a.size() == 2 && a[1].type() == ScalarType::Dynamic) {
    as_array = std::make_unique<DynamicReader>(a[1]);
  } else {
    for (size_t k = 1; k < a.size(); ++k) listed.emplace_back(a[k]);
  }
  std::vector<DynamicPtr> out(a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    auto d = digest_at(digests, i);
    if (!d || d->first.empty()) continue;
    std::vector<std::optional<long double>> percents;
    if (as_array) {
      const DynValue* arr = as_array->get(i);
      if (!arr || !arr->is_array()) continue;
      for (const auto& el : arr->elements()) {
        if (el && el->kind() == DynValue::Kind::Long) {
          percents.push_back(static_cast<long double>(el->as_long()));
        } else if (el && el->kind() == DynValue::Kind::Real) {
          percents.push_back(static_cast<long double>(el->as_real()));
        } else {
          percents.push_back(std::nullopt);
        }
      }
    } else {
      for (const auto& r : listed) percents.push_back(r.get(i));
    }
    DynValue::Elements values;
    for (const auto& p : percents)
      values.push_back(p ? digest_value_dynamic(d->first.percentile(static_cast<double>(*p)), d->second)
                         : DynValue::null());
    out[i] = DynValue::of_array(std::move(values));
  }
  return Column::make_dynamics(std::move(out));
}

// rank_tdigest(digest, v): how many values are <= v; percentrank_tdigest: that as a percentage.
template <bool Percent>
ColumnPtr rank_tdigest(const KernelArgs& a) {
  DynamicReader digests(a[0]);
  NumberReader values(a[1]);
  RealWriter out(ScalarType::Real, a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    auto d = digest_at(digests, i);
    auto v = values.get(i);
    if (!d || !v || d->first.empty()) {
      out.set_null(i);
      continue;
    }
    double r = d->first.rank(*v);
    out.set(i, Percent ? r * 100 / d->first.total_weight() : r);
  }
  return out.finish();
}

constexpr KernelTable kKernels[] = {
    {"dcount_hll", dcount_hll},
    {"hll_merge", hll_merge},
    {"tdigest_merge", tdigest_merge},
    {"merge_tdigest", tdigest_merge},
    {"percentile_tdigest", percentile_tdigest},
    {"percentiles_array_tdigest", percentiles_array_tdigest},
    {"percentrank_tdigest", rank_tdigest<true>},
    {"rank_tdigest", rank_tdigest<false>},
};

}  // namespace

void attach_sketch_kernels(Registry& r) { r.attach(kKernels); }

}  // namespace huntdb::functions
