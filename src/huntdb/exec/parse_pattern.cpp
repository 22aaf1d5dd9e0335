#include "huntdb/exec/parse_pattern.h"

#include <fmt/format.h>

#include "huntdb/exec/exec_error.h"

namespace huntdb::exec {

using analyze::ParsePart;

namespace {

bool is_numeric_capture(const ParsePart& p) {
  switch (p.type) {
    case ScalarType::Int:
    case ScalarType::Long:
    case ScalarType::Real:
    case ScalarType::Decimal: return true;
    default: return false;
  }
}

const char* number_regex(ScalarType t) {
  if (t == ScalarType::Int || t == ScalarType::Long) return R"(-?\d+)";
  return R"(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)";
}

// Capturing groups a user's regex opens: '(' not escaped, not inside a class, and not `(?` unless
// it names the group (`(?P<name>`).
int count_groups(std::string_view re) {
  int n = 0;
  bool in_class = false;
  for (size_t i = 0; i < re.size(); ++i) {
    char c = re[i];
    if (c == '\\') {
      ++i;
    } else if (in_class) {
      if (c == ']') in_class = false;
    } else if (c == '[') {
      in_class = true;
      if (i + 1 < re.size() && re[i + 1] == ']') ++i;  // []...] keeps a literal ]
    } else if (c == '(') {
      if (i + 1 < re.size() && re[i + 1] == '?') {
        if (re.substr(i + 1).starts_with("?P<") || re.substr(i + 1).starts_with("?<")) ++n;
      } else {
        ++n;
      }
    }
  }
  return n;
}

}  // namespace

ParsePattern::ParsePattern(const std::vector<ParsePart>& parts, std::string_view kind, std::string_view flags) {
  bool regex_kind = kind == "regex";
  bool relaxed = kind == "relaxed";
  if (!regex_kind && !relaxed && kind != "simple")
    throw ExecError(fmt::format("parse: kind '{}' is not one of simple, regex and relaxed.", kind));
  for (char f : flags)
    if (f != 'i' && f != 'm' && f != 's' && f != 'U')
      throw ExecError(fmt::format("parse: the regex flag '{}' is not supported (use i, m, s or U).", f));

  bool literal_matcher = !regex_kind;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (parts[i].column >= 0) {
      capture_parts_.push_back(i);
      if (is_numeric_capture(parts[i])) literal_matcher = false;
    }
  }

  if (literal_matcher) {
    int capture = 0;
    for (const auto& part : parts) {
      if (part.column < 0 && !part.wildcard) {
        if (part.literal.empty()) continue;
        if (!pieces_.empty() && !pieces_.back().literal.empty()) {
          pieces_.back().literal += part.literal;  // adjacent literals are one literal
        } else {
          pieces_.push_back({part.literal, {}});
        }
        continue;
      }
      if (pieces_.empty() || !pieces_.back().literal.empty()) pieces_.push_back({});
      pieces_.back().gap_captures.push_back(part.column >= 0 ? capture++ : -1);
    }
    return;
  }

  // One regex for the whole pattern, anchored at both ends by the match.
  std::string re;
  if (!flags.empty()) re += fmt::format("(?{})", flags);
  int group = 0;
  for (const auto& part : parts) {
    if (part.wildcard) {
      re += ".*?";
    } else if (part.column < 0) {
      if (regex_kind) {
        re += "(?:" + part.literal + ")";
        group += count_groups(part.literal);
      } else {
        re += RE2::QuoteMeta(part.literal);
      }
    } else {
      capture_groups_.push_back(++group);
      if (is_numeric_capture(part)) {
        re += relaxed ? fmt::format("((?:{})|.*?)", number_regex(part.type)) : fmt::format("({})", number_regex(part.type));
      } else {
        re += regex_kind ? "(.*)" : "(.*?)";
      }
    }
  }
  RE2::Options opts;
  opts.set_log_errors(false);
  // Plain text patterns span lines; kind=regex follows its flags (s).
  opts.set_dot_nl(!regex_kind);
  regex_ = std::make_unique<RE2>(re, opts);
  if (!regex_->ok()) throw ExecError(fmt::format("parse: the pattern is not a valid regular expression: {}", regex_->error()));
}

bool ParsePattern::match(std::string_view text, std::vector<std::string_view>& captures) const {
  captures.assign(capture_parts_.size(), std::string_view());
  if (!regex_) return match_literals(text, captures);
  int groups = regex_->NumberOfCapturingGroups();
  std::vector<re2::StringPiece> sub(static_cast<size_t>(groups) + 1);
  if (!regex_->Match(re2::StringPiece(text.data(), text.size()), 0, text.size(), RE2::ANCHOR_BOTH, sub.data(), groups + 1))
    return false;
  for (size_t i = 0; i < capture_groups_.size(); ++i) {
    const auto& s = sub[static_cast<size_t>(capture_groups_[i])];
    captures[i] = std::string_view(s.data() ? s.data() : "", s.size());
  }
  return true;
}

bool ParsePattern::match_literals(std::string_view text, std::vector<std::string_view>& captures) const {
  size_t pos = 0;
  // A gap's text goes to its last capture or wildcard; the lazy ones before it get nothing.
  auto fill_gap = [&](const Piece& gap, size_t begin, size_t end) {
    for (size_t k = 0; k < gap.gap_captures.size(); ++k) {
      int c = gap.gap_captures[k];
      if (c < 0) continue;
      bool last = k + 1 == gap.gap_captures.size();
      captures[static_cast<size_t>(c)] = last ? text.substr(begin, end - begin) : text.substr(begin, 0);
    }
  };
  for (size_t i = 0; i < pieces_.size(); ++i) {
    const Piece& piece = pieces_[i];
    bool last = i + 1 == pieces_.size();
    if (piece.literal.empty()) {
      if (last) fill_gap(piece, pos, text.size());
      continue;
    }
    const std::string& lit = piece.literal;
    if (i == 0) {
      // The pattern starts with text: the value must too (and be all of it if nothing follows).
      if (!text.starts_with(lit) || (last && text.size() != lit.size())) return false;
      pos = lit.size();
      continue;
    }
    size_t at;
    if (last) {
      // The pattern ends with text: the value must end with it, after what came before.
      if (text.size() < lit.size() || text.size() - lit.size() < pos || !text.ends_with(lit)) return false;
      at = text.size() - lit.size();
    } else {
      at = text.find(lit, pos);
      if (at == std::string_view::npos) return false;
    }
    fill_gap(pieces_[i - 1], pos, at);
    pos = at + lit.size();
  }
  // An empty pattern matches only an empty value.
  return !pieces_.empty() || text.empty();
}

}  // namespace huntdb::exec
