#include "huntdb/ingest/evtx/record_reader.h"

#include <algorithm>

#include <fmt/format.h>

#include "huntdb/ingest/evtx/bytes.h"
#include "huntdb/ingest/evtx/limits.h"

namespace huntdb::ingest::evtx {
namespace {

constexpr uint32_t kRecordSignature = 0x00002a2a;           // "**\0\0"
constexpr uint32_t kRecordHeaderSize = 24;                  // signature, size, id, written time
constexpr uint32_t kRecordMinSize = kRecordHeaderSize + 4;  // + the trailing copy of the size

bool all_zero(const uint8_t* p, size_t n) {
  return std::all_of(p, p + n, [](uint8_t b) { return b == 0; });
}

}  // namespace

RecordReader::RecordReader(const EvtxFile& file) : file_(file.bytes()), problems_(file.path()) {
  if (!file.open_error().empty()) {
    problems_.add(0, file.open_error());
    return;
  }
  header_ = parse_file_header(file_, problems_);
  if (file_.size() > kFileHeaderSize) chunk_count_ = (file_.size() - kFileHeaderSize + kChunkSize - 1) / kChunkSize;
  if (header_.signature_ok && header_.chunk_count > chunk_count_)
    problems_.add(file_.size(), fmt::format("the header announces {} chunks but the file holds {}; it was cut short",
                                            header_.chunk_count, chunk_count_));
}

void RecordReader::problem_in_chunk(uint32_t chunk_offset, std::string reason) {
  problems_.add(chunk_file_off_ + chunk_offset, std::move(reason));
}

bool RecordReader::open_next_chunk() {
  // The header's chunk count is advisory: a file that was not closed cleanly ("dirty") can hold
  // more chunks than it says, and Event Viewer reads them too. So every chunk-sized slot is
  // examined; an empty slot past the header's count is normal (preallocated space) and silent.
  const uint64_t expected = header_.signature_ok ? header_.chunk_count : 0;
  while (next_chunk_ < chunk_count_) {
    const uint64_t index = next_chunk_++;
    chunk_file_off_ = kFileHeaderSize + index * kChunkSize;
    chunk_ = file_.data() + chunk_file_off_;
    chunk_len_ = static_cast<uint32_t>(std::min<uint64_t>(kChunkSize, file_.size() - chunk_file_off_));
    std::span<const uint8_t> chunk(chunk_, chunk_len_);

    if (!has_chunk_signature(chunk)) {
      if (index < expected)
        problem_in_chunk(0, fmt::format("chunk {} has no \"ElfChnk\" signature; its records are lost", index));
      continue;
    }
    if (chunk_len_ < kChunkHeaderSize) {
      problem_in_chunk(0, fmt::format("chunk {} is cut off inside its header ({} bytes)", index, chunk_len_));
      continue;
    }
    ChunkHeader h = parse_chunk_header(chunk);
    ++stats_.chunks;
    if (!h.header_checksum_ok) {
      ++stats_.bad_checksums;
      problem_in_chunk(124, fmt::format("chunk {} header checksum does not match; reading on", index));
    }
    if (chunk_len_ < kChunkSize)
      problem_in_chunk(
          0, fmt::format("chunk {} is cut off after {} bytes; reading the records that fit", index, chunk_len_));
    if (!h.free_space_ok) {
      if (h.free_space_offset < kChunkHeaderSize || h.free_space_offset > kChunkSize)
        problem_in_chunk(48, fmt::format("chunk {} free-space offset 0x{:x} is impossible; reading to the chunk end",
                                         index, h.free_space_offset));
      limit_ = chunk_len_;
    } else {
      limit_ = h.free_space_offset;
      if (!h.data_checksum_ok) {
        ++stats_.bad_checksums;
        problem_in_chunk(52, fmt::format("chunk {} record data checksum does not match; reading on", index));
      }
    }
    ctx_.reset(chunk_, chunk_len_);
    chunk_steps_left_ = kMaxStepsPerChunk;
    pos_ = kChunkHeaderSize;
    in_chunk_ = true;
    return true;
  }
  return false;
}

void RecordReader::resync(uint32_t from) {
  // Records start on 8-byte boundaries; a candidate must have the signature and a size whose
  // trailing copy matches.
  uint32_t p = (from + 7) & ~7u;
  for (; p + kRecordMinSize <= limit_; p += 8) {
    if (le32(chunk_ + p) != kRecordSignature) continue;
    uint32_t size = le32(chunk_ + p + 4);
    if (size >= kRecordMinSize && size <= limit_ - p && le32(chunk_ + p + size - 4) == size) break;
  }
  pos_ = p;
}

const Event* RecordReader::next() {
  for (;;) {
    if (!in_chunk_) {
      if (!open_next_chunk()) return nullptr;
      continue;
    }
    if (pos_ >= limit_ || limit_ - pos_ < kRecordMinSize) {
      if (pos_ < limit_ && !all_zero(chunk_ + pos_, limit_ - pos_))
        problem_in_chunk(pos_, "record data ends with a fragment too short for a record");
      in_chunk_ = false;
      continue;
    }
    const uint8_t* r = chunk_ + pos_;
    if (le32(r) != kRecordSignature) {
      // Zeros to the end: the free-space offset was wrong (or the file was cut); nothing is lost.
      if (all_zero(r, limit_ - pos_)) {
        in_chunk_ = false;
        continue;
      }
      problem_in_chunk(pos_, "no record signature; skipping to the next record");
      ++stats_.bad_records;
      resync(pos_ + 1);
      continue;
    }
    const uint32_t size = le32(r + 4);
    if (size < kRecordMinSize || size > limit_ - pos_) {
      problem_in_chunk(pos_ + 4,
                       fmt::format("record size {} does not fit in the chunk; skipping to the next record", size));
      ++stats_.bad_records;
      resync(pos_ + 1);
      continue;
    }
    if (le32(r + size - 4) != size) {
      problem_in_chunk(pos_ + size - 4, fmt::format("record size {} disagrees with its trailing copy {}; skipping it",
                                                    size, le32(r + size - 4)));
      ++stats_.bad_records;
      resync(pos_ + 1);
      continue;
    }
    RecordHeaderFields fields{le64(r + 8), le64(r + 16), chunk_file_off_ + pos_};
    const uint32_t begin = pos_ + kRecordHeaderSize;
    const uint32_t end = pos_ + size - 4;
    pos_ += size;
    const uint32_t steps = std::min(chunk_steps_left_, kStepsPerRecordBase + kStepsPerRecordByte * size);
    const bool ok = decoder_.decode(ctx_, begin, end, fields, steps, event_);
    chunk_steps_left_ -= decoder_.steps_used();
    if (ok) {
      ++stats_.records;
      return &event_;
    }
    ++stats_.bad_records;
    problem_in_chunk(decoder_.error_offset(),
                     fmt::format("record {}: {}; record skipped", fields.record_id, decoder_.error()));
  }
}

}  // namespace huntdb::ingest::evtx
