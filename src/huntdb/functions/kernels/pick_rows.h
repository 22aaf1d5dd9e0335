// Assembling a result row by row from several same-typed columns: iff, case and coalesce choose,
// per row, which argument the value comes from; max_of and min_of which argument wins.
#pragma once

#include <cstdint>
#include <span>

#include "huntdb/column/column.h"

namespace huntdb::functions {

// A column of `type` whose row i is row i of sources[pick[i]], or null where pick[i] < 0. Every
// source is of `type` (see convert_column) and as long as pick.
ColumnPtr pick_rows(ScalarType type, std::span<const ColumnPtr> sources, std::span<const int32_t> pick);

// Whether row i of c is null, for a column of any type and encoding (strings never are).
class NullReader {
 public:
  explicit NullReader(const Column& c);
  bool null(size_t i) const {
    switch (mode_) {
      case Mode::Never: return false;
      case Mode::Constant: return constant_null_;
      case Mode::Dictionary: return !c_.validity().valid(i) || dict_->is_null(c_.codes()[i]);
      case Mode::Flat: return c_.is_null(i);
    }
    return false;
  }

 private:
  enum class Mode : uint8_t { Never, Constant, Dictionary, Flat };
  const Column& c_;
  const Column* dict_ = nullptr;
  Mode mode_ = Mode::Flat;
  bool constant_null_ = false;
};

}  // namespace huntdb::functions
