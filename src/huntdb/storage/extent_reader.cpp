#include "huntdb/storage/extent_reader.h"

#include <cstring>

#include "huntdb/storage/byte_buffer.h"
#include "huntdb/storage/encodings.h"
#include "huntdb/storage/zstd_codec.h"

namespace huntdb::storage {

namespace {

struct ChunkHeader {
  ChunkEncoding encoding;
  std::span<const uint8_t> validity;  // empty: no nulls
};

ChunkHeader read_header(ByteReader& in, uint64_t rows) {
  ChunkHeader h;
  h.encoding = static_cast<ChunkEncoding>(in.u8());
  if (in.u8() != 0) h.validity = in.bytes((rows + 7) / 8);
  return h;
}

bool valid_at(const ChunkHeader& h, uint64_t i) { return h.validity.empty() || ((h.validity[i >> 3] >> (i & 7)) & 1); }

Validity validity_of(const ChunkHeader& h, uint64_t start, uint64_t count) {
  Validity v;
  if (h.validity.empty()) return v;
  for (uint64_t i = 0; i < count; ++i)
    if (!valid_at(h, start + i)) v.set(i, false);
  v.grow(count);
  return v;
}

template <typename F>
std::vector<ColumnPtr> in_batches(uint64_t rows, size_t batch_rows, F make) {
  std::vector<ColumnPtr> out;
  if (batch_rows == 0) batch_rows = rows ? rows : 1;
  for (uint64_t start = 0; start < rows; start += batch_rows) out.push_back(make(start, std::min<uint64_t>(batch_rows, rows - start)));
  return out;
}

template <typename T>
std::vector<T> range_of(const std::vector<T>& v, uint64_t start, uint64_t count) {
  return std::vector<T>(v.begin() + static_cast<ptrdiff_t>(start), v.begin() + static_cast<ptrdiff_t>(start + count));
}

// Strings written as lengths + bytes: offsets into one byte blob.
void read_strings(ByteReader& in, std::vector<uint32_t>* offsets, std::string_view* bytes) {
  std::vector<int64_t> lengths;
  decode_ints(in, lengths);
  uint64_t total = in.varint();
  auto blob = in.bytes(total);
  *bytes = std::string_view(reinterpret_cast<const char*>(blob.data()), blob.size());
  offsets->resize(lengths.size() + 1);
  uint64_t at = 0;
  (*offsets)[0] = 0;
  for (size_t i = 0; i < lengths.size(); ++i) {
    at += static_cast<uint64_t>(lengths[i]);
    if (lengths[i] < 0 || at > total) throw StorageError("corrupt column chunk: bad string lengths");
    (*offsets)[i + 1] = static_cast<uint32_t>(at);
  }
}

ColumnPtr strings_range(const std::vector<uint32_t>& offsets, std::string_view bytes, uint64_t start, uint64_t count) {
  std::vector<uint32_t> o(count + 1);
  uint32_t base = offsets[start];
  for (uint64_t i = 0; i <= count; ++i) o[i] = offsets[start + i] - base;
  return Column::make_strings(std::move(o), std::string(bytes.substr(base, offsets[start + count] - base)));
}

}  // namespace

std::vector<ColumnPtr> decode_column(ScalarType type, std::string_view raw, uint64_t rows, size_t batch_rows) {
  ByteReader in(raw, "column chunk");
  ChunkHeader h = read_header(in, rows);
  auto check_count = [&](size_t n) {
    if (n != rows) throw StorageError("corrupt column chunk: wrong value count");
  };
  switch (type) {
    case ScalarType::Bool:
    case ScalarType::Int:
    case ScalarType::Long:
    case ScalarType::DateTime:
    case ScalarType::TimeSpan: {
      if (h.encoding != ChunkEncoding::Integers) throw StorageError("corrupt column chunk: bad encoding");
      if (type == ScalarType::Bool) {
        std::vector<uint8_t> v;
        decode_ints(in, v);
        check_count(v.size());
        return in_batches(rows, batch_rows, [&](uint64_t s, uint64_t n) {
          return Column::make_bools(range_of(v, s, n), validity_of(h, s, n));
        });
      }
      if (type == ScalarType::Int) {
        std::vector<int32_t> v;
        decode_ints(in, v);
        check_count(v.size());
        return in_batches(rows, batch_rows, [&](uint64_t s, uint64_t n) {
          return Column::make_ints(range_of(v, s, n), validity_of(h, s, n));
        });
      }
      std::vector<int64_t> v;
      decode_ints(in, v);
      check_count(v.size());
      if (v.size() <= batch_rows && !v.empty())
        return {Column::make_longs(type, std::move(v), validity_of(h, 0, rows))};
      return in_batches(rows, batch_rows, [&](uint64_t s, uint64_t n) {
        return Column::make_longs(type, range_of(v, s, n), validity_of(h, s, n));
      });
    }
    case ScalarType::Real:
    case ScalarType::Decimal: {
      auto bytes = in.bytes(rows * 8);
      return in_batches(rows, batch_rows, [&](uint64_t s, uint64_t n) {
        std::vector<double> v(n);
        std::memcpy(v.data(), bytes.data() + s * 8, n * 8);
        return Column::make_reals(type, std::move(v), validity_of(h, s, n));
      });
    }
    case ScalarType::Guid: {
      auto bytes = in.bytes(rows * 16);
      return in_batches(rows, batch_rows, [&](uint64_t s, uint64_t n) {
        std::vector<Guid> v(n);
        for (uint64_t i = 0; i < n; ++i) std::memcpy(v[i].bytes.data(), bytes.data() + (s + i) * 16, 16);
        return Column::make_guids(std::move(v), validity_of(h, s, n));
      });
    }
    case ScalarType::Dynamic: {
      std::vector<DynamicPtr> all(rows);
      for (uint64_t i = 0; i < rows; ++i)
        if (valid_at(h, i)) all[i] = decode_dynamic(in);
      return in_batches(rows, batch_rows, [&](uint64_t s, uint64_t n) { return Column::make_dynamics(range_of(all, s, n)); });
    }
    case ScalarType::String: {
      std::vector<uint32_t> offsets;
      std::string_view bytes;
      read_strings(in, &offsets, &bytes);
      if (h.encoding == ChunkEncoding::Dictionary) {
        ColumnPtr dict = strings_range(offsets, bytes, 0, offsets.size() - 1);
        std::vector<uint32_t> codes;
        decode_ints(in, codes);
        check_count(codes.size());
        for (uint32_t c : codes)
          if (c >= dict->size()) throw StorageError("corrupt column chunk: dictionary code out of range");
        return in_batches(rows, batch_rows,
                          [&](uint64_t s, uint64_t n) { return Column::make_dictionary(dict, range_of(codes, s, n)); });
      }
      if (h.encoding != ChunkEncoding::Plain) throw StorageError("corrupt column chunk: bad encoding");
      check_count(offsets.size() - 1);
      return in_batches(rows, batch_rows, [&](uint64_t s, uint64_t n) { return strings_range(offsets, bytes, s, n); });
    }
    case ScalarType::Unknown: break;
  }
  throw StorageError("corrupt column chunk: unknown type");
}

std::shared_ptr<const ExtentReader> ExtentReader::open(Env& env, const std::string& path) {
  return open(env.open_mapped(path), path);
}

std::shared_ptr<const ExtentReader> ExtentReader::open(std::shared_ptr<const MappedFile> file, std::string path) {
  auto r = std::shared_ptr<ExtentReader>(new ExtentReader());
  r->file_ = std::move(file);
  r->path_ = std::move(path);
  uint64_t size = r->file_->size();
  if (size < kExtentHeaderSize + kExtentTrailerSize) throw StorageError(r->path_ + ": not an extent (too short)");
  auto head = r->file_->read(0, kExtentHeaderSize);
  if (std::memcmp(head.data(), kExtentMagic, 4) != 0) throw StorageError(r->path_ + ": not an extent (bad magic)");
  ByteReader trailer(r->file_->read(size - kExtentTrailerSize, kExtentTrailerSize), "extent trailer");
  uint64_t footer_offset = trailer.u64();
  uint32_t footer_size = trailer.u32();
  uint32_t footer_crc = trailer.u32();
  auto magic = trailer.bytes(4);
  if (std::memcmp(magic.data(), kExtentMagic, 4) != 0) throw StorageError(r->path_ + ": not a whole extent (bad trailer)");
  if (footer_offset > size - kExtentTrailerSize || footer_size != size - kExtentTrailerSize - footer_offset)
    throw StorageError(r->path_ + ": corrupt extent trailer");
  auto footer = r->file_->read(footer_offset, footer_size);
  if (crc32_of(footer) != footer_crc) throw StorageError(r->path_ + ": corrupt extent footer (checksum)");
  r->footer_ = ExtentFooter::parse(footer);
  for (const auto& c : r->footer_.columns)
    if (c.offset + c.size > footer_offset || c.term_offset + c.term_size > footer_offset)
      throw StorageError(r->path_ + ": corrupt extent footer (column outside the file)");
  r->term_indexes_.resize(r->footer_.columns.size());
  return r;
}

std::vector<ColumnPtr> ExtentReader::read_column(size_t index, size_t batch_rows) const {
  const ColumnMeta& m = footer_.columns.at(index);
  auto frame = file_->read(m.offset, m.size);
  if (crc32_of(frame) != m.crc) throw StorageError(path_ + ": corrupt column " + m.name + " (checksum)");
  std::string raw = zstd_decompress(frame, m.raw_size);
  try {
    return decode_column(m.type, raw, footer_.rows, batch_rows);
  } catch (const StorageError& e) {
    throw StorageError(path_ + ": column " + m.name + ": " + e.what());
  }
}

std::vector<Batch> ExtentReader::read_batches(std::span<const ColumnSchema> columns, size_t batch_rows) const {
  if (batch_rows == 0) batch_rows = kBatchRows;
  size_t batch_count = (footer_.rows + batch_rows - 1) / batch_rows;
  std::vector<Batch> out(batch_count);
  for (size_t b = 0; b < batch_count; ++b) out[b].rows = std::min<uint64_t>(batch_rows, footer_.rows - b * batch_rows);
  for (const auto& want : columns) {
    int index = column_index(want.name);
    std::vector<ColumnPtr> parts;
    if (index < 0) {
      for (auto& b : out) b.columns.push_back(Column::make_nulls(want.type, b.rows));
      continue;
    }
    if (footer_.columns[index].type != want.type)
      throw StorageError(path_ + ": column " + want.name + " is stored as " + std::string(type_name(footer_.columns[index].type)) +
                         ", not " + std::string(type_name(want.type)));
    parts = read_column(static_cast<size_t>(index), batch_rows);
    for (size_t b = 0; b < batch_count; ++b) out[b].columns.push_back(std::move(parts[b]));
  }
  return out;
}

const ColumnStats* ExtentReader::stats(std::string_view column) const {
  int i = column_index(column);
  return i < 0 ? nullptr : &footer_.columns[i].stats;
}

std::optional<Value> ExtentReader::min(std::string_view column) const {
  const ColumnStats* s = stats(column);
  if (!s || !s->has_range) return std::nullopt;
  return s->min;
}

std::optional<Value> ExtentReader::max(std::string_view column) const {
  const ColumnStats* s = stats(column);
  if (!s || !s->has_range) return std::nullopt;
  return s->max;
}

std::shared_ptr<const TermIndex> ExtentReader::term_index(size_t index) const {
  const ColumnMeta& m = footer_.columns.at(index);
  if (m.term_size == 0) return nullptr;
  std::lock_guard lock(index_mu_);
  auto& cached = term_indexes_[index];
  if (!cached) cached = TermIndex::parse(file_->read(m.term_offset, m.term_size));
  return cached;
}

bool ExtentReader::may_contain_term(std::string_view column, std::string_view term) const {
  int i = column_index(column);
  if (i < 0) return term.size() < kMinTermLength;
  auto index = term_index(static_cast<size_t>(i));
  return !index || index->may_contain_term(term);
}

bool ExtentReader::may_contain_prefix(std::string_view column, std::string_view prefix) const {
  int i = column_index(column);
  if (i < 0) return prefix.size() < kMinTermLength;
  auto index = term_index(static_cast<size_t>(i));
  return !index || index->may_contain_prefix(prefix);
}

bool ExtentReader::all_rows_contain_term(std::string_view column, std::string_view term) const {
  int i = column_index(column);
  if (i < 0) return false;
  auto index = term_index(static_cast<size_t>(i));
  return index && index->all_rows_contain_term(term);
}

}  // namespace huntdb::storage
