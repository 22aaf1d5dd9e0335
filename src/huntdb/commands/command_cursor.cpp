#include "huntdb/commands/command_cursor.h"

#include <cctype>

#include <fmt/format.h>

namespace huntdb::commands {

namespace {

bool word_char(char ch) { return std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_'; }

std::string lower(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

}  // namespace

void CommandCursor::skip_space() {
  while (pos_ < text_.size()) {
    if (std::isspace(static_cast<unsigned char>(text_[pos_]))) {
      ++pos_;
    } else if (text_.substr(pos_, 2) == "//") {
      while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
    } else {
      break;
    }
  }
}

bool CommandCursor::accept(std::string_view token) {
  skip_space();
  if (text_.substr(pos_, token.size()) != token) return false;
  if (std::isalpha(static_cast<unsigned char>(token.back())) && pos_ + token.size() < text_.size() &&
      word_char(text_[pos_ + token.size()]))
    return false;
  pos_ += token.size();
  return true;
}

void CommandCursor::expect(std::string_view token) {
  if (accept(token)) return;
  std::string_view seen = text_.substr(pos_, 20);
  if (seen.empty()) fail(fmt::format("Expected '{}' but the command ends.", token));
  fail(fmt::format("Expected '{}' at '{}'.", token, seen.substr(0, seen.find('\n'))));
}

std::string CommandCursor::word() {
  skip_space();
  size_t b = pos_;
  while (pos_ < text_.size() && word_char(text_[pos_])) ++pos_;
  return std::string(text_.substr(b, pos_ - b));
}

std::string CommandCursor::keyword() { return lower(word()); }

size_t CommandCursor::skip_string(size_t at) const {
  char q = text_[at];
  for (size_t i = at + 1; i < text_.size(); ++i) {
    if (text_[i] == '\\') {
      ++i;
    } else if (text_[i] == q) {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

std::string CommandCursor::string_literal() {
  skip_space();
  if (pos_ >= text_.size() || (text_[pos_] != '\'' && text_[pos_] != '"')) fail("Expected a string literal.");
  size_t end = skip_string(pos_);
  if (end == std::string_view::npos) fail("The string literal is not closed.");
  std::string out;
  for (size_t i = pos_ + 1; i + 1 < end; ++i) {
    if (text_[i] == '\\' && i + 2 < end) {
      char e = text_[++i];
      out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
    } else {
      out += text_[i];
    }
  }
  pos_ = end;
  return out;
}

std::string CommandCursor::name() {
  skip_space();
  if (accept("[")) {
    std::string n = string_literal();
    expect("]");
    return n;
  }
  std::string n = word();
  if (n.empty()) fail("Expected a name.");
  return n;
}

std::vector<std::pair<std::string, std::string>> CommandCursor::properties() {
  std::vector<std::pair<std::string, std::string>> out;
  if (!accept("with")) return out;
  expect("(");
  while (!accept(")")) {
    std::string key = keyword();
    if (key.empty()) fail("Expected a property name.");
    expect("=");
    skip_space();
    std::string value;
    if (pos_ < text_.size() && (text_[pos_] == '\'' || text_[pos_] == '"')) {
      value = string_literal();
    } else {
      value = word();
      if (value.empty()) fail(fmt::format("Expected a value for the property '{}'.", key));
    }
    out.emplace_back(std::move(key), std::move(value));
    if (!accept(",")) {
      expect(")");
      break;
    }
  }
  return out;
}

std::string_view CommandCursor::balanced(char open, char close) {
  skip_space();
  size_t begin = pos_;
  if (pos_ >= text_.size() || text_[pos_] != open) fail(fmt::format("Expected '{}'.", open));
  int depth = 0;
  for (size_t i = pos_; i < text_.size(); ++i) {
    char ch = text_[i];
    if (ch == '\'' || ch == '"') {
      size_t end = skip_string(i);
      if (end == std::string_view::npos) fail_at(i, "The string literal is not closed.");
      i = end - 1;
    } else if (ch == '/' && text_.substr(i, 2) == "//") {
      while (i < text_.size() && text_[i] != '\n') ++i;
    } else if (ch == open) {
      ++depth;
    } else if (ch == close && --depth == 0) {
      pos_ = i + 1;
      return text_.substr(begin, pos_ - begin);
    }
  }
  fail_at(begin, fmt::format("The '{}' is not closed.", open));
}

std::string_view CommandCursor::rest() {
  skip_space();
  std::string_view r = text_.substr(pos_);
  pos_ = text_.size();
  return r;
}

void CommandCursor::expect_end() {
  if (!at_end()) fail(fmt::format("Unexpected '{}' at the end of the command.", text_.substr(pos_, text_.find('\n', pos_) - pos_)));
}

}  // namespace huntdb::commands
