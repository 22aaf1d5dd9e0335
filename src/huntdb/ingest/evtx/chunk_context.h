// Per-chunk state of the BinXml decoder: names and templates are stored once per chunk and
// referenced by chunk-relative offset from every record after, so both are decoded on first use
// and cached here until the reader moves to the next chunk.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <absl/container/flat_hash_map.h>

#include "huntdb/ingest/evtx/binxml.h"

namespace huntdb::ingest::evtx {

struct NameRef {
  uint32_t off = 0;  // in the name pool
  uint32_t len = 0;
};

struct CompiledTemplate {
  uint32_t begin = 0;  // op range in template_ops()
  uint32_t end = 0;
  bool ok = false;
  std::string error;  // why compiling failed
  uint32_t error_offset = 0;
};

class ChunkContext {
 public:
  // Starts a new chunk; `data` stays mapped for as long as the context is used.
  void reset(const uint8_t* data, uint32_t size);

  const uint8_t* data() const { return data_; }
  uint32_t size() const { return size_; }

  // The name stored at chunk offset `offset` (next-offset, hash, count, UTF-16, NUL). False when
  // the name does not fit in the chunk.
  bool name_at(uint32_t offset, NameRef& out);
  std::string_view name(uint32_t off, uint32_t len) const { return std::string_view(name_pool_).substr(off, len); }
  // Converts `units` UTF-16 code units at chunk offset `offset` (already checked to be inside the
  // chunk) into the name pool, for text that many records render the same.
  NameRef add_text(uint32_t offset, uint32_t units);

  // The template whose definition starts at chunk offset `offset`, compiled on first use. Returns
  // its index, or -1 when the definition cannot be read (the reason is in template_by_index()).
  int template_at(uint32_t offset, std::string& error, uint32_t& error_offset);
  const CompiledTemplate& template_by_index(uint32_t i) const { return templates_[i]; }
  const std::vector<Op>& template_ops() const { return template_ops_; }

  size_t template_count() const { return templates_.size(); }

 private:
  const uint8_t* data_ = nullptr;
  uint32_t size_ = 0;
  std::string name_pool_;
  absl::flat_hash_map<uint32_t, NameRef> names_;
  absl::flat_hash_map<uint32_t, uint32_t> template_index_;
  std::vector<CompiledTemplate> templates_;
  std::vector<Op> template_ops_;
  uint64_t template_bytes_ = 0;  // compiled so far in this chunk (limits.h)
};

}  // namespace huntdb::ingest::evtx
