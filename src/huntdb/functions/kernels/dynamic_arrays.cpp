// Reading and reshaping dynamic arrays: array_length, array_concat, array_slice, array_reverse,
// array_rotate_left/right, array_shift_left/right, array_split, array_iff, array_strcat, zip.
// A first argument that is not an array gives null (Kusto's "null if not an array").
#include <algorithm>
#include <memory>

#include "huntdb/functions/kernels/dynamic_util.h"
#include "huntdb/functions/kernels/families.h"
#include "huntdb/types/format.h"

namespace huntdb::functions {

namespace {

using Elements = DynValue::Elements;

// Row i of an integer argument, or nullopt when null.
std::optional<int64_t> long_at(const LongReader& r, size_t i) {
  if (r.null(i)) return std::nullopt;
  return r.get(i);
}

// array_length (the Kusto reference page "array_length()"): null when not an array.
ColumnPtr array_length_kernel(const KernelArgs& a) {
  DynamicReader r(a[0]);
  LongWriter w(ScalarType::Long, a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    const DynValue* v = as_array(r.get(i));
    if (v) {
      w.set(i, static_cast<int64_t>(v->elements().size()));
    } else {
      w.set_null(i);
    }
  }
  return w.finish();
}

// array_concat (the Kusto reference page "array_concat()"): null if any argument is not an array.
ColumnPtr array_concat_kernel(const KernelArgs& a) {
  std::vector<DynamicReader> readers;
  for (size_t k = 0; k < a.size(); ++k) readers.emplace_back(a[k]);
  DynamicWriter w(a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    Elements out;
    bool ok = true;
    for (const auto& r : readers) {
      const DynValue* v = as_array(r.get(i));
      if (!v) {
        ok = false;
        break;
      }
      out.insert(out.end(), v->elements().begin(), v->elements().end());
    }
    if (ok) w.set(i, DynValue::of_array(std::move(out)));
  }
  return w.finish();
}

// array_slice(array, start, end) (the Kusto reference page "array_slice()"): both ends inclusive,
// negative indexes count from the end, out-of-bounds indexes are clamped.
ColumnPtr array_slice_kernel(const KernelArgs& a) {
  DynamicReader r(a[0]);
  LongReader start_r(a[1]), end_r(a[2]);
  DynamicWriter w(a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    const DynValue* v = as_array(r.get(i));
    auto start = long_at(start_r, i), end = long_at(end_r, i);
    if (!v || !start || !end) continue;
    const Elements& e = v->elements();
    const auto n = static_cast<int64_t>(e.size());
    int64_t s = *start < 0 ? *start + n : *start;
    int64_t t = *end < 0 ? *end + n : *end;
    s = std::max<int64_t>(s, 0);
    t = std::min<int64_t>(t, n - 1);
    Elements out;
    if (s <= t) out.assign(e.begin() + s, e.begin() + t + 1);
    w.set(i, DynValue::of_array(std::move(out)));
  }
  return w.finish();
}

ColumnPtr array_reverse_kernel(const KernelArgs& a) {
  DynamicReader r(a[0]);
  DynamicWriter w(a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    const DynValue* v = as_array(r.get(i));
    if (!v) continue;
    Elements out(v->elements().rbegin(), v->elements().rend());
    w.set(i, DynValue::of_array(std::move(out)));
  }
  return w.finish();
}

// array_rotate_left/right (the Kusto reference pages): a negative count rotates the other way.
template <bool kLeft>
ColumnPtr array_rotate_kernel(const KernelArgs& a) {
  DynamicReader r(a[0]);
  LongReader count_r(a[1]);
  DynamicWriter w(a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    const DynValue* v = as_array(r.get(i));
    auto count = long_at(count_r, i);
    if (!v || !count) continue;
    Elements out = v->elements();
    const auto n = static_cast<int64_t>(out.size());
    if (n > 0) {
      int64_t left = (kLeft ? *count : -*count) % n;
      if (left < 0) left += n;
      std::rotate(out.begin(), out.begin() + left, out.end());
    }
    w.set(i, DynValue::of_array(std::move(out)));
  }
  return w.finish();
}

// array_shift_left/right(array, count[, fill]) (the Kusto reference pages): the elements move by
// count places; vacated places get the fill value (null by default); a negative count shifts
// the other way.
template <bool kLeft>
ColumnPtr array_shift_kernel(const KernelArgs& a) {
  DynamicReader r(a[0]);
  LongReader count_r(a[1]);
  std::unique_ptr<AsDynamicReader> fill_r;
  if (a.size() > 2) fill_r = std::make_unique<AsDynamicReader>(a[2]);
  DynamicWriter w(a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    const DynValue* v = as_array(r.get(i));
    auto count = long_at(count_r, i);
    if (!v || !count) continue;
    DynamicPtr fill = fill_r ? fill_r->get(i) : nullptr;
    if (!fill) fill = DynValue::null();
    const Elements& e = v->elements();
    const auto n = static_cast<int64_t>(e.size());
    // Shifting left by k: out[j] = e[j + k]; right is a negative left shift.
    int64_t left = kLeft ? *count : -*count;
    Elements out(e.size(), fill);
    for (int64_t j = 0; j < n; ++j) {
      int64_t from = j + left;
      if (from >= 0 && from < n) out[j] = e[from];
    }
    w.set(i, DynValue::of_array(std::move(out)));
  }
  return w.finish();
}

// array_split(array, index | indexes) (the Kusto reference page "array_split()"): the pieces
// [0..i1), [i1..i2), ..., [iN..length); negative indexes count from the end, and indexes are
// clamped to the array.
ColumnPtr array_split_kernel(const KernelArgs& a) {
  DynamicReader r(a[0]);
  bool by_array = a[1].type() == ScalarType::Dynamic;
  std::unique_ptr<LongReader> index_r;
  std::unique_ptr<DynamicReader> indexes_r;
  if (by_array) {
    indexes_r = std::make_unique<DynamicReader>(a[1]);
  } else {
    index_r = std::make_unique<LongReader>(a[1]);
  }
  DynamicWriter w(a.rows);
  std::vector<int64_t> cuts;
  for (size_t i = 0; i < a.rows; ++i) {
    const DynValue* v = as_array(r.get(i));
    if (!v) continue;
    cuts.clear();
    if (by_array) {
      const DynValue* idx = indexes_r->get(i);
      if (!idx) continue;
      if (idx->is_array()) {
        bool ok = true;
        for (const auto& e : idx->elements()) {
          auto x = dynamic_as_long(e.get());
          if (!x) ok = false;
          else cuts.push_back(*x);
        }
        if (!ok) continue;
      } else {
        auto x = dynamic_as_long(idx);
        if (!x) continue;
        cuts.push_back(*x);
      }
    } else {
      auto x = long_at(*index_r, i);
      if (!x) continue;
      cuts.push_back(*x);
    }
    const Elements& e = v->elements();
    const auto n = static_cast<int64_t>(e.size());
    Elements pieces;
    int64_t from = 0;
    auto piece = [&](int64_t to) {
      Elements part;
      if (to > from) part.assign(e.begin() + from, e.begin() + to);
      pieces.push_back(DynValue::of_array(std::move(part)));
      from = std::max(from, to);
    };
    for (int64_t c : cuts) {
      if (c < 0) c += n;
      piece(std::clamp<int64_t>(c, 0, n));
    }
    piece(n);
    w.set(i, DynValue::of_array(std::move(pieces)));
  }
  return w.finish();
}

// The truth of a condition element for array_iff: bools as they are, numbers true when not 0,
// anything else none.
std::optional<bool> condition_of(const DynValue& v) {
  switch (v.kind()) {
    case DynValue::Kind::Bool: return v.as_bool();
    case DynValue::Kind::Long: return v.as_long() != 0;
    case DynValue::Kind::Real:
    case DynValue::Kind::Decimal: return v.as_real() != 0;
    default: return std::nullopt;
  }
}

// array_iff(conditions, when_true, when_false) (the Kusto reference page "array_iff()"): per
// condition element, the element of the same index of when_true / when_false when they are
// arrays (null past their end), or their scalar value.
ColumnPtr array_iff_kernel(const KernelArgs& a) {
  DynamicReader cond_r(a[0]);
  AsDynamicReader true_r(a[1]), false_r(a[2]);
  DynamicWriter w(a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    const DynValue* cond = as_array(cond_r.get(i));
    if (!cond) continue;
    DynamicPtr when_true = true_r.get(i), when_false = false_r.get(i);
    auto pick = [](const DynamicPtr& branch, size_t index) -> DynamicPtr {
      if (!branch) return DynValue::null();
      if (!branch->is_array()) return branch;
      const Elements& e = branch->elements();
      return index < e.size() ? e[index] : DynValue::null();
    };
    const Elements& c = cond->elements();
    Elements out;
    out.reserve(c.size());
    for (size_t j = 0; j < c.size(); ++j) {
      auto truth = condition_of(*c[j]);
      out.push_back(!truth ? DynValue::null() : pick(*truth ? when_true : when_false, j));
    }
    w.set(i, DynValue::of_array(std::move(out)));
  }
  return w.finish();
}

// array_strcat(array, delimiter) (the Kusto reference page "array_strcat()"): the elements as
// tostring() writes them, joined; empty when not an array.
ColumnPtr array_strcat_kernel(const KernelArgs& a) {
  DynamicReader r(a[0]);
  AsDynamicReader delim_r(a[1]);
  StringWriter w(a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    const DynValue* v = as_array(r.get(i));
    if (v) {
      DynamicPtr d = delim_r.get(i);
      std::string delim = d ? format_dynamic(*d) : std::string();
      bool first = true;
      for (const auto& e : v->elements()) {
        if (!first) w.text().append(delim);
        first = false;
        w.text().append(format_dynamic(*e));
      }
    }
    w.end_row();
  }
  return w.finish();
}

// zip(a1, a2, ...) (the Kusto reference page "zip()"): element j of the result is the array of
// the arrays' elements j; shorter arrays are padded with null. Null if an argument is not an array.
ColumnPtr zip_kernel(const KernelArgs& a) {
  std::vector<DynamicReader> readers;
  for (size_t k = 0; k < a.size(); ++k) readers.emplace_back(a[k]);
  DynamicWriter w(a.rows);
  std::vector<const DynValue*> arrays(readers.size());
  for (size_t i = 0; i < a.rows; ++i) {
    size_t longest = 0;
    bool ok = true;
    for (size_t k = 0; k < readers.size(); ++k) {
      arrays[k] = as_array(readers[k].get(i));
      if (!arrays[k]) ok = false;
      else longest = std::max(longest, arrays[k]->elements().size());
    }
    if (!ok) continue;
    Elements out;
    out.reserve(longest);
    for (size_t j = 0; j < longest; ++j) {
      Elements tuple;
      tuple.reserve(arrays.size());
      for (const DynValue* arr : arrays)
        tuple.push_back(j < arr->elements().size() ? arr->elements()[j] : DynValue::null());
      out.push_back(DynValue::of_array(std::move(tuple)));
    }
    w.set(i, DynValue::of_array(std::move(out)));
  }
  return w.finish();
}

constexpr KernelTable kKernels[] = {
    {"array_length", array_length_kernel},
    {"array_concat", array_concat_kernel},
    {"array_slice", array_slice_kernel},
    {"array_reverse", array_reverse_kernel},
    {"array_rotate_left", array_rotate_kernel<true>},
    {"array_rotate_right", array_rotate_kernel<false>},
    {"array_shift_left", array_shift_kernel<true>},
    {"array_shift_right", array_shift_kernel<false>},
    {"array_split", array_split_kernel},
    {"array_iff", array_iff_kernel},
    {"array_iif", array_iff_kernel},
    {"array_strcat", array_strcat_kernel},
    {"zip", zip_kernel},
};

}  // namespace

void attach_dynamic_array_kernels(Registry& r) { r.attach(kKernels); }

}  // namespace huntdb::functions
