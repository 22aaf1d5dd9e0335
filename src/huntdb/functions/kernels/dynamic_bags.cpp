// Property bags: bag_pack (pack, pack_dictionary), pack_all, bag_pack_columns, bag_keys,
// bag_merge, bag_remove_keys, bag_set_key, bag_has_key, bag_zip, treepath.
#include <memory>

#include "huntdb/common/string_map.h"
#include "huntdb/functions/kernels/dynamic_util.h"
#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/json_path.h"
#include "huntdb/types/format.h"

namespace huntdb::functions {

namespace {

using Elements = DynValue::Elements;
using Properties = DynValue::Properties;

// Builds a bag per row from (key, value) argument pairs starting at argument `first`, skipping
// null and empty values when `skip_empty` says so for the row.
ColumnPtr pack_pairs(const KernelArgs& a, size_t first, const BoolReader* skip_empty) {
  if ((a.size() - first) % 2 != 0)
    throw KernelError("bag_pack(): expects an even number of arguments (pairs of key and value).");
  std::vector<StringArgReader> keys;
  std::vector<AsDynamicReader> values;
  for (size_t k = first; k < a.size(); k += 2) {
    keys.emplace_back(a[k]);
    values.emplace_back(a[k + 1]);
  }
  DynamicWriter w(a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    bool skip = skip_empty && !skip_empty->null(i) && skip_empty->get(i);
    Properties props;
    props.reserve(keys.size());
    for (size_t k = 0; k < keys.size(); ++k) {
      auto key = keys[k].get(i);
      if (!key) continue;
      DynamicPtr v = values[k].get(i);
      if (skip && (!v || v->is_null() || (v->kind() == DynValue::Kind::String && v->as_string().empty()))) continue;
      props.emplace_back(std::string(*key), std::move(v));
    }
    w.set(i, DynValue::of_object(std::move(props)));
  }
  return w.finish();
}

// bag_pack(key1, value1, ...) (the Kusto reference page "bag_pack()"). bag_pack_columns(c1, ...)
// arrives here as (name1, c1, ...): the binder passes each column's name before it.
ColumnPtr bag_pack_kernel(const KernelArgs& a) { return pack_pairs(a, 0, nullptr); }

// pack_all([ignore_null_empty]) (the Kusto reference page "pack_all()"): the binder passes the
// flag (false when omitted) and then each column of the row as (name, value).
ColumnPtr pack_all_kernel(const KernelArgs& a) {
  if (a.size() == 0) return Column::make_constant(Value::of_dynamic(DynValue::of_object({})), a.rows);
  BoolReader skip(a[0]);
  return pack_pairs(a, 1, &skip);
}

// bag_keys(bag) (the Kusto reference page "bag_keys()"): null when not a bag.
ColumnPtr bag_keys_kernel(const KernelArgs& a) {
  DynamicReader r(a[0]);
  DynamicWriter w(a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    const DynValue* bag = as_bag(r.get(i));
    if (!bag) continue;
    Elements keys;
    keys.reserve(bag->properties().size());
    for (const auto& [k, v] : bag->properties()) keys.push_back(DynValue::of_string(k));
    w.set(i, DynValue::of_array(std::move(keys)));
  }
  return w.finish();
}

// bag_merge(b1, b2, ...) (the Kusto reference page "bag_merge()"): on a key found in several
// bags the first bag's value is kept (as the page's example shows). Arguments that are not bags
// add nothing; null when none is a bag.
ColumnPtr bag_merge_kernel(const KernelArgs& a) {
  std::vector<DynamicReader> readers;
  for (size_t k = 0; k < a.size(); ++k) readers.emplace_back(a[k]);
  DynamicWriter w(a.rows);
  StringSet seen;
  for (size_t i = 0; i < a.rows; ++i) {
    Properties props;
    bool any = false;
    seen.clear();
    for (const auto& r : readers) {
      const DynValue* bag = as_bag(r.get(i));
      if (!bag) continue;
      any = true;
      for (const auto& [k, v] : bag->properties())
        if (seen.insert(k).second) props.emplace_back(k, v);
    }
    if (any) w.set(i, DynValue::of_object(std::move(props)));
  }
  return w.finish();
}

// `bag` without the value at `path` (a copy of the bags along the path only).
DynamicPtr without_path(const DynamicPtr& bag, const JsonPath& path, size_t step) {
  if (step >= path.size() || !bag->is_object() || path[step].is_index) return bag;
  const std::string& key = path[step].key;
  Properties props;
  props.reserve(bag->properties().size());
  bool changed = false;
  for (const auto& [k, v] : bag->properties()) {
    if (k != key) {
      props.emplace_back(k, v);
    } else if (step + 1 < path.size()) {
      DynamicPtr inner = without_path(v, path, step + 1);
      changed = changed || inner != v;
      props.emplace_back(k, std::move(inner));
    } else {
      changed = true;
    }
  }
  return changed ? DynValue::of_object(std::move(props)) : bag;
}

// bag_remove_keys(bag, keys) (the Kusto reference page "bag_remove_keys()"): keys are root keys
// or JSONPaths to nested keys; null when not a bag.
ColumnPtr bag_remove_keys_kernel(const KernelArgs& a) {
  DynamicReader bag_r(a[0]);
  DynamicReader keys_r(a[1]);
  DynamicWriter w(a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    const DynamicPtr& bag = bag_r.get_ptr(i);
    if (!bag || !bag->is_object()) continue;
    const DynValue* keys = keys_r.get(i);
    DynamicPtr out = bag;
    if (keys && keys->is_array()) {
      for (const auto& k : keys->elements()) {
        if (k->kind() != DynValue::Kind::String) continue;
        auto path = parse_bag_key(k->as_string());
        if (path && !path->empty()) out = without_path(out, *path, 0);
      }
    }
    w.set(i, out);
  }
  return w.finish();
}

// `bag` with the value at `path` set (bags created along the path where missing).
DynamicPtr with_path(const DynamicPtr& bag, const JsonPath& path, size_t step, const DynamicPtr& value) {
  if (step == path.size()) return value;
  Properties props;
  const std::string& key = path[step].key;
  bool found = false;
  if (bag && bag->is_object()) {
    props.reserve(bag->properties().size() + 1);
    for (const auto& [k, v] : bag->properties()) {
      if (k == key) {
        found = true;
        props.emplace_back(k, with_path(v, path, step + 1, value));
      } else {
        props.emplace_back(k, v);
      }
    }
  }
  if (!found) props.emplace_back(key, with_path(nullptr, path, step + 1, value));
  return DynValue::of_object(std::move(props));
}

// bag_set_key(bag, key, value) (the Kusto reference page "bag_set_key()"): key is a root key or a
// JSONPath (no array subscripts); null when the first argument is not a bag.
ColumnPtr bag_set_key_kernel(const KernelArgs& a) {
  if (!a[1].is_constant()) throw KernelError("bag_set_key(): the key must be a constant.");
  const Value& kv = a[1].constant();
  auto path = parse_bag_key(kv.is_null() ? std::string_view() : std::string_view(kv.as_string()));
  bool valid = path && !path->empty();
  if (valid)
    for (const auto& s : *path) valid = valid && !s.is_index;
  if (!valid) throw KernelError("bag_set_key(): the key is not a key name or a JSONPath without array subscripts.");
  DynamicReader bag_r(a[0]);
  AsDynamicReader value_r(a[2]);
  DynamicWriter w(a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    const DynamicPtr& bag = bag_r.get_ptr(i);
    if (!bag || !bag->is_object()) continue;
    DynamicPtr value = value_r.get(i);
    w.set(i, with_path(bag, *path, 0, value ? value : DynValue::null()));
  }
  return w.finish();
}

// bag_has_key(bag, key) (the Kusto reference page "bag_has_key()"): key is a root key or a
// JSONPath to a nested key; false when not a bag.
ColumnPtr bag_has_key_kernel(const KernelArgs& a) {
  DynamicReader bag_r(a[0]);
  StringArgReader key_r(a[1]);
  BoolWriter w(ScalarType::Bool, a.rows);
  // The key is nearly always a constant: parse it once.
  std::optional<JsonPath> constant_path;
  if (a[1].is_constant())
    if (auto k = key_r.get(0)) constant_path = parse_bag_key(*k);
  for (size_t i = 0; i < a.rows; ++i) {
    const DynValue* bag = as_bag(bag_r.get(i));
    if (!bag) {
      w.set(i, false);
      continue;
    }
    std::optional<JsonPath> row_path;
    const JsonPath* path = nullptr;
    if (a[1].is_constant()) {
      path = constant_path ? &*constant_path : nullptr;
    } else if (auto k = key_r.get(i)) {
      row_path = parse_bag_key(*k);
      path = row_path ? &*row_path : nullptr;
    }
    w.set(i, path && !path->empty() && select_json_path(*bag, *path) != nullptr);
  }
  return w.finish();
}

// bag_zip(keys, values) (the Kusto reference page "bag_zip()"): keys that are not strings are
// skipped; a key without a value (values too short, or not an array) gets null; null when keys
// is not an array.
ColumnPtr bag_zip_kernel(const KernelArgs& a) {
  DynamicReader keys_r(a[0]), values_r(a[1]);
  DynamicWriter w(a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    const DynValue* keys = as_array(keys_r.get(i));
    if (!keys) continue;
    const DynValue* values = as_array(values_r.get(i));
    Properties props;
    const Elements& ks = keys->elements();
    for (size_t j = 0; j < ks.size(); ++j) {
      if (ks[j]->kind() != DynValue::Kind::String) continue;
      DynamicPtr v = values && j < values->elements().size() ? values->elements()[j] : DynValue::null();
      props.emplace_back(ks[j]->as_string(), std::move(v));
    }
    w.set(i, DynValue::of_object(std::move(props)));
  }
  return w.finish();
}

// Appends the paths under `v` (whose own path is `prefix`) to `out`, once each.
void tree_paths(const DynValue& v, std::string& prefix, Elements& out, StringSet& seen) {
  auto add = [&] {
    if (seen.insert(prefix).second) out.push_back(DynValue::of_string(prefix));
  };
  if (v.is_object()) {
    for (const auto& [k, child] : v.properties()) {
      size_t len = prefix.size();
      prefix.append("['");
      for (char c : k) {
        if (c == '\'' || c == '\\') prefix.push_back('\\');
        prefix.push_back(c);
      }
      prefix.append("']");
      add();
      tree_paths(*child, prefix, out, seen);
      prefix.resize(len);
    }
  } else if (v.is_array() && !v.elements().empty()) {
    // Every element of an array shares the path [0].
    size_t len = prefix.size();
    prefix.append("[0]");
    add();
    for (const auto& child : v.elements()) tree_paths(*child, prefix, out, seen);
    prefix.resize(len);
  }
}

// treepath(object) (the Kusto reference page "treepath()"): the paths of all the values in the
// object, in the ['key'] and [0] notation, array elements collapsed into [0].
ColumnPtr treepath_kernel(const KernelArgs& a) {
  DynamicReader r(a[0]);
  DynamicWriter w(a.rows);
  std::string prefix;
  StringSet seen;
  for (size_t i = 0; i < a.rows; ++i) {
    const DynValue* v = r.get(i);
    if (!v || v->is_null()) continue;
    Elements out;
    prefix.clear();
    seen.clear();
    tree_paths(*v, prefix, out, seen);
    w.set(i, DynValue::of_array(std::move(out)));
  }
  return w.finish();
}

constexpr KernelTable kKernels[] = {
    {"bag_pack", bag_pack_kernel},
    {"bag_pack_columns", bag_pack_kernel},
    {"pack_all", pack_all_kernel},
    {"bag_keys", bag_keys_kernel},
    {"bag_merge", bag_merge_kernel},
    {"bag_remove_keys", bag_remove_keys_kernel},
    {"bag_set_key", bag_set_key_kernel},
    {"bag_has_key", bag_has_key_kernel},
    {"bag_zip", bag_zip_kernel},
    {"treepath", treepath_kernel},
};

}  // namespace

void attach_dynamic_bag_kernels(Registry& r) { r.attach(kKernels); }

}  // namespace huntdb::functions
