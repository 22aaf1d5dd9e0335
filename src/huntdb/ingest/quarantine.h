// Input records that could not be mapped: where they are (file and byte offset, plus the line for
// text formats) and why. Ingestion never stops a file for one bad record; it sets the record aside
// here and goes on with the next.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace huntdb::ingest {

struct QuarantinedRecord {
  std::string file;
  uint64_t offset = 0;  // byte offset of the record in the file
  uint64_t line = 0;    // 1-based line for text formats; 0 for binary formats
  std::string reason;
};

// "file:line: reason" for text formats, "file @0x1a00: reason" for binary ones.
std::string format_quarantined(const QuarantinedRecord& r);

// A bounded list: a file of garbage could yield a record per line, so only the first kMaxKept are
// kept (with a count of the rest).
class Quarantine {
 public:
  static constexpr size_t kMaxKept = 10000;

  void add(std::string file, uint64_t offset, uint64_t line, std::string reason) {
    if (kept_.size() < kMaxKept)
      kept_.push_back({std::move(file), offset, line, std::move(reason)});
    else
      ++dropped_;
  }
  // Adds the records another list holds (and its count of those it dropped), emptying it.
  void absorb(Quarantine&& other) {
    for (auto& r : other.kept_) add(std::move(r.file), r.offset, r.line, std::move(r.reason));
    dropped_ += other.dropped_;
    other = Quarantine();
  }
  const std::vector<QuarantinedRecord>& records() const { return kept_; }
  size_t count() const { return kept_.size() + dropped_; }
  bool empty() const { return count() == 0; }

 private:
  std::vector<QuarantinedRecord> kept_;
  size_t dropped_ = 0;
};

}  // namespace huntdb::ingest
