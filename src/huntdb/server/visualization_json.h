// The QueryProperties "Visualization" value: how Kusto tells a client a result has a `render`.
// A JSON object with every key Kusto sends (null when the query did not set it), serialized to a
// string, as Kusto sends it in the Value column.
#pragma once

#include <optional>
#include <string>

#include "huntdb/engine.h"

namespace huntdb::server {

std::string visualization_json(const std::optional<Visualization>& v);

}  // namespace huntdb::server
