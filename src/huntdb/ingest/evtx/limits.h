// Bounds on the work one record may cause. BinXml lets a record reuse a value or a template any
// number of times and nest fragments inside values, so a hostile 64 KiB record could otherwise
// expand without end; these limits turn that into a reported problem. Real records stay far below
// them (the largest in the sample corpora renders to a few hundred nodes and ~64 KiB of text).
#pragma once

#include <cstdint>

namespace huntdb::ingest::evtx {

inline constexpr uint32_t kMaxNodesPerRecord = 1u << 20;
inline constexpr uint32_t kMaxTextPerRecord = 32u << 20;  // bytes of rendered text
// Steps (compiled tokens executed) a record may take: a base plus a share per byte of the record,
// since a bigger record may fairly hold bigger arrays; and a cap for a whole chunk so that a chunk
// of thousands of tiny hostile records cannot take minutes. Real records take a few hundred steps.
inline constexpr uint32_t kStepsPerRecordBase = 1u << 16;
inline constexpr uint32_t kStepsPerRecordByte = 32;
inline constexpr uint32_t kMaxStepsPerChunk = 1u << 24;
// Template definitions compiled per chunk, in bytes. Real templates are disjoint pieces of their
// chunk (at most 64 KiB together); only crafted records point many instances at overlapping
// definitions, which without a cap would recompile the chunk once per record.
inline constexpr uint32_t kMaxTemplateBytesPerChunk = 1u << 20;
inline constexpr int kMaxFragmentDepth = 16;  // templates and BinXml values inside values
inline constexpr int kMaxElementDepth = 256;  // open elements inside one fragment

}  // namespace huntdb::ingest::evtx
