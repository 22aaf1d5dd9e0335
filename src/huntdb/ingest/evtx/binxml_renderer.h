// Executes compiled BinXml (binxml.h) into an EventBuilder: instantiates templates with their
// substitution values, renders nested BinXml values in place, repeats an element once per item of
// an array value, and applies Windows' rule for absent optional substitutions.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "huntdb/ingest/evtx/binxml.h"
#include "huntdb/ingest/evtx/chunk_context.h"
#include "huntdb/ingest/evtx/event_builder.h"

namespace huntdb::ingest::evtx {

class Renderer {
 public:
  // record_ops/values hold the record's compiled top-level fragment and its template values;
  // nested BinXml values are compiled into them on demand.
  Renderer(ChunkContext& ctx, std::vector<Op>& record_ops, std::vector<SubValue>& values, EventBuilder& out)
      : ctx_(ctx), record_ops_(record_ops), values_(values), out_(out) {}

  // Renders record_ops[begin, end) in at most `steps` steps. False on malformed input or when the
  // steps run out; error() says why, error_offset() where.
  bool render(uint32_t begin, uint32_t end, uint32_t steps);
  uint32_t steps_used() const { return steps_given_ - budget_; }
  const std::string& error() const { return error_; }
  uint32_t error_offset() const { return error_offset_; }

 private:
  struct Values {
    uint32_t begin = 0;
    uint32_t count = 0;
    bool has_array = false;
  };

  bool run(const std::vector<Op>& ops, uint32_t begin, uint32_t end, Values vals, int depth, uint32_t item,
           bool first_is_repeat);
  bool substitute(const Op& op, Values vals, int depth, uint32_t item);
  // For an element with substitutions among its direct children: the number of times to emit it
  // (the longest array value among them), or kNoArray when none of them is an array.
  static constexpr uint32_t kNoArray = 0xFFFFFFFF;
  uint32_t repeat_count(const std::vector<Op>& ops, uint32_t start, Values vals) const;
  bool fail(std::string why, uint32_t at);

  ChunkContext& ctx_;
  std::vector<Op>& record_ops_;
  std::vector<SubValue>& values_;
  EventBuilder& out_;
  uint32_t budget_ = 0;
  uint32_t steps_given_ = 0;
  std::string error_;
  uint32_t error_offset_ = 0;
};

}  // namespace huntdb::ingest::evtx
