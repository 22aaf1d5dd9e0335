// Reading a management command's text: keywords, names, punctuation, `with (...)` properties,
// balanced `( ... )` and `{ ... }` spans, and the text after `<|`. Offsets are into the whole
// command text, so an error points at the place it was found.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace huntdb::commands {

// A command's error: the message and the offset of the text it is about.
struct CommandError {
  std::string message;
  size_t offset = 0;
  size_t length = 1;
};

class CommandCursor {
 public:
  explicit CommandCursor(std::string_view text) : text_(text) {}

  std::string_view text() const { return text_; }
  size_t pos() const { return pos_; }
  // Goes back to an offset pos() gave, to read the text again another way.
  void seek(size_t pos) { pos_ = pos; }
  // The offset of the next token (after spaces and comments).
  size_t next() {
    skip_space();
    return pos_;
  }
  bool at_end() {
    skip_space();
    return pos_ >= text_.size();
  }

  // The token, when the text continues with it (a word token must end there).
  bool accept(std::string_view token);
  void expect(std::string_view token);
  // A keyword or command word: letters, digits, '-' and '_'; empty when none follows.
  std::string word();
  // A keyword, lowercased (command keywords are case-insensitive).
  std::string keyword();
  // A table, column or function name: an identifier, or ['name'] / ["name"].
  std::string name();
  // A string literal ('...' or "..."), its value.
  std::string string_literal();
  // `with (name = value, ...)`, when present: the names lowercased, values as written (string
  // literals unquoted).
  std::vector<std::pair<std::string, std::string>> properties();
  // From a `(` or `{` here to its matching close, both included; strings and comments inside
  // are skipped over.
  std::string_view balanced(char open, char close);
  // The rest of the text.
  std::string_view rest();
  // Fails unless the text ends here.
  void expect_end();

  [[noreturn]] void fail(std::string message) const { throw CommandError{std::move(message), pos_}; }
  [[noreturn]] void fail_at(size_t offset, std::string message) const { throw CommandError{std::move(message), offset}; }

 private:
  void skip_space();
  // Past the string literal starting at `at`; npos when it is not closed.
  size_t skip_string(size_t at) const;

  std::string_view text_;
  size_t pos_ = 0;
};

}  // namespace huntdb::commands
