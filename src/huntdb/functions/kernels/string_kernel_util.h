// What the string and encoding kernels share: arguments of any scalar type read as text (Kusto
// "forcibly casts" a non-string argument to string), UTF-8 positions counted in characters (code
// points, as strlen/substring/indexof count them), regular expressions compiled once per call,
// and small builders for dynamic results.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

#include "huntdb/common/string_map.h"
#include "huntdb/functions/kernels/kernel_util.h"

namespace huntdb::functions {

// How a non-string value becomes text. Kusto's tostring() writes a datetime without a zero
// fraction; the functions that hash or reverse a value's text see .NET's round-trip form
// (hash_sha1(datetime(2020-01-01)) hashes "2020-01-01T00:00:00.0000000Z", reverse() of a datetime
// starts with "Z0000000.").
enum class TextForm : uint8_t { ToString, RoundTrip };

// The argument as a string column: the column itself when it is one, else its values converted
// (a constant stays constant). Nulls become the empty string.
ColumnPtr text_column(const ColumnPtr& c, TextForm form = TextForm::ToString);

// Reads any argument as text.
class TextReader {
 public:
  explicit TextReader(const ColumnPtr& c, TextForm form = TextForm::ToString)
      : column_(text_column(c, form)), reader_(*column_) {}
  std::string_view get(size_t i) const { return reader_.get(i); }

 private:
  ColumnPtr column_;
  StringReader reader_;
};

// The text of one value (rare paths: dynamic array elements, constants).
std::string value_text(const Value& v, TextForm form = TextForm::ToString);
// Text converted to a type as extract(..., typeof(T)) converts it: null where the conversion
// fails; a dynamic is the text parsed as JSON, or the text itself.
Value text_as(std::string_view text, ScalarType type);
// The text of a dynamic value as tostring() gives it (a string without quotes, null empty).
std::string dynamic_text(const DynValue* d);

// ---------------------------------------------------------------- UTF-8

// Number of characters (code points) in UTF-8 text; stray bytes count one each.
size_t utf8_length(std::string_view s);
// Byte offset just after the first `chars` characters (s.size() when there are fewer).
size_t utf8_offset(std::string_view s, size_t chars);
// Byte offsets of every character start, plus s.size() at the end.
void utf8_starts(std::string_view s, std::vector<uint32_t>& out);
bool is_valid_utf8(std::string_view s);
void append_utf8(std::string& out, uint32_t code_point);
// Decodes the character at s[i]; returns its length in bytes (1 for a stray byte, whose value is
// then the byte itself) and sets cp.
size_t utf8_decode(std::string_view s, size_t i, int32_t& cp);
// Invalid UTF-8 sequences replaced by U+FFFD (what .NET's decoder does to bytes it cannot read).
std::string utf8_sanitize(std::string_view s);

// ---------------------------------------------------------------- regular expressions

// RE2 with the options Kusto's regex functions use. Accepts the (?<name>...) spelling of a named
// group, which Kusto documents beside (?P<name>...) and this RE2 version does not know.
std::unique_ptr<RE2> make_regex(std::string_view pattern);

// The message of the KernelError for an invalid constant pattern.
std::string regex_error(std::string_view function, std::string_view pattern, const std::string& error);

// A regex argument: compiled once when it is a constant (an invalid constant pattern fails the
// query with a KernelError naming the function), else per distinct pattern. get() is null for
// an invalid non-constant pattern (the row's result is then null or the "no match" value).
class RegexArg {
 public:
  RegexArg(const ColumnPtr& c, std::string_view function);
  const RE2* get(size_t i);
  bool is_constant() const { return constant_ != nullptr; }

 private:
  std::unique_ptr<RE2> constant_;
  std::unique_ptr<TextReader> patterns_;
  StringMap<std::unique_ptr<RE2>> cache_;
};

// ---------------------------------------------------------------- results

// A dynamic array of strings.
DynamicPtr string_array(const std::vector<std::string_view>& items);
DynamicPtr string_array(const std::vector<std::string>& items);

// A constant argument's value, or nullopt when the column is not constant.
inline const Value* constant_value(const Column& c) { return c.is_constant() ? &c.constant() : nullptr; }

}  // namespace huntdb::functions
