// A read-only memory map of a whole file. The EVTX and JSON-lines readers parse straight from the
// mapped bytes, so the file is never copied and only the pages actually touched are read from disk.
#pragma once

#include <cstdint>
#include <span>
#include <string>

namespace huntdb::ingest {

class MappedFile {
 public:
  MappedFile() = default;
  MappedFile(MappedFile&& o) noexcept { *this = std::move(o); }
  MappedFile& operator=(MappedFile&& o) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  // Maps `path`. On failure returns an empty map and sets `error` (with errno's text).
  static MappedFile open(const std::string& path, std::string& error);

  std::span<const uint8_t> bytes() const { return {data_, size_}; }

 private:
  const uint8_t* data_ = nullptr;
  size_t size_ = 0;
  bool mapped_ = false;
};

}  // namespace huntdb::ingest
