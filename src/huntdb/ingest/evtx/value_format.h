// Substitution values as text, the way Windows renders them in event XML: integers in decimal,
// HexInt32/64 and SizeT as 0x… (lower case, no padding), GUIDs as {…} upper case, SIDs as S-1-5-…,
// FILETIME/SYSTEMTIME as ISO 8601 with 7 fractional digits, binary as upper-case hex, booleans as
// true/false. Arrays are rendered item by item (the renderer repeats the enclosing element).
#pragma once

#include <cstdint>
#include <string>

namespace huntdb::ingest::evtx {

// Appends the text of one value of `type` (a ValueType; the array bit must be clear) held in
// `size` bytes at `data`. BinXml values are not text and are handled by the renderer. A size that
// cannot hold the type (say 3 bytes for a UInt32) is shown as hex bytes rather than guessed at.
void format_value(uint8_t type, const uint8_t* data, uint32_t size, std::string& out);

// Number of items in an array value (type has the 0x80 bit).
uint32_t array_item_count(uint8_t type, const uint8_t* data, uint32_t size);

// Appends the text of item `index` of an array value; nothing when there is no such item.
void format_array_item(uint8_t type, const uint8_t* data, uint32_t size, uint32_t index, std::string& out);

// Upper-case hex of raw bytes, as Windows shows Binary values.
void append_hex_bytes(const uint8_t* data, uint32_t size, std::string& out);

}  // namespace huntdb::ingest::evtx
