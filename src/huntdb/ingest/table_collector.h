// A BatchSink that keeps every batch in memory, table by table: for tests, benchmarks and
// commands that load files straight into an Engine (engine.add_table(name, table)).
#pragma once

#include <map>
#include <memory>
#include <string>

#include "huntdb/ingest/table_builder.h"

namespace huntdb::ingest {

class TableCollector {
 public:
  BatchSink sink() {
    return [this](const std::string& table, const TableSchema& schema, Batch batch) {
      auto& t = tables_[table];
      if (!t) {
        t = std::make_shared<Table>();
        t->schema = schema;
      }
      t->batches.push_back(std::move(batch));
    };
  }
  // The tables that received at least one batch, by name.
  const std::map<std::string, std::shared_ptr<Table>>& tables() const { return tables_; }
  TablePtr table(const std::string& name) const {
    auto it = tables_.find(name);
    return it == tables_.end() ? nullptr : it->second;
  }

 private:
  std::map<std::string, std::shared_ptr<Table>> tables_;
};

}  // namespace huntdb::ingest
