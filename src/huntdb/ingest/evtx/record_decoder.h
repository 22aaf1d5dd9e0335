// Decodes the BinXml of one event record into an Event: compiles the record's fragment (its
// template definition comes from, or goes into, the chunk context), renders it and indexes the
// result. Holds the per-record scratch vectors so that decoding allocates nothing once warm.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "huntdb/ingest/evtx/binxml.h"
#include "huntdb/ingest/evtx/chunk_context.h"
#include "huntdb/ingest/evtx/event.h"
#include "huntdb/ingest/evtx/event_builder.h"

namespace huntdb::ingest::evtx {

struct RecordHeaderFields {
  uint64_t record_id = 0;
  uint64_t written_filetime = 0;
  uint64_t file_offset = 0;  // of the record
};

class RecordDecoder {
 public:
  // Decodes chunk bytes [begin, end) (the record's BinXml) into `out`, in at most `steps`
  // rendering steps (see limits.h). On failure returns false; error() and error_offset()
  // (chunk-relative) say what and where.
  bool decode(ChunkContext& ctx, uint32_t begin, uint32_t end, const RecordHeaderFields& header, uint32_t steps,
              Event& out);
  uint32_t steps_used() const { return steps_used_; }

  const std::string& error() const { return error_; }
  uint32_t error_offset() const { return error_offset_; }

 private:
  std::vector<Op> ops_;
  std::vector<SubValue> values_;
  EventBuilder builder_;
  std::string error_;
  uint32_t error_offset_ = 0;
  uint32_t steps_used_ = 0;
};

}  // namespace huntdb::ingest::evtx
