#include "huntdb/functions/kernels/element_store.h"

#include <algorithm>
#include <cstring>

#include "huntdb/functions/kernels/value_keys.h"

namespace huntdb::functions {

namespace {

int64_t int64_of(std::string_view key) {
  int64_t v = 0;
  std::memcpy(&v, key.data(), std::min(key.size(), sizeof v));
  return v;
}

double double_of(std::string_view key) {
  double v = 0;
  std::memcpy(&v, key.data(), std::min(key.size(), sizeof v));
  return v;
}

}  // namespace

ElementStore::ElementStore(ScalarType type, bool indexed)
    : type_(type), indexed_(indexed), index_(0, Hash{this}, Eq{this}) {}

uint64_t ElementStore::hash_of(uint32_t group, std::string_view key) {
  uint64_t h = stable_hash(key);
  // Fold the group in with an odd multiplier and a final mix (the set's buckets read all bits).
  h ^= (uint64_t{group} + 0x9E3779B97F4A7C15ull) * 0xC2B2AE3D27D4EB4Full;
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9ull;
  h ^= h >> 32;
  return h;
}

int64_t ElementStore::find(uint32_t group, std::string_view key) const {
  auto it = index_.find(Probe{group, key, hash_of(group, key)});
  return it == index_.end() ? -1 : static_cast<int64_t>(*it);
}

void ElementStore::add(uint32_t group, uint64_t order, uint32_t sub, std::string_view key, DynamicPtr value) {
  Element e{group, sub, order, arena_.size(), static_cast<uint32_t>(key.size()), 0, 0};
  arena_.append(key);
  if (value) {
    e.dynamic = static_cast<uint32_t>(dynamics_.size());
    dynamics_.push_back(std::move(value));
  }
  if (indexed_) e.hash = hash_of(group, key);
  elements_.push_back(e);
  if (indexed_) index_.insert(static_cast<uint32_t>(elements_.size() - 1));
}

void ElementStore::add_null(uint32_t group, uint64_t order) {
  elements_.push_back(Element{group, 0, order, 0, kNull, 0, 0});
}

void ElementStore::add_copy(const ElementStore& from, const Element& e, uint32_t group) {
  if (e.size == kNull) {
    add_null(group, e.order);
    return;
  }
  add(group, e.order, e.sub, from.key(e), type_ == ScalarType::Dynamic ? from.dynamics_[e.dynamic] : nullptr);
}

void ElementStore::clear() {
  std::string().swap(arena_);
  std::vector<Element>().swap(elements_);
  std::vector<DynamicPtr>().swap(dynamics_);
  index_ = absl::flat_hash_set<uint32_t, Hash, Eq>(0, Hash{this}, Eq{this});
}

void ElementStore::seen_again(size_t index, uint64_t order, uint32_t sub) {
  Element& e = elements_[index];
  Element probe = e;
  probe.order = order;
  probe.sub = sub;
  if (probe.before(e)) {
    e.order = order;
    e.sub = sub;
  }
}

DynamicPtr ElementStore::value(const Element& e) const {
  if (e.size == kNull) return DynValue::null();
  std::string_view k = key(e);
  switch (type_) {
    case ScalarType::Dynamic: return dynamics_[e.dynamic];
    case ScalarType::String: return DynValue::of_string(std::string(k));
    case ScalarType::Bool: return DynValue::of_bool(int64_of(k) != 0);
    case ScalarType::DateTime: return DynValue::of_datetime(int64_of(k));
    case ScalarType::TimeSpan: return DynValue::of_timespan(int64_of(k));
    case ScalarType::Real: return DynValue::of_real(double_of(k));
    case ScalarType::Decimal: return DynValue::of_decimal(double_of(k));
    case ScalarType::Guid: {
      Guid g;
      std::memcpy(g.bytes.data(), k.data(), std::min(k.size(), g.bytes.size()));
      return DynValue::of_guid(g);
    }
    case ScalarType::Int:
    case ScalarType::Long: return DynValue::of_long(int64_of(k));
    case ScalarType::Unknown: break;
  }
  return DynValue::null();
}

ElementStore::Grouped ElementStore::by_group(size_t groups, size_t max) const {
  Grouped out;
  out.begin.assign(groups + 1, 0);
  for (const auto& e : elements_)
    if (e.group < groups) ++out.begin[e.group + 1];
  for (size_t g = 0; g < groups; ++g) out.begin[g + 1] += out.begin[g];
  out.items.resize(out.begin[groups]);
  std::vector<size_t> next(out.begin.begin(), out.begin.end() - 1);
  for (size_t i = 0; i < elements_.size(); ++i)
    if (elements_[i].group < groups) out.items[next[elements_[i].group]++] = static_cast<uint32_t>(i);
  out.end.resize(groups);
  for (size_t g = 0; g < groups; ++g) {
    auto first = out.items.begin() + static_cast<std::ptrdiff_t>(out.begin[g]);
    auto last = out.items.begin() + static_cast<std::ptrdiff_t>(out.begin[g + 1]);
    // Elements are stored in the order they came, which within one worker is the input order;
    // only merged stores need the sort.
    if (!std::is_sorted(first, last, [&](uint32_t a, uint32_t b) { return elements_[a].before(elements_[b]); }))
      std::sort(first, last, [&](uint32_t a, uint32_t b) { return elements_[a].before(elements_[b]); });
    out.end[g] = out.begin[g] + std::min(max, out.begin[g + 1] - out.begin[g]);
  }
  out.begin.resize(groups);
  return out;
}

const uint32_t* DictionaryCodeCache::codes_of(const ColumnPtr& column) {
  if (!column || !column->is_dictionary() || !column->validity().all_valid()) return nullptr;
  if (column->dictionary_ptr() != dictionary_) {
    dictionary_ = column->dictionary_ptr();
    seen_.clear();
  }
  return column->codes().data();
}

}  // namespace huntdb::functions
