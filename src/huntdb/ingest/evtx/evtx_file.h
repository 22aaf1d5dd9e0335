// An EVTX file opened for reading: the mapped bytes and the path they came from. Opening never
// throws; a file that cannot be opened reads as empty with one problem. Records are read with a
// RecordReader (record_reader.h) or, in one call, with for_each_record():
//
//   auto file = EvtxFile::open(path);
//   auto problems = for_each_record(file, [&](const Event& e) { ... });
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "huntdb/ingest/mapped_file.h"

namespace huntdb::ingest::evtx {

class EvtxFile {
 public:
  // Maps the file at `path`.
  static EvtxFile open(const std::string& path);
  // Reads bytes the caller keeps alive (tests, data already in memory). `name` labels problems.
  static EvtxFile from_bytes(std::span<const uint8_t> bytes, std::string name);

  const std::string& path() const { return path_; }
  std::span<const uint8_t> bytes() const { return bytes_; }
  // Why open() failed; empty when it did not.
  const std::string& open_error() const { return open_error_; }

 private:
  std::string path_;
  MappedFile map_;
  std::span<const uint8_t> bytes_;
  std::string open_error_;
};

}  // namespace huntdb::ingest::evtx
