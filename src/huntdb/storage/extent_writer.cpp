#include "huntdb/storage/extent_writer.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

#include <absl/container/flat_hash_set.h>

#include "huntdb/common/string_map.h"
#include "huntdb/storage/byte_buffer.h"
#include "huntdb/storage/encodings.h"
#include "huntdb/storage/term_index.h"
#include "huntdb/storage/zstd_codec.h"

namespace huntdb::storage {

namespace {

// The validity of all rows as a bitmap (bit set = value present); empty when no row is null.
std::string gather_validity(std::span<const ColumnPtr> parts, uint64_t rows, uint64_t* null_count) {
  std::string bits;
  uint64_t nulls = 0, row = 0;
  for (const auto& p : parts) {
    // A dynamic cell is missing when its pointer is null; a dynamic null value is a value
    // (kept as such, so that a round trip changes nothing).
    bool dynamic = p->type() == ScalarType::Dynamic;
    bool maybe_nulls = p->is_constant() ? (p->constant().is_null() || (dynamic && !p->constant().as_dynamic()))
                       : dynamic        ? true
                                        : !p->validity().all_valid();
    if (maybe_nulls) {
      for (size_t i = 0; i < p->size(); ++i) {
        bool missing = !dynamic ? p->is_null(i)
                       : p->is_flat() ? !p->dynamics()[i]
                                      : (p->value_at(i).is_null() || !p->value_at(i).as_dynamic());
        if (!missing) continue;
        if (bits.empty()) bits.assign((rows + 7) / 8, '\xff');
        bits[(row + i) >> 3] = static_cast<char>(bits[(row + i) >> 3] & ~(1 << ((row + i) & 7)));
        ++nulls;
      }
    }
    row += p->size();
  }
  *null_count = nulls;
  return bits;
}

bool bit_valid(const std::string& bits, uint64_t i) { return bits.empty() || ((bits[i >> 3] >> (i & 7)) & 1); }

void write_header(ByteWriter& out, ChunkEncoding enc, const std::string& validity) {
  out.u8(static_cast<uint8_t>(enc));
  out.u8(validity.empty() ? 0 : 1);
  if (!validity.empty()) out.raw(validity.data(), validity.size());
}

int64_t int_at(const Column& c, size_t i) {
  switch (c.type()) {
    case ScalarType::Bool: return c.bools()[i];
    case ScalarType::Int: return c.ints()[i];
    default: return c.longs()[i];
  }
}

int64_t constant_int(const Value& v) {
  if (v.is_null()) return 0;
  switch (v.type) {
    case ScalarType::Bool: return v.as_bool() ? 1 : 0;
    case ScalarType::Int: return v.as_int();
    default: return v.as_long();
  }
}

EncodedColumn encode_integers(ScalarType type, std::span<const ColumnPtr> parts, uint64_t rows) {
  EncodedColumn e;
  e.encoding = ChunkEncoding::Integers;
  std::string validity = gather_validity(parts, rows, &e.stats.null_count);
  std::vector<int64_t> values(rows);
  uint64_t row = 0;
  for (const auto& p : parts) {
    if (p->is_constant()) {
      std::fill_n(values.begin() + row, p->size(), constant_int(p->constant()));
    } else if (p->is_flat()) {
      for (size_t i = 0; i < p->size(); ++i) values[row + i] = int_at(*p, i);
    } else {
      for (size_t i = 0; i < p->size(); ++i) values[row + i] = constant_int(p->value_at(i));
    }
    row += p->size();
  }
  // Null rows repeat the previous value (leading ones the first value): they then cost
  // nothing in either packing.
  int64_t lo = INT64_MAX, hi = INT64_MIN, prev = 0;
  bool any = false;
  for (uint64_t i = 0; i < rows; ++i)
    if (bit_valid(validity, i)) {
      prev = values[i];
      break;
    }
  for (uint64_t i = 0; i < rows; ++i) {
    if (!bit_valid(validity, i)) {
      values[i] = prev;
      continue;
    }
    prev = values[i];
    lo = std::min(lo, prev);
    hi = std::max(hi, prev);
    any = true;
  }
  if (any) {
    e.stats.has_range = true;
    auto box = [&](int64_t v) {
      switch (type) {
        case ScalarType::Bool: return Value::of_bool(v != 0);
        case ScalarType::Int: return Value::of_int(static_cast<int32_t>(v));
        case ScalarType::DateTime: return Value::of_datetime(v);
        case ScalarType::TimeSpan: return Value::of_timespan(v);
        default: return Value::of_long(v);
      }
    };
    e.stats.min = box(lo);
    e.stats.max = box(hi);
  }
  ByteWriter out;
  write_header(out, e.encoding, validity);
  encode_ints(out, values);
  e.raw = std::move(out.bytes());
  return e;
}

EncodedColumn encode_reals(ScalarType type, std::span<const ColumnPtr> parts, uint64_t rows) {
  EncodedColumn e;
  std::string validity = gather_validity(parts, rows, &e.stats.null_count);
  std::vector<double> values(rows, 0.0);
  uint64_t row = 0;
  for (const auto& p : parts) {
    for (size_t i = 0; i < p->size(); ++i) {
      if (p->is_flat()) {
        values[row + i] = p->reals()[i];
      } else {
        Value v = p->value_at(i);
        values[row + i] = v.is_null() ? 0.0 : type == ScalarType::Decimal ? std::get<Decimal>(v.data).value : v.as_real();
      }
    }
    row += p->size();
  }
  double lo = 0, hi = 0;
  bool any = false;
  for (uint64_t i = 0; i < rows; ++i) {
    if (!bit_valid(validity, i)) {
      values[i] = 0;
      continue;
    }
    double v = values[i];
    if (std::isnan(v)) continue;
    if (!any || v < lo) lo = v;
    if (!any || v > hi) hi = v;
    any = true;
  }
  if (any) {
    e.stats.has_range = true;
    e.stats.min = type == ScalarType::Decimal ? Value::of_decimal(lo) : Value::of_real(lo);
    e.stats.max = type == ScalarType::Decimal ? Value::of_decimal(hi) : Value::of_real(hi);
  }
  ByteWriter out;
  write_header(out, e.encoding, validity);
  out.raw(values.data(), values.size() * 8);
  e.raw = std::move(out.bytes());
  return e;
}

EncodedColumn encode_guids(std::span<const ColumnPtr> parts, uint64_t rows) {
  EncodedColumn e;
  std::string validity = gather_validity(parts, rows, &e.stats.null_count);
  ByteWriter out;
  write_header(out, e.encoding, validity);
  Guid zero;
  for (const auto& p : parts) {
    for (size_t i = 0; i < p->size(); ++i) {
      const Guid* g = &zero;
      Value boxed;
      if (p->is_flat()) {
        if (!p->is_null(i)) g = &p->guids()[i];
      } else {
        boxed = p->value_at(i);
        if (!boxed.is_null()) g = &boxed.as_guid();
      }
      out.raw(g->bytes.data(), 16);
    }
  }
  e.raw = std::move(out.bytes());
  return e;
}

EncodedColumn encode_dynamics(std::span<const ColumnPtr> parts, uint64_t rows) {
  EncodedColumn e;
  std::string validity = gather_validity(parts, rows, &e.stats.null_count);
  ByteWriter out;
  write_header(out, e.encoding, validity);
  for (const auto& p : parts) {
    for (size_t i = 0; i < p->size(); ++i) {
      DynamicPtr d;
      if (p->is_flat()) {
        d = p->dynamics()[i];
      } else {
        Value v = p->value_at(i);
        if (!v.is_null()) d = v.as_dynamic();
      }
      if (d) encode_dynamic(out, *d);
    }
  }
  e.raw = std::move(out.bytes());
  return e;
}

// A string column's term index and min/max, fed each value once with the rows holding it (or
// each row with a count of one: a term's rows are counted per value added, so both index alike).
class StringIndexer {
 public:
  void add(std::string_view v, uint64_t rows) {
    terms_.add(v, rows);
    if (!any_ || v < lo_) lo_ = v;
    if (!any_ || v > hi_) hi_ = v;
    any_ = true;
  }
  void finish(EncodedColumn& e, uint64_t rows) {
    e.term_index = terms_.finish(rows);
    if (any_ && lo_.size() <= kMaxStatString && hi_.size() <= kMaxStatString) {
      e.stats.has_range = true;
      e.stats.min = Value::of_string(std::string(lo_));
      e.stats.max = Value::of_string(std::string(hi_));
    }
  }

 private:
  TermIndexBuilder terms_;
  std::string_view lo_, hi_;
  bool any_ = false;
};

// `count` strings (at(i) is the i-th) as their lengths, their total size and their bytes.
template <class At>
void write_string_values(ByteWriter& out, size_t count, At at) {
  std::vector<int64_t> lengths(count);
  size_t total = 0;
  for (size_t i = 0; i < count; ++i) total += (lengths[i] = static_cast<int64_t>(at(i).size()));
  // The bytes are appended value by value: room for all of them (and the lengths, at most 8
  // bytes each) at once, rather than copying what is there at every doubling.
  out.bytes().reserve(out.size() + 32 + count * 8 + total);
  encode_ints(out, lengths);
  out.varint(total);
  for (size_t i = 0; i < count; ++i) out.raw(at(i).data(), at(i).size());
}

// Free text (EventData XML, rendered messages, command lines) is nearly all distinct: finding its
// repeats means hashing every long value for a dictionary that would not pay. The first
// kUniqueSample rows of flat parts tell: when nearly all of them are distinct the column is
// written plain without looking for repeats. (A column that begins unique and repeats later is
// then written plain where a dictionary would be smaller: a question of size, never of content.)
constexpr size_t kUniqueSample = 1024;

bool looks_unique(std::span<const ColumnPtr> parts, uint64_t rows) {
  if (rows < 4 * kUniqueSample) return false;
  for (const auto& p : parts)
    if (p->is_dictionary() || p->is_constant()) return false;
  absl::flat_hash_set<std::string_view, StringHash, StringEq> seen;
  seen.reserve(kUniqueSample);
  size_t sampled = 0;
  for (const auto& p : parts)
    for (size_t i = 0; i < p->size() && sampled < kUniqueSample; ++i, ++sampled) seen.insert(p->string_at(i));
  return seen.size() * 10 >= sampled * 9;
}

// The plain writing of a column that looks unique: its values as they come. The term index gets
// each row's value with a count of one, which indexes the same as each distinct value with the
// count of its rows (a term's rows are counted per value added).
EncodedColumn encode_unique_strings(std::span<const ColumnPtr> parts, uint64_t rows) {
  EncodedColumn e;
  StringIndexer index;
  std::vector<int64_t> lengths;
  lengths.reserve(rows);
  size_t total = 0;
  for (const auto& p : parts)
    for (size_t i = 0; i < p->size(); ++i) {
      std::string_view v = p->string_at(i);
      index.add(v, 1);
      lengths.push_back(static_cast<int64_t>(v.size()));
      total += v.size();
    }
  index.finish(e, rows);
  // The plain layout (lengths, total, bytes), with the bytes left in the parts: a flat part's
  // values lie one after the other in its buffer, so each part is one piece.
  ByteWriter out;
  e.encoding = ChunkEncoding::Plain;
  write_header(out, e.encoding, {});
  encode_ints(out, lengths);
  out.varint(total);
  e.raw = std::move(out.bytes());
  for (const auto& p : parts) {
    auto offsets = p->string_offsets();
    if (p->size() > 0) e.raw_tail.push_back(p->string_bytes().substr(offsets.front(), offsets.back() - offsets.front()));
  }
  return e;
}

EncodedColumn encode_strings(std::span<const ColumnPtr> parts, uint64_t rows) {
  if (looks_unique(parts, rows)) return encode_unique_strings(parts, rows);
  EncodedColumn e;
  // Distinct values (views into the input, which outlives this call) in order of appearance.
  absl::flat_hash_map<std::string_view, uint32_t, StringHash, StringEq> codes_of;
  std::vector<std::string_view> distinct;
  std::vector<uint64_t> counts;
  std::vector<uint32_t> codes(rows);
  // Room for every value the parts can hold, so the map never grows: growing rehashes every
  // value seen so far, and values of free text are long.
  size_t most_distinct = 0;
  const Column* counted_dict = nullptr;
  for (const auto& p : parts) {
    if (p->is_dictionary()) {
      if (&p->dictionary() != counted_dict) most_distinct += p->dictionary().size();
      counted_dict = &p->dictionary();
    } else {
      most_distinct += p->is_constant() ? 1 : p->size();
    }
  }
  most_distinct = std::min<size_t>(most_distinct, rows);
  codes_of.reserve(most_distinct);
  distinct.reserve(most_distinct);
  counts.reserve(most_distinct);
  auto code_of = [&](std::string_view s) {
    auto [it, inserted] = codes_of.try_emplace(s, static_cast<uint32_t>(distinct.size()));
    if (inserted) {
      distinct.push_back(s);
      counts.push_back(0);
    }
    return it->second;
  };
  // A dictionary-encoded input maps each of its codes once.
  const Column* last_dict = nullptr;
  std::vector<int64_t> remap;
  uint64_t row = 0;
  for (const auto& p : parts) {
    if (p->is_dictionary()) {
      const Column& dict = p->dictionary();
      if (&dict != last_dict) {
        last_dict = &dict;
        remap.assign(dict.size(), -1);
      }
      auto in = p->codes();
      for (size_t i = 0; i < p->size(); ++i) {
        int64_t& m = remap[in[i]];
        if (m < 0) m = code_of(dict.string_at(in[i]));
        codes[row + i] = static_cast<uint32_t>(m);
      }
    } else if (p->is_constant()) {
      if (p->size() == 0) continue;
      uint32_t c = code_of(p->string_at(0));
      std::fill_n(codes.begin() + row, p->size(), c);
    } else {
      for (size_t i = 0; i < p->size(); ++i) codes[row + i] = code_of(p->string_at(i));
    }
    row += p->size();
  }
  for (uint32_t c : codes) ++counts[c];

  StringIndexer index;
  for (size_t d = 0; d < distinct.size(); ++d) index.add(distinct[d], counts[d]);
  index.finish(e, rows);

  ByteWriter out;
  // Repeating values are stored once: a dictionary pays when at most every other row is new.
  bool dictionary = !distinct.empty() && distinct.size() * 2 <= rows;
  e.encoding = dictionary ? ChunkEncoding::Dictionary : ChunkEncoding::Plain;
  write_header(out, e.encoding, {});
  if (dictionary) {
    write_string_values(out, distinct.size(), [&](size_t i) { return distinct[i]; });
    std::vector<int64_t> wide(codes.begin(), codes.end());
    encode_ints(out, wide);
  } else {
    write_string_values(out, rows, [&](size_t i) { return distinct[codes[i]]; });
  }
  e.raw = std::move(out.bytes());
  return e;
}

}  // namespace

size_t EncodedColumn::raw_size() const {
  size_t n = raw.size();
  for (auto piece : raw_tail) n += piece.size();
  return n;
}

EncodedColumn encode_column(ScalarType type, std::span<const ColumnPtr> parts, uint64_t rows) {
  switch (type) {
    case ScalarType::Bool:
    case ScalarType::Int:
    case ScalarType::Long:
    case ScalarType::DateTime:
    case ScalarType::TimeSpan: return encode_integers(type, parts, rows);
    case ScalarType::Real:
    case ScalarType::Decimal: return encode_reals(type, parts, rows);
    case ScalarType::String: return encode_strings(parts, rows);
    case ScalarType::Guid: return encode_guids(parts, rows);
    case ScalarType::Dynamic: return encode_dynamics(parts, rows);
    case ScalarType::Unknown: break;
  }
  throw StorageError("cannot store a column of unknown type");
}

namespace {

// One column ready to be written: its compressed chunk and what the footer says of it.
struct CompressedColumn {
  ChunkEncoding encoding = ChunkEncoding::Plain;
  std::string frame;
  uint64_t raw_size = 0;
  ColumnStats stats;
  std::string term_index;
};

CompressedColumn compress_column(ScalarType type, std::span<const ColumnPtr> parts, uint64_t rows) {
  EncodedColumn e = encode_column(type, parts, rows);
  CompressedColumn c;
  c.encoding = e.encoding;
  if (e.raw_tail.empty()) {
    c.frame = zstd_compress(e.raw);
  } else {
    std::vector<std::string_view> pieces = {e.raw};
    pieces.insert(pieces.end(), e.raw_tail.begin(), e.raw_tail.end());
    c.frame = zstd_compress_pieces(pieces);
  }
  c.raw_size = e.raw_size();
  c.stats = std::move(e.stats);
  c.term_index = std::move(e.term_index);
  return c;
}

// Below this many rows an extent is encoded on the calling thread: starting threads would cost
// more than they save.
constexpr uint64_t kParallelEncodeRows = 4096;

// Calls f(c) for every column c < columns, spread over the machine's cores; the first exception
// a call throws is rethrown here once every thread has stopped.
void for_each_column_in_parallel(size_t columns, uint64_t rows, const std::function<void(size_t)>& f) {
  size_t threads = std::min<size_t>(std::max(1u, std::thread::hardware_concurrency()), columns);
  if (threads <= 1 || rows < kParallelEncodeRows) {
    for (size_t c = 0; c < columns; ++c) f(c);
    return;
  }
  std::atomic<size_t> next{0};
  std::mutex mu;
  std::exception_ptr error;
  auto work = [&] {
    // Columns are taken one at a time: a few text columns cost more than all the others.
    for (size_t c; (c = next.fetch_add(1)) < columns;) {
      try {
        f(c);
      } catch (...) {
        std::lock_guard lock(mu);
        if (!error) error = std::current_exception();
        next = columns;
      }
    }
  };
  std::vector<std::thread> helpers;
  for (size_t t = 1; t < threads; ++t) helpers.emplace_back(work);
  work();
  for (auto& t : helpers) t.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace

WrittenExtent write_extent(WritableFile& file, const TableSchema& schema, std::span<const Batch> batches,
                           int64_t created_ticks) {
  WrittenExtent w;
  w.footer.created_ticks = created_ticks;
  for (const auto& b : batches) w.footer.rows += b.rows;
  uint64_t offset = 0;
  auto put = [&](std::string_view bytes) {
    file.append(bytes);
    offset += bytes.size();
  };
  ByteWriter header;
  header.raw(kExtentMagic, 4);
  header.u32(kExtentVersion);
  put(header.bytes());

  // Columns are encoded and compressed independently, on every core (the term index of a wide
  // table's text columns is most of the cost of storing ingested rows), then written in schema
  // order.
  size_t columns = schema.columns.size();
  for (size_t c = 0; c < columns; ++c)
    for (const auto& b : batches)
      if (c >= b.columns.size() || b.columns[c]->size() != b.rows || b.columns[c]->type() != schema.columns[c].type)
        throw StorageError("extent input: column " + schema.columns[c].name + " does not match the schema");
  std::vector<CompressedColumn> compressed(columns);
  for_each_column_in_parallel(columns, w.footer.rows, [&](size_t c) {
    std::vector<ColumnPtr> parts;
    parts.reserve(batches.size());
    for (const auto& b : batches) parts.push_back(b.columns[c]);
    compressed[c] = compress_column(schema.columns[c].type, parts, w.footer.rows);
  });
  std::vector<std::string> term_indexes(columns);
  for (size_t c = 0; c < columns; ++c) {
    CompressedColumn& e = compressed[c];
    ColumnMeta m;
    m.name = schema.columns[c].name;
    m.type = schema.columns[c].type;
    m.encoding = e.encoding;
    m.offset = offset;
    m.size = e.frame.size();
    m.raw_size = e.raw_size;
    m.crc = crc32_of(e.frame);
    m.stats = std::move(e.stats);
    put(e.frame);
    e.frame = std::string();
    term_indexes[c] = std::move(e.term_index);
    w.footer.columns.push_back(std::move(m));
  }
  for (size_t c = 0; c < term_indexes.size(); ++c) {
    if (term_indexes[c].empty()) continue;
    w.footer.columns[c].term_offset = offset;
    w.footer.columns[c].term_size = term_indexes[c].size();
    put(term_indexes[c]);
  }
  std::string footer = w.footer.serialize();
  uint64_t footer_offset = offset;
  put(footer);
  ByteWriter trailer;
  trailer.u64(footer_offset);
  trailer.u32(static_cast<uint32_t>(footer.size()));
  trailer.u32(crc32_of(footer));
  trailer.raw(kExtentMagic, 4);
  put(trailer.bytes());
  w.file_bytes = offset;
  return w;
}

}  // namespace huntdb::storage
