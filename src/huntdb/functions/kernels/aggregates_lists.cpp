// Collection aggregates: make_list, make_list_if, make_list_with_nulls, make_set, make_set_if,
// make_bag, make_bag_if (and the deprecated makelist, makeset, make_dictionary).
//
// Semantics (learn.microsoft.com/kusto/query/make-list-aggregation-function, make-set-...,
// make-bag-...):
// - nulls are ignored (make_list_with_nulls keeps them as null elements);
// - maxSize caps the number of elements (keys for bags); the default and the maximum are
//   1048576, and the deprecated makelist/makeset default to 128;
// - make_set of a dynamic array adds the array's elements (the page's "set from array column"
//   example); make_list keeps each value, arrays included, as one element;
// - a property that several bags have keeps one of its values ("an arbitrary value"): the first;
// - a group without values gives [] (summarize operator's "default values of aggregations" table,
//   which lists make_bag among the aggregates that default to an empty array).
// Elements come in the order of their first appearance in the input: each remembers its row's
// place (batch, row), so partial results of several workers merge into the order one worker
// would have produced, and "the first maxSize" means the first in the input.
#include <algorithm>
#include <memory>

#include "huntdb/common/string_map.h"
#include "huntdb/functions/kernels/accumulator_util.h"
#include "huntdb/functions/kernels/element_store.h"
#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/value_keys.h"

namespace huntdb::functions {

namespace {

constexpr int64_t kMaxSize = 1048576;
constexpr int64_t kLegacyMaxSize = 128;

// Where a call's arguments are.
struct Layout {
  std::optional<size_t> predicate;
  size_t max_size_index = 1;
  int64_t default_max = kMaxSize;
};

size_t max_size_of(const AggregateSpec& spec, const Layout& layout) {
  int64_t v = constant_long(spec, layout.max_size_index).value_or(layout.default_max);
  return static_cast<size_t>(std::clamp<int64_t>(v, 0, kMaxSize));
}

// An element of a bag and the place of the row it came from; `sub` orders the properties of one
// bag.
struct Entry {
  uint64_t order = 0;
  uint32_t sub = 0;
  DynamicPtr value;
  bool before(const Entry& o) const { return order != o.order ? order < o.order : sub < o.sub; }
};

ScalarType value_type(const AggregateSpec& spec) {
  return spec.arg_types.empty() ? ScalarType::Unknown : spec.arg_types[0];
}

// The arrays of a store's groups (element_store.h), at most `max` elements each.
ColumnPtr arrays_column(const ElementStore& store, size_t n, size_t max) {
  auto grouped = store.by_group(n, max);
  std::vector<DynamicPtr> out(n);
  for (size_t g = 0; g < n; ++g) {
    DynValue::Elements elements;
    elements.reserve(grouped.end[g] - grouped.begin[g]);
    for (size_t k = grouped.begin[g]; k < grouped.end[g]; ++k) elements.push_back(store.value(store.at(grouped.items[k])));
    out[g] = DynValue::of_array(std::move(elements));
  }
  return Column::make_dynamics(std::move(out));
}

// make_list, make_list_if, make_list_with_nulls.
class ListAcc : public Accumulator {
 public:
  ListAcc(const AggregateSpec& spec, Layout layout, bool with_nulls)
      : layout_(layout),
        max_(max_size_of(spec, layout)),
        with_nulls_(with_nulls),
        dynamic_(value_type(spec) == ScalarType::Dynamic),
        store_(value_type(spec), false) {}
  void resize(size_t n) override { counts_.resize(n, 0); }
  void update(std::span<const uint32_t> groups, const KernelArgs& a) override {
    Predicate p(a, layout_.predicate);
    ValueKeys values(a[0]);
    for (size_t i = 0; i < groups.size(); ++i) {
      uint32_t g = groups[i];
      // Within one worker rows come in input order, so the first max_ are the ones to keep.
      if (counts_[g] >= max_ || !p.pass(i)) continue;
      if (values.null(i)) {
        if (!with_nulls_) continue;
        store_.add_null(g, order_key(a.batch, i));
      } else if (dynamic_) {
        store_.add(g, order_key(a.batch, i), 0, {}, values.element(i));
      } else {
        store_.add(g, order_key(a.batch, i), 0, values.key(i), nullptr);
      }
      ++counts_[g];
    }
  }
  void merge(Accumulator& other, std::span<const uint32_t> mapping) override {
    auto& o = static_cast<ListAcc&>(other);
    for (size_t k = 0; k < o.store_.size(); ++k) {
      const auto& e = o.store_.at(k);
      store_.add_copy(o.store_, e, mapping[e.group]);
      ++counts_[mapping[e.group]];
    }
    o.store_.clear();  // merged partials are not used again
  }
  std::vector<ColumnPtr> finish(size_t n) override {
    resize(n);
    return {arrays_column(store_, n, max_)};
  }

 private:
  Layout layout_;
  size_t max_;
  bool with_nulls_;
  bool dynamic_;
  ElementStore store_;
  std::vector<size_t> counts_;
};

// make_set, make_set_if: distinct values by key (value_keys.h), each at its first appearance.
class SetAcc : public Accumulator {
 public:
  SetAcc(const AggregateSpec& spec, Layout layout)
      : layout_(layout),
        max_(max_size_of(spec, layout)),
        dynamic_(value_type(spec) == ScalarType::Dynamic),
        store_(value_type(spec), true) {}
  void resize(size_t n) override { counts_.resize(n, 0); }
  void update(std::span<const uint32_t> groups, const KernelArgs& a) override {
    Predicate p(a, layout_.predicate);
    ValueKeys values(a[0]);
    std::unique_ptr<DynamicReader> dyn;
    if (dynamic_) dyn = std::make_unique<DynamicReader>(a[0]);
    const uint32_t* codes = cache_.codes_of(a.ptr(0));
    std::string key;
    for (size_t i = 0; i < groups.size(); ++i) {
      uint32_t g = groups[i];
      if (counts_[g] >= max_ || !p.pass(i) || values.null(i)) continue;
      uint64_t order = order_key(a.batch, i);
      if (dyn && dyn->get(i)->is_array()) {
        uint32_t sub = 0;
        for (const auto& el : dyn->get(i)->elements()) {
          if (!el || el->is_null()) continue;
          key.clear();
          ValueKeys::dynamic_key(*el, key);
          add(g, order, sub++, key, el);
          if (counts_[g] >= max_) break;
        }
        continue;
      }
      if (codes) {
        if (cache_.contains(g, codes[i])) continue;
        cache_.add(g, codes[i]);
      }
      add(g, order, 0, values.key(i), dynamic_ ? values.element(i) : nullptr);
    }
  }
  void merge(Accumulator& other, std::span<const uint32_t> mapping) override {
    auto& o = static_cast<SetAcc&>(other);
    for (size_t k = 0; k < o.store_.size(); ++k) {
      const auto& e = o.store_.at(k);
      uint32_t g = mapping[e.group];
      int64_t found = store_.find(g, o.store_.key(e));
      if (found >= 0) {
        store_.seen_again(static_cast<size_t>(found), e.order, e.sub);
      } else {
        store_.add_copy(o.store_, e, g);
        ++counts_[g];
      }
    }
    o.store_.clear();  // merged partials are not used again
  }
  std::vector<ColumnPtr> finish(size_t n) override {
    resize(n);
    return {arrays_column(store_, n, max_)};
  }

 private:
  void add(uint32_t g, uint64_t order, uint32_t sub, std::string_view key, DynamicPtr value) {
    if (store_.find(g, key) >= 0) return;
    store_.add(g, order, sub, key, std::move(value));
    ++counts_[g];
  }

  Layout layout_;
  size_t max_;
  bool dynamic_;
  ElementStore store_;
  DictionaryCodeCache cache_;
  std::vector<size_t> counts_;
};

// make_bag, make_bag_if: the union of the property bags of the group; values that are not bags
// are ignored.
class BagAcc : public Accumulator {
 public:
  BagAcc(const AggregateSpec& spec, Layout layout) : layout_(layout), max_(max_size_of(spec, layout)) {}
  void resize(size_t n) override { groups_.resize(n); }
  void update(std::span<const uint32_t> groups, const KernelArgs& a) override {
    Predicate p(a, layout_.predicate);
    DynamicReader bags(a[0]);
    for (size_t i = 0; i < groups.size(); ++i) {
      const DynValue* bag = bags.get(i);
      if (!bag || !bag->is_object() || !p.pass(i)) continue;
      Group& group = groups_[groups[i]];
      uint32_t sub = 0;
      for (const auto& [key, value] : bag->properties()) {
        if (group.entries.size() >= max_) break;
        if (group.index.contains(std::string_view(key))) continue;
        group.index.emplace(key, static_cast<uint32_t>(group.entries.size()));
        group.entries.push_back({{order_key(a.batch, i), sub++, value}, key});
      }
    }
  }
  void merge(Accumulator& other, std::span<const uint32_t> mapping) override {
    auto& o = static_cast<BagAcc&>(other);
    for (size_t g = 0; g < o.groups_.size(); ++g) {
      Group& into = groups_[mapping[g]];
      for (auto& e : o.groups_[g].entries) {
        auto it = into.index.find(std::string_view(e.key));
        if (it == into.index.end()) {
          into.index.emplace(e.key, static_cast<uint32_t>(into.entries.size()));
          into.entries.push_back(std::move(e));
        } else if (e.entry.before(into.entries[it->second].entry)) {
          into.entries[it->second] = std::move(e);
        }
      }
    }
  }
  std::vector<ColumnPtr> finish(size_t n) override {
    resize(n);
    std::vector<DynamicPtr> out(n);
    for (size_t g = 0; g < n; ++g) {
      auto& entries = groups_[g].entries;
      if (entries.empty()) {
        out[g] = DynValue::of_array({});
        continue;
      }
      std::sort(entries.begin(), entries.end(), [](const Keyed& x, const Keyed& y) { return x.entry.before(y.entry); });
      if (entries.size() > max_) entries.resize(max_);
      DynValue::Properties props;
      props.reserve(entries.size());
      for (auto& e : entries) props.emplace_back(std::move(e.key), std::move(e.entry.value));
      out[g] = DynValue::of_object(std::move(props));
    }
    return {Column::make_dynamics(std::move(out))};
  }

 private:
  struct Keyed {
    Entry entry;
    std::string key;
  };
  struct Group {
    StringMap<uint32_t> index;
    std::vector<Keyed> entries;
  };

  Layout layout_;
  size_t max_;
  std::vector<Group> groups_;
};

constexpr Layout kPlain{std::nullopt, 1, kMaxSize};
constexpr Layout kConditional{1, 2, kMaxSize};
constexpr Layout kLegacy{std::nullopt, 1, kLegacyMaxSize};

std::unique_ptr<Accumulator> make_list(const AggregateSpec& s) { return std::make_unique<ListAcc>(s, kPlain, false); }
std::unique_ptr<Accumulator> make_list_if(const AggregateSpec& s) {
  return std::make_unique<ListAcc>(s, kConditional, false);
}
std::unique_ptr<Accumulator> make_list_with_nulls(const AggregateSpec& s) {
  return std::make_unique<ListAcc>(s, kPlain, true);
}
std::unique_ptr<Accumulator> makelist(const AggregateSpec& s) { return std::make_unique<ListAcc>(s, kLegacy, false); }
std::unique_ptr<Accumulator> make_set(const AggregateSpec& s) { return std::make_unique<SetAcc>(s, kPlain); }
std::unique_ptr<Accumulator> make_set_if(const AggregateSpec& s) { return std::make_unique<SetAcc>(s, kConditional); }
std::unique_ptr<Accumulator> makeset(const AggregateSpec& s) { return std::make_unique<SetAcc>(s, kLegacy); }
std::unique_ptr<Accumulator> make_bag(const AggregateSpec& s) { return std::make_unique<BagAcc>(s, kPlain); }
std::unique_ptr<Accumulator> make_bag_if(const AggregateSpec& s) { return std::make_unique<BagAcc>(s, kConditional); }

// The deprecated spellings come first: attaching make_list would otherwise give them its
// factory (and its default size).
constexpr AggregateTable kAggregates[] = {
    {"makelist", makelist},
    {"makeset", makeset},
    {"make_list", make_list},
    {"make_list_if", make_list_if},
    {"make_list_with_nulls", make_list_with_nulls},
    {"make_set", make_set},
    {"make_set_if", make_set_if},
    {"make_bag", make_bag},
    {"make_bag_if", make_bag_if},
    {"make_dictionary", make_bag},
};

}  // namespace

void attach_list_kernels(Registry& r) { r.attach(kAggregates); }

}  // namespace huntdb::functions
