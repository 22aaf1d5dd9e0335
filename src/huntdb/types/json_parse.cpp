// parse_json: JSON text to a dynamic value. Strict JSON goes through simdjson (the ingest and
// parse_json hot path); text simdjson refuses gets a second chance with a small forgiving parser
// that also takes what Kusto takes beyond strict JSON (single-quoted strings and keys), integers
// beyond 64 bits (as reals) and text that is not valid UTF-8.
#include <simdjson.h>

#include <charconv>
#include <cmath>
#include <limits>

#include "huntdb/types/dynamic.h"

namespace huntdb {
namespace {

// ---------------------------------------------------------------- strict path (simdjson)

// Recursion is bounded: simdjson rejects documents nested deeper than its default max depth.
static_assert(simdjson::DEFAULT_MAX_DEPTH == kMaxJsonDepth);
DynamicPtr from_simdjson(simdjson::dom::element e) {
  using simdjson::dom::element_type;
  switch (e.type()) {
    case element_type::NULL_VALUE: return DynValue::null();
    case element_type::BOOL: return DynValue::of_bool(e.get_bool().value_unsafe());
    case element_type::INT64: return DynValue::of_long(e.get_int64().value_unsafe());
    // Beyond the long range: Kusto keeps the number as a real.
    case element_type::UINT64: return DynValue::of_real(static_cast<double>(e.get_uint64().value_unsafe()));
    case element_type::DOUBLE: return DynValue::of_real(e.get_double().value_unsafe());
    case element_type::STRING: return DynValue::of_string(std::string(e.get_string().value_unsafe()));
    case element_type::ARRAY: {
      simdjson::dom::array arr = e.get_array().value_unsafe();
      DynValue::Elements items;
      items.reserve(arr.size());
      for (simdjson::dom::element child : arr) items.push_back(from_simdjson(child));
      return DynValue::of_array(std::move(items));
    }
    case element_type::OBJECT: {
      simdjson::dom::object obj = e.get_object().value_unsafe();
      DynValue::Properties props;
      props.reserve(obj.size());
      for (auto field : obj) props.emplace_back(std::string(field.key), from_simdjson(field.value));
      return DynValue::of_object(std::move(props));
    }
  }
  return DynValue::null();
}

std::optional<DynamicPtr> parse_strict(std::string_view text) {
  // A parser keeps its buffers between documents; one per thread makes repeated calls cheap.
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(text.data(), text.size()).get(root) != simdjson::SUCCESS) return std::nullopt;
  return from_simdjson(root);
}

// ---------------------------------------------------------------- forgiving path

class ForgivingJsonParser {
 public:
  explicit ForgivingJsonParser(std::string_view text) : s_(text) {}

  std::optional<DynamicPtr> parse() {
    skip_space();
    DynamicPtr v = value(0);
    if (!v) return std::nullopt;
    skip_space();
    if (p_ != s_.size()) return std::nullopt;
    return v;
  }

 private:
  char peek() const { return p_ < s_.size() ? s_[p_] : '\0'; }
  bool at_end() const { return p_ >= s_.size(); }

  void skip_space() {
    while (p_ < s_.size() && (s_[p_] == ' ' || s_[p_] == '\t' || s_[p_] == '\n' || s_[p_] == '\r')) ++p_;
  }

  bool literal(std::string_view word) {
    if (s_.substr(p_, word.size()) != word) return false;
    p_ += word.size();
    return true;
  }

  // Null pointer = syntax error.
  DynamicPtr value(size_t depth) {
    if (depth >= kMaxJsonDepth || at_end()) return nullptr;
    char c = peek();
    if (c == '{') return object(depth + 1);
    if (c == '[') return array(depth + 1);
    if (c == '"' || c == '\'') {
      auto s = string();
      return s ? DynValue::of_string(std::move(*s)) : nullptr;
    }
    if (c == '-' || (c >= '0' && c <= '9')) return number();
    if (literal("true")) return DynValue::of_bool(true);
    if (literal("false")) return DynValue::of_bool(false);
    if (literal("null")) return DynValue::null();
    return nullptr;
  }

  DynamicPtr array(size_t depth) {
    ++p_;  // [
    DynValue::Elements items;
    skip_space();
    if (peek() == ']') {
      ++p_;
      return DynValue::of_array(std::move(items));
    }
    while (true) {
      skip_space();
      DynamicPtr item = value(depth);
      if (!item) return nullptr;
      items.push_back(std::move(item));
      skip_space();
      if (peek() == ',') {
        ++p_;
      } else if (peek() == ']') {
        ++p_;
        return DynValue::of_array(std::move(items));
      } else {
        return nullptr;
      }
    }
  }

  DynamicPtr object(size_t depth) {
    ++p_;  // {
    DynValue::Properties props;
    skip_space();
    if (peek() == '}') {
      ++p_;
      return DynValue::of_object(std::move(props));
    }
    while (true) {
      skip_space();
      if (peek() != '"' && peek() != '\'') return nullptr;
      auto key = string();
      if (!key) return nullptr;
      skip_space();
      if (peek() != ':') return nullptr;
      ++p_;
      skip_space();
      DynamicPtr item = value(depth);
      if (!item) return nullptr;
      props.emplace_back(std::move(*key), std::move(item));
      skip_space();
      if (peek() == ',') {
        ++p_;
      } else if (peek() == '}') {
        ++p_;
        return DynValue::of_object(std::move(props));
      } else {
        return nullptr;
      }
    }
  }

  static void append_utf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }

  std::optional<uint32_t> hex4() {
    if (p_ + 4 > s_.size()) return std::nullopt;
    uint32_t v = 0;
    auto res = std::from_chars(s_.data() + p_, s_.data() + p_ + 4, v, 16);
    if (res.ec != std::errc() || res.ptr != s_.data() + p_ + 4) return std::nullopt;
    p_ += 4;
    return v;
  }

  // A string in double or single quotes; the other quote needs no escape inside it.
  std::optional<std::string> string() {
    const char quote = s_[p_++];
    std::string out;
    while (true) {
      if (at_end()) return std::nullopt;
      char c = s_[p_++];
      if (c == quote) return out;
      if (static_cast<unsigned char>(c) < 0x20) return std::nullopt;
      if (c != '\\') {
        out.push_back(c);
        continue;
      }
      if (at_end()) return std::nullopt;
      char esc = s_[p_++];
      switch (esc) {
        case '"': case '\'': case '\\': case '/': out.push_back(esc); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'n': out.push_back('\n'); break;
        case 'r': out.push_back('\r'); break;
        case 't': out.push_back('\t'); break;
        case 'u': {
          auto cp = hex4();
          if (!cp) return std::nullopt;
          // A surrogate pair makes one code point; a lone surrogate becomes U+FFFD.
          if (*cp >= 0xD800 && *cp <= 0xDBFF && s_.substr(p_, 2) == "\\u") {
            size_t save = p_;
            p_ += 2;
            auto low = hex4();
            if (low && *low >= 0xDC00 && *low <= 0xDFFF) {
              append_utf8(out, 0x10000 + ((*cp - 0xD800) << 10) + (*low - 0xDC00));
              break;
            }
            p_ = save;
          }
          append_utf8(out, (*cp >= 0xD800 && *cp <= 0xDFFF) ? 0xFFFD : *cp);
          break;
        }
        default: return std::nullopt;
      }
    }
  }

  // JSON's number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
  DynamicPtr number() {
    size_t start = p_;
    if (peek() == '-') ++p_;
    if (peek() == '0') {
      ++p_;
    } else if (peek() >= '1' && peek() <= '9') {
      while (peek() >= '0' && peek() <= '9') ++p_;
    } else {
      return nullptr;
    }
    bool integral = true;
    if (peek() == '.') {
      integral = false;
      ++p_;
      if (!(peek() >= '0' && peek() <= '9')) return nullptr;
      while (peek() >= '0' && peek() <= '9') ++p_;
    }
    if (peek() == 'e' || peek() == 'E') {
      integral = false;
      ++p_;
      if (peek() == '+' || peek() == '-') ++p_;
      if (!(peek() >= '0' && peek() <= '9')) return nullptr;
      while (peek() >= '0' && peek() <= '9') ++p_;
    }
    const char* first = s_.data() + start;
    const char* last = s_.data() + p_;
    if (integral) {
      int64_t v = 0;
      auto res = std::from_chars(first, last, v);
      if (res.ec == std::errc() && res.ptr == last) return DynValue::of_long(v);
      // Too long for a long: fall through and keep it as a real.
    }
    double d = 0;
    auto res = std::from_chars(first, last, d);
    if (res.ec == std::errc::result_out_of_range) {
      // Overflow is infinite, underflow is zero.
      bool negative = *first == '-';
      const char* e = first;
      while (e < last && *e != 'e' && *e != 'E') ++e;
      bool tiny = e < last && e + 1 < last && e[1] == '-';
      d = tiny ? 0.0 : std::numeric_limits<double>::infinity();
      if (negative) d = -d;
    } else if (res.ec != std::errc()) {
      return nullptr;
    }
    return DynValue::of_real(d);
  }

  std::string_view s_;
  size_t p_ = 0;
};

}  // namespace

std::optional<DynamicPtr> parse_json(std::string_view text) {
  if (auto v = parse_strict(text)) return v;
  return ForgivingJsonParser(text).parse();
}

}  // namespace huntdb
