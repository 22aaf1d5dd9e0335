// Tables for the storage tests: every KQL type, with nulls, empty strings, repeating and unique
// strings and dynamic values of every kind; and a cell-by-cell comparison that fails with the
// row and column that differ.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <random>
#include <string>

#include "huntdb/column/column.h"
#include "huntdb/types/dynamic.h"
#include "huntdb/types/format.h"

namespace huntdb::testing {

// Rows [begin, end) of a table, as one table.
inline Table rows_of(const Table& t, size_t begin, size_t end) {
  Table out;
  out.schema = t.schema;
  size_t at = 0;
  for (const auto& b : t.batches) {
    size_t lo = std::max(begin, at), hi = std::min(end, at + b.rows);
    if (lo < hi) {
      Batch s;
      s.rows = hi - lo;
      for (const auto& c : b.columns) s.columns.push_back(Column::slice(c, lo - at, hi - lo));
      out.batches.push_back(s);
    }
    at += b.rows;
  }
  return out;
}

inline TableSchema all_types_schema() {
  TableSchema s;
  s.columns = {{"TimeGenerated", ScalarType::DateTime}, {"B", ScalarType::Bool},    {"I", ScalarType::Int},
               {"L", ScalarType::Long},                 {"R", ScalarType::Real},    {"D", ScalarType::Decimal},
               {"Computer", ScalarType::String},        {"Text", ScalarType::String}, {"T", ScalarType::TimeSpan},
               {"G", ScalarType::Guid},                 {"Dyn", ScalarType::Dynamic}};
  return s;
}

inline DynamicPtr sample_dynamic(uint64_t i) {
  switch (i % 9) {
    case 0: return DynValue::of_long(static_cast<int64_t>(i) * -7);
    case 1: return DynValue::of_string(i % 2 ? "" : "text " + std::to_string(i));
    case 2: return DynValue::of_datetime(1'600'000'000LL * 10'000'000 + static_cast<int64_t>(i));
    case 3: return DynValue::of_timespan(static_cast<int64_t>(i) * 10'000);
    case 4: return DynValue::of_decimal(static_cast<double>(i) / 4);
    case 5: {
      Guid g;
      g.bytes[0] = static_cast<uint8_t>(i);
      return DynValue::of_guid(g);
    }
    case 6:
      return DynValue::of_object({{"a", DynValue::of_array({DynValue::of_bool(true), DynValue::null(), DynValue::of_real(1.5)})},
                                  {"b", DynValue::of_string("x\"y")}});
    case 7: return DynValue::null();  // a dynamic null value (not a missing cell)
    default: return DynValue::of_array({});
  }
}

// `rows` rows of every type; cells are null where (row + column) % null_every == 0.
inline Table all_types_table(size_t rows, size_t batch_rows = 1000, uint64_t seed = 1, size_t null_every = 7) {
  std::mt19937_64 rng(seed);
  Table t;
  t.schema = all_types_schema();
  for (size_t start = 0; start < rows; start += batch_rows) {
    size_t n = std::min(batch_rows, rows - start);
    std::vector<ColumnBuilder> b;
    for (const auto& c : t.schema.columns) b.emplace_back(c.type, n);
    for (size_t r = 0; r < n; ++r) {
      uint64_t row = start + r;
      auto null_at = [&](size_t col) { return null_every && (row + col) % null_every == 0; };
      auto put = [&](size_t col, auto&& append) {
        if (null_at(col))
          b[col].append_null();
        else
          append(b[col]);
      };
      put(0, [&](ColumnBuilder& x) { x.append_long(1'700'000'000LL * 10'000'000 + static_cast<int64_t>(row) * 10'000'000); });
      put(1, [&](ColumnBuilder& x) { x.append_bool(rng() % 2); });
      put(2, [&](ColumnBuilder& x) { x.append_int(static_cast<int32_t>(rng() % 5000) - 2500); });
      put(3, [&](ColumnBuilder& x) { x.append_long(static_cast<int64_t>(rng())); });
      put(4, [&](ColumnBuilder& x) { x.append_real(static_cast<double>(rng() % 100000) / 7.0); });
      put(5, [&](ColumnBuilder& x) { x.append_real(static_cast<double>(rng() % 1000) / 100.0); });
      // strings are never null in KQL: "null" strings are empty
      b[6].append_string(null_at(6) ? "" : "WKS" + std::to_string(rng() % 20) + ".contoso.local");
      b[7].append_string(null_at(7) ? "" : "cmd.exe /c run-" + std::to_string(row) + " ÄÖ \"quoted\"");
      put(8, [&](ColumnBuilder& x) { x.append_long(static_cast<int64_t>(rng() % 1'000'000'000)); });
      put(9, [&](ColumnBuilder& x) {
        Guid g;
        for (auto& byte : g.bytes) byte = static_cast<uint8_t>(rng());
        x.append_guid(g);
      });
      put(10, [&](ColumnBuilder& x) { x.append_dynamic(sample_dynamic(row)); });
    }
    Batch batch;
    batch.rows = n;
    for (auto& x : b) batch.columns.push_back(x.finish());
    t.batches.push_back(std::move(batch));
  }
  return t;
}

// The cell as text, telling null from an empty or null-valued dynamic.
inline std::string cell_text(const Column& c, size_t i) {
  if (c.type() == ScalarType::Dynamic) {
    const DynamicPtr& d = c.is_flat() ? c.dynamics()[i] : c.value_at(i).as_dynamic();
    if (!d) return "<missing>";
    return "dyn:" + std::to_string(static_cast<int>(d->kind())) + ":" + to_json(*d);
  }
  if (c.type() != ScalarType::String && c.is_null(i)) return "<null>";
  if (c.type() == ScalarType::Real || c.type() == ScalarType::Decimal) {
    Value v = c.value_at(i);
    double d = c.type() == ScalarType::Real ? v.as_real() : std::get<Decimal>(v.data).value;
    uint64_t bits;
    std::memcpy(&bits, &d, 8);
    return std::to_string(bits);  // exact
  }
  return format_value(c.value_at(i));
}

// Same schema (names, types) and the same cells in order, whatever the batching and encodings.
inline void expect_same_rows(const Table& want, const Table& got) {
  ASSERT_EQ(want.schema.columns.size(), got.schema.columns.size());
  for (size_t c = 0; c < want.schema.columns.size(); ++c) {
    EXPECT_EQ(want.schema.columns[c].name, got.schema.columns[c].name);
    EXPECT_EQ(want.schema.columns[c].type, got.schema.columns[c].type);
  }
  ASSERT_EQ(want.row_count(), got.row_count());
  for (size_t c = 0; c < want.schema.columns.size(); ++c) {
    size_t wb = 0, wi = 0, gb = 0, gi = 0;
    for (size_t row = 0; row < want.row_count(); ++row) {
      while (wi >= want.batches[wb].rows) ++wb, wi = 0;
      while (gi >= got.batches[gb].rows) ++gb, gi = 0;
      std::string a = cell_text(*want.batches[wb].columns[c], wi), b = cell_text(*got.batches[gb].columns[c], gi);
      if (a != b) {
        ADD_FAILURE() << "column " << want.schema.columns[c].name << " row " << row << ": want " << a << ", got " << b;
        return;
      }
      ++wi, ++gi;
    }
  }
}

}  // namespace huntdb::testing
