// Concatenation and comparison: strcat, strcat_delim, strcat_array, strrep, strcmp. Arguments of
// any type are converted to text as tostring() does (strcat_delim('-', 1, '2', 'A', 1s) is
// "1-2-A-00:00:01", from the strcat_delim() reference page).
#include <algorithm>
#include <memory>
#include <vector>

#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/string_kernel_util.h"

namespace huntdb::functions {

namespace {

std::vector<std::unique_ptr<TextReader>> text_readers(const KernelArgs& a, size_t from) {
  std::vector<std::unique_ptr<TextReader>> out;
  for (size_t k = from; k < a.size(); ++k) out.push_back(std::make_unique<TextReader>(a.ptr(k)));
  return out;
}

ColumnPtr strcat_kernel(const KernelArgs& a) {
  auto parts = text_readers(a, 0);
  StringWriter out(a.rows, a.rows * 16);
  for (size_t i = 0; i < a.rows; ++i) {
    for (const auto& p : parts) out.text().append(p->get(i));
    out.end_row();
  }
  return out.finish();
}

ColumnPtr strcat_delim_kernel(const KernelArgs& a) {
  TextReader delim(a.ptr(0));
  auto parts = text_readers(a, 1);
  StringWriter out(a.rows, a.rows * 16);
  for (size_t i = 0; i < a.rows; ++i) {
    std::string_view d = delim.get(i);
    for (size_t k = 0; k < parts.size(); ++k) {
      if (k) out.text().append(d);
      out.text().append(parts[k]->get(i));
    }
    out.end_row();
  }
  return out.finish();
}

// strcat_array(array, delimiter): the elements as tostring() writes them; not an array: empty.
ColumnPtr strcat_array_kernel(const KernelArgs& a) {
  DynamicReader arr(a[0]);
  TextReader delim(a.ptr(1));
  StringWriter out(a.rows, a.rows * 16);
  for (size_t i = 0; i < a.rows; ++i) {
    const DynValue* d = arr.get(i);
    if (d && d->is_array()) {
      std::string_view sep = delim.get(i);
      bool first = true;
      for (const auto& el : d->elements()) {
        if (!first) out.text().append(sep);
        first = false;
        out.text().append(dynamic_text(el.get()));
      }
    }
    out.end_row();
  }
  return out.finish();
}

// strrep(value, multiplier [, delimiter]): the reference page caps the repetitions at 1024; a
// multiplier below 1 (or null) gives the empty string.
ColumnPtr strrep_kernel(const KernelArgs& a) {
  constexpr int64_t kMaxRepeats = 1024;
  TextReader value(a.ptr(0));
  LongReader times(a[1]);
  std::unique_ptr<TextReader> delim;
  if (a.size() > 2) delim = std::make_unique<TextReader>(a.ptr(2));
  StringWriter out(a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    if (!times.null(i)) {
      int64_t n = std::min(times.get(i), kMaxRepeats);
      std::string_view v = value.get(i);
      std::string_view d = delim ? delim->get(i) : std::string_view();
      for (int64_t k = 0; k < n; ++k) {
        if (k) out.text().append(d);
        out.text().append(v);
      }
    }
    out.end_row();
  }
  return out.finish();
}

// strcmp: ordinal comparison, -1 / 0 / 1 (strcmp() reference page: "abc" vs "ABC" is 1).
ColumnPtr strcmp_kernel(const KernelArgs& a) {
  TextReader l(a.ptr(0)), r(a.ptr(1));
  LongWriter out(ScalarType::Long, a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    int c = l.get(i).compare(r.get(i));
    out.set(i, c < 0 ? -1 : (c > 0 ? 1 : 0));
  }
  return out.finish();
}

}  // namespace

void attach_string_concat_kernels(Registry& r) {
  static const KernelTable kernels[] = {
      {.name = "strcat", .kernel = strcat_kernel},
      {.name = "strcat_delim", .kernel = strcat_delim_kernel},
      {.name = "strcat_array", .kernel = strcat_array_kernel},
      {.name = "strrep", .kernel = strrep_kernel},
      {.name = "strcmp", .kernel = strcmp_kernel},
  };
  r.attach(kernels);
}

}  // namespace huntdb::functions
