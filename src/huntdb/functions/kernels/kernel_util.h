// Reading kernel arguments of any encoding and writing result columns, without boxing values.
// A reader is made once per call (per batch); its get()/null() are inline and branch only on
// the encoding chosen at construction, so a kernel's row loop stays tight.
#pragma once

#include <cmath>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "huntdb/column/column.h"
#include "huntdb/functions/kernel.h"
#include "huntdb/types/dynamic.h"

namespace huntdb::functions {

// Integers, datetimes and timespans as int64; bools as 0/1.
class LongReader {
 public:
  explicit LongReader(const Column& c) : c_(c), flat_(c.is_flat() ? &c : nullptr) {
    if (c.is_constant()) {
      const Value& v = c.constant();
      const_null_ = v.is_null();
      if (!const_null_) const_value_ = value_as_long(v);
    } else if (c.is_dictionary()) {
      flat_ = &c.dictionary();
      codes_ = c.codes().data();
    }
  }
  bool null(size_t i) const {
    if (c_.is_constant()) return const_null_;
    if (codes_) return !c_.validity().valid(i) || flat_->is_null(codes_[i]);
    return !c_.validity().valid(i);
  }
  int64_t get(size_t i) const {
    if (c_.is_constant()) return const_value_;
    size_t r = codes_ ? codes_[i] : i;
    switch (flat_->type()) {
      case ScalarType::Int: return flat_->ints()[r];
      case ScalarType::Bool: return flat_->bools()[r];
      case ScalarType::Real:
      case ScalarType::Decimal: return static_cast<int64_t>(flat_->reals()[r]);
      default: return flat_->longs()[r];
    }
  }
  static int64_t value_as_long(const Value& v) {
    switch (v.type) {
      case ScalarType::Int: return v.as_int();
      case ScalarType::Bool: return v.as_bool() ? 1 : 0;
      case ScalarType::Real: return static_cast<int64_t>(v.as_real());
      case ScalarType::Decimal: return static_cast<int64_t>(std::get<Decimal>(v.data).value);
      default: return v.as_long();
    }
  }

 private:
  const Column& c_;
  const Column* flat_;
  const uint32_t* codes_ = nullptr;
  bool const_null_ = false;
  int64_t const_value_ = 0;
};

// Any numeric column (int, long, real, decimal, and ticks of datetime/timespan) as double.
class RealReader {
 public:
  explicit RealReader(const Column& c) : c_(c), flat_(c.is_flat() ? &c : nullptr) {
    if (c.is_constant()) {
      const Value& v = c.constant();
      const_null_ = v.is_null();
      if (!const_null_) const_value_ = value_as_real(v);
    } else if (c.is_dictionary()) {
      flat_ = &c.dictionary();
      codes_ = c.codes().data();
    }
  }
  bool null(size_t i) const {
    if (c_.is_constant()) return const_null_;
    if (codes_) return !c_.validity().valid(i) || flat_->is_null(codes_[i]);
    return !c_.validity().valid(i);
  }
  double get(size_t i) const {
    if (c_.is_constant()) return const_value_;
    size_t r = codes_ ? codes_[i] : i;
    switch (flat_->type()) {
      case ScalarType::Int: return flat_->ints()[r];
      case ScalarType::Bool: return flat_->bools()[r];
      case ScalarType::Real:
      case ScalarType::Decimal: return flat_->reals()[r];
      default: return static_cast<double>(flat_->longs()[r]);
    }
  }
  static double value_as_real(const Value& v) {
    switch (v.type) {
      case ScalarType::Int: return v.as_int();
      case ScalarType::Bool: return v.as_bool() ? 1 : 0;
      case ScalarType::Real: return v.as_real();
      case ScalarType::Decimal: return std::get<Decimal>(v.data).value;
      default: return static_cast<double>(v.as_long());
    }
  }

 private:
  const Column& c_;
  const Column* flat_;
  const uint32_t* codes_ = nullptr;
  bool const_null_ = false;
  double const_value_ = 0;
};

// Strings (KQL strings are never null: empty is the "no value" string).
class StringReader {
 public:
  explicit StringReader(const Column& c) : c_(c) {
    if (c.is_constant()) {
      constant_ = c.constant().is_null() ? std::string_view() : std::string_view(c.constant().as_string());
    } else if (c.is_dictionary()) {
      codes_ = c.codes().data();
      flat_ = &c.dictionary();
    } else {
      flat_ = &c;
    }
    if (flat_) {
      offsets_ = flat_->string_offsets().data();
      bytes_ = flat_->string_bytes().data();
    }
  }
  std::string_view get(size_t i) const {
    if (!flat_) return constant_;
    size_t r = codes_ ? codes_[i] : i;
    return std::string_view(bytes_ + offsets_[r], offsets_[r + 1] - offsets_[r]);
  }

 private:
  const Column& c_;
  const Column* flat_ = nullptr;
  const uint32_t* codes_ = nullptr;
  const uint32_t* offsets_ = nullptr;
  const char* bytes_ = nullptr;
  std::string_view constant_;
};

// Bools: get() is meaningful only when !null(i).
class BoolReader {
 public:
  explicit BoolReader(const Column& c) : longs_(c) {}
  bool null(size_t i) const { return longs_.null(i); }
  bool get(size_t i) const { return longs_.get(i) != 0; }

 private:
  LongReader longs_;
};

// Dynamic values (nullptr or a Null value means null).
class DynamicReader {
 public:
  explicit DynamicReader(const Column& c) : c_(c) {
    if (c.is_constant()) {
      const Value& v = c.constant();
      if (!v.is_null()) constant_ = v.type == ScalarType::Dynamic ? v.as_dynamic() : DynValue::from_value(v);
    } else if (c.is_dictionary()) {
      flat_ = &c.dictionary();
      codes_ = c.codes().data();
    } else {
      flat_ = &c;
    }
  }
  const DynValue* get(size_t i) const {
    if (!flat_) return constant_.get();
    size_t r = codes_ ? codes_[i] : i;
    return flat_->dynamics()[r].get();
  }
  const DynamicPtr& get_ptr(size_t i) const {
    if (!flat_) return constant_;
    size_t r = codes_ ? codes_[i] : i;
    return flat_->dynamics()[r];
  }
  bool null(size_t i) const {
    const DynValue* v = get(i);
    return !v || v->is_null();
  }

 private:
  const Column& c_;
  const Column* flat_ = nullptr;
  const uint32_t* codes_ = nullptr;
  DynamicPtr constant_;
};

// An argument whose text counts when it is a string or a dynamic value holding a string (bag
// keys, addresses); any other value reads as nullopt.
class StringArgReader {
 public:
  explicit StringArgReader(const Column& c) : dynamic_(c.type() == ScalarType::Dynamic) {
    if (dynamic_) {
      dyn_ = std::make_unique<DynamicReader>(c);
    } else {
      str_ = std::make_unique<StringReader>(c);
    }
  }
  std::optional<std::string_view> get(size_t i) const {
    if (!dynamic_) return str_->get(i);
    const DynValue* v = dyn_->get(i);
    if (!v || v->kind() != DynValue::Kind::String) return std::nullopt;
    return std::string_view(v->as_string());
  }

 private:
  bool dynamic_;
  std::unique_ptr<StringReader> str_;
  std::unique_ptr<DynamicReader> dyn_;
};

// Collects a string result column.
class StringWriter {
 public:
  explicit StringWriter(size_t rows, size_t bytes_hint = 0) {
    offsets_.reserve(rows + 1);
    offsets_.push_back(0);
    bytes_.reserve(bytes_hint);
  }
  void add(std::string_view s) {
    bytes_.append(s);
    offsets_.push_back(static_cast<uint32_t>(bytes_.size()));
  }
  // Appends to the current row's text (finish the row with end_row()).
  std::string& text() { return bytes_; }
  void end_row() { offsets_.push_back(static_cast<uint32_t>(bytes_.size())); }
  ColumnPtr finish() { return Column::make_strings(std::move(offsets_), std::move(bytes_)); }

 private:
  std::vector<uint32_t> offsets_;
  std::string bytes_;
};

// Collects a fixed-width result column with nulls.
template <typename T>
class ValueWriter {
 public:
  ValueWriter(ScalarType type, size_t rows) : type_(type), values_(rows) {}
  void set(size_t i, T v) { values_[i] = v; }
  void set_null(size_t i) { validity_.set(i, false); }
  ColumnPtr finish() {
    if constexpr (std::is_same_v<T, uint8_t>) {
      return Column::make_bools(std::move(values_), std::move(validity_));
    } else if constexpr (std::is_same_v<T, int32_t>) {
      return Column::make_ints(std::move(values_), std::move(validity_));
    } else if constexpr (std::is_same_v<T, int64_t>) {
      return Column::make_longs(type_, std::move(values_), std::move(validity_));
    } else if constexpr (std::is_same_v<T, double>) {
      return Column::make_reals(type_, std::move(values_), std::move(validity_));
    } else {
      return Column::make_guids(std::move(values_), std::move(validity_));
    }
  }

 private:
  ScalarType type_;
  std::vector<T> values_;
  Validity validity_;
};

using BoolWriter = ValueWriter<uint8_t>;
using LongWriter = ValueWriter<int64_t>;
using RealWriter = ValueWriter<double>;

// A result column of the call's type from per-row optional values (rare paths, small code).
inline ColumnPtr column_of_values(ScalarType type, const std::vector<Value>& values) {
  ColumnBuilder b(type, values.size());
  for (const auto& v : values) b.append_value(v);
  return b.finish();
}

}  // namespace huntdb::functions
