// Shared by the ingest tests: paths of the sample logs in ../shared/data, mapping files into an
// Engine, and query results as text.
#pragma once

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "huntdb/engine.h"
#include "huntdb/ingest/table_collector.h"
#include "huntdb/ingest/table_mapper.h"
#include "huntdb/types/format.h"

namespace huntdb::ingest::testing {

inline std::string data_path(const std::string& relative) {
  return (std::filesystem::path(HUNTDB_SHARED_DIR) / "data" / relative).string();
}

inline bool have_data() { return std::filesystem::is_directory(data_path("")); }

// The files mapped into tables, plus the quarantine.
struct Loaded {
  TableCollector tables;
  Quarantine quarantine;
  std::vector<IngestFileResult> results;
};

inline Loaded load_files(const std::vector<std::string>& paths, MappingOptions options = {}) {
  Loaded l;
  TableMapper mapper(l.tables.sink(), options);
  for (const auto& p : paths) l.results.push_back(ingest_file(p, mapper));
  mapper.finish();
  l.quarantine = mapper.quarantine();
  return l;
}

inline void add_tables(Engine& e, const Loaded& l) {
  for (const auto& [name, table] : l.tables.tables()) e.add_table(name, table);
}

// Rows of the first result table as text (tostring() of each cell).
inline std::vector<std::vector<std::string>> query_rows(const Engine& e, const std::string& q) {
  QueryResult r = e.run(q);
  std::vector<std::vector<std::string>> rows;
  if (!r.ok()) {
    ADD_FAILURE() << "query failed: " << q << "\n" << (r.errors.empty() ? "" : r.errors[0].message);
    return rows;
  }
  const Table& t = *r.tables[0].table;
  for (const auto& b : t.batches)
    for (size_t i = 0; i < b.rows; ++i) {
      std::vector<std::string> row;
      for (const auto& c : b.columns) row.push_back(format_value(c->value_at(i)));
      rows.push_back(std::move(row));
    }
  return rows;
}

// The single row a query gives, column name -> tostring() of the cell; empty (and a failure) when
// the query gives no row or more than one.
inline std::map<std::string, std::string> single_row(const Engine& e, const std::string& q) {
  QueryResult r = e.run(q);
  std::map<std::string, std::string> row;
  if (!r.ok()) {
    ADD_FAILURE() << "query failed: " << q << "\n" << (r.errors.empty() ? "" : r.errors[0].message);
    return row;
  }
  const Table& t = *r.tables[0].table;
  if (t.row_count() != 1) {
    ADD_FAILURE() << q << ": " << t.row_count() << " rows, expected 1";
    return row;
  }
  for (const auto& b : t.batches)
    if (b.rows == 1)
      for (size_t c = 0; c < b.columns.size(); ++c) row[t.schema.columns[c].name] = format_value(b.columns[c]->value_at(0));
  return row;
}

inline std::string write_temp(const std::string& name, const std::string& bytes) {
  std::string path = ::testing::TempDir() + name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

}  // namespace huntdb::ingest::testing
