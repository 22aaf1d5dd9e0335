// Looking up built-in functions and resolving calls from argument types, for the function-family
// tests (functions_*_test.cpp). A function the registry does not have is a test failure.
#pragma once

#include <initializer_list>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "huntdb/functions/registry.h"
#include "huntdb/functions/resolve.h"

namespace huntdb::testing {

inline std::vector<functions::ArgInfo> args_of(std::initializer_list<ScalarType> types) {
  std::vector<functions::ArgInfo> out;
  for (ScalarType t : types) out.push_back(functions::ArgInfo{.type = t});
  return out;
}

namespace detail {

// `f`, or a test failure if it is null (the registry has no `what` called `name`).
inline const functions::FunctionInfo* found(const functions::FunctionInfo* f, std::string_view what,
                                            std::string_view name) {
  if (!f) ADD_FAILURE() << "no " << what << " " << name;
  return f;
}

inline const functions::FunctionInfo& or_empty(const functions::FunctionInfo* f) {
  static const functions::FunctionInfo kNone;
  return f ? *f : kNone;
}

// The result type of calling `f` with arguments of these types; Unknown (and a test failure if
// `f` exists) when there is no `f` or no signature fits.
inline ScalarType result_of(const functions::FunctionInfo* f, std::string_view name,
                            std::initializer_list<ScalarType> types) {
  if (!f) return ScalarType::Unknown;
  auto args = args_of(types);
  auto r = functions::resolve(*f, args);
  if (!r.signature) ADD_FAILURE() << name << ": " << r.error;
  return r.type;
}

// True if `f` exists and none of its signatures accepts these argument types.
inline bool rejected_by(const functions::FunctionInfo* f, std::initializer_list<ScalarType> types) {
  if (!f) return false;
  auto args = args_of(types);
  return functions::resolve(*f, args).signature == nullptr;
}

inline const functions::FunctionInfo* find_scalar(std::string_view name) {
  return found(functions::Registry::builtins().scalar(name), "scalar function", name);
}

inline const functions::FunctionInfo* find_aggregate(std::string_view name) {
  return found(functions::Registry::builtins().aggregate(name), "aggregate", name);
}

}  // namespace detail

// The registry entry of scalar (or window) function `name`: its kind, naming rule, deprecation,
// ... An empty entry (and a test failure) if there is none.
inline const functions::FunctionInfo& scalar_entry(std::string_view name) {
  return detail::or_empty(detail::find_scalar(name));
}

// The registry entry of aggregate `name`; an empty entry (and a test failure) if there is none.
inline const functions::FunctionInfo& aggregate_entry(std::string_view name) {
  return detail::or_empty(detail::find_aggregate(name));
}

// The result type of scalar (or window) function `name` called with arguments of these types;
// Unknown (and a test failure) if the function is missing or no signature fits.
inline ScalarType scalar_result(std::string_view name, std::initializer_list<ScalarType> types) {
  return detail::result_of(detail::find_scalar(name), name, types);
}

// The same for aggregate `name`.
inline ScalarType aggregate_result(std::string_view name, std::initializer_list<ScalarType> types) {
  return detail::result_of(detail::find_aggregate(name), name, types);
}

// True if no signature of scalar function `name` accepts these argument types (false, and a
// test failure, if there is no such function).
inline bool scalar_rejects(std::string_view name, std::initializer_list<ScalarType> types) {
  return detail::rejected_by(detail::find_scalar(name), types);
}

// The same for aggregate `name`.
inline bool aggregate_rejects(std::string_view name, std::initializer_list<ScalarType> types) {
  return detail::rejected_by(detail::find_aggregate(name), types);
}

}  // namespace huntdb::testing
