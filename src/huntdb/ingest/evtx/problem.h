// A problem found while reading an EVTX file: where (file and byte offset) and why. Reading never
// stops at the first problem; the reader collects them and goes on with whatever can still be read,
// so one damaged chunk costs its own records, not the file's.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace huntdb::ingest::evtx {

struct Problem {
  std::string file;     // path given to open(), or the name given to from_bytes()
  uint64_t offset = 0;  // byte offset in the file where the problem was found
  std::string reason;   // for people: what is wrong, and what the reader did about it
};

// "path @0x1200: reason"
std::string format_problem(const Problem& p);

// The problems of one file. A file of random bytes could yield a problem every few bytes; only the
// first kMaxKept are kept (with a count of the rest) so a hostile input cannot exhaust memory.
class ProblemList {
 public:
  static constexpr size_t kMaxKept = 1000;

  explicit ProblemList(std::string file = {}) : file_(std::move(file)) {}

  void add(uint64_t offset, std::string reason) {
    if (list_.size() < kMaxKept)
      list_.push_back(Problem{file_, offset, std::move(reason)});
    else
      ++dropped_;
  }
  const std::vector<Problem>& list() const { return list_; }
  size_t count() const { return list_.size() + dropped_; }  // including the ones not kept
  bool empty() const { return count() == 0; }
  const std::string& file() const { return file_; }

 private:
  std::string file_;
  std::vector<Problem> list_;
  size_t dropped_ = 0;
};

}  // namespace huntdb::ingest::evtx
