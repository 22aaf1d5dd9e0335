// sort / order by and top: rows ordered by several keys, each ascending or descending with nulls
// first or last. Strings order ordinally. top keeps the best n rows of each batch in parallel,
// then orders those.
#include <algorithm>
#include <numeric>

#include "huntdb/exec/exec_error.h"
#include "huntdb/exec/expression.h"
#include "huntdb/exec/kernels_internal.h"
#include "huntdb/exec/operators.h"
#include "huntdb/exec/table_util.h"
#include "huntdb/functions/kernels/kernel_util.h"

namespace huntdb::exec {

using namespace analyze;

namespace {

// One sort key's values for a run of rows, in a form cheap to compare.
struct KeyValues {
  enum class Kind { Long, Real, String, Boxed } kind = Kind::Long;
  bool descending = true;
  bool nulls_first = false;
  ColumnPtr column;  // keeps string data alive
  std::vector<int64_t> longs;
  std::vector<double> reals;
  std::vector<std::string_view> strings;
  std::vector<Value> boxed;
  std::vector<uint8_t> nulls;

  KeyValues(const ColumnPtr& c, const SortKey& k) : descending(k.descending), nulls_first(k.nulls_first), column(c) {
    size_t n = c->size();
    nulls.assign(n, 0);
    switch (c->type()) {
      case ScalarType::Bool:
      case ScalarType::Int:
      case ScalarType::Long:
      case ScalarType::DateTime:
      case ScalarType::TimeSpan: {
        kind = Kind::Long;
        functions::LongReader r(*c);
        longs.resize(n);
        for (size_t i = 0; i < n; ++i) {
          if (r.null(i)) {
            nulls[i] = 1;
          } else {
            longs[i] = r.get(i);
          }
        }
        break;
      }
      case ScalarType::Real:
      case ScalarType::Decimal: {
        kind = Kind::Real;
        functions::RealReader r(*c);
        reals.resize(n);
        for (size_t i = 0; i < n; ++i) {
          // NaN sorts as a null would.
          if (r.null(i) || r.get(i) != r.get(i)) {
            nulls[i] = 1;
          } else {
            reals[i] = r.get(i);
          }
        }
        break;
      }
      case ScalarType::String: {
        kind = Kind::String;
        functions::StringReader r(*c);
        strings.resize(n);
        for (size_t i = 0; i < n; ++i) strings[i] = r.get(i);
        break;
      }
      default: {
        kind = Kind::Boxed;
        boxed.resize(n);
        for (size_t i = 0; i < n; ++i) {
          boxed[i] = scalar_value(*c, i);
          if (boxed[i].is_null()) nulls[i] = 1;
        }
      }
    }
  }

  // Three-way comparison of rows a and b in output order.
  int compare(size_t a, size_t b) const {
    bool na = nulls[a], nb = nulls[b];
    if (na || nb) {
      if (na && nb) return 0;
      // A null goes first or last whatever the direction.
      return na ? (nulls_first ? -1 : 1) : (nulls_first ? 1 : -1);
    }
    int c = 0;
    switch (kind) {
      case Kind::Long: c = longs[a] < longs[b] ? -1 : (longs[a] > longs[b] ? 1 : 0); break;
      case Kind::Real: c = reals[a] < reals[b] ? -1 : (reals[a] > reals[b] ? 1 : 0); break;
      case Kind::String: c = strings[a].compare(strings[b]); c = c < 0 ? -1 : (c > 0 ? 1 : 0); break;
      case Kind::Boxed: c = compare_boxed(boxed[a], boxed[b]); break;
    }
    return descending ? -c : c;
  }

  static int compare_boxed(const Value& x, const Value& y) {
    if (x.type != y.type) {
      if (is_numeric(x.type) && is_numeric(y.type)) {
        double a = functions::RealReader::value_as_real(x), b = functions::RealReader::value_as_real(y);
        return a < b ? -1 : (a > b ? 1 : 0);
      }
      return x.type < y.type ? -1 : 1;
    }
    switch (x.type) {
      case ScalarType::String: return x.as_string().compare(y.as_string());
      case ScalarType::Guid: return x.as_guid() < y.as_guid() ? -1 : (y.as_guid() < x.as_guid() ? 1 : 0);
      case ScalarType::Real: return x.as_real() < y.as_real() ? -1 : (x.as_real() > y.as_real() ? 1 : 0);
      case ScalarType::Long:
      case ScalarType::DateTime:
      case ScalarType::TimeSpan: return x.as_long() < y.as_long() ? -1 : (x.as_long() > y.as_long() ? 1 : 0);
      case ScalarType::Bool: return static_cast<int>(x.as_bool()) - static_cast<int>(y.as_bool());
      default: return 0;
    }
  }
};

struct RowOrder {
  std::vector<KeyValues> keys;
  bool less(size_t a, size_t b) const {
    for (const auto& k : keys) {
      int c = k.compare(a, b);
      if (c != 0) return c < 0;
    }
    return false;
  }
};

// Evaluates the sort keys over one batch.
RowOrder order_of(const Batch& batch, const std::vector<SortKey>& keys,
                  const std::vector<std::unique_ptr<CompiledExpr>>& exprs) {
  RowOrder o;
  EvalState state;
  for (size_t k = 0; k < keys.size(); ++k) o.keys.emplace_back(Column::flatten(exprs[k]->eval(batch, state)), keys[k]);
  return o;
}

std::vector<std::unique_ptr<CompiledExpr>> compile_keys(const std::vector<SortKey>& keys, Executor& ex) {
  std::vector<std::unique_ptr<CompiledExpr>> out;
  for (const auto& k : keys) out.push_back(std::make_unique<CompiledExpr>(k.expr, ex));
  return out;
}

// All rows of a table in one batch (sorting needs them together).
Batch whole(const Table& t) {
  Batch b;
  b.rows = t.row_count();
  for (size_t c = 0; c < t.schema.columns.size(); ++c) b.columns.push_back(gather_column(t, c));
  return b;
}

TablePtr sorted(const Table& in, const std::vector<SortKey>& keys, Executor& ex, size_t limit) {
  auto exprs = compile_keys(keys, ex);
  Batch all = whole(in);
  if (all.rows == 0) return make_table(in.schema, {});
  RowOrder order = order_of(all, keys, exprs);
  std::vector<uint32_t> perm(all.rows);
  std::iota(perm.begin(), perm.end(), 0);
  auto less = [&](uint32_t a, uint32_t b) { return order.less(a, b); };
  if (limit < perm.size()) {
    std::partial_sort(perm.begin(), perm.begin() + static_cast<ptrdiff_t>(limit), perm.end(), [&](uint32_t a, uint32_t b) {
      // Ties keep input order.
      return less(a, b) || (!less(b, a) && a < b);
    });
    perm.resize(limit);
  } else {
    std::stable_sort(perm.begin(), perm.end(), less);
  }
  Batch out = take_rows(all, perm);
  std::vector<ColumnPtr> cols = out.columns;
  return make_table(in.schema, split_into_batches(std::move(cols), out.rows));
}

}  // namespace

namespace op {

TablePtr sort(const SortPlan& p, Executor& ex, const Bindings* b) {
  TablePtr in = ex.run(p.inputs[0], b);
  return sorted(*in, p.keys, ex, SIZE_MAX);
}

TablePtr top(const TopPlan& p, Executor& ex, const Bindings* b) {
  CompiledExpr count_expr(p.count, ex);
  Batch one;
  one.rows = 1;
  Value n = count_expr.eval(one)->value_at(0);
  int64_t limit = n.is_null() ? 0 : functions::LongReader::value_as_long(n);
  if (limit <= 0) return make_table(*p.schema, {});
  TablePtr in = ex.run(p.inputs[0], b);
  // Each batch keeps its best `limit` rows; the survivors are ordered together.
  auto exprs = compile_keys(p.keys, ex);
  std::vector<Batch> best(in->batches.size());
  ex.context().pool().parallel_for(in->batches.size(), [&](size_t i, size_t) {
    const Batch& batch = in->batches[i];
    if (batch.rows <= static_cast<size_t>(limit)) {
      best[i] = batch;
      return;
    }
    RowOrder order = order_of(batch, p.keys, exprs);
    std::vector<uint32_t> perm(batch.rows);
    std::iota(perm.begin(), perm.end(), 0);
    std::partial_sort(perm.begin(), perm.begin() + limit, perm.end(), [&](uint32_t a, uint32_t c) {
      return order.less(a, c) || (!order.less(c, a) && a < c);
    });
    perm.resize(static_cast<size_t>(limit));
    std::sort(perm.begin(), perm.end());  // keep input order among survivors
    best[i] = take_rows(batch, perm);
  });
  TablePtr candidates = make_table(in->schema, std::move(best));
  return sorted(*candidates, p.keys, ex, static_cast<size_t>(limit));
}

}  // namespace op
}  // namespace huntdb::exec
