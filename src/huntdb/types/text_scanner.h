// A cursor over short text for the hand-written parsers of literal values (datetimes,
// timespans): digits, words, separators, spaces. Never reads past the end.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace huntdb {

class TextScanner {
 public:
  explicit TextScanner(std::string_view text) : s_(text) {}

  bool done() const { return p_ >= s_.size(); }
  size_t position() const { return p_; }
  void reset(size_t position) { p_ = position; }
  char peek(size_t ahead = 0) const { return p_ + ahead < s_.size() ? s_[p_ + ahead] : '\0'; }
  std::string_view rest() const { return s_.substr(p_ < s_.size() ? p_ : s_.size()); }

  bool eat(char c) {
    if (peek() != c || done()) return false;
    ++p_;
    return true;
  }
  // One of the characters in `set`; returns it, or '\0'.
  char eat_any(std::string_view set) {
    if (done() || set.find(peek()) == std::string_view::npos) return '\0';
    return s_[p_++];
  }
  // Spaces and tabs; how many were skipped.
  size_t skip_spaces() {
    size_t start = p_;
    while (peek() == ' ' || peek() == '\t') ++p_;
    return p_ - start;
  }
  // A run of min..max ASCII digits (a longer run fails without moving).
  std::optional<int64_t> digits(size_t min_count, size_t max_count) {
    size_t e = p_;
    int64_t v = 0;
    while (e < s_.size() && s_[e] >= '0' && s_[e] <= '9' && e - p_ <= max_count) {
      v = v * 10 + (s_[e] - '0');
      ++e;
    }
    size_t n = e - p_;
    if (n < min_count || n > max_count) return std::nullopt;
    p_ = e;
    return v;
  }
  // Exactly `count` digits, whatever follows them (the hh of +hhmm).
  std::optional<int64_t> fixed_digits(size_t count) {
    if (digit_run() < count) return std::nullopt;
    int64_t v = 0;
    for (size_t i = 0; i < count; ++i) v = v * 10 + (s_[p_ + i] - '0');
    p_ += count;
    return v;
  }
  // The number of digits in the run at the cursor, without moving.
  size_t digit_run() const {
    size_t e = p_;
    while (e < s_.size() && s_[e] >= '0' && s_[e] <= '9') ++e;
    return e - p_;
  }
  // A run of ASCII letters (possibly empty).
  std::string_view word() {
    size_t start = p_;
    while (p_ < s_.size() && ((s_[p_] | 0x20) >= 'a' && (s_[p_] | 0x20) <= 'z')) ++p_;
    return s_.substr(start, p_ - start);
  }

 private:
  std::string_view s_;
  size_t p_ = 0;
};

// ASCII case-insensitive equality.
inline bool equals_ignore_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x | 0x20);
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y | 0x20);
    if (x != y) return false;
  }
  return true;
}

// Text without leading and trailing ASCII whitespace.
inline std::string_view trim_ascii(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace huntdb
