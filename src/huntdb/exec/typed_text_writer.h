// Builds a column of a declared type from extracted text, as parse, parse-where and parse-kv
// do for `name:type` captures: the text is converted as the to<type>() functions convert a
// string, and text that does not convert gives null.
#pragma once

#include <string_view>
#include <vector>

#include "huntdb/column/column.h"
#include "huntdb/functions/kernels/kernel_util.h"

namespace huntdb::exec {

class TypedTextWriter {
 public:
  TypedTextWriter(ScalarType type, size_t rows);

  ScalarType type() const { return type_; }
  // Whether `text` converts to a value of `type` (what set() would accept).
  static bool accepts(ScalarType type, std::string_view text);
  // Row `row` from `text`; false (and a null) if the text is not a value of the type.
  bool set(size_t row, std::string_view text);
  void set_null(size_t row);
  ColumnPtr finish();

 private:
  ScalarType type_;
  size_t rows_;
  // Strings are written in row order: rows skipped so far are filled with empty strings.
  functions::StringWriter strings_;
  size_t strings_written_ = 0;
  std::vector<int64_t> longs_;
  std::vector<double> reals_;
  std::vector<int32_t> ints_;
  std::vector<uint8_t> bools_;
  std::vector<Guid> guids_;
  std::vector<DynamicPtr> dynamics_;
  Validity validity_;
};

}  // namespace huntdb::exec
