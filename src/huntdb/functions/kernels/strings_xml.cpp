// parse_xml(): XML text as a dynamic value, converted as the parse_xml() reference page's table
// shows: <e/> is {"e": null}, <e>text</e> is {"e": "text"}, attributes become "@name" members,
// text beside attributes or elements becomes "#text", repeated child elements become an array.
// Only elements, attributes and text (CDATA included) are kept; the declaration, comments,
// processing instructions and DOCTYPE are skipped. Text values stay strings. Invalid XML, or
// input over 1 MB (the page's limit), gives null.
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/string_kernel_util.h"

namespace huntdb::functions {

namespace {

constexpr size_t kMaxXmlBytes = 1 << 20;
constexpr int kMaxDepth = 256;

class XmlParser {
 public:
  explicit XmlParser(std::string_view s) : s_(s) {}

  // The document: {"root": value}, or nullopt if it is not well-formed.
  std::optional<DynamicPtr> document() {
    skip_misc();
    if (!at('<')) return std::nullopt;
    std::string name;
    DynamicPtr value;
    if (!element(name, value, 0)) return std::nullopt;
    skip_misc();
    if (pos_ != s_.size()) return std::nullopt;
    DynValue::Properties props;
    props.emplace_back(std::move(name), std::move(value));
    return DynValue::of_object(std::move(props));
  }

 private:
  bool at(char c) const { return pos_ < s_.size() && s_[pos_] == c; }
  bool starts(std::string_view t) const { return s_.substr(pos_, t.size()) == t; }
  static bool space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
  void skip_space() {
    while (pos_ < s_.size() && space(s_[pos_])) ++pos_;
  }
  bool skip_past(std::string_view end) {
    size_t e = s_.find(end, pos_);
    if (e == std::string_view::npos) return false;
    pos_ = e + end.size();
    return true;
  }
  // Whitespace, the declaration, comments, processing instructions and DOCTYPE.
  bool skip_misc() {
    for (;;) {
      skip_space();
      if (starts("<?")) {
        if (!skip_past("?>")) return false;
      } else if (starts("<!--")) {
        if (!skip_past("-->")) return false;
      } else if (starts("<!DOCTYPE")) {
        // Skip to the matching '>' (an internal subset in brackets may hold '>').
        int brackets = 0;
        while (pos_ < s_.size()) {
          char c = s_[pos_++];
          if (c == '[') ++brackets;
          else if (c == ']') --brackets;
          else if (c == '>' && brackets <= 0) break;
        }
      } else {
        return true;
      }
    }
  }
  static bool name_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == ':' || c == '-' || c == '.' ||
           static_cast<unsigned char>(c) >= 0x80;
  }
  bool name(std::string& out) {
    size_t b = pos_;
    while (pos_ < s_.size() && name_char(s_[pos_])) ++pos_;
    if (pos_ == b) return false;
    out.assign(s_.substr(b, pos_ - b));
    return true;
  }
  // Appends text with its entity and character references decoded.
  bool decode(std::string_view t, std::string& out) {
    for (size_t i = 0; i < t.size(); ++i) {
      if (t[i] != '&') {
        out += t[i];
        continue;
      }
      size_t semi = t.find(';', i);
      if (semi == std::string_view::npos) return false;
      std::string_view ref = t.substr(i + 1, semi - i - 1);
      if (ref == "lt") out += '<';
      else if (ref == "gt") out += '>';
      else if (ref == "amp") out += '&';
      else if (ref == "quot") out += '"';
      else if (ref == "apos") out += '\'';
      else if (ref.size() > 1 && ref[0] == '#') {
        bool hex = ref[1] == 'x' || ref[1] == 'X';
        std::string digits(ref.substr(hex ? 2 : 1));
        if (digits.empty()) return false;
        char* end = nullptr;
        unsigned long cp = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
        if (*end || cp > 0x10FFFF) return false;
        append_utf8(out, static_cast<uint32_t>(cp));
      } else {
        return false;
      }
      i = semi;
    }
    return true;
  }

  // Members of an element's object, in first-appearance order; a name seen several times
  // becomes an array.
  struct Members {
    std::vector<std::pair<std::string, DynValue::Elements>> entries;
    void add(std::string key, DynamicPtr v) {
      for (auto& [k, values] : entries)
        if (k == key) {
          values.push_back(std::move(v));
          return;
        }
      entries.emplace_back(std::move(key), DynValue::Elements{std::move(v)});
    }
    DynamicPtr object() {
      DynValue::Properties props;
      for (auto& [k, values] : entries)
        props.emplace_back(std::move(k), values.size() == 1 ? std::move(values[0]) : DynValue::of_array(std::move(values)));
      return DynValue::of_object(std::move(props));
    }
  };

  // An element at pos_ ('<'): its name and converted value.
  bool element(std::string& tag, DynamicPtr& value, int depth) {
    if (depth > kMaxDepth || !at('<')) return false;
    ++pos_;
    if (!name(tag)) return false;
    Members members;
    bool any_attribute = false;
    for (;;) {
      skip_space();
      if (starts("/>")) {
        pos_ += 2;
        value = any_attribute ? members.object() : DynValue::null();
        return true;
      }
      if (at('>')) {
        ++pos_;
        break;
      }
      std::string attr;
      if (!name(attr)) return false;
      skip_space();
      if (!at('=')) return false;
      ++pos_;
      skip_space();
      if (!at('"') && !at('\'')) return false;
      char quote = s_[pos_++];
      size_t end = s_.find(quote, pos_);
      if (end == std::string_view::npos) return false;
      std::string v;
      if (!decode(s_.substr(pos_, end - pos_), v)) return false;
      pos_ = end + 1;
      members.add("@" + attr, DynValue::of_string(std::move(v)));
      any_attribute = true;
    }
    // Content: text, CDATA, child elements, comments and processing instructions.
    std::vector<std::string> texts;
    bool any_child = false;
    for (;;) {
      if (pos_ >= s_.size()) return false;
      if (starts("</")) {
        pos_ += 2;
        std::string close;
        if (!name(close) || close != tag) return false;
        skip_space();
        if (!at('>')) return false;
        ++pos_;
        break;
      }
      if (starts("<!--")) {
        if (!skip_past("-->")) return false;
      } else if (starts("<?")) {
        if (!skip_past("?>")) return false;
      } else if (starts("<![CDATA[")) {
        pos_ += 9;
        size_t end = s_.find("]]>", pos_);
        if (end == std::string_view::npos) return false;
        texts.emplace_back(s_.substr(pos_, end - pos_));
        members.add("#text", DynValue::of_string(texts.back()));
        pos_ = end + 3;
      } else if (at('<')) {
        std::string child;
        DynamicPtr v;
        if (!element(child, v, depth + 1)) return false;
        members.add(std::move(child), std::move(v));
        any_child = true;
      } else {
        size_t end = s_.find('<', pos_);
        if (end == std::string_view::npos) return false;
        std::string_view raw = s_.substr(pos_, end - pos_);
        pos_ = end;
        size_t b = raw.find_first_not_of(" \t\r\n");
        if (b == std::string_view::npos) continue;  // whitespace between elements
        size_t e = raw.find_last_not_of(" \t\r\n");
        std::string t;
        if (!decode(raw.substr(b, e - b + 1), t)) return false;
        members.add("#text", DynValue::of_string(t));
        texts.push_back(std::move(t));
      }
    }
    if (!any_attribute && !any_child) {
      if (texts.empty()) value = DynValue::null();
      else value = DynValue::of_string(join(texts));
      return true;
    }
    // Text beside attributes or elements is a "#text" member where it first appears.
    value = members.object();
    return true;
  }

  static std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) out += p;
    return out;
  }

  std::string_view s_;
  size_t pos_ = 0;
};

ColumnPtr parse_xml_kernel(const KernelArgs& a) {
  TextReader s(a.ptr(0));
  std::vector<DynamicPtr> out(a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    std::string_view text = s.get(i);
    if (text.empty() || text.size() > kMaxXmlBytes) continue;
    XmlParser p(text);
    if (auto d = p.document()) out[i] = std::move(*d);
  }
  return Column::make_dynamics(std::move(out));
}

}  // namespace

void attach_string_xml_kernels(Registry& r) {
  static const KernelTable kernels[] = {
      {.name = "parse_xml", .kernel = parse_xml_kernel},
  };
  r.attach(kernels);
}

}  // namespace huntdb::functions
