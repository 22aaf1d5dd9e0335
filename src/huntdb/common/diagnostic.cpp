#include "huntdb/common/diagnostic.h"

#include <algorithm>

#include <fmt/format.h>

namespace huntdb {

std::string format_diagnostic(const SourceText& source, const Diagnostic& d) {
  // An execution error without a place in the query is reported without line and caret.
  if (d.kind == DiagnosticKind::Execution && d.span.begin == 0 && d.span.end == 0)
    return fmt::format("error: {}\n", d.message);
  LineCol lc = source.locate(d.span.begin);
  std::string_view kind = d.kind == DiagnosticKind::Syntax ? "syntax" : d.kind == DiagnosticKind::Semantic ? "semantic" : "execution";
  std::string out = fmt::format("{}:{}: {} error: {}\n", lc.line, lc.col, kind, d.message);
  std::string_view line = source.line_text(d.span.begin);
  out += "  ";
  out += line;
  out += "\n  ";
  // Pad with the same whitespace kind so the caret lines up under tabs too.
  int col = 1;
  size_t i = 0;
  while (col < lc.col && i < line.size()) {
    unsigned char c = line[i];
    if ((c & 0xC0) != 0x80) {
      out += (c == '\t') ? '\t' : ' ';
      ++col;
    }
    ++i;
  }
  size_t rest_of_line = line.size() - i;
  size_t width = utf16_length(source.slice(d.span));
  width = std::clamp<size_t>(width, 1, std::max<size_t>(1, rest_of_line));
  out.append(width, '^');
  out += '\n';
  return out;
}

}  // namespace huntdb
