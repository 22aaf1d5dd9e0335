// Strings interned once while rows are generated; each row stores codes. At the end every column
// gets its own dictionary of the codes it uses (a dictionary-encoded engine column).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "huntdb/column/column.h"
#include "huntdb/common/string_map.h"

namespace huntdb::demo {

class StringPool {
 public:
  StringPool() { id(""); }  // code 0 is the empty string
  uint32_t id(std::string_view s) {
    auto it = ids_.find(s);
    if (it != ids_.end()) return it->second;
    uint32_t code = static_cast<uint32_t>(values_.size());
    ids_.emplace(std::string(s), code);
    values_.emplace_back(s);
    return code;
  }
  const std::string& at(uint32_t code) const { return values_[code]; }

  // A dictionary-encoded string column of `codes` (in the order of `order`, if given), whose
  // dictionary holds only the values it uses.
  ColumnPtr column(const std::vector<uint32_t>& codes, const std::vector<uint32_t>* order = nullptr) const;

 private:
  StringMap<uint32_t> ids_;
  std::vector<std::string> values_;
};

}  // namespace huntdb::demo
