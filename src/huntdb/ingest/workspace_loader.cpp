#include "huntdb/ingest/workspace_loader.h"

#include <algorithm>
#include <atomic>
#include <memory>

namespace huntdb::ingest {

WorkspaceLoader::Mapping::Mapping(MappingOptions options)
    : mapper(
          [this](const std::string& table, const TableSchema& schema, Batch batch) {
            Table& t = pending[table];
            t.schema = schema;
            t.batches.push_back(std::move(batch));
          },
          options) {}

WorkspaceLoader::WorkspaceLoader(storage::Workspace& workspace, MappingOptions mapping, LoaderOptions options)
    : workspace_(workspace),
      options_(std::move(options)),
      mapping_options_(mapping),
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

IngestFileResult WorkspaceLoader::load(const std::string& path) { return load_files({path}).front(); }

IngestFileResult WorkspaceLoader::load_with(Mapping& m, const std::string& path) {
  IngestFileResult r = ingest_file(path, m.mapper);
  // A file's last partial batches go with it: a publication never holds part of a file's tail
  // that a later publication would complete.
  m.mapper.finish();
  hand_over(m.pending, options_.publish_rows);
  return r;
}

std::vector<IngestFileResult> WorkspaceLoader::load_files(
    const std::vector<std::string>& paths, const std::function<void(size_t, const IngestFileResult&)>& on_file) {
  rethrow_error();
  if (paths.empty()) return {};
  std::vector<IngestFileResult> results(paths.size());
  std::vector<Quarantine> rejected(paths.size());
  unsigned threads = options_.mapping_threads ? options_.mapping_threads : std::thread::hardware_concurrency();
  threads = static_cast<unsigned>(std::clamp<size_t>(threads, 1, paths.size()));
  std::vector<std::unique_ptr<Mapping>> mappings;
  for (unsigned t = 0; t < threads; ++t) mappings.push_back(std::make_unique<Mapping>(mapping_options_));
  std::atomic<size_t> next{0};
  std::mutex done_mu;
  std::exception_ptr failure;
  auto work = [&](Mapping& m) {
    for (size_t i; (i = next.fetch_add(1)) < paths.size();) {
      try {
        results[i] = load_with(m, paths[i]);
      } catch (...) {
        std::lock_guard lock(done_mu);
        if (!failure) failure = std::current_exception();
        next = paths.size();
        return;
      }
      rejected[i] = std::exchange(m.mapper.quarantine(), Quarantine());
      if (on_file) {
        std::lock_guard lock(done_mu);
        on_file(i, results[i]);
      }
    }
  };
  std::vector<std::thread> workers;
  for (unsigned t = 1; t < threads; ++t) workers.emplace_back(work, std::ref(*mappings[t]));
  work(*mappings[0]);
  for (auto& w : workers) w.join();
  if (failure) std::rethrow_exception(failure);
  // What each mapper gathered below the publication size waits with load()'s for finish().
  for (auto& m : mappings)
    for (auto& [name, table] : m->pending) {
      Table& into = leftovers_[name];
      into.schema = table.schema;
      for (auto& b : table.batches) into.batches.push_back(std::move(b));
    }
  for (auto& q : rejected) quarantine_.absorb(std::move(q));
  return results;
}

void WorkspaceLoader::finish() {
  hand_over(leftovers_, 1);
  std::unique_lock lock(mu_);
  changed_.wait(lock, [&] { return (queue_.empty() && !writing_) || error_; });
  lock.unlock();
  rethrow_error();
}

std::map<std::string, uint64_t> WorkspaceLoader::published_rows() const {
  std::lock_guard lock(mu_);
  return published_;
}

void WorkspaceLoader::hand_over(Publication& pending, size_t min_rows) {
  // Each table goes once it has `min_rows` rows of its own, so that what a publication writes is
  // an extent the merge policy leaves alone (a table's share of a publication counted over every
  // table would be a small extent, merged and so written twice).
  Publication ready;
  for (auto it = pending.begin(); it != pending.end();) {
    if (it->second.row_count() >= min_rows) {
      ready.insert(pending.extract(it++));
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
