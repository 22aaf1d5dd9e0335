// Hash maps and sets keyed by std::string that can be searched with a std::string_view without
// allocating (Debian's abseil has its own string_view type, so the default hash is not
// transparent for std::string_view).
#pragma once

#include <string>
#include <string_view>

#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>
#include <absl/hash/hash.h>
#include <absl/strings/string_view.h>

namespace huntdb {

// Hashed as Abseil's own string_view: absl::Hash of a std::string_view falls back to std::hash,
// which costs several times more per byte on the ingest and group-by paths.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const {
    return absl::Hash<absl::string_view>{}(absl::string_view(s.data(), s.size()));
  }
};

struct StringEq {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const { return a == b; }
};

template <typename V>
using StringMap = absl::flat_hash_map<std::string, V, StringHash, StringEq>;
using StringSet = absl::flat_hash_set<std::string, StringHash, StringEq>;

}  // namespace huntdb
