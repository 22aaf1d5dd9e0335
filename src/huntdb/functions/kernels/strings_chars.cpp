// Characters of a string: strlen (characters), string_size (bytes), toupper/tolower (Unicode
// case mapping), reverse, isascii, isutf8, unicode_codepoints_from_string /
// unicode_codepoints_to_string, translate. Lengths count Unicode code points, as the strlen()
// reference page says (strlen("⒦⒰⒮⒯⒪") is 5, string_size of it 15).
#include <algorithm>
#include <memory>
#include <vector>

#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/string_kernel_util.h"
#include "huntdb/functions/kernels/text_search.h"

namespace huntdb::functions {

namespace {

ColumnPtr strlen_kernel(const KernelArgs& a) {
  TextReader s(a.ptr(0));
  LongWriter out(ScalarType::Long, a.rows);
  for (size_t i = 0; i < a.rows; ++i) out.set(i, static_cast<int64_t>(utf8_length(s.get(i))));
  return out.finish();
}

ColumnPtr string_size_kernel(const KernelArgs& a) {
  TextReader s(a.ptr(0));
  LongWriter out(ScalarType::Long, a.rows);
  for (size_t i = 0; i < a.rows; ++i) out.set(i, static_cast<int64_t>(s.get(i).size()));
  return out.finish();
}

template <bool Upper>
ColumnPtr case_kernel(const KernelArgs& a) {
  TextReader s(a.ptr(0));
  StringWriter out(a.rows, a.rows * 16);
  for (size_t i = 0; i < a.rows; ++i) out.add(Upper ? to_upper_invariant(s.get(i)) : to_lower_invariant(s.get(i)));
  return out.finish();
}

// reverse(): the characters in reverse order. A datetime is reversed in its round-trip form,
// as the reverse() reference page shows ("Z0000000.00:00:21T51-01-7102").
ColumnPtr reverse_kernel(const KernelArgs& a) {
  TextReader s(a.ptr(0), TextForm::RoundTrip);
  StringWriter out(a.rows, a.rows * 16);
  for (size_t i = 0; i < a.rows; ++i) {
    std::string_view v = s.get(i);
    std::string& t = out.text();
    size_t end = v.size();
    // Walk back over whole characters (continuation bytes belong to the character before them).
    while (end > 0) {
      size_t start = end - 1;
      while (start > 0 && (static_cast<unsigned char>(v[start]) & 0xC0) == 0x80 && end - start < 4) --start;
      int32_t cp;
      if (utf8_decode(v, start, cp) != end - start) start = end - 1;  // a stray byte on its own
      t.append(v.substr(start, end - start));
      end = start;
    }
    out.end_row();
  }
  return out.finish();
}

ColumnPtr isascii_kernel(const KernelArgs& a) {
  TextReader s(a.ptr(0));
  BoolWriter out(ScalarType::Bool, a.rows);
  for (size_t i = 0; i < a.rows; ++i) out.set(i, is_ascii(s.get(i)));
  return out.finish();
}

ColumnPtr isutf8_kernel(const KernelArgs& a) {
  TextReader s(a.ptr(0));
  BoolWriter out(ScalarType::Bool, a.rows);
  for (size_t i = 0; i < a.rows; ++i) out.set(i, is_valid_utf8(s.get(i)));
  return out.finish();
}

ColumnPtr codepoints_from_string_kernel(const KernelArgs& a) {
  TextReader s(a.ptr(0));
  std::vector<DynamicPtr> out(a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    std::string_view v = s.get(i);
    DynValue::Elements el;
    el.reserve(v.size());
    for (size_t k = 0; k < v.size();) {
      int32_t cp;
      k += utf8_decode(v, k, cp);
      el.push_back(DynValue::of_long(cp));
    }
    out[i] = DynValue::of_array(std::move(el));
  }
  return Column::make_dynamics(std::move(out));
}

bool valid_code_point(int64_t cp) { return cp >= 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF); }

// Appends the code points of a dynamic value (a number or an array of them); false if one is
// not a valid code point.
bool append_code_points(std::string& out, const DynValue* d) {
  if (!d || d->is_null()) return false;
  switch (d->kind()) {
    case DynValue::Kind::Long:
      if (!valid_code_point(d->as_long())) return false;
      append_utf8(out, static_cast<uint32_t>(d->as_long()));
      return true;
    case DynValue::Kind::Real: {
      double r = d->as_real();
      if (r != static_cast<double>(static_cast<int64_t>(r)) || !valid_code_point(static_cast<int64_t>(r))) return false;
      append_utf8(out, static_cast<uint32_t>(r));
      return true;
    }
    case DynValue::Kind::Array:
      for (const auto& el : d->elements())
        if (!append_code_points(out, el.get())) return false;
      return true;
    default:
      return false;
  }
}

// unicode_codepoints_to_string(values...): integers or arrays of integers; a row with a value
// that is not a code point gives the empty string (Kusto's null string).
ColumnPtr codepoints_to_string_kernel(const KernelArgs& a) {
  struct Arg {
    std::unique_ptr<LongReader> number;
    std::unique_ptr<DynamicReader> dynamic;
  };
  std::vector<Arg> args(a.size());
  for (size_t k = 0; k < a.size(); ++k) {
    if (a[k].type() == ScalarType::Dynamic)
      args[k].dynamic = std::make_unique<DynamicReader>(a[k]);
    else
      args[k].number = std::make_unique<LongReader>(a[k]);
  }
  StringWriter out(a.rows);
  std::string row;
  for (size_t i = 0; i < a.rows; ++i) {
    row.clear();
    bool ok = true;
    for (const auto& arg : args) {
      if (arg.number) {
        if (arg.number->null(i) || !valid_code_point(arg.number->get(i))) {
          ok = false;
          break;
        }
        append_utf8(row, static_cast<uint32_t>(arg.number->get(i)));
      } else if (!append_code_points(row, arg.dynamic->get(i))) {
        ok = false;
        break;
      }
    }
    out.add(ok ? std::string_view(row) : std::string_view());
  }
  return out.finish();
}

// translate(searchList, replacementList, source), per the translate() reference page: each
// character of searchList becomes the character at the same position of replacementList, or
// its last character when replacementList is shorter; an empty replacementList deletes them.
class Translation {
 public:
  void prepare(std::string_view search, std::string_view replacement) {
    if (ready_ && search == search_ && replacement == replacement_) return;
    ready_ = true;
    search_ = search;
    replacement_ = replacement;
    from_.clear();
    to_.clear();
    std::vector<int32_t> repl;
    for (size_t k = 0; k < replacement.size();) {
      int32_t cp;
      k += utf8_decode(replacement, k, cp);
      repl.push_back(cp);
    }
    for (size_t k = 0; k < search.size();) {
      int32_t cp;
      k += utf8_decode(search, k, cp);
      if (std::find(from_.begin(), from_.end(), cp) != from_.end()) continue;  // the first mapping wins
      size_t idx = from_.size();
      from_.push_back(cp);
      to_.push_back(repl.empty() ? -1 : repl[std::min(idx, repl.size() - 1)]);
    }
  }
  void apply(std::string_view s, std::string& out) const {
    for (size_t k = 0; k < s.size();) {
      int32_t cp;
      size_t n = utf8_decode(s, k, cp);
      auto it = std::find(from_.begin(), from_.end(), cp);
      if (it == from_.end()) {
        out.append(s.substr(k, n));
      } else if (int32_t t = to_[static_cast<size_t>(it - from_.begin())]; t >= 0) {
        append_utf8(out, static_cast<uint32_t>(t));
      }
      k += n;
    }
  }

 private:
  bool ready_ = false;
  std::string search_, replacement_;
  std::vector<int32_t> from_, to_;  // to_ -1: delete
};

ColumnPtr translate_kernel(const KernelArgs& a) {
  TextReader search(a.ptr(0)), replacement(a.ptr(1)), source(a.ptr(2));
  Translation t;
  StringWriter out(a.rows, a.rows * 16);
  for (size_t i = 0; i < a.rows; ++i) {
    t.prepare(search.get(i), replacement.get(i));
    t.apply(source.get(i), out.text());
    out.end_row();
  }
  return out.finish();
}

}  // namespace

void attach_string_char_kernels(Registry& r) {
  static const KernelTable kernels[] = {
      {.name = "strlen", .kernel = strlen_kernel},
      {.name = "string_size", .kernel = string_size_kernel},
      {.name = "toupper", .kernel = case_kernel<true>},
      {.name = "tolower", .kernel = case_kernel<false>},
      {.name = "reverse", .kernel = reverse_kernel},
      {.name = "isascii", .kernel = isascii_kernel},
      {.name = "isutf8", .kernel = isutf8_kernel},
      {.name = "unicode_codepoints_from_string", .kernel = codepoints_from_string_kernel},
      {.name = "unicode_codepoints_to_string", .kernel = codepoints_to_string_kernel},
      {.name = "translate", .kernel = translate_kernel},
  };
  r.attach(kernels);
}

}  // namespace huntdb::functions
