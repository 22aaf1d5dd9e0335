// Resolving a built-in call from argument types, for the function-family tests.
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

// The result type of scalar (or window) function `name` called with arguments of these types;
// Unknown (and a test failure) if the function is missing or no signature fits.
inline ScalarType scalar_result(std::string_view name, std::initializer_list<ScalarType> types) {
  const auto* f = functions::Registry::builtins().scalar(name);
  if (!f) {
    ADD_FAILURE() << "no scalar function " << name;
    return ScalarType::Unknown;
  }
  auto args = args_of(types);
  auto r = functions::resolve(*f, args);
  if (!r.signature) ADD_FAILURE() << name << ": " << r.error;
  return r.type;
}

inline ScalarType aggregate_result(std::string_view name, std::initializer_list<ScalarType> types) {
  const auto* f = functions::Registry::builtins().aggregate(name);
  if (!f) {
    ADD_FAILURE() << "no aggregate " << name;
    return ScalarType::Unknown;
  }
  auto args = args_of(types);
  auto r = functions::resolve(*f, args);
  if (!r.signature) ADD_FAILURE() << name << ": " << r.error;
  return r.type;
}

// True if no signature of scalar function `name` accepts these argument types.
inline bool scalar_rejects(std::string_view name, std::initializer_list<ScalarType> types) {
  const auto* f = functions::Registry::builtins().scalar(name);
  if (!f) return false;
  auto args = args_of(types);
  return functions::resolve(*f, args).signature == nullptr;
}

}  // namespace huntdb::testing
