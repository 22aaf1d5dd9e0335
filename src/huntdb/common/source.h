// Source text with the positions people read: every syntax node and diagnostic carries a byte
// span into the query text; SourceText turns spans into 1-based line:col for messages.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace huntdb {

// Half-open byte range [begin, end) into the source text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;

  uint32_t length() const { return end - begin; }
  static Span cover(Span a, Span b) { return Span{a.begin < b.begin ? a.begin : b.begin, a.end > b.end ? a.end : b.end}; }
};

struct LineCol {
  int line = 1;  // 1-based
  int col = 1;   // 1-based, counted in characters (UTF-16 units, as Kusto clients count)
};

class SourceText {
 public:
  explicit SourceText(std::string text);

  const std::string& text() const { return text_; }
  std::string_view slice(Span s) const { return std::string_view(text_).substr(s.begin, s.length()); }

  // Position of a byte offset. Offsets past the end map to the end of the text.
  LineCol locate(uint32_t offset) const;
  // Offset in characters (UTF-16 units) from the start of the text, as Kusto reports `start`.
  uint32_t char_offset(uint32_t byte_offset) const;
  // The text of the line holding the offset, without its line break.
  std::string_view line_text(uint32_t offset) const;

 private:
  std::string text_;
  std::vector<uint32_t> line_starts_;
};

// Number of UTF-16 code units in a UTF-8 byte range (4-byte sequences count as two).
uint32_t utf16_length(std::string_view utf8);

}  // namespace huntdb
