#include "huntdb/functions/kernels/pick_rows.h"

#include <vector>

#include "huntdb/functions/kernels/kernel_util.h"

namespace huntdb::functions {

NullReader::NullReader(const Column& c) : c_(c) {
  if (c.type() == ScalarType::String) {
    mode_ = Mode::Never;
  } else if (c.is_constant()) {
    mode_ = Mode::Constant;
    const Value& v = c.constant();
    constant_null_ = v.is_null() || (v.type == ScalarType::Dynamic && (!v.as_dynamic() || v.as_dynamic()->is_null()));
  } else if (c.is_dictionary()) {
    mode_ = Mode::Dictionary;
    dict_ = &c.dictionary();
  }
}

namespace {

// The readers of every source, made once; the row loop only indexes them.
template <typename Reader>
std::vector<Reader> readers_of(std::span<const ColumnPtr> sources) {
  std::vector<Reader> out;
  out.reserve(sources.size());
  for (const auto& s : sources) out.emplace_back(*s);
  return out;
}

template <typename T, typename Reader>
ColumnPtr pick_fixed(ScalarType type, std::span<const ColumnPtr> sources, std::span<const int32_t> pick) {
  auto readers = readers_of<Reader>(sources);
  ValueWriter<T> w(type, pick.size());
  for (size_t i = 0; i < pick.size(); ++i) {
    int32_t k = pick[i];
    if (k < 0 || readers[static_cast<size_t>(k)].null(i)) {
      w.set_null(i);
    } else {
      w.set(i, static_cast<T>(readers[static_cast<size_t>(k)].get(i)));
    }
  }
  return w.finish();
}

}  // namespace

ColumnPtr pick_rows(ScalarType type, std::span<const ColumnPtr> sources, std::span<const int32_t> pick) {
  size_t n = pick.size();
  switch (type) {
    case ScalarType::Bool: return pick_fixed<uint8_t, LongReader>(type, sources, pick);
    case ScalarType::Int: return pick_fixed<int32_t, LongReader>(type, sources, pick);
    case ScalarType::Long:
    case ScalarType::DateTime:
    case ScalarType::TimeSpan: return pick_fixed<int64_t, LongReader>(type, sources, pick);
    case ScalarType::Real:
    case ScalarType::Decimal: return pick_fixed<double, RealReader>(type, sources, pick);
    case ScalarType::String: {
      bool all_constant = true;
      for (const auto& s : sources) all_constant = all_constant && s->is_constant();
      if (all_constant) {
        // iff(c, "a", "b") and case(...) over literals: a dictionary of the few values, so that
        // what follows (grouping, comparisons) works per distinct value. Code sources.size()
        // is the empty string of an unmatched row.
        StringWriter dict(sources.size() + 1);
        for (const auto& s : sources) dict.add(s->string_at(0));
        dict.add({});
        std::vector<uint32_t> codes(n);
        for (size_t i = 0; i < n; ++i) codes[i] = pick[i] < 0 ? static_cast<uint32_t>(sources.size()) : static_cast<uint32_t>(pick[i]);
        return Column::make_dictionary(dict.finish(), std::move(codes));
      }
      auto readers = readers_of<StringReader>(sources);
      StringWriter w(n);
      for (size_t i = 0; i < n; ++i) w.add(pick[i] < 0 ? std::string_view() : readers[static_cast<size_t>(pick[i])].get(i));
      return w.finish();
    }
    case ScalarType::Dynamic: {
      auto readers = readers_of<DynamicReader>(sources);
      std::vector<DynamicPtr> out(n);
      for (size_t i = 0; i < n; ++i)
        if (pick[i] >= 0) out[i] = readers[static_cast<size_t>(pick[i])].get_ptr(i);
      return Column::make_dynamics(std::move(out));
    }
    default: {
      // Guids: rare enough for the builder.
      ColumnBuilder b(type, n);
      for (size_t i = 0; i < n; ++i) {
        if (pick[i] < 0) {
          b.append_null();
        } else {
          b.append_value(sources[static_cast<size_t>(pick[i])]->value_at(i));
        }
      }
      return b.finish();
    }
  }
}

}  // namespace huntdb::functions
