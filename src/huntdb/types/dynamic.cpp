// DynValue construction and access, JSON text of dynamic values and deep equality. Parsing JSON
// text lives in json_parse.cpp.
#include "huntdb/types/dynamic.h"

#include <cmath>

#include "huntdb/common/string_map.h"
#include "huntdb/types/datetime.h"
#include "huntdb/types/guid.h"
#include "huntdb/types/number_format.h"
#include "huntdb/types/value_json.h"

namespace huntdb {
namespace {

const std::string kEmptyString;
const Guid kEmptyGuid{};
const DynValue::Elements kNoElements;
const DynValue::Properties kNoProperties;

// Bags this small are cheaper to search linearly than to hash.
constexpr size_t kLinearDedupLimit = 16;

void dedup_small(DynValue::Properties& props) {
  DynValue::Properties out;
  out.reserve(props.size());
  for (auto& [key, value] : props) {
    bool replaced = false;
    for (auto& existing : out) {
      if (existing.first == key) {
        existing.second = std::move(value);
        replaced = true;
        break;
      }
    }
    if (!replaced) out.emplace_back(std::move(key), std::move(value));
  }
  props = std::move(out);
}

void dedup_large(DynValue::Properties& props) {
  StringMap<size_t> index;
  index.reserve(props.size());
  DynValue::Properties out;
  out.reserve(props.size());
  for (auto& [key, value] : props) {
    auto it = index.find(std::string_view(key));
    if (it != index.end()) {
      out[it->second].second = std::move(value);
    } else {
      index.emplace(key, out.size());
      out.emplace_back(std::move(key), std::move(value));
    }
  }
  props = std::move(out);
}

}  // namespace

DynValue::DynValue(Kind k) : kind_(k) {
  switch (k) {
    case Kind::Null: break;
    case Kind::Bool: payload_ = false; break;
    case Kind::Long:
    case Kind::DateTime:
    case Kind::TimeSpan: payload_ = int64_t{0}; break;
    case Kind::Real:
    case Kind::Decimal: payload_ = 0.0; break;
    case Kind::String: payload_ = std::string(); break;
    case Kind::Guid: payload_ = Guid{}; break;
    case Kind::Array: payload_ = Elements(); break;
    case Kind::Object: payload_ = Properties(); break;
  }
}

DynValue::~DynValue() {
  if (!is_array() && !is_object()) return;
  // Children this value alone owns are moved to a worklist and emptied there before they die, so
  // each destructor call below sees no children of its own to recurse into. A child shared with
  // another owner only loses one reference.
  std::vector<DynamicPtr> pending;
  auto take_children = [&pending](Payload& p) {
    if (auto* elements = std::get_if<Elements>(&p)) {
      for (auto& e : *elements) pending.push_back(std::move(e));
      elements->clear();
    } else if (auto* props = std::get_if<Properties>(&p)) {
      for (auto& kv : *props) pending.push_back(std::move(kv.second));
      props->clear();
    }
  };
  take_children(payload_);
  while (!pending.empty()) {
    DynamicPtr child = std::move(pending.back());
    pending.pop_back();
    if (child && child.use_count() == 1 && (child->is_array() || child->is_object())) {
      // Sole owner: the value was created non-const (by new in the factories), so emptying it
      // through this pointer is sound.
      take_children(const_cast<DynValue&>(*child).payload_);
    }
  }
}

bool DynValue::as_bool() const {
  const bool* b = std::get_if<bool>(&payload_);
  return b ? *b : false;
}
int64_t DynValue::as_long() const {
  const int64_t* l = std::get_if<int64_t>(&payload_);
  return l ? *l : 0;
}
double DynValue::as_real() const {
  const double* r = std::get_if<double>(&payload_);
  return r ? *r : 0.0;
}
const std::string& DynValue::as_string() const {
  const std::string* s = std::get_if<std::string>(&payload_);
  return s ? *s : kEmptyString;
}
const Guid& DynValue::as_guid() const {
  const Guid* g = std::get_if<Guid>(&payload_);
  return g ? *g : kEmptyGuid;
}
const DynValue::Elements& DynValue::elements() const {
  const Elements* e = std::get_if<Elements>(&payload_);
  return e ? *e : kNoElements;
}
const DynValue::Properties& DynValue::properties() const {
  const Properties* p = std::get_if<Properties>(&payload_);
  return p ? *p : kNoProperties;
}

const DynValue* DynValue::member(std::string_view key) const {
  for (const auto& [k, v] : properties())
    if (k == key) return v.get();
  return nullptr;
}

const DynValue* DynValue::at(int64_t index) const {
  const Elements& e = elements();
  const auto n = static_cast<int64_t>(e.size());
  if (index < 0) index += n;
  if (index < 0 || index >= n) return nullptr;
  return e[static_cast<size_t>(index)].get();
}

DynamicPtr DynValue::null() {
  static const DynamicPtr kNull(new DynValue(Kind::Null));
  return kNull;
}
DynamicPtr DynValue::of_bool(bool v) {
  static const DynamicPtr kTrue(new DynValue(Kind::Bool, true));
  static const DynamicPtr kFalse(new DynValue(Kind::Bool, false));
  return v ? kTrue : kFalse;
}
DynamicPtr DynValue::of_long(int64_t v) { return DynamicPtr(new DynValue(Kind::Long, v)); }
DynamicPtr DynValue::of_real(double v) { return DynamicPtr(new DynValue(Kind::Real, v)); }
DynamicPtr DynValue::of_decimal(double v) { return DynamicPtr(new DynValue(Kind::Decimal, v)); }
DynamicPtr DynValue::of_string(std::string v) { return DynamicPtr(new DynValue(Kind::String, std::move(v))); }
DynamicPtr DynValue::of_datetime(int64_t ticks) { return DynamicPtr(new DynValue(Kind::DateTime, ticks)); }
DynamicPtr DynValue::of_timespan(int64_t ticks) { return DynamicPtr(new DynValue(Kind::TimeSpan, ticks)); }
DynamicPtr DynValue::of_guid(Guid g) { return DynamicPtr(new DynValue(Kind::Guid, g)); }

DynamicPtr DynValue::of_array(Elements elements) {
  for (auto& e : elements)
    if (!e) e = null();
  return DynamicPtr(new DynValue(Kind::Array, std::move(elements)));
}

DynamicPtr DynValue::of_object(Properties properties) {
  for (auto& p : properties)
    if (!p.second) p.second = null();
  if (properties.size() <= kLinearDedupLimit) {
    dedup_small(properties);
  } else {
    dedup_large(properties);
  }
  return DynamicPtr(new DynValue(Kind::Object, std::move(properties)));
}

DynamicPtr DynValue::from_value(const Value& v) {
  if (v.is_null()) return null();
  switch (v.type) {
    case ScalarType::Bool: return of_bool(v.as_bool());
    case ScalarType::Int: return of_long(v.as_int());
    case ScalarType::Long: return of_long(v.as_long());
    case ScalarType::Real: return of_real(v.as_real());
    case ScalarType::Decimal: return of_decimal(std::get<Decimal>(v.data).value);
    case ScalarType::String: return of_string(v.as_string());
    case ScalarType::DateTime: return of_datetime(v.as_long());
    case ScalarType::TimeSpan: return of_timespan(v.as_long());
    case ScalarType::Guid: return of_guid(v.as_guid());
    case ScalarType::Dynamic: return v.as_dynamic() ? v.as_dynamic() : null();
    case ScalarType::Unknown: break;
  }
  return null();
}

// ---------------------------------------------------------------- JSON text

namespace {

void append_scalar_json(std::string& out, const DynValue& v) {
  switch (v.kind()) {
    case DynValue::Kind::Null: out.append("null"); break;
    case DynValue::Kind::Bool: out.append(v.as_bool() ? "true" : "false"); break;
    case DynValue::Kind::Long: out.append(std::to_string(v.as_long())); break;
    case DynValue::Kind::Real: append_real_json(out, v.as_real()); break;
    case DynValue::Kind::Decimal: {
      // Decimals are numbers in JSON too; NaN cannot occur in a .NET decimal but can in our double.
      double d = v.as_real();
      if (std::isfinite(d)) {
        out.append(format_decimal(d));
      } else {
        append_real_json(out, d);
      }
      break;
    }
    case DynValue::Kind::String: append_json_string(out, v.as_string()); break;
    case DynValue::Kind::DateTime: append_json_string(out, format_datetime_round_trip(v.as_long())); break;
    case DynValue::Kind::TimeSpan: append_json_string(out, format_timespan(v.as_long())); break;
    case DynValue::Kind::Guid: append_json_string(out, format_guid(v.as_guid())); break;
    case DynValue::Kind::Array:
    case DynValue::Kind::Object: break;
  }
}

// One open array or bag while writing: which value and how far its children are written.
struct JsonFrame {
  const DynValue* value;
  size_t next = 0;
};

}  // namespace

void append_json(std::string& out, const DynValue& root) {
  // An explicit stack instead of recursion: a tree built by functions (not by the parser, which
  // bounds depth) may nest arbitrarily deep.
  std::vector<JsonFrame> stack;
  auto open = [&](const DynValue& v) {
    if (v.is_array()) {
      out.push_back('[');
      stack.push_back({&v});
    } else if (v.is_object()) {
      out.push_back('{');
      stack.push_back({&v});
    } else {
      append_scalar_json(out, v);
    }
  };
  open(root);
  while (!stack.empty()) {
    JsonFrame& top = stack.back();
    const DynValue& v = *top.value;
    const size_t count = v.is_array() ? v.elements().size() : v.properties().size();
    if (top.next == count) {
      out.push_back(v.is_array() ? ']' : '}');
      stack.pop_back();
      continue;
    }
    if (top.next > 0) out.push_back(',');
    const size_t i = top.next++;
    if (v.is_array()) {
      open(*v.elements()[i]);
    } else {
      const auto& [key, child] = v.properties()[i];
      append_json_string(out, key);
      out.push_back(':');
      open(*child);
    }
  }
}

std::string to_json(const DynValue& v) {
  std::string out;
  append_json(out, v);
  return out;
}

// ---------------------------------------------------------------- equality

namespace {

bool scalar_equal(const DynValue& a, const DynValue& b) {
  switch (a.kind()) {
    case DynValue::Kind::Null: return true;
    case DynValue::Kind::Bool: return a.as_bool() == b.as_bool();
    case DynValue::Kind::Long:
    case DynValue::Kind::DateTime:
    case DynValue::Kind::TimeSpan: return a.as_long() == b.as_long();
    case DynValue::Kind::Real:
    case DynValue::Kind::Decimal: return a.as_real() == b.as_real();
    case DynValue::Kind::String: return a.as_string() == b.as_string();
    case DynValue::Kind::Guid: return a.as_guid() == b.as_guid();
    case DynValue::Kind::Array:
    case DynValue::Kind::Object: break;
  }
  return true;
}

}  // namespace

bool dynamic_equal(const DynValue& a, const DynValue& b) {
  // Pairs still to compare; iterative for the same reason as append_json.
  std::vector<std::pair<const DynValue*, const DynValue*>> pending{{&a, &b}};
  while (!pending.empty()) {
    auto [x, y] = pending.back();
    pending.pop_back();
    if (x == y) continue;
    if (x->kind() != y->kind()) return false;
    if (x->is_array()) {
      const auto& xs = x->elements();
      const auto& ys = y->elements();
      if (xs.size() != ys.size()) return false;
      for (size_t i = 0; i < xs.size(); ++i) pending.emplace_back(xs[i].get(), ys[i].get());
    } else if (x->is_object()) {
      // Bags are equal when they hold the same keys with equal values, in any order.
      const auto& xs = x->properties();
      if (xs.size() != y->properties().size()) return false;
      for (const auto& [key, value] : xs) {
        const DynValue* other = y->member(key);
        if (!other) return false;
        pending.emplace_back(value.get(), other);
      }
    } else if (!scalar_equal(*x, *y)) {
      return false;
    }
  }
  return true;
}

}  // namespace huntdb
