// Picks the signature of a function that fits the arguments of a call and computes the
// call's result type, or says why no signature fits.
#pragma once

#include <span>
#include <string>

#include "huntdb/functions/registry.h"

namespace huntdb::functions {

struct Resolution {
  const Signature* signature = nullptr;  // null when no signature fits
  ScalarType type = ScalarType::Unknown;
  std::string error;                      // why no signature fits (for a semantic diagnostic)
  int bad_argument = -1;                  // the argument the error is about, or -1 for the whole call
};

Resolution resolve(const FunctionInfo& f, std::span<const ArgInfo> args);

// True if an argument of type `arg` may be passed where `accepted` is declared (exact match or a
// widening Kusto does implicitly: int -> long -> real/decimal). Unknown always fits.
bool accepts(TypeSet accepted, ScalarType arg);

// The result type of a signature for these arguments.
ScalarType result_type(const Signature& s, std::span<const ArgInfo> args);

}  // namespace huntdb::functions
