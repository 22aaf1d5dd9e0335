// kill -9 at random moments (tests/storage/crash_child.cpp appends in a loop on the real
// filesystem): after each kill the workspace opens, every batch the child reported committed is
// there, whole and once, in order, and at most the one batch in flight besides. The number of
// kills is 50 (about 15 s); HUNTDB_STORAGE_KILLS changes it.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <thread>

#include "huntdb/storage/workspace.h"

namespace huntdb::storage {
namespace {

constexpr int64_t kRows = 1000;

// Starts the child with its stdout on a pipe; returns its pid and the pipe's read end.
pid_t start_child(const std::string& dir, int* out_fd) {
  int fds[2];
  if (::pipe(fds) != 0) return -1;
  pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(fds[1], 1);
    ::close(fds[0]);
    ::close(fds[1]);
    ::execl(STORAGE_CRASH_CHILD, STORAGE_CRASH_CHILD, dir.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(fds[1]);
  *out_fd = fds[0];
  return pid;
}

// The highest batch number in "committed N" lines of the child's output (-1 if none).
int64_t last_committed(const std::string& output) {
  int64_t last = -1;
  size_t at = 0;
  while ((at = output.find("committed ", at)) != std::string::npos) {
    at += 10;
    size_t end = output.find('\n', at);
    if (end == std::string::npos) break;  // a line cut short is not a report
    last = std::max<int64_t>(last, std::atoll(output.substr(at, end - at).c_str()));
  }
  return last;
}

TEST(StorageKill, SigkillAtRandomMoments) {
  int kills = 50;
  if (const char* n = std::getenv("HUNTDB_STORAGE_KILLS")) kills = std::max(1, std::atoi(n));
  std::string dir = ::testing::TempDir() + "huntdb_kill_" + std::to_string(::getpid());
  std::filesystem::remove_all(dir);
  std::mt19937 rng(std::random_device{}());
  int64_t committed = -1;
  for (int k = 0; k < kills; ++k) {
    int fd = -1;
    pid_t pid = start_child(dir, &fd);
    ASSERT_GT(pid, 0);
    // Let it run a random while, reading what it reports meanwhile.
    std::string output;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(50 + rng() % 400);
    ::fcntl(fd, F_SETFL, O_NONBLOCK);
    char buf[4096];
    while (std::chrono::steady_clock::now() < deadline) {
      ssize_t n = ::read(fd, buf, sizeof buf);
      if (n > 0)
        output.append(buf, static_cast<size_t>(n));
      else
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    ::fcntl(fd, F_SETFL, 0);
    for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) output.append(buf, static_cast<size_t>(n));
    ::close(fd);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the child ended by itself: " << output;
    committed = std::max(committed, last_committed(output));

    auto ws = Workspace::open(dir);
    auto snap = ws->snapshot();
    const TableSnapshot* t = snap->find("T");
    if (!t) {
      ASSERT_EQ(committed, -1) << "kill " << k << ": the table vanished";
      continue;
    }
    std::vector<std::string> cols = {"Seq"};
    Table got = t->read(cols);
    int64_t rows = static_cast<int64_t>(got.row_count());
    ASSERT_EQ(rows % kRows, 0) << "kill " << k << ": a partial batch is visible";
    int64_t batches = rows / kRows;
    ASSERT_GE(batches, committed + 1) << "kill " << k << ": a committed batch was lost";
    ASSERT_LE(batches, committed + 2) << "kill " << k << ": more batches than were written";
    int64_t expect = 0;
    for (const auto& b : got.batches)
      for (int64_t v : b.columns[0]->longs()) ASSERT_EQ(v, expect++) << "kill " << k << ": rows out of order or twice";
    committed = batches - 1;  // an unreported batch that made it is part of the history now
    // Nothing left behind that the manifest does not list.
    size_t files = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir + "/extents")) files += e.is_regular_file() ? 1 : 0;
    EXPECT_EQ(files, t->extents.size());
  }
  EXPECT_GE(committed, 0) << "the child never committed a batch";
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace huntdb::storage
