#include "huntdb/common/source.h"

#include <algorithm>

namespace huntdb {

uint32_t utf16_length(std::string_view s) {
  uint32_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) n += (c >= 0xF0) ? 2 : 1;  // count lead bytes; astral chars are surrogate pairs
  }
  return n;
}

SourceText::SourceText(std::string text) : text_(std::move(text)) {
  line_starts_.push_back(0);
  for (uint32_t i = 0; i < text_.size(); ++i) {
    char c = text_[i];
    if (c == '\n') {
      line_starts_.push_back(i + 1);
    } else if (c == '\r') {
      if (i + 1 < text_.size() && text_[i + 1] == '\n') ++i;
      line_starts_.push_back(i + 1);
    }
  }
}

LineCol SourceText::locate(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  size_t line_index = (it - line_starts_.begin()) - 1;
  uint32_t start = line_starts_[line_index];
  LineCol lc;
  lc.line = static_cast<int>(line_index) + 1;
  lc.col = static_cast<int>(utf16_length(std::string_view(text_).substr(start, offset - start))) + 1;
  return lc;
}

uint32_t SourceText::char_offset(uint32_t byte_offset) const {
  byte_offset = std::min<uint32_t>(byte_offset, text_.size());
  return utf16_length(std::string_view(text_).substr(0, byte_offset));
}

std::string_view SourceText::line_text(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  uint32_t start = *(it - 1);
  uint32_t end = start;
  while (end < text_.size() && text_[end] != '\n' && text_[end] != '\r') ++end;
  return std::string_view(text_).substr(start, end - start);
}

}  // namespace huntdb
