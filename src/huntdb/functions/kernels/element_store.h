// The elements that make_list, make_set and count_distinct collect, for all groups of one
// accumulator in one store: a summarize by a million keys then costs a few dozen bytes per
// element and no container per group. Each element keeps its group, the place of its row
// (order, then `sub` for the parts of one row: an array's elements, a bag's properties) and its
// value key (value_keys.h): the key's bytes are the value for every type but dynamic, whose
// values are kept as shared pointers. Dynamic values are built only for the elements that
// finally make it into a result.
//
// An optional index finds an element by (group, key), for the sets.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <absl/container/flat_hash_set.h>

#include "huntdb/column/column.h"
#include "huntdb/types/dynamic.h"
#include "huntdb/types/scalar_type.h"

namespace huntdb::functions {

class ElementStore {
 public:
  struct Element {
    uint32_t group;
    uint32_t sub;
    uint64_t order;
    uint64_t offset;  // key bytes in the arena
    uint32_t size;    // kNull: a null element (make_list_with_nulls)
    uint32_t dynamic;  // index into dynamics_ (dynamic arguments)
    uint64_t hash;     // of (group, key), for the index
    bool before(const Element& o) const { return order != o.order ? order < o.order : sub < o.sub; }
  };
  static constexpr uint32_t kNull = UINT32_MAX;

  ElementStore(ScalarType type, bool indexed);
  ElementStore(const ElementStore&) = delete;
  ElementStore& operator=(const ElementStore&) = delete;

  size_t size() const { return elements_.size(); }
  const Element& at(size_t i) const { return elements_[i]; }
  std::string_view key(const Element& e) const {
    return e.size == kNull ? std::string_view() : std::string_view(arena_.data() + e.offset, e.size);
  }

  // The element of `group` with this key, or -1 (indexed stores only).
  int64_t find(uint32_t group, std::string_view key) const;
  // Adds an element; `value` is the element itself for dynamic arguments (null otherwise).
  void add(uint32_t group, uint64_t order, uint32_t sub, std::string_view key, DynamicPtr value);
  void add_null(uint32_t group, uint64_t order);
  // Adds an element of another store (of the same type) to `group`.
  void add_copy(const ElementStore& from, const Element& e, uint32_t group);
  // Frees everything (a partial store once merged into the global one).
  void clear();
  // Keeps the earlier place for an element met again.
  void seen_again(size_t index, uint64_t order, uint32_t sub);

  // The element as a dynamic value of the argument's type.
  DynamicPtr value(const Element& e) const;

  // Element indices by group: group g's are items[begin[g] .. end[g]), in order of appearance,
  // at most `max` of them.
  struct Grouped {
    std::vector<uint32_t> items;
    std::vector<size_t> begin, end;
  };
  Grouped by_group(size_t groups, size_t max) const;

 private:
  struct Probe {
    uint32_t group;
    std::string_view key;
    uint64_t hash;
  };
  struct Hash {
    using is_transparent = void;
    const ElementStore* store;
    size_t operator()(uint32_t i) const { return store->elements_[i].hash; }
    size_t operator()(const Probe& p) const { return p.hash; }
  };
  struct Eq {
    using is_transparent = void;
    const ElementStore* store;
    bool operator()(uint32_t a, uint32_t b) const { return a == b; }
    bool operator()(uint32_t a, const Probe& p) const { return matches(a, p); }
    bool operator()(const Probe& p, uint32_t a) const { return matches(a, p); }
    bool matches(uint32_t a, const Probe& p) const {
      const Element& e = store->elements_[a];
      return e.hash == p.hash && e.group == p.group && store->key(e) == p.key;
    }
  };
  static uint64_t hash_of(uint32_t group, std::string_view key);

  ScalarType type_;
  bool indexed_;
  std::string arena_;
  std::vector<Element> elements_;
  std::vector<DynamicPtr> dynamics_;
  absl::flat_hash_set<uint32_t, Hash, Eq> index_;
};

// (group, dictionary code) pairs known to be in a set already. Stored strings are dictionary-
// encoded with one dictionary per table column, shared by its batches: looking a row up by its
// code skips hashing and comparing the text, and touches one small table instead of three. A
// different dictionary starts the cache over (the store itself stays the authority).
class DictionaryCodeCache {
 public:
  // The codes of the column's rows, or null when it is not dictionary-encoded without nulls.
  const uint32_t* codes_of(const ColumnPtr& column);
  bool contains(uint32_t group, uint32_t code) const { return seen_.contains(key(group, code)); }
  void add(uint32_t group, uint32_t code) { seen_.insert(key(group, code)); }

 private:
  static uint64_t key(uint32_t group, uint32_t code) { return (uint64_t{group} << 32) | code; }
  ColumnPtr dictionary_;  // held so its address cannot be reused by another dictionary
  absl::flat_hash_set<uint64_t> seen_;
};

}  // namespace huntdb::functions
