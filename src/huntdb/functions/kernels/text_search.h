// Kusto's string matching: case-insensitive comparison and search (ASCII fast, Unicode through
// case folding), and the `has` family's term rules: a term is a maximal run of letters and
// digits, so `has "cmd"` matches "c:\cmd.exe" but not "cmdlet".
#pragma once

#include <string>
#include <string_view>

namespace huntdb::functions {

std::string to_lower_invariant(std::string_view s);
std::string to_upper_invariant(std::string_view s);
bool is_ascii(std::string_view s);

// Letters and digits (ASCII, and every non-ASCII byte: Unicode letters belong to terms).
inline bool is_term_char(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80;
}

bool equals_ci(std::string_view a, std::string_view b);

// A needle prepared once for many haystacks.
class TextMatcher {
 public:
  TextMatcher(std::string_view needle, bool case_sensitive);

  const std::string& needle() const { return needle_; }
  bool case_sensitive() const { return cs_; }

  // Position of the first match at or after `from`, or npos.
  size_t find(std::string_view haystack, size_t from = 0) const;
  bool contains(std::string_view h) const { return find(h) != std::string_view::npos; }
  bool starts_with(std::string_view h) const;
  bool ends_with(std::string_view h) const;
  bool equals(std::string_view h) const;
  // has: the needle matches whole terms of the haystack (its own ends are term boundaries when
  // they are letters or digits). hasprefix / hassuffix: it begins / ends a term.
  bool has(std::string_view h) const;
  bool has_prefix(std::string_view h) const;
  bool has_suffix(std::string_view h) const;

 private:
  // Case-insensitive matching of a non-ASCII haystack folds it first.
  size_t find_folded(std::string_view haystack, size_t from) const;
  template <typename Accept>
  bool any_match(std::string_view h, Accept accept) const;

  std::string needle_;  // lower-cased when !cs_
  bool cs_;
  bool needle_ascii_;
};

}  // namespace huntdb::functions
