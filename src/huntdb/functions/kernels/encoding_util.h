// Byte-level codecs the encoding kernels share: base64 as .NET's Convert reads and writes it,
// and lower-case hex.
#pragma once

#include <string>
#include <string_view>

namespace huntdb::functions {

// Appends the standard base64 (with '=' padding) of `bytes`.
void base64_encode(std::string_view bytes, std::string& out);
// Decodes standard base64 into `out` as Convert.FromBase64String does: whitespace is ignored,
// the length must be a multiple of four and '=' may only pad the end. False if the text is not
// base64.
bool base64_decode(std::string_view text, std::string& out);
// Appends the lower-case hex of `bytes`.
void hex_encode(std::string_view bytes, std::string& out);

}  // namespace huntdb::functions
