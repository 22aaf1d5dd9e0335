// Helpers for tests that drive the Engine over a workspace: a fresh folder, and a result cell
// as tostring() writes it.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "huntdb/engine.h"
#include "huntdb/types/format.h"

namespace huntdb {

inline std::string fresh_dir(const std::string& name) {
  std::string dir = ::testing::TempDir() + "huntdb_" + name;
  std::filesystem::remove_all(dir);
  return dir;
}

// The cell of the first result table at `row` and `column`, or "<no row>" / "<no column C>".
inline std::string cell(const QueryResult& r, size_t row, const std::string& column) {
  const Table& t = *r.tables.at(0).table;
  int c = t.schema.index_of(column);
  if (c < 0) return "<no column " + column + ">";
  size_t base = 0;
  for (const auto& b : t.batches) {
    if (row < base + b.rows) return format_value(b.columns[static_cast<size_t>(c)]->value_at(row - base));
    base += b.rows;
  }
  return "<no row>";
}

}  // namespace huntdb
