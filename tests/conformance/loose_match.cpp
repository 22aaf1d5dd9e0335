#include "loose_match.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>

#include "huntdb/types/datetime.h"
#include "huntdb/types/dynamic.h"
#include "huntdb/types/format.h"
#include "huntdb/types/number_format.h"

namespace huntdb::conformance {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string collapse_whitespace(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : trim(s)) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// Replaces every case-insensitive occurrence of an HTML line break (<br>, <br/>, <br />).
std::string breaks_to_newlines(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '<' && i + 3 < s.size() && std::tolower(static_cast<unsigned char>(s[i + 1])) == 'b' &&
        std::tolower(static_cast<unsigned char>(s[i + 2])) == 'r') {
      size_t j = i + 3;
      while (j < s.size() && s[j] == ' ') ++j;
      if (j < s.size() && s[j] == '/') ++j;
      if (j < s.size() && s[j] == '>') {
        out += '\n';
        i = j + 1;
        continue;
      }
    }
    out += s[i++];
  }
  return out;
}

std::string replace_all(std::string_view s, std::string_view from, std::string_view to) {
  std::string out;
  size_t done = 0;
  for (size_t at = s.find(from); at != std::string_view::npos; at = s.find(from, done)) {
    out.append(s.substr(done, at - done));
    out.append(to);
    done = at + from.size();
  }
  out.append(s.substr(done));
  return out;
}

// 700,000,000: digits grouped by thousands, as some pages write large numbers. Text that is not
// exactly [-]d{1,3}(,ddd)+[.ddd] comes back unchanged.
std::string without_thousands_separators(std::string_view s) {
  size_t i = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
  size_t lead = 0;
  while (i + lead < s.size() && std::isdigit(static_cast<unsigned char>(s[i + lead]))) ++lead;
  if (lead == 0 || lead > 3) return std::string(s);
  size_t at = i + lead;
  std::string out(s.substr(0, at));
  bool grouped = false;
  while (at < s.size() && s[at] == ',') {
    if (at + 4 > s.size()) return std::string(s);
    for (size_t k = 1; k <= 3; ++k)
      if (!std::isdigit(static_cast<unsigned char>(s[at + k]))) return std::string(s);
    out.append(s.substr(at + 1, 3));
    at += 4;
    grouped = true;
  }
  if (!grouped) return std::string(s);
  if (at < s.size() && s[at] != '.') return std::string(s);
  out.append(s.substr(at));
  return out;
}

std::optional<double> parse_number(std::string_view text) {
  std::string plain = without_thousands_separators(trim(text));
  std::string_view s = plain;
  if (s == "NaN") return std::nan("");
  if (s == "Infinity" || s == "∞") return HUGE_VAL;
  if (s == "-Infinity" || s == "-∞") return -HUGE_VAL;
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<int64_t> parse_integer(std::string_view text) {
  std::string plain = without_thousands_separators(trim(text));
  std::string_view s = plain;
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

bool looks_like_json(std::string_view s) {
  s = trim(s);
  return !s.empty() && (s.front() == '[' || s.front() == '{');
}

// 2018-07-01T..., 2018-07-01 ...: text that is meant as a datetime (not any text todatetime
// happens to accept, which would blur tests of date formatting).
bool looks_like_iso_datetime(std::string_view s) {
  s = trim(s);
  if (s.size() < 10) return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return s[4] == '-' && s[7] == '-';
}

// True / true / TRUE, and 1 / 0 as some pages show booleans.
bool bool_matches(std::string_view expected, bool actual) {
  std::string e = lower(trim(expected));
  return e == (actual ? "true" : "false") || e == (actual ? "1" : "0");
}

// Text with double quotes and whitespace removed: pages often write arrays of strings without
// their quotes ([yes, no] for ["yes","no"]).
std::string without_quotes_and_spaces(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != '"' && !std::isspace(static_cast<unsigned char>(c))) out += c;
  return out;
}

bool text_matches(std::string_view expected, std::string_view actual);

bool dynamic_matches(const DynValue& e, const DynValue& a) {
  using K = DynValue::Kind;
  auto numeric = [](K k) { return k == K::Long || k == K::Real || k == K::Decimal; };
  if (numeric(e.kind()) && numeric(a.kind())) {
    if (e.kind() == K::Long && a.kind() == K::Long) return e.as_long() == a.as_long();
    double ev = e.kind() == K::Long ? static_cast<double>(e.as_long()) : e.as_real();
    double av = a.kind() == K::Long ? static_cast<double>(a.as_long()) : a.as_real();
    // The expected number's shortest text carries the digits the docs wrote.
    return number_matches(e.kind() == K::Long ? std::to_string(e.as_long()) : format_real(ev), av);
  }
  if (e.kind() != a.kind()) return false;
  switch (e.kind()) {
    case K::Null: return true;
    case K::Bool: return e.as_bool() == a.as_bool();
    case K::String: return text_matches(e.as_string(), a.as_string());
    case K::Array: {
      const auto& ee = e.elements();
      const auto& ae = a.elements();
      if (ee.size() != ae.size()) return false;
      for (size_t i = 0; i < ee.size(); ++i)
        if (!dynamic_matches(*ee[i], *ae[i])) return false;
      return true;
    }
    case K::Object: {
      // Property order is not part of a bag's value.
      if (e.properties().size() != a.properties().size()) return false;
      for (const auto& [key, value] : e.properties()) {
        const DynValue* other = a.member(key);
        if (!other || !dynamic_matches(*value, *other)) return false;
      }
      return true;
    }
    default: return dynamic_equal(e, a);
  }
}

// Both sides as plain JSON kinds: datetimes, timespans and guids become the strings the JSON
// text shows, so the two sides compare alike.
std::optional<DynamicPtr> as_plain_json(const DynValue& v) { return parse_json(to_json(v)); }

bool json_text_matches(std::string_view expected, const DynValue& actual) {
  auto e = parse_json(trim(expected));
  auto a = as_plain_json(actual);
  if (e && a && *e && *a) return dynamic_matches(**e, **a);
  // Not JSON as written: an array or bag whose strings lost their quotes on the page.
  return !e && looks_like_json(expected) && without_quotes_and_spaces(expected) == without_quotes_and_spaces(to_json(actual));
}

bool text_matches(std::string_view expected, std::string_view actual) {
  if (trim(expected) == trim(actual)) return true;
  // A string shown in double quotes ("abc" for abc), unless the value itself is quoted.
  std::string_view e = trim(expected);
  if (e.size() >= 2 && e.front() == '"' && e.back() == '"' && !trim(actual).starts_with('"') &&
      e.substr(1, e.size() - 2) == trim(actual))
    return true;
  if (collapse_whitespace(expected) == collapse_whitespace(actual)) return true;
  if (looks_like_json(expected) && looks_like_json(actual)) {
    auto a = parse_json(trim(actual));
    if (a && *a && json_text_matches(expected, **a)) return true;
  }
  if (looks_like_iso_datetime(expected) && looks_like_iso_datetime(actual)) {
    auto e = parse_datetime(trim(expected));
    auto a = parse_datetime(trim(actual));
    if (e && a && *e == *a) return true;
  }
  return false;
}

}  // namespace

std::string unmarkup_cell(std::string_view cell) {
  std::string_view s = trim(cell);
  // `value` and ``value``: code spans around the whole cell.
  while (s.size() >= 2 && s.front() == '`' && s.back() == '`') s = trim(s.substr(1, s.size() - 2));
  std::string out = breaks_to_newlines(s);
  out = replace_all(out, "\\|", "|");
  out = replace_all(out, "\\_", "_");  // markdown's escaped underscore (series\_stats\_y\_min)
  out = replace_all(out, "&#124;", "|");
  out = replace_all(out, "&lt;", "<");
  out = replace_all(out, "&gt;", ">");
  out = replace_all(out, "&quot;", "\"");
  out = replace_all(out, "&nbsp;", " ");
  out = replace_all(out, "&amp;", "&");
  return std::string(trim(out));
}

bool number_matches(std::string_view expected, double actual) {
  expected = trim(expected);
  auto e = parse_number(expected);
  if (!e) return false;
  if (std::isnan(*e) || std::isnan(actual)) return std::isnan(*e) && std::isnan(actual);
  if (std::isinf(*e) || std::isinf(actual)) return *e == actual;
  // Half a unit in the last digit written: 0.982 covers [0.9815, 0.9825]; 1.5E-05 covers
  // 1.5E-05 +- 5E-07.
  std::string_view mantissa = expected;
  int exponent = 0;
  if (size_t e_at = expected.find_first_of("eE"); e_at != std::string_view::npos) {
    mantissa = expected.substr(0, e_at);
    exponent = static_cast<int>(parse_integer(expected.substr(e_at + 1)).value_or(0));
  }
  int decimals = 0;
  if (size_t dot = mantissa.find('.'); dot != std::string_view::npos) decimals = static_cast<int>(mantissa.size() - dot - 1);
  double tolerance = 0.5 * std::pow(10.0, exponent - decimals);
  return std::fabs(actual - *e) <= tolerance + 1e-9 * std::fabs(*e);
}

bool cell_matches(std::string_view expected_cell, const Value& actual) {
  std::string expected = unmarkup_cell(expected_cell);
  // Some pages write nulls out (`null`, `(null)`) instead of leaving the cell empty.
  if (actual.is_null()) return expected.empty() || expected == "null" || expected == "(null)";
  switch (actual.type) {
    case ScalarType::Bool:
      return bool_matches(expected, actual.as_bool());
    case ScalarType::Int:
    case ScalarType::Long: {
      int64_t v = actual.type == ScalarType::Int ? actual.as_int() : actual.as_long();
      if (auto e = parse_integer(expected)) return *e == v;
      return number_matches(expected, static_cast<double>(v));
    }
    case ScalarType::Real:
      return number_matches(expected, actual.as_real());
    case ScalarType::Decimal:
      return number_matches(expected, std::get<Decimal>(actual.data).value);
    case ScalarType::DateTime: {
      auto e = parse_datetime(expected);
      return e && *e == actual.as_long();
    }
    case ScalarType::TimeSpan: {
      auto e = parse_timespan(expected);
      return e && *e == actual.as_long();
    }
    case ScalarType::Guid:
      return lower(expected) == lower(format_value(actual));
    case ScalarType::Dynamic: {
      const DynValue& d = *actual.as_dynamic();
      if (d.kind() == DynValue::Kind::String) return text_matches(expected, d.as_string());
      if (d.is_null()) return expected.empty() || expected == "null";
      if (d.kind() == DynValue::Kind::Bool) return bool_matches(expected, d.as_bool());
      if (json_text_matches(expected, d)) return true;
      return text_matches(expected, format_value(actual));
    }
    default:
      return text_matches(expected, format_value(actual));
  }
}

}  // namespace huntdb::conformance
