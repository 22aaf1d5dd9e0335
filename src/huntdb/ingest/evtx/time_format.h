// Windows times as text, the way Event Viewer and wevtutil print them: ISO 8601 in UTC with seven
// fractional digits (the 100 ns tick), e.g. 2021-04-22T08:50:53.1234567Z.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace huntdb::ingest::evtx {

// FILETIME counts 100 ns ticks from 1601-01-01; huntdb datetimes count them from 1970-01-01.
inline constexpr int64_t kFileTimeUnixEpoch = 116444736000000000LL;
inline int64_t filetime_to_unix_ticks(uint64_t ft) { return static_cast<int64_t>(ft) - kFileTimeUnixEpoch; }

void append_filetime_iso(uint64_t filetime, std::string& out);

// SYSTEMTIME: 8 little-endian uint16 (year, month, day of week, day, hour, minute, second, ms).
// The day of week is ignored, as Windows does when printing.
void append_systemtime_iso(const uint8_t* p16, std::string& out);

// Parses "YYYY-MM-DDTHH:MM:SS[.fraction]Z" (any number of fractional digits; digits past the
// seventh are dropped) back to a FILETIME. nullopt when the text has another shape.
std::optional<uint64_t> parse_iso_filetime(std::string_view text);

}  // namespace huntdb::ingest::evtx
