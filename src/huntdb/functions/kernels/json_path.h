// The JSONPath subset Kusto accepts (extract_json, bag_has_key, bag_set_key, bag_remove_keys):
// `$` for the root, then children as `.name`, `['name']` or `["name"]`, and array subscripts
// `[0]`. Wildcards, recursion, unions and slices are not supported (Kusto's "JSONPath
// expressions" page).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "huntdb/types/dynamic.h"

namespace huntdb::functions {

struct JsonPathStep {
  bool is_index = false;
  std::string key;     // a child by name
  int64_t index = 0;   // an array subscript (negative counts from the end)
};

using JsonPath = std::vector<JsonPathStep>;

// Parses "$.a['b'][0]"; nullopt when the text is not a path of the supported subset.
std::optional<JsonPath> parse_json_path(std::string_view text);

// A key argument of the bag_* functions: a JSONPath when it starts with '$', else one root key.
std::optional<JsonPath> parse_bag_key(std::string_view text);

// The value a path selects, or nullptr.
const DynValue* select_json_path(const DynValue& root, const JsonPath& path);

}  // namespace huntdb::functions
