// Loads log files into a workspace with parsing and storing overlapped: files are read and mapped
// (on the calling thread with load(), on every core with load_files()) while another thread
// publishes the batches gathered so far (extent encoding, term indexes, zstd, fsync, manifest
// swap). Publications happen in order, one at a time; at most one more waits while one is
// written, so memory stays bounded.
//
//   WorkspaceLoader loader(*ws, mapping, {.publish_rows = 256 * 1024});
//   loader.load_files(files);   // may rethrow a StorageError of a publication
//   loader.finish();            // publishes the rest and waits for it
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "huntdb/ingest/table_mapper.h"
#include "huntdb/storage/workspace.h"

namespace huntdb::ingest {

struct LoaderOptions {
  // Rows of one table gathered before they are handed over to be published (made durable and
  // visible); the storage's merge policy leaves extents of this size alone.
  size_t publish_rows = 256 * 1024;
  // Threads load_files() maps files on (0: one per core).
  unsigned mapping_threads = 0;
  // Called on the publishing thread once `rows` rows of `table` are durable in the workspace.
  std::function<void(const std::string& table, uint64_t rows)> on_published;
};

class WorkspaceLoader {
 public:
  WorkspaceLoader(storage::Workspace& workspace, MappingOptions mapping = {}, LoaderOptions options = {});
  // Waits for the publication under way; what was not handed over is dropped.
  ~WorkspaceLoader();
  WorkspaceLoader(const WorkspaceLoader&) = delete;
  WorkspaceLoader& operator=(const WorkspaceLoader&) = delete;

  // Maps the files on several threads at once, each file whole on one of them, and returns their
  // results in the order given; `on_file` hears of each file as it is done (one call at a time).
  // A table's batches are handed over once it has publish_rows of them; quarantined records are
  // kept in the order of the files. Rethrows the error of an earlier publication (nothing is
  // published after one fails).
  std::vector<IngestFileResult> load_files(
      const std::vector<std::string>& paths,
      const std::function<void(size_t index, const IngestFileResult& result)>& on_file = {});
  // load_files() of one file.
  IngestFileResult load(const std::string& path);
  // Publishes the rest and waits until everything is durable; rethrows a publication's error.
  void finish();

  Quarantine& quarantine() { return quarantine_; }
  // Rows published per table (complete once finish() returned).
  std::map<std::string, uint64_t> published_rows() const;

 private:
  using Publication = std::map<std::string, Table>;
  // A mapper and the batches it gathered, not yet handed over.
  struct Mapping {
    Mapping(MappingOptions options);
    Publication pending;
    TableMapper mapper;
  };
  // Maps one file with `m`, then hands over what is ready.
  IngestFileResult load_with(Mapping& m, const std::string& path);
  // Hands the tables of `pending` with at least `min_rows` rows over to the publisher.
  void hand_over(Publication& pending, size_t min_rows);
  void publish_loop();
  void rethrow_error();

  storage::Workspace& workspace_;
  LoaderOptions options_;
  MappingOptions mapping_options_;
  Publication leftovers_;  // what the mappers gathered below a publication's size, for finish()
  Quarantine quarantine_;  // every file's rejected records, in the order of the files

  mutable std::mutex mu_;
  std::condition_variable changed_;
  std::deque<Publication> queue_;
  bool writing_ = false;  // a publication is being written
  bool stop_ = false;
  std::exception_ptr error_;
  std::map<std::string, uint64_t> published_;
  std::thread publisher_;
};

}  // namespace huntdb::ingest
