#include "huntdb/ingest/workspace_loader.h"

namespace huntdb::ingest {

WorkspaceLoader::WorkspaceLoader(storage::Workspace& workspace, MappingOptions mapping, LoaderOptions options)
    : workspace_(workspace),
      options_(std::move(options)),
      mapper_(
          [this](const std::string& table, const TableSchema& schema, Batch batch) {
            Table& t = pending_[table];
            t.schema = schema;
            t.batches.push_back(std::move(batch));
          },
          mapping),
      publisher_([this] { publish_loop(); }) {}

WorkspaceLoader::~WorkspaceLoader() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
    queue_.clear();
  }
  changed_.notify_all();
  publisher_.join();
}

IngestFileResult WorkspaceLoader::load(const std::string& path) {
  rethrow_error();
  IngestFileResult r = ingest_file(path, mapper_);
  // A file's last partial batches go with it: a publication never holds part of a file's tail
  // that a later publication would complete.
  mapper_.finish();
  hand_over(options_.publish_rows);
  return r;
}

void WorkspaceLoader::finish() {
  mapper_.finish();
  hand_over(1);
  std::unique_lock lock(mu_);
  changed_.wait(lock, [&] { return (queue_.empty() && !writing_) || error_; });
  lock.unlock();
  rethrow_error();
}

std::map<std::string, uint64_t> WorkspaceLoader::published_rows() const {
  std::lock_guard lock(mu_);
  return published_;
}

void WorkspaceLoader::hand_over(size_t min_rows) {
  // Each table goes once it has `min_rows` rows of its own, so that what a publication writes is
  // an extent the merge policy leaves alone (a table's share of a publication counted over every
  // table would be a small extent, merged and so written twice).
  Publication ready;
  for (auto it = pending_.begin(); it != pending_.end();) {
    if (it->second.row_count() >= min_rows) {
      ready.insert(pending_.extract(it++));
    } else {
      ++it;
    }
  }
  if (ready.empty()) return;
  std::unique_lock lock(mu_);
  // One publication waits at most: mapping pauses while the writer is behind.
  changed_.wait(lock, [&] { return queue_.empty() || error_; });
  if (error_) {
    lock.unlock();
    rethrow_error();
  }
  queue_.push_back(std::move(ready));
  lock.unlock();
  changed_.notify_all();
}

void WorkspaceLoader::publish_loop() {
  std::unique_lock lock(mu_);
  for (;;) {
    changed_.wait(lock, [&] { return stop_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopped
    Publication p = std::move(queue_.front());
    queue_.pop_front();
    writing_ = true;
    lock.unlock();
    changed_.notify_all();
    std::exception_ptr error;
    try {
      for (auto& [table, rows] : p) {
        workspace_.create_merge_table(table, rows.schema);
        workspace_.append(table, rows);
        uint64_t n = rows.row_count();
        {
          std::lock_guard published(mu_);
          published_[table] += n;
        }
        // Said only once the rows are durable (the append returned after the manifest swap).
        if (options_.on_published) options_.on_published(table, n);
      }
    } catch (...) {
      error = std::current_exception();
    }
    lock.lock();
    writing_ = false;
    if (error) {
      error_ = error;
      queue_.clear();
    }
    changed_.notify_all();
  }
}

void WorkspaceLoader::rethrow_error() {
  std::lock_guard lock(mu_);
  if (error_) std::rethrow_exception(error_);
}

}  // namespace huntdb::ingest
