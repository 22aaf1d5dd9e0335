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

// An element and the place of the row it came from; `sub` orders the parts of one row (the
// elements of an array, the properties of a bag).
struct Entry {
  uint64_t order = 0;
  uint32_t sub = 0;
  DynamicPtr value;
  bool before(const Entry& o) const { return order != o.order ? order < o.order : sub < o.sub; }
};

void sort_and_cap(std::vector<Entry>& entries, size_t max) {
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.before(b); });
  if (entries.size() > max) entries.resize(max);
}

ColumnPtr arrays_column(std::vector<std::vector<Entry>>& groups, size_t n, size_t max) {
  std::vector<DynamicPtr> out(n);
  for (size_t g = 0; g < n; ++g) {
    auto& entries = groups[g];
    sort_and_cap(entries, max);
    DynValue::Elements elements;
    elements.reserve(entries.size());
    for (auto& e : entries) elements.push_back(std::move(e.value));
    out[g] = DynValue::of_array(std::move(elements));
  }
  return Column::make_dynamics(std::move(out));
}

// make_list, make_list_if, make_list_with_nulls.
class ListAcc : public Accumulator {
 public:
  ListAcc(const AggregateSpec& spec, Layout layout, bool with_nulls)
      : layout_(layout), max_(max_size_of(spec, layout)), with_nulls_(with_nulls) {}
  void resize(size_t n) override { groups_.resize(n); }
  void update(std::span<const uint32_t> groups, const KernelArgs& a) override {
    Predicate p(a, layout_.predicate);
    ValueKeys values(a[0]);
    for (size_t i = 0; i < groups.size(); ++i) {
      auto& entries = groups_[groups[i]];
      // Within one worker rows come in input order, so the first max_ are the ones to keep.
      if (entries.size() >= max_ || !p.pass(i)) continue;
      if (!with_nulls_ && values.null(i)) continue;
      entries.push_back({order_key(a.batch, i), 0, values.element(i)});
    }
  }
  void merge(Accumulator& other, std::span<const uint32_t> mapping) override {
    auto& o = static_cast<ListAcc&>(other);
    for (size_t g = 0; g < o.groups_.size(); ++g) {
      auto& into = groups_[mapping[g]];
      for (auto& e : o.groups_[g]) into.push_back(std::move(e));
      if (into.size() > max_) sort_and_cap(into, max_);
    }
  }
  std::vector<ColumnPtr> finish(size_t n) override {
    resize(n);
    return {arrays_column(groups_, n, max_)};
  }

 private:
  Layout layout_;
  size_t max_;
  bool with_nulls_;
  std::vector<std::vector<Entry>> groups_;
};

// make_set, make_set_if: distinct values by key (value_keys.h), each at its first appearance.
class SetAcc : public Accumulator {
 public:
  SetAcc(const AggregateSpec& spec, Layout layout) : layout_(layout), max_(max_size_of(spec, layout)) {}
  void resize(size_t n) override { groups_.resize(n); }
  void update(std::span<const uint32_t> groups, const KernelArgs& a) override {
    Predicate p(a, layout_.predicate);
    ValueKeys values(a[0]);
    std::unique_ptr<DynamicReader> dyn;
    if (a[0].type() == ScalarType::Dynamic) dyn = std::make_unique<DynamicReader>(a[0]);
    std::string key;
    for (size_t i = 0; i < groups.size(); ++i) {
      Group& group = groups_[groups[i]];
      if (group.entries.size() >= max_ || !p.pass(i) || values.null(i)) continue;
      uint64_t order = order_key(a.batch, i);
      if (dyn && dyn->get(i)->is_array()) {
        uint32_t sub = 0;
        for (const auto& el : dyn->get(i)->elements()) {
          if (!el || el->is_null()) continue;
          key.clear();
          ValueKeys::dynamic_key(*el, key);
          add(group, key, {order, sub++, el});
          if (group.entries.size() >= max_) break;
        }
        continue;
      }
      std::string_view k = values.key(i);
      if (group.index.contains(k)) continue;
      add(group, k, {order, 0, values.element(i)});
    }
  }
  void merge(Accumulator& other, std::span<const uint32_t> mapping) override {
    auto& o = static_cast<SetAcc&>(other);
    for (size_t g = 0; g < o.groups_.size(); ++g) {
      Group& from = o.groups_[g];
      Group& into = groups_[mapping[g]];
      for (auto& [k, idx] : from.index) {
        Entry& e = from.entries[idx];
        auto it = into.index.find(std::string_view(k));
        if (it == into.index.end()) {
          into.index.emplace(k, static_cast<uint32_t>(into.entries.size()));
          into.entries.push_back(std::move(e));
        } else if (e.before(into.entries[it->second])) {
          into.entries[it->second] = std::move(e);
        }
      }
    }
  }
  std::vector<ColumnPtr> finish(size_t n) override {
    resize(n);
    std::vector<std::vector<Entry>> lists(n);
    for (size_t g = 0; g < n; ++g) lists[g] = std::move(groups_[g].entries);
    return {arrays_column(lists, n, max_)};
  }

 private:
  struct Group {
    StringMap<uint32_t> index;  // key -> entry
    std::vector<Entry> entries;
  };
  static void add(Group& group, std::string_view key, Entry e) {
    if (group.index.contains(key)) return;
    group.index.emplace(std::string(key), static_cast<uint32_t>(group.entries.size()));
    group.entries.push_back(std::move(e));
  }

  Layout layout_;
  size_t max_;
  std::vector<Group> groups_;
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
