#include "huntdb/exec/group_table.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "huntdb/exec/operator_kernels.h"
#include "huntdb/functions/kernels/kernel_util.h"
#include "huntdb/types/dynamic.h"

namespace huntdb::exec {

namespace {

uint64_t real_bits(double d) {
  if (d == 0) d = 0;             // -0 groups with 0
  if (d != d) d = std::nan("");  // one NaN
  uint64_t bits;
  std::memcpy(&bits, &d, sizeof bits);
  return bits;
}

double bits_real(uint64_t bits) {
  double d;
  std::memcpy(&d, &bits, sizeof d);
  return d;
}

bool is_integer_kind(ScalarType t) {
  return t == ScalarType::Bool || t == ScalarType::Int || t == ScalarType::Long || t == ScalarType::DateTime ||
         t == ScalarType::TimeSpan;
}

// The text that identifies a guid or dynamic value for matching (a tag keeps kinds apart).
std::string other_text(const Value& v) {
  if (v.type == ScalarType::Guid) {
    const auto& b = v.as_guid().bytes;
    return "g" + std::string(reinterpret_cast<const char*>(b.data()), b.size());
  }
  if (v.type == ScalarType::Dynamic && !v.is_null() && v.as_dynamic()) return "d" + to_json(*v.as_dynamic());
  return "v";
}

}  // namespace

GroupTable::GroupTable(std::vector<ScalarType> key_types) {
  stores_.resize(key_types.size());
  for (size_t k = 0; k < key_types.size(); ++k) stores_[k].type = key_types[k];
  scratch_atoms_.resize(key_types.size());
  scratch_nulls_.resize(key_types.size());
}

uint32_t GroupTable::intern(std::string_view s) {
  auto it = interned_.find(s);
  if (it != interned_.end()) return it->second;
  uint32_t id = static_cast<uint32_t>(strings_.size());
  strings_.emplace_back(s);
  interned_.emplace(std::string(s), id);
  return id;
}

uint64_t GroupTable::atom_of_value(const Value& v, size_t k, bool* is_null) {
  KeyStore& st = stores_[k];
  *is_null = false;
  switch (st.kind) {
    case AtomKind::String:
      return intern(v.is_null() || v.type != ScalarType::String ? std::string_view() : std::string_view(v.as_string()));
    case AtomKind::Integer:
      if (v.is_null()) {
        *is_null = true;
        return 0;
      }
      return static_cast<uint64_t>(functions::LongReader::value_as_long(v));
    case AtomKind::Real:
      if (v.is_null()) {
        *is_null = true;
        return 0;
      }
      return real_bits(functions::RealReader::value_as_real(v));
    default:
      if (v.is_null() || (v.type == ScalarType::Dynamic && (!v.as_dynamic() || v.as_dynamic()->is_null()))) {
        *is_null = true;
        return 0;
      }
      return intern(other_text(v));
  }
}

void GroupTable::atoms_of(const ColumnPtr& col, size_t k, size_t rows) {
  KeyStore& st = stores_[k];
  ColumnPtr c = col;
  if (st.kind == AtomKind::Unset) {
    ScalarType t = c->type();
    if (c->is_constant() && c->constant().is_null() && st.type != ScalarType::Unknown) t = st.type;
    st.value_type = t;
    st.kind = t == ScalarType::String ? AtomKind::String
              : is_integer_kind(t)    ? AtomKind::Integer
              : (t == ScalarType::Real || t == ScalarType::Decimal) ? AtomKind::Real
                                                                    : AtomKind::Other;
    if (st.kind == AtomKind::Other) st.other = std::make_unique<ColumnBuilder>(t == ScalarType::Unknown ? ScalarType::Dynamic : t);
  }
  // A column of another type than the first one seen is read as that first type.
  if (c->type() != st.value_type && !(c->is_constant() && c->constant().is_null())) c = cast_column(c, st.value_type);
  auto& out = scratch_atoms_[k];
  auto& nulls = scratch_nulls_[k];
  out.resize(rows);
  nulls.assign(rows, 0);
  if (c->is_constant()) {
    bool n = false;
    uint64_t a = atom_of_value(c->constant(), k, &n);
    std::fill(out.begin(), out.end(), a);
    std::fill(nulls.begin(), nulls.end(), n ? 1 : 0);
    return;
  }
  switch (st.kind) {
    case AtomKind::String: {
      if (c->is_dictionary()) {
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
      functions::StringReader r(*c);
      for (size_t i = 0; i < rows; ++i) out[i] = intern(r.get(i));
      return;
    }
    case AtomKind::Integer: {
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
    case AtomKind::Real: {
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
    default:
      for (size_t i = 0; i < rows; ++i) {
        bool n = false;
        out[i] = atom_of_value(c->value_at(i), k, &n);
        nulls[i] = n ? 1 : 0;
      }
  }
}

uint32_t GroupTable::add_group(size_t row, uint64_t first_seen, std::span<const ColumnPtr> keys, const GroupTable* other) {
  uint32_t g = static_cast<uint32_t>(first_seen_.size());
  bool any_null = false;
  for (size_t k = 0; k < stores_.size(); ++k) {
    KeyStore& st = stores_[k];
    uint8_t null = scratch_nulls_[k][row];
    any_null |= null != 0;
    st.atoms.push_back(null ? 0 : scratch_atoms_[k][row]);
    st.nulls.push_back(null);
    if (st.kind == AtomKind::Other) {
      if (other) {
        st.other->append_from(other->stores_[k].other->column(), row);
      } else if (k < keys.size()) {
        const Column& c = *keys[k];
        if (c.type() == st.other->type()) {
          st.other->append_from(c, row);
        } else {
          st.other->append_value(c.value_at(row));
        }
      } else {
        st.other->append_null();
      }
    }
  }
  has_null_.push_back(any_null ? 1 : 0);
  first_seen_.push_back(first_seen);
  return g;
}

void GroupTable::lookup(size_t rows, std::vector<uint32_t>& groups, uint64_t base, std::span<const ColumnPtr> keys,
                        const GroupTable* other) {
  groups.resize(rows);
  size_t k = stores_.size();
  auto add = [&](size_t i) { return add_group(i, base | i, keys, other); };
  if (k == 0) {
    if (first_seen_.empty()) add_group(0, base, keys, other);
    std::fill(groups.begin(), groups.end(), 0);
    return;
  }
  if (k == 1) {
    const auto& atoms = scratch_atoms_[0];
    const auto& nulls = scratch_nulls_[0];
    for (size_t i = 0; i < rows; ++i) {
      if (nulls[i]) {
        if (null_group_ < 0) null_group_ = add(i);
        groups[i] = static_cast<uint32_t>(null_group_);
        continue;
      }
      auto [it, inserted] = by_atom_.try_emplace(atoms[i], 0);
      if (inserted) it->second = add(i);
      groups[i] = it->second;
    }
    return;
  }
  if (k == 2 && stores_[0].kind == AtomKind::String && stores_[1].kind == AtomKind::String) {
    const auto& a = scratch_atoms_[0];
    const auto& b = scratch_atoms_[1];
    constexpr uint32_t kNone = UINT32_MAX;
    constexpr size_t kMaxDenseCells = size_t{1} << 22;  // 16 MB of group ids
    size_t i = 0;
    for (; dense_ok_ && i < rows; ++i) {
      uint64_t x = a[i], y = b[i];
      if (x >= dense_pairs_.size()) dense_pairs_.resize(x + 1);
      auto& row = dense_pairs_[x];
      if (y >= row.size()) {
        size_t grow = std::max<size_t>(y + 1, row.size() * 2);
        dense_cells_ += grow - row.size();
        if (dense_cells_ > kMaxDenseCells) {
          leave_dense_pairs();
          break;
        }
        row.resize(grow, kNone);
      }
      uint32_t& g = row[y];
      if (g == kNone) g = add(i);
      groups[i] = g;
    }
    // Two string keys: interned ids fit 32 bits each, so the pair is one integer.
    for (; i < rows; ++i) {
      auto [it, inserted] = by_atom_.try_emplace((a[i] << 32) | b[i], 0);
      if (inserted) it->second = add(i);
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
    if (inserted) it->second = add(i);
    groups[i] = it->second;
  }
}

void GroupTable::leave_dense_pairs() {
  dense_ok_ = false;
  dense_pairs_ = {};
  by_atom_.reserve(size() * 2);
  for (size_t g = 0; g < size(); ++g) by_atom_.emplace((stores_[0].atoms[g] << 32) | stores_[1].atoms[g], static_cast<uint32_t>(g));
}

void GroupTable::assign(std::span<const ColumnPtr> keys, size_t rows, std::vector<uint32_t>& groups, uint32_t batch) {
  for (size_t c = 0; c < keys.size() && c < stores_.size(); ++c) atoms_of(keys[c], c, rows);
  lookup(rows, groups, static_cast<uint64_t>(batch) << 32, keys, nullptr);
}

std::vector<uint32_t> GroupTable::merge_from(const GroupTable& other) {
  size_t n = other.size();
  std::vector<uint32_t> mapping;
  if (n == 0) return mapping;
  // The other table's atoms, translated into this table's (its strings interned here once each).
  std::vector<int64_t> string_map(other.strings_.size(), -1);
  auto mapped = [&](uint32_t atom) {
    if (string_map[atom] < 0) string_map[atom] = intern(other.strings_[atom]);
    return static_cast<uint64_t>(string_map[atom]);
  };
  for (size_t k = 0; k < stores_.size(); ++k) {
    KeyStore& st = stores_[k];
    const KeyStore& os = other.stores_[k];
    if (st.kind == AtomKind::Unset) {
      st.kind = os.kind;
      st.value_type = os.value_type;
      if (st.kind == AtomKind::Other) st.other = std::make_unique<ColumnBuilder>(os.other->type());
    }
    auto& atoms = scratch_atoms_[k];
    auto& nulls = scratch_nulls_[k];
    atoms.resize(n);
    nulls.assign(os.nulls.begin(), os.nulls.end());
    bool translate = os.kind == AtomKind::String || os.kind == AtomKind::Other;
    for (size_t g = 0; g < n; ++g)
      atoms[g] = nulls[g] ? 0 : (translate ? mapped(static_cast<uint32_t>(os.atoms[g])) : os.atoms[g]);
  }
  if (!dense_ok_ || stores_.size() != 2) by_atom_.reserve(by_atom_.size() + n);
  lookup(n, mapping, static_cast<uint64_t>(UINT32_MAX) << 32, {}, &other);
  for (size_t g = 0; g < n; ++g) lower_first_seen(mapping[g], other.first_seen(g));
  return mapping;
}

uint32_t GroupTable::find_or_add(const std::vector<Value>& key, uint64_t first_seen) {
  std::vector<ColumnPtr> cols;
  cols.reserve(key.size());
  for (const auto& v : key) cols.push_back(Column::make_constant(v, 1));
  std::vector<uint32_t> g;
  for (size_t c = 0; c < cols.size() && c < stores_.size(); ++c) atoms_of(cols[c], c, 1);
  lookup(1, g, first_seen & ~uint64_t{0xffffffff}, cols, nullptr);
  lower_first_seen(g[0], first_seen);
  return g[0];
}

Value GroupTable::value_of(size_t k, size_t g) const {
  const KeyStore& st = stores_[k];
  if (st.nulls[g]) return Value::null(st.value_type == ScalarType::Unknown ? st.type : st.value_type);
  uint64_t a = st.atoms[g];
  switch (st.kind) {
    case AtomKind::String: return Value::of_string(strings_[a]);
    case AtomKind::Integer:
      switch (st.value_type) {
        case ScalarType::Bool: return Value::of_bool(a != 0);
        case ScalarType::Int: return Value::of_int(static_cast<int32_t>(static_cast<int64_t>(a)));
        default: return Value{st.value_type, static_cast<int64_t>(a)};
      }
    case AtomKind::Real:
      return st.value_type == ScalarType::Decimal ? Value::of_decimal(bits_real(a)) : Value::of_real(bits_real(a));
    case AtomKind::Other: return st.other->column().value_at(g);
    case AtomKind::Unset: break;
  }
  return Value::null(st.type);
}

std::vector<Value> GroupTable::key(size_t g) const {
  std::vector<Value> out;
  out.reserve(stores_.size());
  for (size_t k = 0; k < stores_.size(); ++k) out.push_back(value_of(k, g));
  return out;
}

ColumnPtr GroupTable::key_column(size_t k) const {
  const KeyStore& st = stores_[k];
  size_t n = size();
  switch (st.kind) {
    case AtomKind::String: {
      // Dictionary-encoded over the interned strings: no copy per group.
      if (!strings_column_ || strings_column_->size() != strings_.size()) {
        ColumnBuilder b(ScalarType::String, strings_.size());
        for (const auto& s : strings_) b.append_string(s);
        strings_column_ = b.finish();
      }
      std::vector<uint32_t> codes(n);
      for (size_t g = 0; g < n; ++g) codes[g] = static_cast<uint32_t>(st.atoms[g]);
      return Column::make_dictionary(strings_column_, std::move(codes));
    }
    case AtomKind::Integer: {
      Validity valid;
      for (size_t g = 0; g < n; ++g)
        if (st.nulls[g]) valid.set(g, false);
      if (st.value_type == ScalarType::Bool) {
        std::vector<uint8_t> v(n);
        for (size_t g = 0; g < n; ++g) v[g] = st.atoms[g] != 0;
        return Column::make_bools(std::move(v), std::move(valid));
      }
      if (st.value_type == ScalarType::Int) {
        std::vector<int32_t> v(n);
        for (size_t g = 0; g < n; ++g) v[g] = static_cast<int32_t>(static_cast<int64_t>(st.atoms[g]));
        return Column::make_ints(std::move(v), std::move(valid));
      }
      std::vector<int64_t> v(n);
      for (size_t g = 0; g < n; ++g) v[g] = static_cast<int64_t>(st.atoms[g]);
      return Column::make_longs(st.value_type, std::move(v), std::move(valid));
    }
    case AtomKind::Real: {
      Validity valid;
      std::vector<double> v(n);
      for (size_t g = 0; g < n; ++g) {
        if (st.nulls[g]) valid.set(g, false);
        v[g] = bits_real(st.atoms[g]);
      }
      return Column::make_reals(st.value_type, std::move(v), std::move(valid));
    }
    case AtomKind::Other:
      return Column::slice(ColumnPtr(std::shared_ptr<const Column>(&st.other->column(), [](const Column*) {})), 0, n);
    case AtomKind::Unset:
      break;
  }
  return Column::make_nulls(st.type == ScalarType::Unknown ? ScalarType::Dynamic : st.type, n);
}

}  // namespace huntdb::exec
