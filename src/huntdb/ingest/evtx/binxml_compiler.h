// Reads BinXml tokens from a chunk and emits the compiled Ops (see binxml.h). The compiler checks
// every length and offset against the chunk and reports the first thing it cannot read; it never
// reads outside [begin, end) except for names and templates, which it looks up by offset anywhere
// in the chunk.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "huntdb/ingest/evtx/binxml.h"
#include "huntdb/ingest/evtx/chunk_context.h"

namespace huntdb::ingest::evtx {

struct CompileError {
  std::string reason;
  uint32_t offset = 0;  // chunk-relative
};

// Compiles the BinXml in chunk bytes [begin, end), appending to `ops`.
// - in_template: a template definition; substitutions are allowed, template instances are not.
// - otherwise: a record's event or a BinXml substitution value; template instances are allowed
//   (their definitions are compiled into the chunk context) and their values go to *values.
bool compile_binxml(ChunkContext& ctx, uint32_t begin, uint32_t end, bool in_template, std::vector<Op>& ops,
                    std::vector<SubValue>* values, CompileError& err);

}  // namespace huntdb::ingest::evtx
