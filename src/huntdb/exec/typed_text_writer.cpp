#include "huntdb/exec/typed_text_writer.h"

#include <limits>

#include "huntdb/types/convert.h"
#include "huntdb/types/datetime.h"
#include "huntdb/types/dynamic.h"
#include "huntdb/types/guid.h"

namespace huntdb::exec {

TypedTextWriter::TypedTextWriter(ScalarType type, size_t rows) : type_(type), rows_(rows), strings_(rows) {
  switch (type_) {
    case ScalarType::Long:
    case ScalarType::DateTime:
    case ScalarType::TimeSpan: longs_.resize(rows); break;
    case ScalarType::Real:
    case ScalarType::Decimal: reals_.resize(rows); break;
    case ScalarType::Int: ints_.resize(rows); break;
    case ScalarType::Bool: bools_.resize(rows); break;
    case ScalarType::Guid: guids_.resize(rows); break;
    case ScalarType::Dynamic: dynamics_.resize(rows); break;
    default: break;
  }
}

bool TypedTextWriter::accepts(ScalarType type, std::string_view text) {
  switch (type) {
    case ScalarType::Long: return parse_long_text(text).has_value();
    case ScalarType::Int: {
      auto v = parse_long_text(text);
      return v && *v >= std::numeric_limits<int32_t>::min() && *v <= std::numeric_limits<int32_t>::max();
    }
    case ScalarType::Real:
    case ScalarType::Decimal: return parse_real_text(text).has_value();
    case ScalarType::Bool: return parse_bool_text(text).has_value();
    case ScalarType::DateTime: return parse_datetime(text).has_value();
    case ScalarType::TimeSpan: return parse_timespan(text).has_value();
    case ScalarType::Guid: return parse_guid_lenient(text).has_value();
    default: return true;
  }
}

bool TypedTextWriter::set(size_t row, std::string_view text) {
  bool ok = true;
  switch (type_) {
    case ScalarType::String:
    case ScalarType::Unknown:
      while (strings_written_ < row) strings_.add({}), ++strings_written_;
      strings_.add(text);
      ++strings_written_;
      return true;
    case ScalarType::Long:
      if (auto v = parse_long_text(text)) longs_[row] = *v; else ok = false;
      break;
    case ScalarType::Int:
      if (auto v = parse_long_text(text); v && *v >= std::numeric_limits<int32_t>::min() && *v <= std::numeric_limits<int32_t>::max())
        ints_[row] = static_cast<int32_t>(*v);
      else
        ok = false;
      break;
    case ScalarType::Real:
    case ScalarType::Decimal:
      if (auto v = parse_real_text(text)) reals_[row] = *v; else ok = false;
      break;
    case ScalarType::Bool:
      if (auto v = parse_bool_text(text)) bools_[row] = *v ? 1 : 0; else ok = false;
      break;
    case ScalarType::DateTime:
      if (auto v = parse_datetime(text)) longs_[row] = *v; else ok = false;
      break;
    case ScalarType::TimeSpan:
      if (auto v = parse_timespan(text)) longs_[row] = *v; else ok = false;
      break;
    case ScalarType::Guid:
      if (auto v = parse_guid_lenient(text)) guids_[row] = *v; else ok = false;
      break;
    case ScalarType::Dynamic: {
      // As todynamic(): JSON text, or else the text itself as a string value.
      auto v = parse_json(text);
      dynamics_[row] = v ? *v : DynValue::of_string(std::string(text));
      return true;
    }
  }
  if (!ok) validity_.set(row, false);
  return ok;
}

void TypedTextWriter::set_null(size_t row) {
  if (type_ == ScalarType::String || type_ == ScalarType::Unknown) return;  // strings: empty
  if (type_ == ScalarType::Dynamic) {
    dynamics_[row] = nullptr;
    return;
  }
  validity_.set(row, false);
}

ColumnPtr TypedTextWriter::finish() {
  switch (type_) {
    case ScalarType::String:
    case ScalarType::Unknown:
      while (strings_written_ < rows_) strings_.add({}), ++strings_written_;
      return strings_.finish();
    case ScalarType::Long:
    case ScalarType::DateTime:
    case ScalarType::TimeSpan: return Column::make_longs(type_, std::move(longs_), std::move(validity_));
    case ScalarType::Real:
    case ScalarType::Decimal: return Column::make_reals(type_, std::move(reals_), std::move(validity_));
    case ScalarType::Int: return Column::make_ints(std::move(ints_), std::move(validity_));
    case ScalarType::Bool: return Column::make_bools(std::move(bools_), std::move(validity_));
    case ScalarType::Guid: return Column::make_guids(std::move(guids_), std::move(validity_));
    case ScalarType::Dynamic: return Column::make_dynamics(std::move(dynamics_));
  }
  return Column::make_nulls(type_, rows_);
}

}  // namespace huntdb::exec
