// Reading an argument that must be a constant string (datetime_part's part, format_datetime's
// format). The binder checks the type, but a dynamic value may stand where a string is
// declared, and a column reaching a constant-only parameter is reported here.
#pragma once

#include <string>
#include <string_view>

#include "huntdb/functions/kernel.h"
#include "huntdb/types/format.h"

namespace huntdb::functions {

// The text of argument i, which must be the same for every row; `what` names it in the error
// ("The period of datetime_part()").
inline std::string constant_string_arg(const KernelArgs& a, size_t i, std::string_view what) {
  const Column& c = a[i];
  if (!c.is_constant()) throw KernelError(std::string(what) + " must be a constant.");
  const Value& v = c.constant();
  if (v.is_null()) return {};
  if (v.type == ScalarType::String) return v.as_string();
  return format_value(v);
}

}  // namespace huntdb::functions
