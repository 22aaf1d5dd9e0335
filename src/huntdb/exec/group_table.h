// Assigns rows to groups by the values of their key columns: the core of summarize, distinct,
// join and partition. Keys are reduced to 64-bit atoms first (strings through an interner, and
// a dictionary's codes through one lookup per distinct value), so that one or two string keys
// group with a dense array or a single integer hash — no per-row string hashing for
// dictionary-encoded columns.
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
  const Column& key_column(size_t k) const { return key_builders_[k].column(); }
  // (batch << 32 | row) of the group's first row, for a deterministic output order.
  uint64_t first_seen(size_t g) const { return first_seen_[g]; }
  void lower_first_seen(size_t g, uint64_t v) {
    if (v < first_seen_[g]) first_seen_[g] = v;
  }
  // Whether the key holds a null (join keys with nulls never match).
  bool key_has_null(size_t g) const;

 private:
  // Atoms of column c for every row (and a null mask).
  void atoms_of(const ColumnPtr& c, size_t col, size_t rows, std::vector<uint64_t>& out, std::vector<uint8_t>& nulls);
  uint64_t atom_of_value(const Value& v, size_t col, bool* is_null);
  uint32_t intern(std::string_view s);
  // A new group whose key is row `row` of the key columns.
  uint32_t add_group(std::span<const ColumnPtr> keys, size_t row, uint64_t first_seen);

  std::vector<ScalarType> types_;
  std::vector<ColumnBuilder> key_builders_;
  std::vector<uint8_t> has_null_;
  std::vector<uint64_t> first_seen_;
  // Strings (and guids, dynamics) by interned id.
  StringMap<uint32_t> interned_;
  std::vector<std::string> strings_;
  // Per dictionary seen: its codes' atoms.
  absl::flat_hash_map<const Column*, std::pair<ColumnPtr, std::vector<uint64_t>>> dictionaries_;
  // Group lookup: by one atom (plus one group for null), or by the bytes of all atoms.
  absl::flat_hash_map<uint64_t, uint32_t> by_atom_;
  int64_t null_group_ = -1;
  absl::flat_hash_map<std::string, uint32_t> by_bytes_;
  std::vector<std::vector<uint64_t>> scratch_atoms_;
  std::vector<std::vector<uint8_t>> scratch_nulls_;
};

}  // namespace huntdb::exec
