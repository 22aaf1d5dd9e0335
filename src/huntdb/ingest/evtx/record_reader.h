// Walks an EVTX file chunk by chunk and record by record, yielding every record that can be
// decoded and collecting a Problem for everything that cannot (bad checksums, broken record
// framing, undecodable BinXml, truncation). It never throws and always terminates: every step
// moves forward through the file, and each record's decoding work is bounded (limits.h).
#pragma once

#include <cstdint>
#include <string>
#include <utility>

#include "huntdb/ingest/evtx/chunk_context.h"
#include "huntdb/ingest/evtx/chunk_header.h"
#include "huntdb/ingest/evtx/event.h"
#include "huntdb/ingest/evtx/evtx_file.h"
#include "huntdb/ingest/evtx/file_header.h"
#include "huntdb/ingest/evtx/problem.h"
#include "huntdb/ingest/evtx/record_decoder.h"

namespace huntdb::ingest::evtx {

struct ReadStats {
  uint64_t chunks = 0;         // chunks with a valid signature that were read
  uint64_t records = 0;        // records yielded
  uint64_t bad_records = 0;    // records found but not decodable (each has a problem)
  uint64_t bad_checksums = 0;  // chunk header or record-data checksums that did not match
};

class RecordReader {
 public:
  // The file must outlive the reader.
  explicit RecordReader(const EvtxFile& file);

  // The next record, or nullptr when the file is done. The Event is reused by the next call;
  // copy it to keep it.
  const Event* next();

  const FileHeader& header() const { return header_; }
  const ProblemList& problems() const { return problems_; }
  ProblemList take_problems() { return std::move(problems_); }
  const ReadStats& stats() const { return stats_; }

 private:
  bool open_next_chunk();
  // Looks for the next plausible record header in the current chunk at or after `from`.
  void resync(uint32_t from);
  void problem_in_chunk(uint32_t chunk_offset, std::string reason);

  std::span<const uint8_t> file_;
  FileHeader header_;
  ProblemList problems_;
  ReadStats stats_;

  uint64_t next_chunk_ = 0;
  uint64_t chunk_count_ = 0;     // chunks that fit (fully or partly) in the file
  uint64_t chunk_file_off_ = 0;  // of the current chunk
  const uint8_t* chunk_ = nullptr;
  uint32_t chunk_len_ = 0;
  uint32_t pos_ = 0;    // next record, chunk-relative
  uint32_t limit_ = 0;  // end of the record data
  bool in_chunk_ = false;
  uint32_t chunk_steps_left_ = 0;  // rendering steps left for this chunk (limits.h)

  ChunkContext ctx_;
  RecordDecoder decoder_;
  Event event_;
};

// Reads every record of `file`, calling fn(const Event&) for each, and returns the problems.
template <class Fn>
ProblemList for_each_record(const EvtxFile& file, Fn&& fn) {
  RecordReader reader(file);
  while (const Event* e = reader.next()) fn(*e);
  return reader.take_problems();
}

}  // namespace huntdb::ingest::evtx
