// zlib and gzip streams inflated whole (compressed payloads in queries, .gz files).
#pragma once

#include <string>
#include <string_view>

namespace huntdb {

// Inflates a zlib (window_bits 15), gzip (31) or either (47) stream into `out`; false if `in`
// is not one complete stream.
bool inflate_all(std::string_view in, int window_bits, std::string& out);

}  // namespace huntdb
