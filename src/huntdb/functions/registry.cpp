#include "huntdb/functions/registry.h"

#include <stdexcept>
#include <string>

#include <absl/container/flat_hash_map.h>

namespace huntdb::functions {

namespace {

// Kusto widens int < long < real < decimal.
int numeric_rank(ScalarType t) {
  switch (t) {
    case ScalarType::Int: return 1;
    case ScalarType::Long: return 2;
    case ScalarType::Real: return 3;
    case ScalarType::Decimal: return 4;
    default: return 0;
  }
}

}  // namespace

const Registry& Registry::builtins() {
  static const Registry* registry = [] {
    auto* r = new Registry();
    register_string_functions(*r);
    register_datetime_functions(*r);
    register_conversion_functions(*r);
    register_conditional_functions(*r);
    register_dynamic_functions(*r);
    register_ip_functions(*r);
    register_math_functions(*r);
    register_encoding_functions(*r);
    register_series_functions(*r);
    register_geo_functions(*r);
    register_misc_functions(*r);
    register_window_functions(*r);
    register_aggregates(*r);
    register_plugins(*r);
    r->build_index();
    attach_kernels(*r);
    return r;
  }();
  return *registry;
}

void Registry::build_index() {
  for (size_t i = 0; i < functions_.size(); ++i) {
    const FunctionInfo& f = functions_[i];
    switch (f.kind) {
      case FunctionKind::Scalar:
      case FunctionKind::Window: scalars_.emplace(f.name, i); break;
      case FunctionKind::Aggregate: aggregates_.emplace(f.name, i); break;
      case FunctionKind::Plugin: plugins_.emplace(f.name, i); break;
    }
  }
}

void Registry::add(FunctionInfo info) { functions_.push_back(std::move(info)); }

namespace {

[[noreturn]] void undeclared(std::string_view what, std::string_view name) {
  throw std::logic_error(std::string(what) + " attached to undeclared function " + std::string(name));
}

}  // namespace

void Registry::attach(std::span<const KernelTable> kernels) {
  for (const auto& k : kernels) {
    auto it = scalars_.find(k.name);
    if (it == scalars_.end()) undeclared("kernel", k.name);
    FunctionInfo& f = functions_[it->second];
    f.kernel = k.kernel;
    f.tuple_kernel = k.tuple_kernel;
    f.deterministic = k.deterministic;
    // Deprecated names (parsejson, base64_decodestring) compute what their replacement does.
    for (auto& alias : functions_)
      if (alias.replaced_by == k.name && alias.kind == f.kind && !alias.kernel && !alias.tuple_kernel) {
        alias.kernel = k.kernel;
        alias.tuple_kernel = k.tuple_kernel;
        alias.deterministic = k.deterministic;
      }
  }
}

void Registry::attach(std::span<const AggregateTable> aggregates) {
  for (const auto& a : aggregates) {
    auto it = aggregates_.find(a.name);
    if (it == aggregates_.end()) undeclared("aggregate", a.name);
    functions_[it->second].accumulator = a.accumulator;
    for (auto& alias : functions_)
      if (alias.replaced_by == a.name && alias.kind == FunctionKind::Aggregate && !alias.accumulator)
        alias.accumulator = a.accumulator;
  }
}

void Registry::attach(std::span<const WindowTable> windows) {
  for (const auto& w : windows) {
    auto it = scalars_.find(w.name);
    if (it == scalars_.end()) undeclared("window function", w.name);
    functions_[it->second].window = w.window;
  }
}

const FunctionInfo* Registry::scalar(std::string_view name) const {
  auto it = scalars_.find(name);
  return it == scalars_.end() ? nullptr : &functions_[it->second];
}

const FunctionInfo* Registry::aggregate(std::string_view name) const {
  auto it = aggregates_.find(name);
  return it == aggregates_.end() ? nullptr : &functions_[it->second];
}

const FunctionInfo* Registry::plugin(std::string_view name) const {
  auto it = plugins_.find(name);
  return it == plugins_.end() ? nullptr : &functions_[it->second];
}

ScalarType widest_numeric(std::span<const ArgInfo> args) {
  ScalarType best = ScalarType::Unknown;
  for (const auto& a : args)
    if (numeric_rank(a.type) > numeric_rank(best)) best = a.type;
  // The widest of integers is a long, never an int.
  return best == ScalarType::Int ? ScalarType::Long : best;
}

ScalarType common_type(std::span<const ArgInfo> args) {
  // Dynamic values take the type of the other branches; numbers widen; anything else that
  // disagrees makes the result dynamic (as iff/case type it).
  ScalarType result = ScalarType::Unknown;
  bool saw_dynamic = false;
  for (const auto& a : args) {
    if (a.type == ScalarType::Unknown) continue;
    if (a.type == ScalarType::Dynamic) {
      saw_dynamic = true;
      continue;
    }
    if (result == ScalarType::Unknown) {
      result = a.type;
    } else if (result != a.type) {
      if (numeric_rank(result) && numeric_rank(a.type)) {
        if (numeric_rank(a.type) > numeric_rank(result)) result = a.type;
      } else {
        return ScalarType::Dynamic;
      }
    }
  }
  if (result == ScalarType::Unknown && saw_dynamic) return ScalarType::Dynamic;
  return result;
}

}  // namespace huntdb::functions
