#include "huntdb/ingest/evtx/record_decoder.h"

#include "huntdb/ingest/evtx/binxml_compiler.h"
#include "huntdb/ingest/evtx/binxml_renderer.h"

namespace huntdb::ingest::evtx {

bool RecordDecoder::decode(ChunkContext& ctx, uint32_t begin, uint32_t end, const RecordHeaderFields& header,
                           uint32_t steps, Event& out) {
  ops_.clear();
  values_.clear();
  error_.clear();
  steps_used_ = 0;
  builder_.reset(out, header.record_id, header.written_filetime, header.file_offset);

  CompileError err;
  if (!compile_binxml(ctx, begin, end, /*in_template=*/false, ops_, &values_, err)) {
    error_ = std::move(err.reason);
    error_offset_ = err.offset;
    return false;
  }
  Renderer renderer(ctx, ops_, values_, builder_);
  const bool rendered = renderer.render(0, static_cast<uint32_t>(ops_.size()), steps);
  steps_used_ = renderer.steps_used();
  if (!rendered) {
    error_ = renderer.error();
    error_offset_ = renderer.error_offset() != 0 ? renderer.error_offset() : begin;
    return false;
  }
  if (!builder_.finish()) {
    error_ = builder_.error();
    error_offset_ = begin;
    return false;
  }
  if (out.root() == kNoNode) {
    error_ = "record holds no XML element";
    error_offset_ = begin;
    return false;
  }
  return true;
}

}  // namespace huntdb::ingest::evtx
