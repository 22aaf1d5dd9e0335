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

// The type an argument of type `arg` is converted to before it is passed where `accepted` is
// declared: Unknown when it fits as it is (or cannot fit); otherwise the type of the widening
// accepts() allows (dynamic -> string, int -> long, long -> real). Kernels see only declared types.
ScalarType implicit_conversion(TypeSet accepted, ScalarType arg);

// The parameter that takes argument `arg_index` (the last, repeating one takes the rest); null
// for a signature without parameters.
const Param* parameter_for(const Signature& s, size_t arg_index);

// The result type of a signature for these arguments.
ScalarType result_type(const Signature& s, std::span<const ArgInfo> args);

}  // namespace huntdb::functions
