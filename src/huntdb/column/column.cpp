#include "huntdb/column/column.h"

#include <algorithm>
#include <stdexcept>

namespace huntdb {

bool Column::is_null(size_t i) const {
  switch (encoding_) {
    case Encoding::Constant:
      return constant_.is_null();
    case Encoding::Dictionary:
      return !validity_.valid(i);
    case Encoding::Flat:
      if (type_ == ScalarType::Dynamic) return !dynamics_[i] || dynamics_[i]->is_null();
      return !validity_.valid(i);
  }
  return true;
}

std::string_view Column::string_at(size_t i) const {
  switch (encoding_) {
    case Encoding::Flat:
      return std::string_view(bytes_).substr(offsets_[i], offsets_[i + 1] - offsets_[i]);
    case Encoding::Dictionary:
      return dictionary_->string_at(codes_[i]);
    case Encoding::Constant:
      return constant_.is_null() ? std::string_view() : std::string_view(constant_.as_string());
  }
  return {};
}

Value Column::value_at(size_t i) const {
  if (encoding_ == Encoding::Constant) return constant_;
  if (encoding_ == Encoding::Dictionary) {
    if (!validity_.valid(i)) return Value::null(type_);
    return dictionary_->value_at(codes_[i]);
  }
  if (type_ != ScalarType::String && is_null(i)) return Value::null(type_);
  switch (type_) {
    case ScalarType::Bool: return Value::of_bool(bools_[i] != 0);
    case ScalarType::Int: return Value::of_int(ints_[i]);
    case ScalarType::Long: return Value::of_long(longs_[i]);
    case ScalarType::DateTime: return Value::of_datetime(longs_[i]);
    case ScalarType::TimeSpan: return Value::of_timespan(longs_[i]);
    case ScalarType::Real: return Value::of_real(reals_[i]);
    case ScalarType::Decimal: return Value::of_decimal(reals_[i]);
    case ScalarType::String: return Value::of_string(std::string(string_at(i)));
    case ScalarType::Guid: return Value::of_guid(guids_[i]);
    case ScalarType::Dynamic: return Value::of_dynamic(dynamics_[i]);
    case ScalarType::Unknown: break;
  }
  return Value::null(type_);
}

ColumnPtr Column::make_bools(std::vector<uint8_t> values, Validity validity) {
  auto c = std::shared_ptr<Column>(new Column(ScalarType::Bool));
  c->size_ = values.size();
  c->bools_ = std::move(values);
  c->validity_ = std::move(validity);
  c->validity_.grow(c->size_);
  return c;
}

ColumnPtr Column::make_ints(std::vector<int32_t> values, Validity validity) {
  auto c = std::shared_ptr<Column>(new Column(ScalarType::Int));
  c->size_ = values.size();
  c->ints_ = std::move(values);
  c->validity_ = std::move(validity);
  c->validity_.grow(c->size_);
  return c;
}

ColumnPtr Column::make_longs(ScalarType type, std::vector<int64_t> values, Validity validity) {
  auto c = std::shared_ptr<Column>(new Column(type));
  c->size_ = values.size();
  c->longs_ = std::move(values);
  c->validity_ = std::move(validity);
  c->validity_.grow(c->size_);
  return c;
}

ColumnPtr Column::make_reals(ScalarType type, std::vector<double> values, Validity validity) {
  auto c = std::shared_ptr<Column>(new Column(type));
  c->size_ = values.size();
  c->reals_ = std::move(values);
  c->validity_ = std::move(validity);
  c->validity_.grow(c->size_);
  return c;
}

ColumnPtr Column::make_guids(std::vector<Guid> values, Validity validity) {
  auto c = std::shared_ptr<Column>(new Column(ScalarType::Guid));
  c->size_ = values.size();
  c->guids_ = std::move(values);
  c->validity_ = std::move(validity);
  c->validity_.grow(c->size_);
  return c;
}

ColumnPtr Column::make_dynamics(std::vector<DynamicPtr> values) {
  auto c = std::shared_ptr<Column>(new Column(ScalarType::Dynamic));
  c->size_ = values.size();
  c->dynamics_ = std::move(values);
  return c;
}

ColumnPtr Column::make_strings(std::vector<uint32_t> offsets, std::string bytes) {
  auto c = std::shared_ptr<Column>(new Column(ScalarType::String));
  c->size_ = offsets.empty() ? 0 : offsets.size() - 1;
  if (offsets.empty()) offsets.push_back(0);
  c->offsets_ = std::move(offsets);
  c->bytes_ = std::move(bytes);
  return c;
}

ColumnPtr Column::make_nulls(ScalarType type, size_t rows) {
  return make_constant(Value::null(type), rows);
}

ColumnPtr Column::flatten(const ColumnPtr& c) {
  if (c->is_flat()) return c;
  ColumnBuilder b(c->type(), c->size());
  for (size_t i = 0; i < c->size(); ++i) b.append_from(*c, i);
  return b.finish();
}

ColumnPtr Column::make_constant(Value v, size_t rows) {
  auto c = std::shared_ptr<Column>(new Column(v.type, Encoding::Constant));
  c->size_ = rows;
  c->constant_ = std::move(v);
  return c;
}

ColumnPtr Column::make_dictionary(ColumnPtr dictionary, std::vector<uint32_t> codes) {
  auto c = std::shared_ptr<Column>(new Column(dictionary->type(), Encoding::Dictionary));
  c->size_ = codes.size();
  c->dictionary_ = std::move(dictionary);
  c->codes_ = std::move(codes);
  return c;
}

ColumnPtr Column::take(const ColumnPtr& c, std::span<const uint32_t> indices) {
  if (c->is_constant()) return make_constant(c->constant(), indices.size());
  if (c->is_dictionary()) {
    std::vector<uint32_t> codes(indices.size());
    auto src = c->codes();
    for (size_t i = 0; i < indices.size(); ++i) codes[i] = src[indices[i]];
    auto d = std::shared_ptr<Column>(new Column(c->type(), Encoding::Dictionary));
    d->size_ = indices.size();
    d->dictionary_ = c->dictionary_ptr();
    d->codes_ = std::move(codes);
    if (!c->validity().all_valid())
      for (size_t i = 0; i < indices.size(); ++i)
        if (!c->validity().valid(indices[i])) d->validity_.set(i, false);
    return d;
  }
  // Flat: gather the typed vector directly.
  auto out = std::shared_ptr<Column>(new Column(c->type()));
  out->size_ = indices.size();
  auto gather = [&](const auto& src, auto& dst) {
    dst.resize(indices.size());
    for (size_t i = 0; i < indices.size(); ++i) dst[i] = src[indices[i]];
  };
  switch (c->type()) {
    case ScalarType::Bool: gather(c->bools_, out->bools_); break;
    case ScalarType::Int: gather(c->ints_, out->ints_); break;
    case ScalarType::Long:
    case ScalarType::DateTime:
    case ScalarType::TimeSpan: gather(c->longs_, out->longs_); break;
    case ScalarType::Real:
    case ScalarType::Decimal: gather(c->reals_, out->reals_); break;
    case ScalarType::Guid: gather(c->guids_, out->guids_); break;
    case ScalarType::Dynamic:
    case ScalarType::Unknown: gather(c->dynamics_, out->dynamics_); break;
    case ScalarType::String: {
      size_t bytes = 0;
      for (uint32_t i : indices) bytes += c->offsets_[i + 1] - c->offsets_[i];
      out->bytes_.reserve(bytes);
      out->offsets_.reserve(indices.size() + 1);
      out->offsets_.push_back(0);
      for (uint32_t i : indices) {
        out->bytes_.append(c->bytes_, c->offsets_[i], c->offsets_[i + 1] - c->offsets_[i]);
        out->offsets_.push_back(static_cast<uint32_t>(out->bytes_.size()));
      }
      return out;
    }
  }
  if (!c->validity().all_valid())
    for (size_t i = 0; i < indices.size(); ++i)
      if (!c->validity().valid(indices[i])) out->validity_.set(i, false);
  out->validity_.grow(out->size_);
  return out;
}

ColumnPtr Column::slice(const ColumnPtr& c, size_t offset, size_t count) {
  if (offset == 0 && count == c->size()) return c;
  std::vector<uint32_t> idx(count);
  for (size_t i = 0; i < count; ++i) idx[i] = static_cast<uint32_t>(offset + i);
  return take(c, idx);
}

ColumnPtr Column::concat(std::span<const ColumnPtr> parts) {
  if (parts.size() == 1) return parts[0];
  ScalarType t = parts.empty() ? ScalarType::Unknown : parts[0]->type();
  size_t n = 0;
  for (const auto& p : parts) n += p->size();
  // Parts over one dictionary stay dictionary-encoded (a table's batches share theirs).
  bool same_dictionary = !parts.empty() && parts[0]->is_dictionary();
  for (const auto& p : parts)
    same_dictionary = same_dictionary && p->is_dictionary() && p->dictionary_ptr() == parts[0]->dictionary_ptr() &&
                      p->validity().all_valid();
  if (same_dictionary) {
    std::vector<uint32_t> codes;
    codes.reserve(n);
    for (const auto& p : parts) codes.insert(codes.end(), p->codes().begin(), p->codes().end());
    return make_dictionary(parts[0]->dictionary_ptr(), std::move(codes));
  }
  bool all_flat = true;
  for (const auto& p : parts) all_flat = all_flat && p->is_flat() && p->type() == t;
  if (all_flat && t == ScalarType::String) {
    std::vector<uint32_t> offsets;
    offsets.reserve(n + 1);
    offsets.push_back(0);
    std::string bytes;
    size_t total = 0;
    for (const auto& p : parts) total += p->string_bytes().size();
    bytes.reserve(total);
    for (const auto& p : parts) {
      uint32_t base = static_cast<uint32_t>(bytes.size());
      auto off = p->string_offsets();
      for (size_t i = 1; i < off.size(); ++i) offsets.push_back(base + off[i]);
      bytes.append(p->string_bytes());
    }
    return make_strings(std::move(offsets), std::move(bytes));
  }
  ColumnBuilder b(t, n);
  for (const auto& p : parts)
    for (size_t i = 0; i < p->size(); ++i) b.append_from(*p, i);
  return b.finish();
}

// ---------------------------------------------------------------- builder

ColumnBuilder::ColumnBuilder(ScalarType t, size_t reserve) : col_(new Column(t)) {
  switch (t) {
    case ScalarType::Bool: col_->bools_.reserve(reserve); break;
    case ScalarType::Int: col_->ints_.reserve(reserve); break;
    case ScalarType::Long:
    case ScalarType::DateTime:
    case ScalarType::TimeSpan: col_->longs_.reserve(reserve); break;
    case ScalarType::Real:
    case ScalarType::Decimal: col_->reals_.reserve(reserve); break;
    case ScalarType::String:
      col_->offsets_.reserve(reserve + 1);
      col_->offsets_.push_back(0);
      break;
    case ScalarType::Guid: col_->guids_.reserve(reserve); break;
    case ScalarType::Dynamic:
    case ScalarType::Unknown: col_->dynamics_.reserve(reserve); break;
  }
}

void ColumnBuilder::append_null() {
  Column& c = *col_;
  switch (c.type_) {
    case ScalarType::Bool: c.bools_.push_back(0); break;
    case ScalarType::Int: c.ints_.push_back(0); break;
    case ScalarType::Long:
    case ScalarType::DateTime:
    case ScalarType::TimeSpan: c.longs_.push_back(0); break;
    case ScalarType::Real:
    case ScalarType::Decimal: c.reals_.push_back(0); break;
    case ScalarType::String:
      // strings have no null in KQL: an empty string
      c.offsets_.push_back(static_cast<uint32_t>(c.bytes_.size()));
      ++c.size_;
      return;
    case ScalarType::Guid: c.guids_.push_back(Guid{}); break;
    case ScalarType::Dynamic:
    case ScalarType::Unknown:
      c.dynamics_.push_back(nullptr);
      ++c.size_;
      return;
  }
  c.validity_.set(c.size_, false);
  ++c.size_;
}

void ColumnBuilder::append_nulls(size_t n) {
  Column& c = *col_;
  if (c.type_ == ScalarType::String) {
    c.offsets_.insert(c.offsets_.end(), n, static_cast<uint32_t>(c.bytes_.size()));
    c.size_ += n;
    return;
  }
  for (size_t i = 0; i < n; ++i) append_null();
}

void ColumnBuilder::append_bool(bool v) {
  col_->bools_.push_back(v ? 1 : 0);
  col_->validity_.grow(++col_->size_);
}
void ColumnBuilder::append_int(int32_t v) {
  col_->ints_.push_back(v);
  col_->validity_.grow(++col_->size_);
}
void ColumnBuilder::append_long(int64_t v) {
  col_->longs_.push_back(v);
  col_->validity_.grow(++col_->size_);
}
void ColumnBuilder::append_real(double v) {
  col_->reals_.push_back(v);
  col_->validity_.grow(++col_->size_);
}
void ColumnBuilder::append_string(std::string_view v) {
  col_->bytes_.append(v);
  col_->offsets_.push_back(static_cast<uint32_t>(col_->bytes_.size()));
  ++col_->size_;
}
std::string& ColumnBuilder::begin_string(size_t size_hint) {
  std::string& bytes = col_->bytes_;
  // Geometric growth, as append() grows, so that room made ahead for every value stays cheap.
  if (bytes.capacity() - bytes.size() < size_hint)
    bytes.reserve(std::max(bytes.size() + size_hint, 2 * bytes.capacity()));
  return bytes;
}
void ColumnBuilder::reserve_string_bytes(size_t bytes) { col_->bytes_.reserve(bytes); }
void ColumnBuilder::end_string() {
  col_->offsets_.push_back(static_cast<uint32_t>(col_->bytes_.size()));
  ++col_->size_;
}
void ColumnBuilder::append_guid(const Guid& v) {
  col_->guids_.push_back(v);
  col_->validity_.grow(++col_->size_);
}
void ColumnBuilder::append_dynamic(DynamicPtr v) {
  col_->dynamics_.push_back(std::move(v));
  ++col_->size_;
}

void ColumnBuilder::append_value(const Value& v) {
  if (v.is_null()) {
    append_null();
    return;
  }
  switch (col_->type_) {
    case ScalarType::Bool: append_bool(v.as_bool()); break;
    case ScalarType::Int:
      append_int(v.type == ScalarType::Int ? v.as_int() : static_cast<int32_t>(v.as_long()));
      break;
    case ScalarType::Long:
    case ScalarType::DateTime:
    case ScalarType::TimeSpan:
      append_long(v.type == ScalarType::Int ? v.as_int() : v.as_long());
      break;
    case ScalarType::Real:
      append_real(v.type == ScalarType::Int    ? v.as_int()
                  : v.type == ScalarType::Long ? static_cast<double>(v.as_long())
                  : v.type == ScalarType::Decimal ? std::get<Decimal>(v.data).value
                                                  : v.as_real());
      break;
    case ScalarType::Decimal:
      append_real(v.type == ScalarType::Decimal ? std::get<Decimal>(v.data).value
                  : v.type == ScalarType::Real  ? v.as_real()
                  : v.type == ScalarType::Int   ? v.as_int()
                                                : static_cast<double>(v.as_long()));
      break;
    case ScalarType::String: append_string(v.as_string()); break;
    case ScalarType::Guid: append_guid(v.as_guid()); break;
    case ScalarType::Dynamic:
    case ScalarType::Unknown:
      append_dynamic(v.type == ScalarType::Dynamic ? v.as_dynamic() : DynValue::from_value(v));
      break;
  }
}

void ColumnBuilder::append_from(const Column& c, size_t i) {
  if (!c.is_flat()) {
    if (c.is_dictionary()) {
      if (!c.validity().valid(i)) {
        append_null();
      } else {
        append_from(c.dictionary(), c.codes()[i]);
      }
    } else {
      append_value(c.constant());
    }
    return;
  }
  if (c.is_null(i) && c.type() != ScalarType::String) {
    append_null();
    return;
  }
  switch (c.type()) {
    case ScalarType::Bool: append_bool(c.bools()[i] != 0); break;
    case ScalarType::Int: append_int(c.ints()[i]); break;
    case ScalarType::Long:
    case ScalarType::DateTime:
    case ScalarType::TimeSpan: append_long(c.longs()[i]); break;
    case ScalarType::Real:
    case ScalarType::Decimal: append_real(c.reals()[i]); break;
    case ScalarType::String: append_string(c.string_at(i)); break;
    case ScalarType::Guid: append_guid(c.guids()[i]); break;
    case ScalarType::Dynamic:
    case ScalarType::Unknown: append_dynamic(c.dynamics()[i]); break;
  }
}

ColumnPtr ColumnBuilder::finish() {
  col_->validity_.grow(col_->size_);
  // Room reserved ahead (reserve_string_bytes) and mostly left unused, as by the last rows of a
  // file, is given back: a finished column may be kept a long time. Growth by doubling never
  // leaves more unused than used, so this copies only after such a reservation.
  std::string& bytes = col_->bytes_;
  if (size_t unused = bytes.capacity() - bytes.size(); unused > bytes.size() && unused > (size_t{1} << 20))
    bytes.shrink_to_fit();
  ColumnPtr out = std::move(col_);
  col_ = nullptr;
  return out;
}

}  // namespace huntdb

namespace huntdb {

size_t Column::memory_bytes() const {
  // A dynamic value's tree is not walked: a fixed guess per value keeps this cheap.
  constexpr size_t kDynamicValueBytes = 64;
  size_t n = sizeof(Column) + (size_ + 7) / 8 + bools_.size() + ints_.size() * sizeof(int32_t) +
             longs_.size() * sizeof(int64_t) + reals_.size() * sizeof(double) + guids_.size() * sizeof(Guid) +
             dynamics_.size() * (sizeof(DynamicPtr) + kDynamicValueBytes) + offsets_.size() * sizeof(uint32_t) +
             bytes_.size() + codes_.size() * sizeof(uint32_t);
  if (dictionary_) n += dictionary_->memory_bytes();
  return n;
}

size_t Table::memory_bytes() const {
  size_t n = 0;
  for (const auto& b : batches)
    for (const auto& c : b.columns) n += c->memory_bytes();
  return n;
}

}  // namespace huntdb
