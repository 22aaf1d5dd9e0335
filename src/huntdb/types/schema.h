// Table schemas as the binder sees them: named, typed columns in order.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "huntdb/types/scalar_type.h"

namespace huntdb {

struct ColumnSchema {
  std::string name;
  ScalarType type = ScalarType::Unknown;
};

struct TableSchema {
  std::vector<ColumnSchema> columns;
  // An open schema may have columns nobody declared (database("x").T, a table from another
  // cluster): referencing an unknown column is then not an error; its type is unknown.
  bool open = false;

  const ColumnSchema* find(std::string_view name) const {
    for (const auto& c : columns)
      if (c.name == name) return &c;
    return nullptr;
  }
  int index_of(std::string_view name) const {
    for (size_t i = 0; i < columns.size(); ++i)
      if (columns[i].name == name) return static_cast<int>(i);
    return -1;
  }
};

}  // namespace huntdb
