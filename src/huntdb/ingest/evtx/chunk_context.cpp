#include "huntdb/ingest/evtx/chunk_context.h"

#include "huntdb/ingest/evtx/binxml_compiler.h"
#include "huntdb/ingest/evtx/bytes.h"
#include "huntdb/ingest/evtx/limits.h"
#include "huntdb/ingest/evtx/utf16.h"

namespace huntdb::ingest::evtx {

void ChunkContext::reset(const uint8_t* data, uint32_t size) {
  data_ = data;
  size_ = size;
  name_pool_.clear();
  names_.clear();
  template_index_.clear();
  templates_.clear();
  template_ops_.clear();
  template_bytes_ = 0;
}

bool ChunkContext::name_at(uint32_t offset, NameRef& out) {
  if (auto it = names_.find(offset); it != names_.end()) {
    out = it->second;
    return true;
  }
  // next-offset (4), hash (2), character count (2), characters; the NUL after them is not needed.
  if (offset > size_ || size_ - offset < 8) return false;
  uint32_t chars = le16(data_ + offset + 6);
  if (size_ - offset - 8 < 2 * chars) return false;
  NameRef r{static_cast<uint32_t>(name_pool_.size()), 0};
  append_utf16le(data_ + offset + 8, chars, name_pool_, /*stop_at_nul=*/false);
  r.len = static_cast<uint32_t>(name_pool_.size()) - r.off;
  names_.emplace(offset, r);
  out = r;
  return true;
}

NameRef ChunkContext::add_text(uint32_t offset, uint32_t units) {
  NameRef r{static_cast<uint32_t>(name_pool_.size()), 0};
  append_utf16le(data_ + offset, units, name_pool_, /*stop_at_nul=*/false);
  r.len = static_cast<uint32_t>(name_pool_.size()) - r.off;
  return r;
}

int ChunkContext::template_at(uint32_t offset, std::string& error, uint32_t& error_offset) {
  auto [it, inserted] = template_index_.try_emplace(offset, static_cast<uint32_t>(templates_.size()));
  if (inserted) {
    templates_.emplace_back();
    CompiledTemplate t;
    t.begin = static_cast<uint32_t>(template_ops_.size());
    // Definition: next-template offset (4), GUID (16), data size (4), then the BinXml fragment.
    if (offset > size_ || size_ - offset < 24) {
      t.error = "definition is outside the chunk";
      t.error_offset = offset;
    } else {
      uint32_t data_size = le32(data_ + offset + 20);
      uint32_t begin = offset + 24;
      uint64_t end = static_cast<uint64_t>(begin) + data_size;
      CompileError err;
      if (end > size_) {
        t.error = "definition runs past the end of the chunk";
        t.error_offset = offset;
      } else if ((template_bytes_ += data_size) > kMaxTemplateBytesPerChunk) {
        t.error = "template definitions in this chunk overlap far beyond what a real log holds";
        t.error_offset = offset;
      } else if (!compile_binxml(*this, begin, static_cast<uint32_t>(end), /*in_template=*/true, template_ops_, nullptr,
                                 err)) {
        t.error = std::move(err.reason);
        t.error_offset = err.offset;
      } else {
        t.ok = true;
      }
    }
    if (!t.ok) template_ops_.resize(t.begin);  // a failed template leaves no ops behind
    t.end = static_cast<uint32_t>(template_ops_.size());
    templates_[it->second] = std::move(t);
  }
  const CompiledTemplate& t = templates_[it->second];
  if (!t.ok) {
    error = t.error;
    error_offset = t.error_offset;
    return -1;
  }
  return static_cast<int>(it->second);
}

}  // namespace huntdb::ingest::evtx
