// Conditional and null-test functions: iff/iif, case, coalesce, isnull/isnotnull,
// isempty/isnotempty, not. The value arguments of iff, case and coalesce are first brought to
// the call's result type (the binder's common type), then each row takes its value from the
// argument its condition chose.
#include <vector>

#include "huntdb/functions/kernels/convert_column.h"
#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/kernel_util.h"
#include "huntdb/functions/kernels/pick_rows.h"

namespace huntdb::functions {

namespace {

// iff(if, then, else): a null condition counts as false (reference page "iff()": the else value
// when the condition is not true).
ColumnPtr iff_kernel(const KernelArgs& a) {
  ColumnPtr then_col = convert_column(a.ptr(1), a.result);
  ColumnPtr else_col = convert_column(a.ptr(2), a.result);
  if (a[0].is_constant()) {
    const Value& c = a[0].constant();
    return !c.is_null() && c.type == ScalarType::Bool && c.as_bool() ? then_col : else_col;
  }
  BoolReader cond(a[0]);
  std::vector<int32_t> pick(a.rows);
  for (size_t i = 0; i < a.rows; ++i) pick[i] = !cond.null(i) && cond.get(i) ? 0 : 1;
  ColumnPtr sources[] = {then_col, else_col};
  return pick_rows(a.result, sources, pick);
}

// case(p1, v1, p2, v2, ..., else): the value of the first true predicate, else the last argument.
ColumnPtr case_kernel(const KernelArgs& a) {
  size_t pairs = a.size() / 2;
  bool has_else = a.size() % 2 == 1;
  std::vector<ColumnPtr> values;
  std::vector<BoolReader> predicates;
  predicates.reserve(pairs);
  for (size_t p = 0; p < pairs; ++p) {
    predicates.emplace_back(a[2 * p]);
    values.push_back(convert_column(a.ptr(2 * p + 1), a.result));
  }
  if (has_else) values.push_back(convert_column(a.ptr(a.size() - 1), a.result));
  std::vector<int32_t> pick(a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    int32_t chosen = has_else ? static_cast<int32_t>(pairs) : -1;
    for (size_t p = 0; p < pairs; ++p) {
      if (!predicates[p].null(i) && predicates[p].get(i)) {
        chosen = static_cast<int32_t>(p);
        break;
      }
    }
    pick[i] = chosen;
  }
  return pick_rows(a.result, values, pick);
}

// coalesce(e1, e2, ...): the first argument that is not null, or for strings not empty
// (reference page "coalesce()").
ColumnPtr coalesce_kernel(const KernelArgs& a) {
  std::vector<ColumnPtr> values;
  for (size_t k = 0; k < a.size(); ++k) values.push_back(convert_column(a.ptr(k), a.result));
  std::vector<int32_t> pick(a.rows, -1);
  if (a.result == ScalarType::String) {
    std::vector<StringReader> readers;
    for (const auto& v : values) readers.emplace_back(*v);
    for (size_t i = 0; i < a.rows; ++i)
      for (size_t k = 0; k < readers.size(); ++k)
        if (!readers[k].get(i).empty()) {
          pick[i] = static_cast<int32_t>(k);
          break;
        }
  } else {
    std::vector<NullReader> readers;
    for (const auto& v : values) readers.emplace_back(*v);
    for (size_t i = 0; i < a.rows; ++i)
      for (size_t k = 0; k < readers.size(); ++k)
        if (!readers[k].null(i)) {
          pick[i] = static_cast<int32_t>(k);
          break;
        }
  }
  return pick_rows(a.result, values, pick);
}

// isnull(x) / isnotnull(x): strings are never null in KQL.
ColumnPtr null_test(const KernelArgs& a, bool want_null) {
  NullReader r(a[0]);
  std::vector<uint8_t> out(a.rows);
  for (size_t i = 0; i < a.rows; ++i) out[i] = r.null(i) == want_null;
  return Column::make_bools(std::move(out));
}
ColumnPtr isnull_kernel(const KernelArgs& a) { return null_test(a, true); }
ColumnPtr isnotnull_kernel(const KernelArgs& a) { return null_test(a, false); }

// isempty(x): null, or an empty string (a dynamic string too); an empty array or bag is not
// empty (reference page "isempty()").
ColumnPtr empty_test(const KernelArgs& a, bool want_empty) {
  const Column& c = a[0];
  std::vector<uint8_t> out(a.rows);
  if (c.type() == ScalarType::String) {
    StringReader r(c);
    for (size_t i = 0; i < a.rows; ++i) out[i] = r.get(i).empty() == want_empty;
  } else if (c.type() == ScalarType::Dynamic) {
    DynamicReader r(c);
    for (size_t i = 0; i < a.rows; ++i) {
      const DynValue* d = r.get(i);
      bool empty = !d || d->is_null() || (d->kind() == DynValue::Kind::String && d->as_string().empty());
      out[i] = empty == want_empty;
    }
  } else {
    NullReader r(c);
    for (size_t i = 0; i < a.rows; ++i) out[i] = r.null(i) == want_empty;
  }
  return Column::make_bools(std::move(out));
}
ColumnPtr isempty_kernel(const KernelArgs& a) { return empty_test(a, true); }
ColumnPtr isnotempty_kernel(const KernelArgs& a) { return empty_test(a, false); }

ColumnPtr not_kernel(const KernelArgs& a) {
  BoolReader r(a[0]);
  BoolWriter w(ScalarType::Bool, a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    if (r.null(i)) {
      w.set_null(i);
    } else {
      w.set(i, !r.get(i));
    }
  }
  return w.finish();
}

constexpr KernelTable kKernels[] = {
    {"iff", iff_kernel},
    {"iif", iff_kernel},
    {"case", case_kernel},
    {"coalesce", coalesce_kernel},
    {"isnull", isnull_kernel},
    {"isnotnull", isnotnull_kernel},
    {"notnull", isnotnull_kernel},
    {"isempty", isempty_kernel},
    {"isnotempty", isnotempty_kernel},
    {"notempty", isnotempty_kernel},
    {"not", not_kernel},
};

}  // namespace

void attach_conditional_kernels(Registry& r) { r.attach(kKernels); }

}  // namespace huntdb::functions
