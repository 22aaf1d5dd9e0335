#include "huntdb/exec/group_table.h"

#include <cmath>
#include <cstring>

#include "huntdb/functions/kernels/kernel_util.h"
#include "huntdb/types/dynamic.h"

namespace huntdb::exec {

namespace {

bool is_interned(ScalarType t) {
  return t == ScalarType::String || t == ScalarType::Guid || t == ScalarType::Dynamic || t == ScalarType::Unknown;
}

uint64_t real_bits(double d) {
  if (d == 0) d = 0;                  // -0 groups with 0
  if (d != d) d = std::nan("");       // one NaN
  uint64_t bits;
  std::memcpy(&bits, &d, sizeof bits);
  return bits;
}

}  // namespace

GroupTable::GroupTable(std::vector<ScalarType> key_types) : types_(std::move(key_types)) {
  scratch_atoms_.resize(types_.size());
  scratch_nulls_.resize(types_.size());
}

uint32_t GroupTable::intern(std::string_view s) {
  auto it = interned_.find(s);
  if (it != interned_.end()) return it->second;
  uint32_t id = static_cast<uint32_t>(strings_.size());
  strings_.emplace_back(s);
  interned_.emplace(std::string(s), id);
  return id;
}

bool GroupTable::key_has_null(size_t g) const {
  for (const auto& v : keys_[g])
    if (v.is_null()) return true;
  return false;
}

uint64_t GroupTable::atom_of_value(const Value& v, size_t col, bool* is_null) {
  *is_null = v.is_null() && v.type != ScalarType::String;
  if (*is_null) return 0;
  switch (v.type) {
    // A null string (a column of nulls made for a string column) is the empty string.
    case ScalarType::String: return intern(v.is_null() ? std::string_view() : std::string_view(v.as_string()));
    case ScalarType::Bool: return v.as_bool() ? 1 : 0;
    case ScalarType::Int: return static_cast<uint64_t>(static_cast<int64_t>(v.as_int()));
    case ScalarType::Long:
    case ScalarType::DateTime:
    case ScalarType::TimeSpan: return static_cast<uint64_t>(v.as_long());
    case ScalarType::Real: return real_bits(v.as_real());
    case ScalarType::Decimal: return real_bits(std::get<Decimal>(v.data).value);
    case ScalarType::Guid: {
      const auto& b = v.as_guid().bytes;
      return intern(std::string_view(reinterpret_cast<const char*>(b.data()), b.size()));
    }
    case ScalarType::Dynamic:
    case ScalarType::Unknown:
      if (!v.as_dynamic() || v.as_dynamic()->is_null()) {
        *is_null = true;
        return 0;
      }
      return intern(to_json(*v.as_dynamic()));
  }
  (void)col;
  return 0;
}

void GroupTable::atoms_of(const ColumnPtr& c, size_t col, size_t rows, std::vector<uint64_t>& out,
                          std::vector<uint8_t>& nulls) {
  out.resize(rows);
  nulls.assign(rows, 0);
  ScalarType t = c->type();
  if (c->is_constant()) {
    bool n = false;
    uint64_t a = atom_of_value(c->constant(), col, &n);
    std::fill(out.begin(), out.end(), a);
    std::fill(nulls.begin(), nulls.end(), n ? 1 : 0);
    return;
  }
  if (c->is_dictionary() && t == ScalarType::String) {
    // One interner lookup per distinct value of this dictionary, ever.
    auto& entry = dictionaries_[c->dictionary_ptr().get()];
    if (!entry.first) {
      entry.first = c->dictionary_ptr();
      const Column& d = *entry.first;
      entry.second.resize(d.size());
      for (size_t i = 0; i < d.size(); ++i) entry.second[i] = intern(d.string_at(i));
    }
    auto codes = c->codes();
    const auto& map = entry.second;
    for (size_t i = 0; i < rows; ++i) out[i] = map[codes[i]];
    return;
  }
  switch (t) {
    case ScalarType::String: {
      functions::StringReader r(*c);
      for (size_t i = 0; i < rows; ++i) out[i] = intern(r.get(i));
      return;
    }
    case ScalarType::Bool:
    case ScalarType::Int:
    case ScalarType::Long:
    case ScalarType::DateTime:
    case ScalarType::TimeSpan: {
      functions::LongReader r(*c);
      for (size_t i = 0; i < rows; ++i) {
        if (r.null(i)) {
          nulls[i] = 1;
          out[i] = 0;
        } else {
          out[i] = static_cast<uint64_t>(r.get(i));
        }
      }
      return;
    }
    case ScalarType::Real:
    case ScalarType::Decimal: {
      functions::RealReader r(*c);
      for (size_t i = 0; i < rows; ++i) {
        if (r.null(i)) {
          nulls[i] = 1;
          out[i] = 0;
        } else {
          out[i] = real_bits(r.get(i));
        }
      }
      return;
    }
    default: {
      for (size_t i = 0; i < rows; ++i) {
        bool n = false;
        out[i] = atom_of_value(c->value_at(i), col, &n);
        nulls[i] = n ? 1 : 0;
      }
      return;
    }
  }
}

uint32_t GroupTable::add_group(std::vector<Value> key, uint64_t first_seen) {
  uint32_t g = static_cast<uint32_t>(keys_.size());
  keys_.push_back(std::move(key));
  first_seen_.push_back(first_seen);
  return g;
}

void GroupTable::assign(std::span<const ColumnPtr> keys, size_t rows, std::vector<uint32_t>& groups, uint32_t batch) {
  groups.resize(rows);
  size_t k = keys.size();
  auto new_key = [&](size_t row) {
    std::vector<Value> key;
    key.reserve(k);
    for (const auto& c : keys) key.push_back(c->value_at(row));
    return key;
  };
  auto seen = [&](size_t row) { return (static_cast<uint64_t>(batch) << 32) | row; };
  if (k == 0) {
    if (keys_.empty()) add_group({}, seen(0));
    std::fill(groups.begin(), groups.end(), 0);
    return;
  }
  for (size_t c = 0; c < k; ++c) atoms_of(keys[c], c, rows, scratch_atoms_[c], scratch_nulls_[c]);
  if (k == 1) {
    const auto& atoms = scratch_atoms_[0];
    const auto& nulls = scratch_nulls_[0];
    for (size_t i = 0; i < rows; ++i) {
      if (nulls[i]) {
        if (null_group_ < 0) null_group_ = add_group(new_key(i), seen(i));
        groups[i] = static_cast<uint32_t>(null_group_);
        continue;
      }
      auto [it, inserted] = by_atom_.try_emplace(atoms[i], 0);
      if (inserted) it->second = add_group(new_key(i), seen(i));
      groups[i] = it->second;
    }
    return;
  }
  bool narrow_pair = k == 2 && is_interned(types_[0]) && is_interned(types_[1]) &&
                     keys[0]->type() == ScalarType::String && keys[1]->type() == ScalarType::String;
  if (narrow_pair) {
    // Two string keys: interned ids fit 32 bits each, so the pair is one integer.
    const auto& a = scratch_atoms_[0];
    const auto& b = scratch_atoms_[1];
    for (size_t i = 0; i < rows; ++i) {
      uint64_t key = (a[i] << 32) | b[i];
      auto [it, inserted] = by_atom_.try_emplace(key, 0);
      if (inserted) it->second = add_group(new_key(i), seen(i));
      groups[i] = it->second;
    }
    return;
  }
  std::string bytes;
  for (size_t i = 0; i < rows; ++i) {
    bytes.clear();
    for (size_t c = 0; c < k; ++c) {
      uint64_t a = scratch_nulls_[c][i] ? 0 : scratch_atoms_[c][i];
      bytes.append(reinterpret_cast<const char*>(&a), sizeof a);
      bytes.push_back(static_cast<char>(scratch_nulls_[c][i]));
    }
    auto [it, inserted] = by_bytes_.try_emplace(bytes, 0);
    if (inserted) it->second = add_group(new_key(i), seen(i));
    groups[i] = it->second;
  }
}

uint32_t GroupTable::find_or_add(const std::vector<Value>& key, uint64_t first_seen) {
  std::vector<ColumnPtr> cols;
  cols.reserve(key.size());
  for (const auto& v : key) cols.push_back(Column::make_constant(v, 1));
  std::vector<uint32_t> g;
  assign(cols, 1, g, static_cast<uint32_t>(first_seen >> 32));
  lower_first_seen(g[0], first_seen);
  return g[0];
}

}  // namespace huntdb::exec
