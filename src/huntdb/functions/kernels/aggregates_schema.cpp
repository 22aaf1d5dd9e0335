// buildschema(dynamic): the minimal schema that admits every value of the group.
//
// learn.microsoft.com/kusto/query/buildschema-aggregation-function: a scalar is described by its
// type name ("long", "double", "string", ...); a property bag by a bag of its keys' schemas; an
// array by a bag with the single key "`indexer`" holding its elements' schema. Where a slot saw
// several types, its schema is the array of them in order of first appearance:
//   {"x":1, "y":3.5}, {"x":"somevalue", "z":[1, 2, 3]}, {"y":{"w":"zzz"}, "t":["aa", "bb"], "z":["foo"]}
//   -> {"x":["long","string"],"y":["double",{"w":"string"}],"z":{"`indexer`":["long","string"]},
//       "t":{"`indexer`":"string"}}
// Nulls are ignored; a group without values gives null.
//
// Every type and key remembers where it was first seen (the row's place, then its position in
// the walk of the value), so partial schemas of several workers merge into the one schema a
// single pass would build.
#include <algorithm>
#include <memory>

#include "huntdb/common/string_map.h"
#include "huntdb/functions/kernels/accumulator_util.h"
#include "huntdb/functions/kernels/families.h"

namespace huntdb::functions {

namespace {

using Order = std::pair<uint64_t, uint32_t>;  // (row, position in the walk of that row's value)

struct SchemaNode;

struct SchemaBag {
  struct Entry {
    std::string key;
    Order order;
    std::unique_ptr<SchemaNode> node;
  };
  std::vector<Entry> entries;
  StringMap<size_t> index;
};

struct SchemaNode {
  std::vector<std::pair<std::string, Order>> scalars;  // type names
  std::unique_ptr<SchemaBag> bag;                      // bags and arrays
  Order bag_order{};

  void add_scalar(std::string_view type, Order order) {
    for (auto& [name, first] : scalars)
      if (name == type) {
        first = std::min(first, order);
        return;
      }
    scalars.emplace_back(std::string(type), order);
  }
  SchemaBag& the_bag(Order order) {
    if (!bag) {
      bag = std::make_unique<SchemaBag>();
      bag_order = order;
    } else {
      bag_order = std::min(bag_order, order);
    }
    return *bag;
  }
  static SchemaNode& child(SchemaBag& bag, std::string_view key, Order order) {
    auto it = bag.index.find(key);
    if (it != bag.index.end()) {
      auto& e = bag.entries[it->second];
      e.order = std::min(e.order, order);
      return *e.node;
    }
    bag.index.emplace(std::string(key), bag.entries.size());
    bag.entries.push_back({std::string(key), order, std::make_unique<SchemaNode>()});
    return *bag.entries.back().node;
  }

  // Adds a value; `seq` numbers the steps of the walk of one row's value.
  void add(const DynValue& v, uint64_t row, uint32_t& seq) {
    Order order{row, seq++};
    switch (v.kind()) {
      case DynValue::Kind::Null: return;
      case DynValue::Kind::Bool: add_scalar("bool", order); return;
      case DynValue::Kind::Long: add_scalar("long", order); return;
      case DynValue::Kind::Real: add_scalar("double", order); return;
      case DynValue::Kind::Decimal: add_scalar("decimal", order); return;
      case DynValue::Kind::String: add_scalar("string", order); return;
      case DynValue::Kind::DateTime: add_scalar("datetime", order); return;
      case DynValue::Kind::TimeSpan: add_scalar("timespan", order); return;
      case DynValue::Kind::Guid: add_scalar("guid", order); return;
      case DynValue::Kind::Array: {
        SchemaBag& bag = the_bag(order);
        for (const auto& el : v.elements()) {
          if (!el || el->is_null()) continue;
          child(bag, "`indexer`", Order{row, seq++}).add(*el, row, seq);
        }
        return;
      }
      case DynValue::Kind::Object: {
        SchemaBag& bag = the_bag(order);
        for (const auto& [key, value] : v.properties()) {
          if (!value || value->is_null()) continue;
          child(bag, key, Order{row, seq++}).add(*value, row, seq);
        }
        return;
      }
    }
  }

  void merge(SchemaNode& other) {
    for (auto& [name, order] : other.scalars) add_scalar(name, order);
    if (!other.bag) return;
    SchemaBag& bag = the_bag(other.bag_order);
    for (auto& e : other.bag->entries) child(bag, e.key, e.order).merge(*e.node);
  }

  bool empty() const { return scalars.empty() && !bag; }

  DynamicPtr render() const {
    std::vector<std::pair<Order, DynamicPtr>> alternatives;
    for (const auto& [name, order] : scalars) alternatives.emplace_back(order, DynValue::of_string(name));
    if (bag) {
      std::vector<const SchemaBag::Entry*> entries;
      for (const auto& e : bag->entries) entries.push_back(&e);
      std::sort(entries.begin(), entries.end(), [](const auto* a, const auto* b) { return a->order < b->order; });
      DynValue::Properties props;
      for (const auto* e : entries)
        if (!e->node->empty()) props.emplace_back(e->key, e->node->render());
      alternatives.emplace_back(bag_order, DynValue::of_object(std::move(props)));
    }
    std::sort(alternatives.begin(), alternatives.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    if (alternatives.size() == 1) return alternatives[0].second;
    DynValue::Elements out;
    for (auto& a : alternatives) out.push_back(std::move(a.second));
    return DynValue::of_array(std::move(out));
  }
};

class SchemaAcc : public Accumulator {
 public:
  void resize(size_t n) override { groups_.resize(n); }
  void update(std::span<const uint32_t> groups, const KernelArgs& a) override {
    DynamicReader r(a[0]);
    for (size_t i = 0; i < groups.size(); ++i) {
      const DynValue* v = r.get(i);
      if (!v || v->is_null()) continue;
      uint32_t seq = 0;
      groups_[groups[i]].add(*v, order_key(a.batch, i), seq);
    }
  }
  void merge(Accumulator& other, std::span<const uint32_t> mapping) override {
    auto& o = static_cast<SchemaAcc&>(other);
    for (size_t g = 0; g < o.groups_.size(); ++g) groups_[mapping[g]].merge(o.groups_[g]);
  }
  std::vector<ColumnPtr> finish(size_t n) override {
    resize(n);
    std::vector<DynamicPtr> out(n);
    for (size_t g = 0; g < n; ++g)
      if (!groups_[g].empty()) out[g] = groups_[g].render();
    return {Column::make_dynamics(std::move(out))};
  }

 private:
  std::vector<SchemaNode> groups_;
};

std::unique_ptr<Accumulator> make_buildschema(const AggregateSpec&) { return std::make_unique<SchemaAcc>(); }

constexpr AggregateTable kAggregates[] = {{"buildschema", make_buildschema}};

}  // namespace

void attach_schema_kernels(Registry& r) { r.attach(kAggregates); }

}  // namespace huntdb::functions
