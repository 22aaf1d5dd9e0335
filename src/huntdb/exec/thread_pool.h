// A fixed pool of worker threads for morsel parallelism: operators split their input into
// batches and the pool runs one task per batch on every core.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace huntdb::exec {

class ThreadPool {
 public:
  // threads == 0: one per hardware thread.
  explicit ThreadPool(size_t threads = 0);
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  size_t size() const { return workers_.size() + 1; }

  // Runs fn(task, worker) for task in [0, tasks) across the pool and the calling thread, and
  // returns when all are done. `worker` is in [0, size()) and unique among concurrent calls, so
  // it can index per-worker state. The first exception thrown by a task is rethrown here (the
  // remaining tasks are skipped). Nested calls run inline on the calling thread.
  void parallel_for(size_t tasks, const std::function<void(size_t task, size_t worker)>& fn);

  // The process-wide pool.
  static ThreadPool& shared();

 private:
  struct Job;
  void work(size_t worker);

  std::vector<std::thread> workers_;
  std::mutex mu_;
  std::condition_variable wake_;
  Job* job_ = nullptr;
  size_t generation_ = 0;
  bool stop_ = false;
};

}  // namespace huntdb::exec
