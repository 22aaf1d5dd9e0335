#include "huntdb/exec/thread_pool.h"

#include <atomic>

namespace huntdb::exec {

namespace {
// Set while a thread runs a task, so that a nested parallel_for runs inline instead of waiting
// for workers that are busy with the outer one.
thread_local bool in_task = false;
}  // namespace

struct ThreadPool::Job {
  size_t tasks = 0;
  const std::function<void(size_t, size_t)>* fn = nullptr;
  std::atomic<size_t> next{0};
  std::atomic<size_t> done{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex error_mu;
  std::condition_variable finished;
  std::mutex finished_mu;
  size_t active_workers = 0;  // guarded by the pool's mutex

  void run(size_t worker) {
    in_task = true;
    while (true) {
      size_t t = next.fetch_add(1);
      if (t >= tasks) break;
      if (!failed.load(std::memory_order_relaxed)) {
        try {
          (*fn)(t, worker);
        } catch (...) {
          std::lock_guard<std::mutex> lock(error_mu);
          if (!error) error = std::current_exception();
          failed = true;
        }
      }
      if (done.fetch_add(1) + 1 == tasks) {
        std::lock_guard<std::mutex> lock(finished_mu);
        finished.notify_all();
      }
    }
    in_task = false;
  }
};

ThreadPool::ThreadPool(size_t threads) {
  if (threads == 0) threads = std::max<size_t>(1, std::thread::hardware_concurrency());
  for (size_t i = 1; i < threads; ++i) workers_.emplace_back([this, i] { work(i); });
}

ThreadPool::~ThreadPool() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  wake_.notify_all();
  for (auto& t : workers_) t.join();
}

ThreadPool& ThreadPool::shared() {
  static ThreadPool pool;
  return pool;
}

void ThreadPool::work(size_t worker) {
  size_t seen = 0;
  while (true) {
    Job* job;
    {
      std::unique_lock<std::mutex> lock(mu_);
      wake_.wait(lock, [&] { return stop_ || (job_ && generation_ != seen); });
      if (stop_) return;
      seen = generation_;
      job = job_;
      ++job->active_workers;
    }
    job->run(worker);
    {
      std::lock_guard<std::mutex> lock(mu_);
      --job->active_workers;
    }
    wake_.notify_all();
  }
}

void ThreadPool::parallel_for(size_t tasks, const std::function<void(size_t, size_t)>& fn) {
  if (tasks == 0) return;
  if (tasks == 1 || workers_.empty() || in_task) {
    bool outer = in_task;
    for (size_t t = 0; t < tasks; ++t) {
      in_task = true;
      try {
        fn(t, 0);
      } catch (...) {
        in_task = outer;
        throw;
      }
    }
    in_task = outer;
    return;
  }
  // One job at a time: concurrent queries take turns for the workers (each still runs its own
  // share on its calling thread).
  static std::mutex submit;
  std::lock_guard<std::mutex> one_job(submit);
  Job job;
  job.tasks = tasks;
  job.fn = &fn;
  {
    std::lock_guard<std::mutex> lock(mu_);
    job_ = &job;
    ++generation_;
  }
  wake_.notify_all();
  job.run(0);
  {
    std::unique_lock<std::mutex> lock(job.finished_mu);
    job.finished.wait(lock, [&] { return job.done.load() >= tasks; });
  }
  {
    // Wait until no worker still holds the job before it goes out of scope.
    std::unique_lock<std::mutex> lock(mu_);
    job_ = nullptr;
    wake_.wait(lock, [&] { return job.active_workers == 0; });
  }
  if (job.error) std::rethrow_exception(job.error);
}

}  // namespace huntdb::exec
