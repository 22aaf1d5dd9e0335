// Searching and slicing with plain text: substring, indexof, countof, has_any_index, split,
// replace_string, replace_strings. Positions and lengths count characters (code points).
#include <algorithm>
#include <memory>
#include <optional>
#include <vector>

#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/string_kernel_util.h"
#include "huntdb/functions/kernels/text_search.h"

namespace huntdb::functions {

namespace {

// An optional integer argument: `fallback` when absent; nullopt for a null value.
class OptionalLong {
 public:
  OptionalLong(const KernelArgs& a, size_t index, int64_t fallback) : fallback_(fallback) {
    if (index < a.size()) reader_ = std::make_unique<LongReader>(a[index]);
  }
  std::optional<int64_t> get(size_t i) const {
    if (!reader_) return fallback_;
    if (reader_->null(i)) return std::nullopt;
    return reader_->get(i);
  }

 private:
  std::unique_ptr<LongReader> reader_;
  int64_t fallback_;
};

// Character positions of a string: identity for ASCII text, else a table of byte offsets.
class CharIndex {
 public:
  void reset(std::string_view s) {
    s_ = s;
    ascii_ = is_ascii(s);
    if (!ascii_) utf8_starts(s, starts_);
  }
  size_t length() const { return ascii_ ? s_.size() : starts_.size() - 1; }
  size_t byte_at(size_t ch) const { return ascii_ ? ch : starts_[ch]; }
  size_t char_at(size_t byte) const {
    if (ascii_) return byte;
    return static_cast<size_t>(std::lower_bound(starts_.begin(), starts_.end(), static_cast<uint32_t>(byte)) -
                               starts_.begin());
  }

 private:
  std::string_view s_;
  bool ascii_ = true;
  std::vector<uint32_t> starts_;
};

// substring(source, start [, length]), per the substring() reference page: a negative start
// counts from the end (substring("123456", -2, 2) is "56"); the result is cut at the string's end.
ColumnPtr substring_kernel(const KernelArgs& a) {
  TextReader source(a.ptr(0));
  LongReader start(a[1]);
  OptionalLong length(a, 2, -1);
  StringWriter out(a.rows, a.rows * 8);
  CharIndex idx;
  for (size_t i = 0; i < a.rows; ++i) {
    auto len = length.get(i);
    if (start.null(i) || !len) {
      out.add({});
      continue;
    }
    std::string_view s = source.get(i);
    idx.reset(s);
    int64_t n = static_cast<int64_t>(idx.length());
    int64_t from = start.get(i);
    if (from < 0) from = std::max<int64_t>(0, n + from);
    from = std::min(from, n);
    int64_t to = (a.size() > 2) ? (*len < 0 ? from : std::min(n, from + *len)) : n;
    size_t b = idx.byte_at(static_cast<size_t>(from)), e = idx.byte_at(static_cast<size_t>(to));
    out.add(s.substr(b, e - b));
  }
  return out.finish();
}

// indexof(string, match [, start [, length [, occurrence]]]), per the indexof() reference page
// and its examples: a negative start counts from the end; each search examines `length`
// characters from its start position (-1: to the end) and the match must lie within them; the
// next occurrence is searched from one character after the previous one, with the same length.
// Null when start (after counting from the end) is negative, length < -1 or occurrence < 0.
ColumnPtr indexof_kernel(const KernelArgs& a) {
  TextReader source(a.ptr(0)), match(a.ptr(1));
  OptionalLong start(a, 2, 0), length(a, 3, -1), occurrence(a, 4, 1);
  LongWriter out(ScalarType::Long, a.rows);
  CharIndex idx;
  for (size_t i = 0; i < a.rows; ++i) {
    auto st = start.get(i), len = length.get(i), occ = occurrence.get(i);
    if (!st || !len || !occ || *len < -1 || *occ < 0) {
      out.set_null(i);
      continue;
    }
    std::string_view s = source.get(i), m = match.get(i);
    idx.reset(s);
    int64_t n = static_cast<int64_t>(idx.length());
    int64_t from = *st < 0 ? n + *st : *st;
    if (from < 0) {
      out.set_null(i);
      continue;
    }
    int64_t m_chars = static_cast<int64_t>(utf8_length(m));
    int64_t found = -1;
    int64_t pos = from;
    for (int64_t k = 0; k < *occ; ++k) {
      found = -1;
      if (pos > n) break;
      int64_t limit = *len == -1 ? n : std::min(n, pos + *len);
      size_t b = s.find(m, idx.byte_at(static_cast<size_t>(pos)));
      if (b == std::string_view::npos) break;
      int64_t c = static_cast<int64_t>(idx.char_at(b));
      if (c + m_chars > limit) break;
      found = c;
      pos = c + 1;
    }
    out.set(i, *occ == 0 ? -1 : found);
  }
  return out.finish();
}

int64_t count_plain(std::string_view s, std::string_view m) {
  if (m.empty()) return 0;
  int64_t n = 0;
  // Plain matches may overlap (countof("aaaa", "aa") is 3, countof() reference page).
  for (size_t p = s.find(m); p != std::string_view::npos; p = s.find(m, p + 1)) ++n;
  return n;
}

int64_t count_regex(const RE2& re, std::string_view s) {
  int64_t n = 0;
  size_t pos = 0;
  re2::StringPiece m;
  while (pos <= s.size() && re.Match(re2::StringPiece(s.data(), s.size()), pos, s.size(), RE2::UNANCHORED, &m, 1)) {
    ++n;
    size_t end = static_cast<size_t>(m.data() - s.data()) + m.size();
    if (m.empty()) {
      // An empty match: go on from the next character.
      if (end >= s.size()) break;
      int32_t cp;
      end += utf8_decode(s, end, cp);
    }
    pos = end;
  }
  return n;
}

// countof(source, search [, kind]): kind "normal" (default) counts possibly overlapping plain
// matches, "regex" counts non-overlapping regex matches (countof() reference page).
ColumnPtr countof_kernel(const KernelArgs& a) {
  bool regex = false;
  if (a.size() > 2) {
    if (!a[2].is_constant()) throw KernelError("countof(): the kind must be a constant: \"normal\" or \"regex\"");
    std::string kind = value_text(a[2].constant());
    if (kind == "regex")
      regex = true;
    else if (kind != "normal" && !kind.empty())
      throw KernelError("countof(): the kind must be \"normal\" or \"regex\", not \"" + kind + "\"");
  }
  TextReader source(a.ptr(0));
  LongWriter out(ScalarType::Long, a.rows);
  if (regex) {
    RegexArg re(a.ptr(1), "countof");
    for (size_t i = 0; i < a.rows; ++i) {
      const RE2* r = re.get(i);
      if (!r)
        out.set_null(i);
      else
        out.set(i, count_regex(*r, source.get(i)));
    }
  } else {
    TextReader search(a.ptr(1));
    for (size_t i = 0; i < a.rows; ++i) out.set(i, count_plain(source.get(i), search.get(i)));
  }
  return out.finish();
}

// has_any_index(source, values): the index of the first value that `source has value` (term
// match, case-insensitive), -1 when none is (has_any_index() reference page).
ColumnPtr has_any_index_kernel(const KernelArgs& a) {
  TextReader source(a.ptr(0));
  DynamicReader values(a[1]);
  LongWriter out(ScalarType::Long, a.rows);
  const DynValue* prepared_for = nullptr;
  std::vector<std::unique_ptr<TextMatcher>> matchers;
  for (size_t i = 0; i < a.rows; ++i) {
    const DynValue* v = values.get(i);
    if (v != prepared_for || i == 0) {
      prepared_for = v;
      matchers.clear();
      if (v && v->is_array())
        for (const auto& el : v->elements()) {
          std::string t = dynamic_text(el.get());
          matchers.push_back(t.empty() ? nullptr : std::make_unique<TextMatcher>(t, false));
        }
    }
    std::string_view s = source.get(i);
    int64_t found = -1;
    for (size_t k = 0; k < matchers.size(); ++k)
      if (matchers[k] && matchers[k]->has(s)) {
        found = static_cast<int64_t>(k);
        break;
      }
    out.set(i, found);
  }
  return out.finish();
}

// split(source, delimiter [, requestedIndex]) (split() reference page): split("a__b", "_") is
// ["a","","b"], split("", "_") is [""]; with an index, an array of that one part, empty when
// there is no such part.
ColumnPtr split_kernel(const KernelArgs& a) {
  TextReader source(a.ptr(0)), delimiter(a.ptr(1));
  std::unique_ptr<LongReader> index;
  if (a.size() > 2) index = std::make_unique<LongReader>(a[2]);
  std::vector<DynamicPtr> out(a.rows);
  std::vector<std::string_view> parts;
  for (size_t i = 0; i < a.rows; ++i) {
    std::string_view s = source.get(i), d = delimiter.get(i);
    parts.clear();
    if (d.empty()) {
      parts.push_back(s);
    } else {
      size_t p = 0;
      for (size_t q = s.find(d); q != std::string_view::npos; q = s.find(d, p)) {
        parts.push_back(s.substr(p, q - p));
        p = q + d.size();
      }
      parts.push_back(s.substr(p));
    }
    if (index) {
      if (index->null(i)) continue;  // null
      int64_t k = index->get(i);
      std::vector<std::string_view> one;
      if (k >= 0 && static_cast<size_t>(k) < parts.size()) one.push_back(parts[static_cast<size_t>(k)]);
      out[i] = string_array(one);
    } else {
      out[i] = string_array(parts);
    }
  }
  return Column::make_dynamics(std::move(out));
}

void replace_all(std::string_view s, std::string_view lookup, std::string_view rewrite, std::string& out) {
  if (lookup.empty()) {
    out.append(s);
    return;
  }
  size_t p = 0;
  for (size_t q = s.find(lookup); q != std::string_view::npos; q = s.find(lookup, p)) {
    out.append(s.substr(p, q - p));
    out.append(rewrite);
    p = q + lookup.size();
  }
  out.append(s.substr(p));
}

ColumnPtr replace_string_kernel(const KernelArgs& a) {
  TextReader text(a.ptr(0)), lookup(a.ptr(1)), rewrite(a.ptr(2));
  StringWriter out(a.rows, a.rows * 16);
  for (size_t i = 0; i < a.rows; ++i) {
    replace_all(text.get(i), lookup.get(i), rewrite.get(i), out.text());
    out.end_row();
  }
  return out.finish();
}

// replace_strings(text, lookups, rewrites), per the replace_strings() reference page: matches do
// not overlap and an earlier lookup takes precedence, so each lookup in turn replaces its
// matches in the text no earlier lookup matched. A lookup that is not a string is ignored; a
// rewrite that is not a string keeps the matched text (and still protects it).
void replace_many(std::string_view text, const DynValue* lookups, const DynValue* rewrites, std::string& out) {
  struct Piece {
    std::string text;
    bool done;
  };
  std::vector<Piece> pieces{{std::string(text), false}};
  if (lookups && lookups->is_array()) {
    const auto& ls = lookups->elements();
    for (size_t k = 0; k < ls.size(); ++k) {
      const DynValue* l = ls[k].get();
      if (!l || l->kind() != DynValue::Kind::String || l->as_string().empty()) continue;
      const std::string& lookup = l->as_string();
      const DynValue* r = rewrites && rewrites->is_array() ? rewrites->at(static_cast<int64_t>(k)) : nullptr;
      bool has_rewrite = r && r->kind() == DynValue::Kind::String;
      std::vector<Piece> next;
      for (auto& piece : pieces) {
        if (piece.done) {
          next.push_back(std::move(piece));
          continue;
        }
        std::string_view s = piece.text;
        size_t p = 0;
        for (size_t q = s.find(lookup); q != std::string_view::npos; q = s.find(lookup, p)) {
          if (q > p) next.push_back({std::string(s.substr(p, q - p)), false});
          next.push_back({has_rewrite ? r->as_string() : lookup, true});
          p = q + lookup.size();
        }
        if (p < s.size()) next.push_back({std::string(s.substr(p)), false});
      }
      pieces = std::move(next);
    }
  }
  for (const auto& piece : pieces) out.append(piece.text);
}

ColumnPtr replace_strings_kernel(const KernelArgs& a) {
  TextReader text(a.ptr(0));
  DynamicReader lookups(a[1]), rewrites(a[2]);
  StringWriter out(a.rows, a.rows * 16);
  for (size_t i = 0; i < a.rows; ++i) {
    replace_many(text.get(i), lookups.get(i), rewrites.get(i), out.text());
    out.end_row();
  }
  return out.finish();
}

}  // namespace

void attach_string_search_kernels(Registry& r) {
  static const KernelTable kernels[] = {
      {.name = "substring", .kernel = substring_kernel},
      {.name = "indexof", .kernel = indexof_kernel},
      {.name = "countof", .kernel = countof_kernel},
      {.name = "has_any_index", .kernel = has_any_index_kernel},
      {.name = "split", .kernel = split_kernel},
      {.name = "replace_string", .kernel = replace_string_kernel},
      {.name = "replace_strings", .kernel = replace_strings_kernel},
  };
  r.attach(kernels);
}

}  // namespace huntdb::functions
