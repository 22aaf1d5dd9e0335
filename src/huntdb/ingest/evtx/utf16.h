// UTF-16LE (as stored in EVTX) to UTF-8 (as huntdb stores text). Unpaired surrogates become
// U+FFFD rather than failing: a damaged string is still worth showing.
#pragma once

#include <cstdint>
#include <string>

namespace huntdb::ingest::evtx {

// Appends `units` UTF-16LE code units from `p` (any alignment). With stop_at_nul, conversion ends
// at the first U+0000 (string values are NUL-terminated C strings to Windows); without it, NULs are
// dropped, since XML text cannot hold them.
void append_utf16le(const uint8_t* p, size_t units, std::string& out, bool stop_at_nul);

// Appends one Unicode scalar value as UTF-8 (invalid values become U+FFFD).
void append_code_point(uint32_t cp, std::string& out);

}  // namespace huntdb::ingest::evtx
