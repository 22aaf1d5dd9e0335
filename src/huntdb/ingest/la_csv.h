// What Log Analytics' exports write differently from the columns they came from: CSV headers
// carry the time zone ("TimeGenerated [UTC]") and the portal writes datetimes in the US style
// ("2/1/2023, 10:00:00.123 AM").
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace huntdb::ingest {

// The column name of an export header: "TimeGenerated [UTC]" -> "TimeGenerated".
std::string_view la_column_name(std::string_view header);

// "M/D/YYYY, h:mm[:ss[.fffffff]] AM|PM" (UTC) as ticks; nullopt for any other text.
std::optional<int64_t> parse_portal_datetime(std::string_view text);

}  // namespace huntdb::ingest
