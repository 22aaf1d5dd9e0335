#include "huntdb/kql/literals.h"

#include "huntdb/kql/lexer.h"

namespace huntdb::kql {

namespace {

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string decode_string_literal(std::string_view t) {
  size_t start = 0;
  size_t end = t.size();
  if (start < end && (t[start] == 'h' || t[start] == 'H')) ++start;
  bool verbatim = false;
  if (start < end && t[start] == '@') {
    verbatim = true;
    ++start;
  }
  if (t.substr(start, 3) == "```") {
    start += 3;
    if (end >= start + 3 && t.substr(end - 3) == "```") end -= 3;
    return std::string(t.substr(start, end - start));
  }
  if (start >= end) return {};
  char quote = t[start++];
  if (end > start && t[end - 1] == quote) --end;
  std::string out;
  out.reserve(end - start);
  for (size_t i = start; i < end; ++i) {
    char c = t[i];
    if (verbatim) {
      out += c;
      if (c == quote && i + 1 < end && t[i + 1] == quote) ++i;
      continue;
    }
    if (c != '\\' || i + 1 >= end) {
      out += c;
      continue;
    }
    char e = t[++i];
    switch (e) {
      case '\'': case '"': case '\\': out += e; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case 'x': case 'u': case 'U': {
        size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        uint32_t cp = 0;
        size_t j = 0;
        for (; j < digits && i + 1 < end && hex_value(t[i + 1]) >= 0; ++j) cp = cp * 16 + hex_value(t[++i]);
        append_utf8(out, cp);
        break;
      }
      default: {
        if (e >= '0' && e <= '7') {
          uint32_t cp = e - '0';
          for (int j = 0; j < 2 && i + 1 < end && t[i + 1] >= '0' && t[i + 1] <= '7'; ++j) cp = cp * 8 + (t[++i] - '0');
          append_utf8(out, cp);
        } else {
          out += '\\';
          out += e;
        }
      }
    }
  }
  return out;
}

std::string quote_string(std::string_view value) {
  bool single = value.find('\'') == std::string_view::npos;
  char q = single ? '\'' : '"';
  std::string out(1, q);
  for (char c : value) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\a': out += "\\a"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c == q) out += '\\';
        out += c;
    }
  }
  out += q;
  return out;
}

std::string quote_name(std::string_view name) {
  if (is_plain_identifier(name)) return std::string(name);
  return "[" + quote_string(name) + "]";
}

}  // namespace huntdb::kql
