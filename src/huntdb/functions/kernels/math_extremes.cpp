// max_of and min_of: the largest or smallest of 2..64 arguments in each row, nulls ignored; null
// when every argument is null (reference pages "max_of()", "min_of()"). The arguments are first
// brought to the call's result type (numbers widen). Strings compare ordinally, and an empty
// string, KQL's null string, is passed over like a null.
#include <string>
#include <vector>

#include "huntdb/functions/kernels/convert_column.h"
#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/kernel_util.h"
#include "huntdb/functions/kernels/pick_rows.h"

namespace huntdb::functions {

namespace {

// For each row, the index of the winning argument (-1 when all are null). `better(a, b)` is true
// when a should replace b.
template <typename Reader, typename Better>
std::vector<int32_t> choose(std::span<const ColumnPtr> values, size_t rows, Better better) {
  std::vector<Reader> readers;
  readers.reserve(values.size());
  for (const auto& v : values) readers.emplace_back(*v);
  std::vector<int32_t> pick(rows, -1);
  for (size_t i = 0; i < rows; ++i) {
    int32_t best = -1;
    for (size_t k = 0; k < readers.size(); ++k) {
      if (readers[k].null(i)) continue;
      if (best < 0 || better(readers[k].get(i), readers[static_cast<size_t>(best)].get(i))) best = static_cast<int32_t>(k);
    }
    pick[i] = best;
  }
  return pick;
}

// Strings: StringReader has no null(); an empty string counts as one.
class NonEmptyStringReader {
 public:
  explicit NonEmptyStringReader(const Column& c) : r_(c) {}
  bool null(size_t i) const { return r_.get(i).empty(); }
  std::string_view get(size_t i) const { return r_.get(i); }

 private:
  StringReader r_;
};

ColumnPtr extreme(const KernelArgs& a, bool largest) {
  ScalarType t = a.result;
  std::vector<ColumnPtr> values;
  for (size_t k = 0; k < a.size(); ++k) values.push_back(convert_column(a.ptr(k), t));
  auto better = [largest](const auto& x, const auto& y) { return largest ? y < x : x < y; };
  std::vector<int32_t> pick;
  switch (t) {
    case ScalarType::Bool:
    case ScalarType::Int:
    case ScalarType::Long:
    case ScalarType::DateTime:
    case ScalarType::TimeSpan: pick = choose<LongReader>(values, a.rows, better); break;
    case ScalarType::Real:
    case ScalarType::Decimal: pick = choose<RealReader>(values, a.rows, better); break;
    case ScalarType::String: pick = choose<NonEmptyStringReader>(values, a.rows, better); break;
    default:
      throw KernelError(std::string(largest ? "max_of" : "min_of") + "(): the arguments must be of one orderable type.");
  }
  return pick_rows(t, values, pick);
}

ColumnPtr max_of_kernel(const KernelArgs& a) { return extreme(a, true); }
ColumnPtr min_of_kernel(const KernelArgs& a) { return extreme(a, false); }

constexpr KernelTable kKernels[] = {
    {"max_of", max_of_kernel},
    {"min_of", min_of_kernel},
};

}  // namespace

void attach_math_extremes_kernels(Registry& r) { r.attach(kKernels); }

}  // namespace huntdb::functions
