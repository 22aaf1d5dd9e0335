// The filesystem as storage sees it: the few calls extents and the manifest need, behind one
// interface so that tests can substitute an in-memory filesystem that injects failures (short
// writes, fsync errors, a crash between any two calls), as LevelDB's Env does. Every call
// reports failure by throwing StorageError.
//
// Durability contract (what a real POSIX filesystem promises and what FaultEnv simulates):
// a file's bytes survive a crash only up to its last sync(); a directory entry (a created,
// renamed or removed name) survives only once sync_dir() of its directory returned.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "huntdb/storage/storage_error.h"

namespace huntdb::storage {

// A file being written from start to end.
class WritableFile {
 public:
  virtual ~WritableFile() = default;
  virtual void append(std::string_view data) = 0;
  // Makes the bytes appended so far durable (fsync).
  virtual void sync() = 0;
  virtual void close() = 0;
};

// A file read in place: a read returns a view into the file's mapping (mmap for the POSIX
// filesystem), valid as long as this object lives. Reads past the end throw.
class MappedFile {
 public:
  virtual ~MappedFile() = default;
  virtual uint64_t size() const = 0;
  virtual std::span<const uint8_t> read(uint64_t offset, uint64_t length) const = 0;
};

class Env {
 public:
  virtual ~Env() = default;

  // Creates (or truncates) a file for writing.
  virtual std::unique_ptr<WritableFile> open_writable(const std::string& path) = 0;
  // Maps an existing file for reading.
  virtual std::shared_ptr<const MappedFile> open_mapped(const std::string& path) = 0;
  // The whole file's bytes (small files: the manifest).
  virtual std::string read_file(const std::string& path) = 0;
  virtual bool exists(const std::string& path) = 0;
  // Atomically replaces `to` by `from` (POSIX rename).
  virtual void rename(const std::string& from, const std::string& to) = 0;
  virtual void remove(const std::string& path) = 0;
  // Names (not paths) of the entries of a directory, in no particular order.
  virtual std::vector<std::string> list(const std::string& dir) = 0;
  // Creates a directory and its parents if missing.
  virtual void create_dirs(const std::string& dir) = 0;
  // Makes the directory's entries durable (fsync of the directory).
  virtual void sync_dir(const std::string& dir) = 0;
};

// The real filesystem (POSIX calls, mmap for reads). One shared instance.
Env& posix_env();

// Joins a directory and a name with one '/'.
std::string join_path(std::string_view dir, std::string_view name);

}  // namespace huntdb::storage
