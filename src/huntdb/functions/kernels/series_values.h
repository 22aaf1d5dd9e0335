// Reading one row's numeric series (a dynamic array) into plain numbers, and writing numbers back
// as a dynamic array: what every series_* kernel shares.
//
// Kusto's series functions see an array element as a number when it is a long or a real (a
// decimal counts as a real); anything else (null, a string, a bool, a nested array, a datetime)
// is a missing element, which the element-wise functions turn into a null element.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "huntdb/functions/kernels/kernel_util.h"
#include "huntdb/types/dynamic.h"

namespace huntdb::functions {

// One element of a series: a whole number (kept exactly), a real, or missing.
struct SeriesElement {
  enum class Kind : uint8_t { Missing, Long, Real };
  Kind kind = Kind::Missing;
  int64_t whole = 0;  // for Long
  double real = 0;    // the value as a double (for Long too)

  bool missing() const { return kind == Kind::Missing; }
  bool is_long() const { return kind == Kind::Long; }
  static SeriesElement of_long(int64_t v) { return {Kind::Long, v, static_cast<double>(v)}; }
  static SeriesElement of_real(double v) { return {Kind::Real, 0, v}; }
};

// The elements of a dynamic array (cleared first); false (and empty) when `v` is not an array.
bool read_series(const DynValue* v, std::vector<SeriesElement>& out);

// The elements of a dynamic array as doubles, missing elements as NaN; false when not an array.
bool read_series_reals(const DynValue* v, std::vector<double>& out);

// One dynamic element from a number.
SeriesElement element_of(const DynValue& v);
DynamicPtr dynamic_of(const SeriesElement& e);

// A dynamic array of reals (NaN and infinities are written as reals too, as Kusto writes them).
DynamicPtr dynamic_reals(const std::vector<double>& values);
// A dynamic array of reals where `valid` is false -> null element.
DynamicPtr dynamic_reals(const std::vector<double>& values, const std::vector<uint8_t>& valid);

// A series argument of a kernel, of any column type: a dynamic column gives each row's array;
// a numeric column (series_add(s, 2)) gives a scalar that the element-wise functions repeat
// for every element of the other series.
class SeriesArg {
 public:
  explicit SeriesArg(const Column& c);
  // Row i: false when null (or a dynamic that is not an array and not a number).
  // `is_scalar` tells a repeated number (in scalar) from an array (in elements).
  bool read(size_t i, std::vector<SeriesElement>& elements, SeriesElement& scalar, bool& is_scalar) const;

 private:
  bool dynamic_ = false;
  std::unique_ptr<DynamicReader> dyn_;
  std::unique_ptr<RealReader> real_;
  std::unique_ptr<LongReader> long_;
  bool whole_ = false;
};

// An optional bool argument (normalize, fill_edges): `fallback` where omitted or null.
class OptionalBool {
 public:
  OptionalBool(const KernelArgs& a, size_t index, bool fallback) : fallback_(fallback) {
    if (index < a.size()) reader_ = std::make_unique<BoolReader>(a[index]);
  }
  bool get(size_t row) const { return !reader_ || reader_->null(row) ? fallback_ : reader_->get(row); }

 private:
  std::unique_ptr<BoolReader> reader_;
  bool fallback_;
};

// An optional numeric argument (a fill constant, a placeholder): nullopt where omitted or null;
// whole numbers stay whole.
class OptionalNumber {
 public:
  OptionalNumber(const KernelArgs& a, size_t index) {
    if (index < a.size()) {
      real_ = std::make_unique<RealReader>(a[index]);
      ScalarType t = a[index].type();
      if (t == ScalarType::Int || t == ScalarType::Long) long_ = std::make_unique<LongReader>(a[index]);
    }
  }
  bool present(size_t row) const { return real_ && !real_->null(row); }
  SeriesElement get(size_t row) const {
    if (!present(row)) return {};
    return long_ ? SeriesElement::of_long(long_->get(row)) : SeriesElement::of_real(real_->get(row));
  }

 private:
  std::unique_ptr<RealReader> real_;
  std::unique_ptr<LongReader> long_;
};

}  // namespace huntdb::functions
