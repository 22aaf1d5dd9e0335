#include "huntdb/functions/kernels/string_kernel_util.h"

#include <charconv>

#include <fmt/format.h>
#include <utf8proc.h>

#include "huntdb/types/convert.h"
#include "huntdb/types/datetime.h"
#include "huntdb/types/format.h"

namespace huntdb::functions {

std::string value_text(const Value& v, TextForm form) {
  if (v.is_null()) return {};
  if (v.type == ScalarType::String) return v.as_string();
  if (v.type == ScalarType::DateTime && form == TextForm::RoundTrip) return format_datetime_round_trip(v.as_long());
  return format_value(v);
}

Value text_as(std::string_view text, ScalarType type) {
  Value s = Value::of_string(std::string(text));
  switch (type) {
    case ScalarType::String: return s;
    case ScalarType::Bool: if (auto v = to_bool(s)) return Value::of_bool(*v); break;
    case ScalarType::Int: if (auto v = to_int(s)) return Value::of_int(*v); break;
    case ScalarType::Long: if (auto v = to_long(s)) return Value::of_long(*v); break;
    case ScalarType::Real: if (auto v = to_real(s)) return Value::of_real(*v); break;
    case ScalarType::Decimal: if (auto v = to_decimal(s)) return Value::of_decimal(*v); break;
    case ScalarType::DateTime: if (auto v = to_datetime(s)) return Value::of_datetime(*v); break;
    case ScalarType::TimeSpan: if (auto v = to_timespan(s)) return Value::of_timespan(*v); break;
    case ScalarType::Guid: if (auto v = to_guid(s)) return Value::of_guid(*v); break;
    case ScalarType::Dynamic: {
      auto d = parse_json(text);
      return Value::of_dynamic(d ? *d : DynValue::of_string(std::string(text)));
    }
    default: break;
  }
  return Value::null(type);
}

std::string dynamic_text(const DynValue* d) {
  if (!d || d->is_null()) return {};
  if (d->kind() == DynValue::Kind::String) return d->as_string();
  return format_dynamic(*d);
}

ColumnPtr text_column(const ColumnPtr& c, TextForm form) {
  if (c->type() == ScalarType::String) return c;
  size_t rows = c->size();
  if (c->is_constant()) return Column::make_constant(Value::of_string(value_text(c->constant(), form)), rows);
  StringWriter out(rows, rows * 8);
  if (c->type() == ScalarType::Long || c->type() == ScalarType::Int) {
    // The common case (strcat of an event id) without boxing each value.
    LongReader r(*c);
    char buf[24];
    for (size_t i = 0; i < rows; ++i) {
      if (r.null(i)) {
        out.add({});
        continue;
      }
      auto res = std::to_chars(buf, buf + sizeof buf, r.get(i));
      out.add(std::string_view(buf, static_cast<size_t>(res.ptr - buf)));
    }
    return out.finish();
  }
  for (size_t i = 0; i < rows; ++i) out.add(value_text(c->value_at(i), form));
  return out.finish();
}

// ---------------------------------------------------------------- UTF-8

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size();) {
    int32_t cp;
    i += utf8_decode(s, i, cp);
    ++n;
  }
  return n;
}

size_t utf8_offset(std::string_view s, size_t chars) {
  size_t i = 0;
  for (size_t k = 0; k < chars && i < s.size(); ++k) {
    int32_t cp;
    i += utf8_decode(s, i, cp);
  }
  return i;
}

void utf8_starts(std::string_view s, std::vector<uint32_t>& out) {
  out.clear();
  for (size_t i = 0; i < s.size();) {
    out.push_back(static_cast<uint32_t>(i));
    int32_t cp;
    i += utf8_decode(s, i, cp);
  }
  out.push_back(static_cast<uint32_t>(s.size()));
}

size_t utf8_decode(std::string_view s, size_t i, int32_t& cp) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  utf8proc_int32_t v;
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                            static_cast<utf8proc_ssize_t>(s.size() - i), &v);
  if (n <= 0) {
    cp = c;
    return 1;
  }
  cp = v;
  return static_cast<size_t>(n);
}

bool is_valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    utf8proc_int32_t v;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                              static_cast<utf8proc_ssize_t>(s.size() - i), &v);
    if (n <= 0) return false;
    i += static_cast<size_t>(n);
  }
  return true;
}

void append_utf8(std::string& out, uint32_t code_point) {
  utf8proc_uint8_t buf[4];
  auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(code_point), buf);
  out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

std::string utf8_sanitize(std::string_view s) {
  if (is_valid_utf8(s)) return std::string(s);
  std::string out;
  out.reserve(s.size() + 8);
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    utf8proc_int32_t v;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                              static_cast<utf8proc_ssize_t>(s.size() - i), &v);
    if (n <= 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(s.substr(i, static_cast<size_t>(n)));
      i += static_cast<size_t>(n);
    }
  }
  return out;
}

// ---------------------------------------------------------------- regular expressions

namespace {

// (?<name>...) -> (?P<name>...), outside escapes and character classes; lookbehind syntax
// ((?<= and (?<!) is left alone for RE2 to reject.
std::string normalize_named_groups(std::string_view p) {
  if (p.find("(?<") == std::string_view::npos) return std::string(p);
  std::string out;
  out.reserve(p.size() + 4);
  bool in_class = false;
  for (size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (c == '\\' && i + 1 < p.size()) {
      out += c;
      out += p[++i];
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
      out += c;
      continue;
    }
    if (c == '[') {
      in_class = true;
      out += c;
      // A ']' right after '[' or '[^' is a literal member.
      if (i + 1 < p.size() && p[i + 1] == '^') out += p[++i];
      if (i + 1 < p.size() && p[i + 1] == ']') out += p[++i];
      continue;
    }
    if (c == '(' && p.substr(i, 3) == "(?<" && i + 3 < p.size() && p[i + 3] != '=' && p[i + 3] != '!') {
      out += "(?P<";
      i += 2;
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace

std::unique_ptr<RE2> make_regex(std::string_view pattern) {
  RE2::Options opt;
  opt.set_log_errors(false);
  opt.set_encoding(RE2::Options::EncodingUTF8);
  std::string p = normalize_named_groups(pattern);
  return std::make_unique<RE2>(p, opt);
}

std::string regex_error(std::string_view function, std::string_view pattern, const std::string& error) {
  return fmt::format("{}(): argument is not a valid regular expression '{}': {}", function, pattern, error);
}

RegexArg::RegexArg(const ColumnPtr& c, std::string_view function) {
  if (c->is_constant()) {
    std::string pattern = value_text(c->constant());
    auto re = make_regex(pattern);
    if (!re->ok())
      throw KernelError(regex_error(function, pattern, re->error()));
    constant_ = std::move(re);
    return;
  }
  patterns_ = std::make_unique<TextReader>(c);
}

const RE2* RegexArg::get(size_t i) {
  if (constant_) return constant_.get();
  if (!patterns_) return nullptr;
  std::string_view p = patterns_->get(i);
  auto it = cache_.find(p);
  if (it == cache_.end()) {
    auto re = make_regex(p);
    if (!re->ok()) re.reset();
    it = cache_.emplace(std::string(p), std::move(re)).first;
  }
  return it->second.get();
}

// ---------------------------------------------------------------- results

DynamicPtr string_array(const std::vector<std::string_view>& items) {
  DynValue::Elements el;
  el.reserve(items.size());
  for (auto s : items) el.push_back(DynValue::of_string(std::string(s)));
  return DynValue::of_array(std::move(el));
}

DynamicPtr string_array(const std::vector<std::string>& items) {
  DynValue::Elements el;
  el.reserve(items.size());
  for (const auto& s : items) el.push_back(DynValue::of_string(s));
  return DynValue::of_array(std::move(el));
}

}  // namespace huntdb::functions
