// Regular expressions (RE2, Kusto's dialect): extract, extract_all, replace_regex (and its old
// form replace), trim, trim_start, trim_end, indexof_regex, regex_quote. A constant pattern is
// compiled once per call; an invalid one fails the query.
#include <algorithm>
#include <memory>
#include <optional>
#include <vector>

#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/string_kernel_util.h"

namespace huntdb::functions {

namespace {

using re2::StringPiece;

// extract(regex, captureGroup, source [, typeof(T)]), per the extract() reference page: the
// text the group matched (0: the whole match), converted to T when asked; no match (or a failed
// conversion) gives null, the empty string for a string result.
ColumnPtr extract_kernel(const KernelArgs& a) {
  RegexArg regex(a.ptr(0), "extract");
  LongReader group(a[1]);
  TextReader source(a.ptr(2));
  std::vector<StringPiece> groups;
  auto match = [&](size_t i) -> std::optional<std::string_view> {
    const RE2* re = regex.get(i);
    if (!re || group.null(i)) return std::nullopt;
    int64_t g = group.get(i);
    if (g < 0 || g > re->NumberOfCapturingGroups()) return std::nullopt;
    std::string_view s = source.get(i);
    groups.resize(static_cast<size_t>(g) + 1);
    if (!re->Match(StringPiece(s.data(), s.size()), 0, s.size(), RE2::UNANCHORED, groups.data(),
                   static_cast<int>(groups.size())))
      return std::nullopt;
    const StringPiece& m = groups[static_cast<size_t>(g)];
    if (m.data() == nullptr) return std::nullopt;  // the group took no part in the match
    return std::string_view(m.data(), m.size());
  };
  if (a.result == ScalarType::String || a.result == ScalarType::Unknown) {
    StringWriter out(a.rows, a.rows * 8);
    for (size_t i = 0; i < a.rows; ++i) {
      auto m = match(i);
      out.add(m ? *m : std::string_view());
    }
    return out.finish();
  }
  std::vector<Value> values;
  values.reserve(a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    auto m = match(i);
    values.push_back(m ? text_as(*m, a.result) : Value::null(a.result));
  }
  return column_of_values(a.result, values);
}

// Which capture groups extract_all() returns: indexes into the match's groups (0 is the whole
// match, used when the regex has no group), or -1 for a group the regex does not have (empty
// text). Selections are numbers or group names.
std::vector<int> selected_groups(const RE2& re, const DynValue* selection) {
  std::vector<int> out;
  int n = re.NumberOfCapturingGroups();
  if (!selection || !selection->is_array()) {
    if (n == 0) out.push_back(0);
    for (int g = 1; g <= n; ++g) out.push_back(g);
    return out;
  }
  const auto& names = re.NamedCapturingGroups();
  for (const auto& el : selection->elements()) {
    int g = -1;
    if (el && el->kind() == DynValue::Kind::Long) {
      int64_t v = el->as_long();
      if (v >= 1 && v <= n) g = static_cast<int>(v);
    } else if (el && el->kind() == DynValue::Kind::String) {
      auto it = names.find(el->as_string());
      if (it != names.end()) g = it->second;
    }
    out.push_back(g);
  }
  return out;
}

// extract_all(regex, [captureGroups,] source), per the extract_all() reference page: every
// match; one selected group gives an array of its texts, several give an array of arrays; no
// match gives null.
ColumnPtr extract_all_kernel(const KernelArgs& a) {
  bool with_groups = a.size() > 2;
  RegexArg regex(a.ptr(0), "extract_all");
  std::unique_ptr<DynamicReader> selection;
  if (with_groups) selection = std::make_unique<DynamicReader>(a[1]);
  TextReader source(a.ptr(with_groups ? 2 : 1));
  std::vector<DynamicPtr> out(a.rows);
  std::vector<StringPiece> groups;
  // The selection is worked out again only when the regex or the captureGroups value changes
  // (both are constants in almost every call).
  const RE2* sel_re = nullptr;
  const DynValue* sel_for = nullptr;
  std::vector<int> sel;
  for (size_t i = 0; i < a.rows; ++i) {
    const RE2* re = regex.get(i);
    if (!re) continue;
    const DynValue* wanted = selection ? selection->get(i) : nullptr;
    if (re != sel_re || wanted != sel_for || i == 0) {
      sel = selected_groups(*re, wanted);
      sel_re = re;
      sel_for = wanted;
    }
    if (sel.empty()) continue;
    groups.assign(static_cast<size_t>(re->NumberOfCapturingGroups()) + 1, StringPiece());
    std::string_view s = source.get(i);
    StringPiece text(s.data(), s.size());
    DynValue::Elements matches;
    size_t pos = 0;
    while (pos <= s.size() &&
           re->Match(text, pos, s.size(), RE2::UNANCHORED, groups.data(), static_cast<int>(groups.size()))) {
      auto group_text = [&](int g) {
        if (g < 0 || !groups[static_cast<size_t>(g)].data()) return DynValue::of_string(std::string());
        return DynValue::of_string(std::string(groups[static_cast<size_t>(g)]));
      };
      if (sel.size() == 1) {
        matches.push_back(group_text(sel[0]));
      } else {
        DynValue::Elements row;
        for (int g : sel) row.push_back(group_text(g));
        matches.push_back(DynValue::of_array(std::move(row)));
      }
      size_t end = static_cast<size_t>(groups[0].data() - s.data()) + groups[0].size();
      if (groups[0].empty()) {
        if (end >= s.size()) break;
        int32_t cp;
        end += utf8_decode(s, end, cp);
      }
      pos = end;
    }
    if (!matches.empty()) out[i] = DynValue::of_array(std::move(matches));
  }
  return Column::make_dynamics(std::move(out));
}

// replace_regex(source, regex, rewrite): every non-overlapping match replaced; the rewrite
// refers to groups as \0 (whole match), \1, ... (replace_regex() reference page, RE2's rewrite
// syntax). `source_arg` etc. let the old replace(regex, rewrite, source) share it.
ColumnPtr replace_regex_impl(const KernelArgs& a, size_t source_arg, size_t regex_arg, size_t rewrite_arg,
                             std::string_view name) {
  RegexArg regex(a.ptr(regex_arg), name);
  TextReader source(a.ptr(source_arg)), rewrite(a.ptr(rewrite_arg));
  if (a[rewrite_arg].is_constant() && regex.is_constant()) {
    std::string error;
    if (!regex.get(0)->CheckRewriteString(std::string(rewrite.get(0)), &error))
      throw KernelError(std::string(name) + "(): invalid rewrite pattern: " + error);
  }
  StringWriter out(a.rows, a.rows * 16);
  std::string buf, error;
  for (size_t i = 0; i < a.rows; ++i) {
    const RE2* re = regex.get(i);
    std::string_view s = source.get(i);
    std::string rw(rewrite.get(i));
    if (!re || !re->CheckRewriteString(rw, &error)) {
      out.add(s);
      continue;
    }
    buf.assign(s);
    RE2::GlobalReplace(&buf, *re, rw);
    out.add(buf);
  }
  return out.finish();
}

ColumnPtr replace_regex_kernel(const KernelArgs& a) { return replace_regex_impl(a, 0, 1, 2, "replace_regex"); }
ColumnPtr replace_kernel(const KernelArgs& a) { return replace_regex_impl(a, 2, 0, 1, "replace"); }

// trim(regex, source) and friends remove every leading and/or trailing match of the regex
// (trim() reference page: trim("--", "--https://bing.com--") is "https://bing.com").
template <bool Start, bool End>
ColumnPtr trim_kernel(const KernelArgs& a) {
  std::string_view name = Start && End ? "trim" : (Start ? "trim_start" : "trim_end");
  TextReader patterns(a.ptr(0)), source(a.ptr(1));
  struct Compiled {
    std::unique_ptr<RE2> lead, trail;
  };
  StringMap<Compiled> cache;
  auto compiled = [&](std::string_view p) -> const Compiled& {
    auto it = cache.find(p);
    if (it != cache.end()) return it->second;
    Compiled c;
    auto check = make_regex(p);
    if (check->ok()) {
      c.lead = make_regex("^(?:" + std::string(p) + ")+");
      c.trail = make_regex("(?:" + std::string(p) + ")+$");
    } else if (a[0].is_constant()) {
      throw KernelError(regex_error(name, p, check->error()));
    }
    return cache.emplace(std::string(p), std::move(c)).first->second;
  };
  StringWriter out(a.rows, a.rows * 16);
  for (size_t i = 0; i < a.rows; ++i) {
    const Compiled& c = compiled(patterns.get(i));
    std::string_view s = source.get(i);
    if (c.lead) {
      StringPiece m;
      if (Start && c.lead->Match(StringPiece(s.data(), s.size()), 0, s.size(), RE2::ANCHOR_START, &m, 1))
        s.remove_prefix(m.size());
      if (End && c.trail->Match(StringPiece(s.data(), s.size()), 0, s.size(), RE2::UNANCHORED, &m, 1))
        s = s.substr(0, static_cast<size_t>(m.data() - s.data()));
    }
    out.add(s);
  }
  return out.finish();
}

// indexof_regex(string, match [, start [, length [, occurrence]]]), per its reference page:
// like indexof() but matches do not overlap, and a negative start gives null.
ColumnPtr indexof_regex_kernel(const KernelArgs& a) {
  TextReader source(a.ptr(0));
  RegexArg regex(a.ptr(1), "indexof_regex");
  auto opt = [&](size_t k) { return k < a.size() ? std::make_unique<LongReader>(a[k]) : nullptr; };
  auto start = opt(2), length = opt(3), occurrence = opt(4);
  LongWriter out(ScalarType::Long, a.rows);
  std::vector<uint32_t> starts;
  for (size_t i = 0; i < a.rows; ++i) {
    if ((start && start->null(i)) || (length && length->null(i)) || (occurrence && occurrence->null(i))) {
      out.set_null(i);
      continue;
    }
    int64_t st = start ? start->get(i) : 0, len = length ? length->get(i) : -1, occ = occurrence ? occurrence->get(i) : 1;
    const RE2* re = regex.get(i);
    if (st < 0 || len < -1 || occ < 0 || !re) {
      out.set_null(i);
      continue;
    }
    std::string_view s = source.get(i);
    utf8_starts(s, starts);
    int64_t n = static_cast<int64_t>(starts.size()) - 1;
    if (st > n || occ == 0) {
      out.set(i, -1);
      continue;
    }
    int64_t end_char = len == -1 ? n : std::min(n, st + len);
    std::string_view window = s.substr(starts[static_cast<size_t>(st)],
                                       starts[static_cast<size_t>(end_char)] - starts[static_cast<size_t>(st)]);
    size_t base = starts[static_cast<size_t>(st)];
    int64_t found = -1;
    size_t pos = 0;
    StringPiece m;
    for (int64_t k = 0; k < occ; ++k) {
      found = -1;
      if (pos > window.size() ||
          !re->Match(StringPiece(window.data(), window.size()), pos, window.size(), RE2::UNANCHORED, &m, 1))
        break;
      size_t b = static_cast<size_t>(m.data() - window.data());
      found = static_cast<int64_t>(std::lower_bound(starts.begin(), starts.end(), static_cast<uint32_t>(base + b)) -
                                   starts.begin());
      pos = b + m.size();
      if (m.empty()) {
        if (pos >= window.size()) pos = window.size() + 1;
        else {
          int32_t cp;
          pos += utf8_decode(window, pos, cp);
        }
      }
    }
    out.set(i, found);
  }
  return out.finish();
}

// regex_quote(s): s with the regex metacharacters escaped, so it matches itself
// (regex_quote('(so$me.Te^xt)') is \(so\$me\.Te\^xt\)).
ColumnPtr regex_quote_kernel(const KernelArgs& a) {
  TextReader source(a.ptr(0));
  StringWriter out(a.rows, a.rows * 16);
  for (size_t i = 0; i < a.rows; ++i) {
    for (char c : source.get(i)) {
      switch (c) {
        case '\\': case '.': case '+': case '*': case '?': case '(': case ')': case '|':
        case '[': case ']': case '{': case '}': case '^': case '$':
          out.text() += '\\';
          break;
        default: break;
      }
      out.text() += c;
    }
    out.end_row();
  }
  return out.finish();
}

}  // namespace

void attach_string_regex_kernels(Registry& r) {
  static const KernelTable kernels[] = {
      {.name = "extract", .kernel = extract_kernel},
      {.name = "extract_all", .kernel = extract_all_kernel},
      {.name = "replace_regex", .kernel = replace_regex_kernel},
      // Its arguments come in another order than replace_regex's, so it has its own kernel.
      {.name = "replace", .kernel = replace_kernel},
      {.name = "trim", .kernel = trim_kernel<true, true>},
      {.name = "trim_start", .kernel = trim_kernel<true, false>},
      {.name = "trim_end", .kernel = trim_kernel<false, true>},
      {.name = "indexof_regex", .kernel = indexof_regex_kernel},
      {.name = "regex_quote", .kernel = regex_quote_kernel},
  };
  r.attach(kernels);
}

}  // namespace huntdb::functions
