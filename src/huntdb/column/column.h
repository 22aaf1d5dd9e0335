// Typed column vectors: the unit of data the executor works on. A column is flat (one value per
// row in a typed array), dictionary-encoded (strings: codes into a flat column of distinct
// values, so string functions run once per distinct value), or constant (one value, size()
// times). Kusto strings are never null (empty is the "no value" string); every other type has a
// validity bitmap.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "huntdb/column/validity.h"
#include "huntdb/types/dynamic.h"
#include "huntdb/types/schema.h"
#include "huntdb/types/value.h"

namespace huntdb {

class Column;
using ColumnPtr = std::shared_ptr<const Column>;

enum class Encoding : uint8_t { Flat, Dictionary, Constant };

class Column {
 public:
  ScalarType type() const { return type_; }
  Encoding encoding() const { return encoding_; }
  size_t size() const { return size_; }
  bool is_flat() const { return encoding_ == Encoding::Flat; }
  bool is_constant() const { return encoding_ == Encoding::Constant; }
  bool is_dictionary() const { return encoding_ == Encoding::Dictionary; }

  bool is_null(size_t i) const;
  const Validity& validity() const { return validity_; }

  // Flat storage, by type (only the one matching type() is filled):
  std::span<const uint8_t> bools() const { return bools_; }     // Bool: 0/1
  std::span<const int32_t> ints() const { return ints_; }        // Int
  std::span<const int64_t> longs() const { return longs_; }      // Long, DateTime, TimeSpan (ticks)
  std::span<const double> reals() const { return reals_; }       // Real, Decimal
  std::span<const Guid> guids() const { return guids_; }         // Guid
  std::span<const DynamicPtr> dynamics() const { return dynamics_; }  // Dynamic (null pointer = null)
  // Strings of any encoding.
  std::string_view string_at(size_t i) const;
  // Flat strings: row i is bytes[offsets[i] .. offsets[i+1]).
  std::span<const uint32_t> string_offsets() const { return offsets_; }
  std::string_view string_bytes() const { return bytes_; }

  // Dictionary encoding: row i is dictionary()[codes()[i]].
  const Column& dictionary() const { return *dictionary_; }
  const ColumnPtr& dictionary_ptr() const { return dictionary_; }
  std::span<const uint32_t> codes() const { return codes_; }

  // Constant encoding.
  const Value& constant() const { return constant_; }

  // Boxed access (formatting, tests, rare paths; not for hot loops).
  Value value_at(size_t i) const;

  // About how many bytes the column holds (its arrays; a dictionary with its values; a dynamic
  // value counted at a fixed size, as its tree is not walked). For memory budgets, not accounting.
  size_t memory_bytes() const;

  // Flat columns from their values, for kernels that fill whole vectors (faster than a builder).
  static ColumnPtr make_bools(std::vector<uint8_t> values, Validity validity = {});
  static ColumnPtr make_ints(std::vector<int32_t> values, Validity validity = {});
  // Long, DateTime or TimeSpan
  static ColumnPtr make_longs(ScalarType type, std::vector<int64_t> values, Validity validity = {});
  // Real or Decimal
  static ColumnPtr make_reals(ScalarType type, std::vector<double> values, Validity validity = {});
  static ColumnPtr make_guids(std::vector<Guid> values, Validity validity = {});
  static ColumnPtr make_dynamics(std::vector<DynamicPtr> values);
  // offsets has size()+1 entries; row i is bytes[offsets[i] .. offsets[i+1]).
  static ColumnPtr make_strings(std::vector<uint32_t> offsets, std::string bytes);
  // A column of `rows` nulls of a type (empty strings for string).
  static ColumnPtr make_nulls(ScalarType type, size_t rows);

  // A flat copy of any column (dictionary and constant columns expanded).
  static ColumnPtr flatten(const ColumnPtr& c);
  static ColumnPtr make_constant(Value v, size_t rows);
  static ColumnPtr make_dictionary(ColumnPtr dictionary, std::vector<uint32_t> codes);
  // Rows `indices` of c, in that order (gather); works for any encoding.
  static ColumnPtr take(const ColumnPtr& c, std::span<const uint32_t> indices);
  // Rows [offset, offset + count) of c.
  static ColumnPtr slice(const ColumnPtr& c, size_t offset, size_t count);
  // The rows of several columns of one type, one after the other.
  static ColumnPtr concat(std::span<const ColumnPtr> parts);

 private:
  friend class ColumnBuilder;
  explicit Column(ScalarType t, Encoding e = Encoding::Flat) : type_(t), encoding_(e) {}

  ScalarType type_;
  Encoding encoding_;
  size_t size_ = 0;
  Validity validity_;
  std::vector<uint8_t> bools_;
  std::vector<int32_t> ints_;
  std::vector<int64_t> longs_;
  std::vector<double> reals_;
  std::vector<Guid> guids_;
  std::vector<DynamicPtr> dynamics_;
  std::vector<uint32_t> offsets_;
  std::string bytes_;
  ColumnPtr dictionary_;
  std::vector<uint32_t> codes_;
  Value constant_;
};

// Builds a flat column row by row.
class ColumnBuilder {
 public:
  explicit ColumnBuilder(ScalarType t, size_t reserve = 0);

  ScalarType type() const { return col_->type_; }
  size_t size() const { return col_->size_; }
  // The rows appended so far (valid until the next append; strings and bitmaps stay consistent).
  const Column& column() const { return *col_; }

  void append_null();
  void append_nulls(size_t n);  // n nulls at once (a wide table pads the columns a row left unset)
  void append_bool(bool v);
  void append_int(int32_t v);
  void append_long(int64_t v);  // also datetime / timespan ticks
  void append_real(double v);   // also decimal
  void append_string(std::string_view v);
  // A string written in place, for text composed piece by piece (no copy through a scratch
  // string): append to the buffer begin_string() returns, then call end_string(). `size_hint`
  // is room to make ahead, so that a long value grows the column as append_string() does.
  std::string& begin_string(size_t size_hint);
  void end_string();
  // Room for `bytes` bytes of string values in all, made at once (a caller that knows how much
  // text is coming spares the column the copies of growing step by step).
  void reserve_string_bytes(size_t bytes);
  void append_guid(const Guid& v);
  void append_dynamic(DynamicPtr v);
  // Appends a value of the builder's type (converted if it is of another type).
  void append_value(const Value& v);
  // Appends row i of column c (same type).
  void append_from(const Column& c, size_t i);

  ColumnPtr finish();

 private:
  std::shared_ptr<Column> col_;
};

// A batch of rows: one column per schema column, all of `rows` length.
struct Batch {
  std::vector<ColumnPtr> columns;
  size_t rows = 0;
};

// A materialized table: the result of a query or the input of an operator.
struct Table {
  TableSchema schema;
  std::vector<Batch> batches;

  size_t row_count() const {
    size_t n = 0;
    for (const auto& b : batches) n += b.rows;
    return n;
  }
  // About how many bytes its columns hold (Column::memory_bytes).
  size_t memory_bytes() const;
};
using TablePtr = std::shared_ptr<const Table>;

// Rows per batch the executor aims for: large enough to amortize per-batch work, small enough
// to keep a batch's columns in cache and to split work across cores.
inline constexpr size_t kBatchRows = 16 * 1024;

}  // namespace huntdb
