#include "huntdb/functions/kernels/series_values.h"

namespace huntdb::functions {

SeriesElement element_of(const DynValue& v) {
  switch (v.kind()) {
    case DynValue::Kind::Long: return SeriesElement::of_long(v.as_long());
    case DynValue::Kind::Real:
    case DynValue::Kind::Decimal: return SeriesElement::of_real(v.as_real());
    default: return {};
  }
}

DynamicPtr dynamic_of(const SeriesElement& e) {
  switch (e.kind) {
    case SeriesElement::Kind::Long: return DynValue::of_long(e.whole);
    case SeriesElement::Kind::Real: return DynValue::of_real(e.real);
    default: return DynValue::null();
  }
}

bool read_series(const DynValue* v, std::vector<SeriesElement>& out) {
  out.clear();
  if (!v || !v->is_array()) return false;
  const auto& elements = v->elements();
  out.reserve(elements.size());
  for (const auto& e : elements) out.push_back(e ? element_of(*e) : SeriesElement{});
  return true;
}

bool read_series_reals(const DynValue* v, std::vector<double>& out) {
  out.clear();
  if (!v || !v->is_array()) return false;
  const auto& elements = v->elements();
  out.reserve(elements.size());
  for (const auto& e : elements) {
    SeriesElement x = e ? element_of(*e) : SeriesElement{};
    out.push_back(x.missing() ? std::nan("") : x.real);
  }
  return true;
}

DynamicPtr dynamic_reals(const std::vector<double>& values) {
  DynValue::Elements out;
  out.reserve(values.size());
  for (double d : values) out.push_back(DynValue::of_real(d));
  return DynValue::of_array(std::move(out));
}

DynamicPtr dynamic_reals(const std::vector<double>& values, const std::vector<uint8_t>& valid) {
  DynValue::Elements out;
  out.reserve(values.size());
  for (size_t i = 0; i < values.size(); ++i) out.push_back(valid[i] ? DynValue::of_real(values[i]) : DynValue::null());
  return DynValue::of_array(std::move(out));
}

SeriesArg::SeriesArg(const Column& c) {
  switch (c.type()) {
    case ScalarType::Dynamic: dynamic_ = true; dyn_ = std::make_unique<DynamicReader>(c); break;
    case ScalarType::Int:
    case ScalarType::Long: whole_ = true; long_ = std::make_unique<LongReader>(c); real_ = std::make_unique<RealReader>(c); break;
    default: real_ = std::make_unique<RealReader>(c); break;
  }
}

bool SeriesArg::read(size_t i, std::vector<SeriesElement>& elements, SeriesElement& scalar, bool& is_scalar) const {
  if (dynamic_) {
    const DynValue* v = dyn_->get(i);
    if (!v || v->is_null()) return false;
    if (v->is_array()) {
      is_scalar = false;
      return read_series(v, elements);
    }
    // A dynamic number stands for itself, like a numeric argument.
    scalar = element_of(*v);
    is_scalar = true;
    return !scalar.missing();
  }
  if (real_->null(i)) return false;
  is_scalar = true;
  scalar = whole_ ? SeriesElement::of_long(long_->get(i)) : SeriesElement::of_real(real_->get(i));
  return true;
}

}  // namespace huntdb::functions
