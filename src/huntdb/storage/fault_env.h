// An in-memory filesystem for tests that behaves as a strict POSIX filesystem across a crash
// and injects failures on demand:
//   - crash_after(n): the n+1-th call from now fails and the "machine" is down (every later
//     call fails) until restart(), which drops what a power loss would drop: bytes not synced
//     and directory entries (creates, renames, removes) not made durable by sync_dir().
//   - fail_sync(n): the n+1-th sync()/sync_dir() from now fails (nothing is made durable).
//   - short_write(n): the n+1-th append from now writes half its bytes, then fails.
// It also counts bytes read (to prove a reader touches only what it needs) and calls made.
// Directories are plain prefixes; create_dirs is durable at once.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <set>

#include "huntdb/storage/env.h"

namespace huntdb::storage {

class FaultEnv final : public Env {
 public:
  FaultEnv();
  ~FaultEnv() override;

  std::unique_ptr<WritableFile> open_writable(const std::string& path) override;
  std::shared_ptr<const MappedFile> open_mapped(const std::string& path) override;
  std::string read_file(const std::string& path) override;
  bool exists(const std::string& path) override;
  void rename(const std::string& from, const std::string& to) override;
  void remove(const std::string& path) override;
  std::vector<std::string> list(const std::string& dir) override;
  void create_dirs(const std::string& dir) override;
  void sync_dir(const std::string& dir) override;

  // Fault injection (counts start at the call; -1 disarms).
  void crash_after(int64_t calls);
  void fail_sync(int64_t syncs);
  void short_write(int64_t appends);
  bool crashed() const;
  // Power comes back: the filesystem holds only what was durable; faults are disarmed.
  void restart();

  // Calls that change the filesystem or make it durable (opens, appends, syncs, closes,
  // renames, removes), counted since construction.
  int64_t mutating_calls() const;
  uint64_t bytes_read() const { return bytes_read_.load(); }
  void reset_bytes_read() { bytes_read_ = 0; }
  // The current (not necessarily durable) bytes of a file, for tests that corrupt files.
  std::string& raw_file(const std::string& path);

  struct Node {
    std::string data;
    size_t synced = 0;  // bytes of `data` that are durable
  };

 private:
  friend class FaultWritableFile;
  friend class FaultMappedFile;
  // Counts a mutating call and fails it if a crash is due. Caller holds mu_.
  void tick_locked(const std::string& what);
  void check_up_locked(const std::string& what) const;

  mutable std::mutex mu_;
  std::map<std::string, std::shared_ptr<Node>> live_;
  std::map<std::string, std::shared_ptr<Node>> durable_;
  std::set<std::string> dirs_;
  int64_t calls_ = 0;
  int64_t crash_at_ = -1;
  int64_t sync_fail_at_ = -1;
  int64_t short_write_at_ = -1;
  int64_t syncs_ = 0;
  int64_t appends_ = 0;
  bool crashed_ = false;
  uint64_t generation_ = 0;  // bumps at restart: files opened before it are dead
  std::atomic<uint64_t> bytes_read_{0};
};

}  // namespace huntdb::storage
