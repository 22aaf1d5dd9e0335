// Assigns rows to groups by the values of their key columns: the core of summarize, distinct,
// join and partition. Keys are reduced to 64-bit atoms first (strings through an interner, a
// dictionary's codes through one lookup per distinct value, numbers as their bits), so one or
// two string keys group with a single integer hash and no per-row string hashing. Groups keep
// their keys as atoms too: a new group copies no string, and string key columns come out
// dictionary-encoded over the interned strings.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <absl/container/flat_hash_map.h>

#include "huntdb/column/column.h"
#include "huntdb/common/string_map.h"

namespace huntdb::exec {

class GroupTable {
 public:
  explicit GroupTable(std::vector<ScalarType> key_types);

  size_t size() const { return first_seen_.size(); }
  // Groups rows [0, rows) of the key columns; groups[i] receives row i's group. `batch` orders
  // groups by first appearance (see first_seen).
  void assign(std::span<const ColumnPtr> keys, size_t rows, std::vector<uint32_t>& groups, uint32_t batch);
  // The group of one key (added if new).
  uint32_t find_or_add(const std::vector<Value>& key, uint64_t first_seen);
  // Adds every group of another table (of the same key types); returns, for each of its groups,
  // the group here. First appearances keep the earlier of the two.
  std::vector<uint32_t> merge_from(const GroupTable& other);

  std::vector<Value> key(size_t g) const;
  // Key column k of every group, in group order.
  ColumnPtr key_column(size_t k) const;
  // (batch << 32 | row) of the group's first row, for a deterministic output order.
  uint64_t first_seen(size_t g) const { return first_seen_[g]; }
  void lower_first_seen(size_t g, uint64_t v) {
    if (v < first_seen_[g]) first_seen_[g] = v;
  }
  // Whether the key holds a null (join keys with nulls never match).
  bool key_has_null(size_t g) const { return has_null_[g] != 0; }

 private:
  // How a key column's values become atoms (fixed by the first column seen for that key).
  enum class AtomKind : uint8_t { Unset, String, Integer, Real, Other };
  struct KeyStore {
    ScalarType type = ScalarType::Unknown;  // the declared type
    AtomKind kind = AtomKind::Unset;
    ScalarType value_type = ScalarType::Unknown;  // the type of the values the atoms stand for
    std::vector<uint64_t> atoms;                 // per group
    std::vector<uint8_t> nulls;                  // per group
    std::unique_ptr<ColumnBuilder> other;        // Other: the values themselves (guid, dynamic)
  };

  // Atoms of one key column for every row (and a null mask).
  void atoms_of(const ColumnPtr& c, size_t k, size_t rows);
  uint64_t atom_of_value(const Value& v, size_t k, bool* is_null);
  uint32_t intern(std::string_view s);
  // Finds or adds the group of each row from the atoms in scratch; `keys` (may be empty) are the
  // rows' columns for keys stored as values.
  void lookup(size_t rows, std::vector<uint32_t>& groups, uint64_t first_seen_base,
              std::span<const ColumnPtr> keys, const GroupTable* other);
  uint32_t add_group(size_t row, uint64_t first_seen, std::span<const ColumnPtr> keys, const GroupTable* other);
  Value value_of(size_t k, size_t g) const;

  std::vector<KeyStore> stores_;
  std::vector<uint8_t> has_null_;
  std::vector<uint64_t> first_seen_;
  // Interned strings (and guids and dynamic values as text, for matching only).
  StringMap<uint32_t> interned_;
  std::vector<std::string> strings_;
  mutable ColumnPtr strings_column_;  // strings_ as a column, rebuilt when it grows
  // Per dictionary seen: its codes' atoms.
  absl::flat_hash_map<const Column*, std::pair<ColumnPtr, std::vector<uint64_t>>> dictionaries_;
  // Group lookup: by one atom (plus one group for null), by two 32-bit atoms as one integer, or
  // by the bytes of all atoms.
  absl::flat_hash_map<uint64_t, uint32_t> by_atom_;
  int64_t null_group_ = -1;
  // Two string keys with few distinct values each: a dense table by first key, then second
  // (no hashing); left for by_atom_ when the values outgrow it.
  std::vector<std::vector<uint32_t>> dense_pairs_;
  size_t dense_cells_ = 0;
  bool dense_ok_ = true;
  void leave_dense_pairs();
  absl::flat_hash_map<std::string, uint32_t> by_bytes_;
  std::vector<std::vector<uint64_t>> scratch_atoms_;
  std::vector<std::vector<uint8_t>> scratch_nulls_;
};

}  // namespace huntdb::exec
