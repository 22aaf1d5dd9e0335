#include "huntdb/exec/mv_expansion.h"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "huntdb/exec/exec_error.h"
#include "huntdb/exec/operator_kernels.h"
#include "huntdb/exec/table_util.h"
#include "huntdb/functions/kernels/kernel_util.h"

namespace huntdb::exec {

using namespace analyze;

namespace {

// How many rows a value expands to: null gives one (null) row, an empty array or bag none, a
// scalar one (itself).
size_t element_count(const DynValue* v) {
  if (!v) return 1;
  switch (v->kind()) {
    case DynValue::Kind::Array: return v->elements().size();
    case DynValue::Kind::Object: return v->properties().size();
    default: return 1;
  }
}

// Element k of a value (k < element_count(v)). A bag's entry is a one-entry bag, or a
// [key, value] array with bagexpansion=array.
DynamicPtr element_at(const DynamicPtr& v, size_t k, bool bag_as_array) {
  if (!v) return nullptr;
  switch (v->kind()) {
    case DynValue::Kind::Array: return v->elements()[k];
    case DynValue::Kind::Object: {
      const auto& [key, value] = v->properties()[k];
      if (bag_as_array) return DynValue::of_array({DynValue::of_string(key), value});
      return DynValue::of_object({{key, value}});
    }
    case DynValue::Kind::Null: return nullptr;
    default: return v;
  }
}

template <typename T, typename Get>
ColumnPtr typed_elements(ScalarType type, const std::vector<DynamicPtr>& elements, Get get) {
  functions::ValueWriter<T> w(type, elements.size());
  for (size_t i = 0; i < elements.size(); ++i) {
    T value{};
    if (elements[i] && get(*elements[i], value)) {
      w.set(i, value);
    } else {
      w.set_null(i);
    }
  }
  return w.finish();
}

}  // namespace

ColumnPtr dynamic_elements_as(std::vector<DynamicPtr> elements, ScalarType to) {
  using K = DynValue::Kind;
  switch (to) {
    case ScalarType::Dynamic:
    case ScalarType::Unknown:
      return Column::make_dynamics(std::move(elements));
    case ScalarType::Bool:
      return typed_elements<uint8_t>(to, elements, [](const DynValue& d, uint8_t& out) {
        if (d.kind() != K::Bool) return false;
        out = d.as_bool() ? 1 : 0;
        return true;
      });
    case ScalarType::Int:
      return typed_elements<int32_t>(to, elements, [](const DynValue& d, int32_t& out) {
        if (d.kind() != K::Long) return false;
        int64_t v = d.as_long();
        if (v < std::numeric_limits<int32_t>::min() || v > std::numeric_limits<int32_t>::max()) return false;
        out = static_cast<int32_t>(v);
        return true;
      });
    case ScalarType::Long:
      return typed_elements<int64_t>(to, elements, [](const DynValue& d, int64_t& out) {
        if (d.kind() != K::Long) return false;
        out = d.as_long();
        return true;
      });
    case ScalarType::DateTime:
    case ScalarType::TimeSpan: {
      K want = to == ScalarType::DateTime ? K::DateTime : K::TimeSpan;
      return typed_elements<int64_t>(to, elements, [want](const DynValue& d, int64_t& out) {
        if (d.kind() != want) return false;
        out = d.as_long();
        return true;
      });
    }
    case ScalarType::Real:
    case ScalarType::Decimal:
      // Numbers are numbers: a JSON integer is a valid real.
      return typed_elements<double>(to, elements, [](const DynValue& d, double& out) {
        if (d.kind() == K::Long) {
          out = static_cast<double>(d.as_long());
          return true;
        }
        if (d.kind() != K::Real && d.kind() != K::Decimal) return false;
        out = d.as_real();
        return true;
      });
    case ScalarType::Guid:
      return typed_elements<Guid>(to, elements, [](const DynValue& d, Guid& out) {
        if (d.kind() != K::Guid) return false;
        out = d.as_guid();
        return true;
      });
    case ScalarType::String: {
      functions::StringWriter w(elements.size());
      for (const auto& e : elements) w.add(e && e->kind() == K::String ? std::string_view(e->as_string()) : std::string_view());
      return w.finish();
    }
  }
  return Column::make_nulls(to, elements.size());
}

MvExpansion::MvExpansion(const MvExpandPlan& plan, Executor& ex) : plan_(plan) {
  for (const auto& item : plan.items) items_.push_back(std::make_unique<CompiledExpr>(item.expr, ex));
  if (plan.limit) {
    CompiledExpr limit(plan.limit, ex);
    Batch one;
    one.rows = 1;
    Value v = limit.eval(one)->value_at(0);
    if (!v.is_null()) limit_ = std::max<int64_t>(0, functions::LongReader::value_as_long(v));
  }
}

MvExpansion::Result MvExpansion::expand(const Batch& in) const {
  size_t nitems = items_.size();
  std::vector<ColumnPtr> values(nitems);
  EvalState state;
  for (size_t i = 0; i < nitems; ++i) {
    ColumnPtr c = items_[i]->eval(in, state);
    if (c->type() != ScalarType::Dynamic) c = cast_column(c, ScalarType::Dynamic);
    values[i] = std::move(c);
  }
  std::vector<functions::DynamicReader> readers;
  for (const auto& c : values) readers.emplace_back(*c);

  // How many rows each input row becomes: the longest of its arrays, capped by the limit.
  Result r;
  std::vector<uint32_t> positions;  // each output row's index into its arrays
  for (size_t row = 0; row < in.rows; ++row) {
    size_t n = 0;
    for (const auto& rd : readers) n = std::max(n, element_count(rd.get(row)));
    n = std::min<size_t>(n, static_cast<size_t>(std::min<int64_t>(limit_, INT32_MAX)));
    for (size_t k = 0; k < n; ++k) {
      r.source_rows.push_back(static_cast<uint32_t>(row));
      positions.push_back(static_cast<uint32_t>(k));
    }
  }
  size_t out_rows = r.source_rows.size();

  Batch& out = r.batch;
  out.rows = out_rows;
  out.columns.assign(plan_.schema->columns.size(), nullptr);
  for (size_t c = 0; c < plan_.input_to_output.size() && c < in.columns.size(); ++c) {
    int target = plan_.input_to_output[c];
    if (target >= 0) out.columns[target] = Column::take(in.columns[c], r.source_rows);
  }
  for (size_t i = 0; i < nitems; ++i) {
    std::vector<DynamicPtr> elements(out_rows);
    const auto& rd = readers[i];
    for (size_t o = 0; o < out_rows; ++o) {
      const DynamicPtr& v = rd.get_ptr(r.source_rows[o]);
      if (positions[o] < element_count(v.get())) elements[o] = element_at(v, positions[o], plan_.bag_as_array);
    }
    const MvExpandItem& item = plan_.items[i];
    out.columns[item.output] = dynamic_elements_as(std::move(elements), item.to);
  }
  if (plan_.item_index_column >= 0) {
    std::vector<int64_t> index(positions.begin(), positions.end());
    out.columns[plan_.item_index_column] = Column::make_longs(ScalarType::Long, std::move(index));
  }
  for (size_t c = 0; c < out.columns.size(); ++c)
    if (!out.columns[c]) out.columns[c] = Column::make_nulls(plan_.schema->columns[c].type, out_rows);
  return r;
}

}  // namespace huntdb::exec
