// The pattern of parse / parse-where, compiled once: literals, `*` wildcards and captures matched
// against the whole text.
//
// As Kusto does, the pattern becomes one regular expression anchored at both ends: `*` is
// `.*?`; a capture is `(.*?)`, except that integer and real captures match only a number
// (`-?\d+`, ...). kind=regex takes the literals as regular expressions and makes captures
// greedy (`(.*)`), which the U flag turns lazy again, as the documented examples show. In
// kind=relaxed a numeric capture also accepts any text (it then converts to null alone).
//
// Simple patterns whose captures are all lazy (no numeric capture) are matched without a regex:
// every literal at its first occurrence is exactly what the lazy regex would pick.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

#include "huntdb/analyze/logical_plan.h"

namespace huntdb::exec {

class ParsePattern {
 public:
  // Throws ExecError for an invalid regex or flags.
  ParsePattern(const std::vector<analyze::ParsePart>& parts, std::string_view kind, std::string_view flags);

  size_t capture_count() const { return capture_parts_.size(); }
  // The part (index into the plan's parts) of capture i.
  size_t capture_part(size_t i) const { return capture_parts_[i]; }

  // Matches the whole text; on success captures[i] is the text of capture i.
  bool match(std::string_view text, std::vector<std::string_view>& captures) const;

 private:
  // The literal matcher: literals with what lies between them.
  struct Piece {
    std::string literal;            // empty for a gap
    std::vector<int> gap_captures;  // a gap: the captures in it (-1 for a wildcard)
  };
  bool match_literals(std::string_view text, std::vector<std::string_view>& captures) const;

  std::vector<size_t> capture_parts_;
  std::vector<Piece> pieces_;
  std::unique_ptr<RE2> regex_;
  std::vector<int> capture_groups_;  // regex group of each capture
};

}  // namespace huntdb::exec
