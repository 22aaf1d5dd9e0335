// Looking values up in arrays, sets of distinct values and sorting: array_index_of,
// set_has_element, set_union, set_intersect, set_difference, set_equals, jaccard_index,
// array_sort_asc, array_sort_desc.
#include <algorithm>
#include <memory>
#include <numeric>

#include "huntdb/common/string_map.h"
#include "huntdb/functions/kernels/dynamic_util.h"
#include "huntdb/functions/kernels/families.h"

namespace huntdb::functions {

namespace {

using Elements = DynValue::Elements;
using Kind = DynValue::Kind;

bool is_number(Kind k) { return k == Kind::Long || k == Kind::Real || k == Kind::Decimal; }

// Whether an array element equals a looked-up value: numbers by value across long and real,
// everything else by kind and value.
bool lookup_equal(const DynValue& element, const DynValue& value) {
  if (is_number(element.kind()) && is_number(value.kind())) return compare_dynamic(element, value) == 0;
  return dynamic_equal(element, value);
}

// array_index_of(array, value[, start[, length[, occurrence]]]) (the Kusto reference page
// "array_index_of()"): the index of the occurrence-th match among `length` elements from
// `start` (negative: from the end), or -1; null for a non-array, a length below -1 or an
// occurrence below 1.
ColumnPtr array_index_of_kernel(const KernelArgs& a) {
  DynamicReader arr_r(a[0]);
  AsDynamicReader value_r(a[1]);
  std::unique_ptr<LongReader> start_r, length_r, occurrence_r;
  if (a.size() > 2) start_r = std::make_unique<LongReader>(a[2]);
  if (a.size() > 3) length_r = std::make_unique<LongReader>(a[3]);
  if (a.size() > 4) occurrence_r = std::make_unique<LongReader>(a[4]);
  LongWriter w(ScalarType::Long, a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    const DynValue* arr = as_array(arr_r.get(i));
    bool bad = !arr || (start_r && start_r->null(i)) || (length_r && length_r->null(i)) ||
               (occurrence_r && occurrence_r->null(i));
    int64_t start = start_r && !bad ? start_r->get(i) : 0;
    int64_t length = length_r && !bad ? length_r->get(i) : -1;
    int64_t occurrence = occurrence_r && !bad ? occurrence_r->get(i) : 1;
    if (bad || length < -1 || occurrence < 1) {
      w.set_null(i);
      continue;
    }
    const Elements& e = arr->elements();
    const auto n = static_cast<int64_t>(e.size());
    if (start < 0) start = std::max<int64_t>(start + n, 0);
    int64_t end = length == -1 ? n : std::min(n, start + length);
    DynamicPtr value = value_r.get(i);
    int64_t found = -1;
    if (value && !value->is_null()) {
      for (int64_t j = start; j < end; ++j) {
        if (lookup_equal(*e[j], *value) && --occurrence == 0) {
          found = j;
          break;
        }
      }
    }
    w.set(i, found);
  }
  return w.finish();
}

// set_has_element(array, value) (the Kusto reference page "set_has_element()").
ColumnPtr set_has_element_kernel(const KernelArgs& a) {
  DynamicReader arr_r(a[0]);
  AsDynamicReader value_r(a[1]);
  BoolWriter w(ScalarType::Bool, a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    const DynValue* arr = as_array(arr_r.get(i));
    if (!arr) {
      w.set_null(i);
      continue;
    }
    DynamicPtr value = value_r.get(i);
    bool found = false;
    if (value && !value->is_null())
      for (const auto& e : arr->elements())
        if (lookup_equal(*e, *value)) {
          found = true;
          break;
        }
    w.set(i, found);
  }
  return w.finish();
}

// ---------------------------------------------------------------- sets

enum class SetOp { Union, Intersect, Difference };

// set_union / set_intersect / set_difference (the Kusto reference pages): distinct values, in the
// order they first appear; null if an argument is not an array.
template <SetOp kOp>
ColumnPtr set_kernel(const KernelArgs& a) {
  std::vector<DynamicReader> readers;
  for (size_t k = 0; k < a.size(); ++k) readers.emplace_back(a[k]);
  DynamicWriter w(a.rows);
  std::vector<const DynValue*> arrays(readers.size());
  StringSet seen;
  std::vector<StringSet> others;
  for (size_t i = 0; i < a.rows; ++i) {
    bool ok = true;
    for (size_t k = 0; k < readers.size(); ++k) {
      arrays[k] = as_array(readers[k].get(i));
      ok = ok && arrays[k];
    }
    if (!ok) continue;
    seen.clear();
    Elements out;
    if constexpr (kOp == SetOp::Union) {
      for (const DynValue* arr : arrays)
        for (const auto& e : arr->elements())
          if (seen.insert(dynamic_key(*e)).second) out.push_back(e);
    } else {
      others.assign(arrays.size() - 1, {});
      for (size_t k = 1; k < arrays.size(); ++k)
        for (const auto& e : arrays[k]->elements()) others[k - 1].insert(dynamic_key(*e));
      for (const auto& e : arrays[0]->elements()) {
        std::string key = dynamic_key(*e);
        bool in_all = true, in_any = false;
        for (const auto& o : others) {
          bool in = o.contains(key);
          in_all = in_all && in;
          in_any = in_any || in;
        }
        bool keep = kOp == SetOp::Intersect ? in_all : !in_any;
        if (keep && seen.insert(std::move(key)).second) out.push_back(e);
      }
    }
    w.set(i, DynValue::of_array(std::move(out)));
  }
  return w.finish();
}

StringSet distinct_keys(const DynValue& arr) {
  StringSet keys;
  for (const auto& e : arr.elements()) keys.insert(dynamic_key(*e));
  return keys;
}

// set_equals(a, b): whether both arrays hold the same distinct values.
ColumnPtr set_equals_kernel(const KernelArgs& a) {
  DynamicReader r1(a[0]), r2(a[1]);
  BoolWriter w(ScalarType::Bool, a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    const DynValue* x = as_array(r1.get(i));
    const DynValue* y = as_array(r2.get(i));
    if (!x || !y) {
      w.set_null(i);
      continue;
    }
    w.set(i, distinct_keys(*x) == distinct_keys(*y));
  }
  return w.finish();
}

// jaccard_index(a, b) (the Kusto reference page "jaccard_index()"): |A ∩ B| / |A ∪ B| of the
// distinct values, a real number held in a dynamic value (as Kusto types it).
ColumnPtr jaccard_index_kernel(const KernelArgs& a) {
  DynamicReader r1(a[0]), r2(a[1]);
  DynamicWriter w(a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    const DynValue* x = as_array(r1.get(i));
    const DynValue* y = as_array(r2.get(i));
    if (!x || !y) continue;
    StringSet kx = distinct_keys(*x), ky = distinct_keys(*y);
    size_t common = 0;
    for (const auto& k : kx) common += ky.contains(k) ? 1 : 0;
    size_t all = kx.size() + ky.size() - common;
    w.set(i, DynValue::of_real(static_cast<double>(common) / static_cast<double>(all)));
  }
  return w.finish();
}

// ---------------------------------------------------------------- sorting

// array_sort_asc/desc(a1, ..., aN[, nulls_last]) (the Kusto reference pages): a1 sorted (mixed
// kinds: numbers, datetimes and timespans, then strings, then guids, then the rest), nulls last
// unless nulls_last is false; the other arrays reordered alike, or null when their length
// differs from a1's. One array gives the sorted array; several give an array of the sorted
// arrays, so that array_sort_asc(a, b)[1] is b in a's order, as in the reference page's example.
template <bool kDescending>
ColumnPtr array_sort_kernel(const KernelArgs& a) {
  size_t arrays = a.size();
  std::unique_ptr<BoolReader> nulls_last_r;
  if (arrays > 1 && a[arrays - 1].type() == ScalarType::Bool) {
    nulls_last_r = std::make_unique<BoolReader>(a[arrays - 1]);
    --arrays;
  }
  std::vector<DynamicReader> readers;
  for (size_t k = 0; k < arrays; ++k) readers.emplace_back(a[k]);
  DynamicWriter w(a.rows);
  std::vector<uint32_t> order;
  for (size_t i = 0; i < a.rows; ++i) {
    const DynValue* first = as_array(readers[0].get(i));
    if (!first) continue;
    bool nulls_last = !nulls_last_r || nulls_last_r->null(i) || nulls_last_r->get(i);
    const Elements& keys = first->elements();
    order.resize(keys.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
      const DynValue& kx = *keys[x];
      const DynValue& ky = *keys[y];
      if (kx.is_null() || ky.is_null()) {
        if (kx.is_null() == ky.is_null()) return false;
        return kx.is_null() != nulls_last;
      }
      int c = compare_dynamic(kx, ky);
      return kDescending ? c > 0 : c < 0;
    });
    auto reorder = [&](const DynValue* arr) -> DynamicPtr {
      if (!arr || arr->elements().size() != order.size()) return nullptr;
      Elements out;
      out.reserve(order.size());
      for (uint32_t j : order) out.push_back(arr->elements()[j]);
      return DynValue::of_array(std::move(out));
    };
    if (arrays == 1) {
      w.set(i, reorder(first));
      continue;
    }
    Elements results;
    results.reserve(arrays);
    for (size_t k = 0; k < arrays; ++k) results.push_back(reorder(as_array(readers[k].get(i))));
    w.set(i, DynValue::of_array(std::move(results)));
  }
  return w.finish();
}

constexpr KernelTable kKernels[] = {
    {"array_index_of", array_index_of_kernel},
    {"set_has_element", set_has_element_kernel},
    {"set_union", set_kernel<SetOp::Union>},
    {"set_intersect", set_kernel<SetOp::Intersect>},
    {"set_difference", set_kernel<SetOp::Difference>},
    {"set_equals", set_equals_kernel},
    {"jaccard_index", jaccard_index_kernel},
    {"array_sort_asc", array_sort_kernel<false>},
    {"array_sort_desc", array_sort_kernel<true>},
};

}  // namespace

void attach_dynamic_set_kernels(Registry& r) { r.attach(kKernels); }

}  // namespace huntdb::functions
