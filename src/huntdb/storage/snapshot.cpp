#include "huntdb/storage/snapshot.h"

#include "huntdb/storage/storage_error.h"

namespace huntdb::storage {

ExtentHandle::~ExtentHandle() {
  if (!obsolete_) return;
  reader_.reset();
  try {
    env_->remove(path_);
  } catch (const StorageError&) {
    // Left behind: the next open deletes files no manifest lists.
  }
}

std::shared_ptr<const ExtentReader> ExtentHandle::reader() const {
  std::lock_guard lock(mu_);
  if (!reader_) reader_ = ExtentReader::open(*env_, path_);
  return reader_;
}

std::vector<Batch> ExtentHandle::read(std::span<const ColumnSchema> columns, size_t batch_rows) const {
  return reader()->read_batches(columns, batch_rows);
}

uint64_t TableSnapshot::rows() const {
  uint64_t n = 0;
  for (const auto& e : extents) n += e->info().rows;
  return n;
}

std::vector<ExtentInfo> TableSnapshot::extent_infos() const {
  std::vector<ExtentInfo> out;
  for (const auto& e : extents) out.push_back(e->info());
  return out;
}

Table TableSnapshot::read(std::span<const std::string> columns) const {
  Table t;
  if (columns.empty()) {
    t.schema = schema;
  } else {
    for (const auto& name : columns) {
      const ColumnSchema* c = schema.find(name);
      if (!c) throw StorageError("table " + this->name + " has no column " + name);
      t.schema.columns.push_back(*c);
    }
  }
  for (const auto& e : extents) {
    auto batches = e->read(t.schema.columns);
    for (auto& b : batches) t.batches.push_back(std::move(b));
  }
  return t;
}

const TableSnapshot* Snapshot::find(std::string_view name) const {
  for (const auto& t : tables)
    if (t.name == name) return &t;
  return nullptr;
}

}  // namespace huntdb::storage
