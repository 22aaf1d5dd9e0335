// The value of a KQL literal token as written: 5, -1.5e3, 0x1F, int(5), long(null), real(nan),
// decimal(1.5), true, bool(false), datetime(2018-04-24 02:00), 1.5h, time(1.02:03:04),
// guid(...), and string literals in all their forms.
#pragma once

#include <optional>
#include <string_view>

#include "huntdb/kql/ast.h"
#include "huntdb/types/value.h"

namespace huntdb::analyze {

// nullopt when the text is not a valid literal of that kind (datetime(2018-13-45)).
std::optional<Value> literal_value(kql::LiteralKind kind, std::string_view text);

}  // namespace huntdb::analyze
