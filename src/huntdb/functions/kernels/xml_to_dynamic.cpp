// A small well-formedness-checking XML reader that builds the element tree, then the dynamic
// value. The shape of the value follows the XML-to-JSON mapping Kusto documents for parse_xml
// (the same mapping as Json.NET's XmlNodeConverter, whose names "@attr" and "#text" it uses):
// whitespace-only text is dropped, as an XML document that does not preserve whitespace does.
#include "huntdb/functions/kernels/xml_to_dynamic.h"

#include <cctype>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace huntdb::functions {

namespace {

// Kusto returns null for longer texts.
constexpr size_t kMaxXmlBytes = 1 << 20;
// Deeper documents are rejected rather than risking the stack (conversion recurses).
constexpr size_t kMaxXmlDepth = 512;

struct XmlElement {
  std::string name;
  std::vector<std::pair<std::string, std::string>> attributes;
  // Children in document order: an element, or a text (element == nullptr).
  struct Child {
    std::unique_ptr<XmlElement> element;
    std::string text;
  };
  std::vector<Child> children;
  bool self_closing = false;
};

class XmlReader {
 public:
  explicit XmlReader(std::string_view s) : s_(s) {}

  std::unique_ptr<XmlElement> document() {
    if (s_.substr(0, 3) == "\xEF\xBB\xBF") i_ = 3;  // byte order mark
    if (!skip_misc()) return nullptr;
    if (i_ >= s_.size() || s_[i_] != '<') return nullptr;
    auto root = element(0);
    if (!root || !skip_misc() || i_ != s_.size()) return nullptr;
    return root;
  }

 private:
  static bool name_char(char c) {
    auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || std::isalnum(u) || c == '_' || c == ':' || c == '-' || c == '.';
  }
  static bool space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
  void skip_space() {
    while (i_ < s_.size() && space(s_[i_])) ++i_;
  }
  bool starts(std::string_view p) const { return s_.substr(i_, p.size()) == p; }
  // Skips past the next `end`; false if there is none.
  bool skip_past(std::string_view end) {
    size_t p = s_.find(end, i_);
    if (p == std::string_view::npos) return false;
    i_ = p + end.size();
    return true;
  }

  // Whitespace, comments, processing instructions (the XML declaration) and the doctype.
  bool skip_misc() {
    while (true) {
      skip_space();
      if (starts("<?")) {
        if (!skip_past("?>")) return false;
      } else if (starts("<!--")) {
        if (!skip_past("-->")) return false;
      } else if (starts("<!DOCTYPE")) {
        // An internal subset in brackets may hold '>' characters.
        int depth = 0;
        for (; i_ < s_.size(); ++i_) {
          if (s_[i_] == '[') ++depth;
          if (s_[i_] == ']') --depth;
          if (s_[i_] == '>' && depth == 0) break;
        }
        if (i_ >= s_.size()) return false;
        ++i_;
      } else {
        return true;
      }
    }
  }

  std::optional<std::string> name() {
    size_t start = i_;
    while (i_ < s_.size() && name_char(s_[i_])) ++i_;
    if (i_ == start || std::isdigit(static_cast<unsigned char>(s_[start])) || s_[start] == '-' || s_[start] == '.')
      return std::nullopt;
    return std::string(s_.substr(start, i_ - start));
  }

  // Appends the character an entity reference (after '&') stands for.
  bool entity(std::string& out) {
    size_t semi = s_.find(';', i_);
    if (semi == std::string_view::npos || semi - i_ > 12) return false;
    std::string_view ref = s_.substr(i_, semi - i_);
    i_ = semi + 1;
    if (ref == "lt") out.push_back('<');
    else if (ref == "gt") out.push_back('>');
    else if (ref == "amp") out.push_back('&');
    else if (ref == "quot") out.push_back('"');
    else if (ref == "apos") out.push_back('\'');
    else if (ref.size() > 1 && ref[0] == '#') {
      uint32_t cp = 0;
      bool hex = ref[1] == 'x';
      std::string_view digits = ref.substr(hex ? 2 : 1);
      if (digits.empty()) return false;
      for (char c : digits) {
        int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                : hex && std::isxdigit(static_cast<unsigned char>(c)) ? (std::tolower(c) - 'a' + 10)
                                                                       : -1;
        if (d < 0) return false;
        cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(d);
        if (cp > 0x10FFFF) return false;
      }
      if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
      append_utf8(out, cp);
    } else {
      return false;  // an entity the document does not define
    }
    return true;
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

  // At '<' of a start tag.
  std::unique_ptr<XmlElement> element(size_t depth) {
    if (depth > kMaxXmlDepth) return nullptr;
    ++i_;
    auto e = std::make_unique<XmlElement>();
    auto n = name();
    if (!n) return nullptr;
    e->name = std::move(*n);
    // Attributes.
    while (true) {
      size_t before = i_;
      skip_space();
      if (i_ >= s_.size()) return nullptr;
      if (starts("/>")) {
        i_ += 2;
        e->self_closing = true;
        return e;
      }
      if (s_[i_] == '>') {
        ++i_;
        break;
      }
      if (i_ == before) return nullptr;  // attributes are separated by whitespace
      auto an = name();
      if (!an) return nullptr;
      skip_space();
      if (i_ >= s_.size() || s_[i_] != '=') return nullptr;
      ++i_;
      skip_space();
      if (i_ >= s_.size() || (s_[i_] != '"' && s_[i_] != '\'')) return nullptr;
      char quote = s_[i_++];
      std::string value;
      while (i_ < s_.size() && s_[i_] != quote) {
        char c = s_[i_];
        if (c == '<') return nullptr;
        if (c == '&') {
          ++i_;
          if (!entity(value)) return nullptr;
          continue;
        }
        // Attribute-value normalization: whitespace characters become spaces.
        if (c == '\r' && i_ + 1 < s_.size() && s_[i_ + 1] == '\n') ++i_;
        value.push_back(space(c) ? ' ' : c);
        ++i_;
      }
      if (i_ >= s_.size()) return nullptr;
      ++i_;
      for (const auto& [k, v] : e->attributes)
        if (k == *an) return nullptr;  // an attribute may appear once
      e->attributes.emplace_back(std::move(*an), std::move(value));
    }
    // Content up to the matching end tag.
    std::string text;
    auto flush_text = [&] {
      bool only_space = true;
      for (char c : text) only_space = only_space && space(c);
      if (!only_space) e->children.push_back({nullptr, std::move(text)});
      text.clear();
    };
    while (true) {
      if (i_ >= s_.size()) return nullptr;
      char c = s_[i_];
      if (c == '<') {
        if (starts("</")) {
          flush_text();
          i_ += 2;
          auto end = name();
          if (!end || *end != e->name) return nullptr;
          skip_space();
          if (i_ >= s_.size() || s_[i_] != '>') return nullptr;
          ++i_;
          return e;
        }
        if (starts("<!--")) {
          if (!skip_past("-->")) return nullptr;
        } else if (starts("<![CDATA[")) {
          if (!skip_past("]]>")) return nullptr;
        } else if (starts("<?")) {
          if (!skip_past("?>")) return nullptr;
        } else {
          flush_text();
          auto child = element(depth + 1);
          if (!child) return nullptr;
          e->children.push_back({std::move(child), {}});
        }
      } else if (c == '&') {
        ++i_;
        if (!entity(text)) return nullptr;
      } else {
        // Line ends are normalized to \n.
        if (c == '\r') {
          if (i_ + 1 < s_.size() && s_[i_ + 1] == '\n') ++i_;
          c = '\n';
        }
        text.push_back(c);
        ++i_;
      }
    }
  }

  std::string_view s_;
  size_t i_ = 0;
};

DynamicPtr element_value(const XmlElement& e) {
  if (e.attributes.empty() && e.children.size() == 1 && !e.children[0].element)
    return DynValue::of_string(e.children[0].text);
  if (e.attributes.empty() && e.children.empty())
    return e.self_closing ? DynValue::null() : DynValue::of_string(std::string());
  DynValue::Properties props;
  for (const auto& [k, v] : e.attributes) props.emplace_back("@" + k, DynValue::of_string(v));
  // Children grouped by name, in order of first appearance; a name seen more than once is an array.
  std::vector<std::pair<std::string, DynValue::Elements>> groups;
  for (const auto& c : e.children) {
    std::string key = c.element ? c.element->name : std::string("#text");
    DynamicPtr value = c.element ? element_value(*c.element) : DynValue::of_string(c.text);
    auto it = groups.begin();
    while (it != groups.end() && it->first != key) ++it;
    if (it == groups.end()) {
      groups.emplace_back(std::move(key), DynValue::Elements{});
      it = groups.end() - 1;
    }
    it->second.push_back(std::move(value));
  }
  for (auto& [key, values] : groups) {
    if (values.size() == 1) {
      props.emplace_back(key, std::move(values[0]));
    } else {
      props.emplace_back(key, DynValue::of_array(std::move(values)));
    }
  }
  return DynValue::of_object(std::move(props));
}

}  // namespace

DynamicPtr xml_to_dynamic(std::string_view text) {
  if (text.size() > kMaxXmlBytes) return nullptr;
  XmlReader reader(text);
  auto root = reader.document();
  if (!root) return nullptr;
  DynValue::Properties doc;
  doc.emplace_back(root->name, element_value(*root));
  return DynValue::of_object(std::move(doc));
}

}  // namespace huntdb::functions
