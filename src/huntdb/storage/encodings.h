// The value encodings of a column chunk (before zstd compresses the chunk):
//   - integers (int, long, datetime, timespan, bool, string lengths, dictionary codes):
//     frame of reference (minimum + bit-packed offsets from it) or delta (first value +
//     frame-of-reference-packed differences, which suits timestamps in arrival order),
//     whichever is smaller; plain 64-bit values when neither packs;
//   - strings: a dictionary of distinct values + integer codes when values repeat, otherwise
//     plain (integer lengths + the bytes);
//   - reals, decimals, guids: plain fixed-width values;
//   - dynamic: a compact binary form of DynValue that keeps every kind (datetime, timespan,
//     guid and decimal survive, which JSON text would turn into strings or reals).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "huntdb/storage/byte_buffer.h"
#include "huntdb/types/dynamic.h"

namespace huntdb::storage {

enum class IntCoding : uint8_t { Plain = 0, FrameOfReference = 1, Delta = 2 };

// Writes the values with the smaller of frame-of-reference and delta coding; returns the one used.
IntCoding encode_ints(ByteWriter& out, std::span<const int64_t> values);
// Reads values written by encode_ints into out (resized), narrowing to T.
template <typename T>
void decode_ints(ByteReader& in, std::vector<T>& out);

// Bit packing of unsigned values of `width` bits (0..64), least significant bits first.
void pack_bits(ByteWriter& out, std::span<const uint64_t> values, unsigned width);
void unpack_bits(ByteReader& in, size_t count, unsigned width, uint64_t* out);

// Dynamic values in binary (a kind byte, then the kind's payload; arrays and bags recursively).
void encode_dynamic(ByteWriter& out, const DynValue& v);
DynamicPtr decode_dynamic(ByteReader& in);

}  // namespace huntdb::storage
