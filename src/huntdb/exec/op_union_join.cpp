// union: each input's columns placed by name into the merged schema (missing ones null).
// join / lookup: a hash join on equality keys with Kusto's nine kinds; innerunique (the default)
// keeps one left row per key. Null keys match nothing.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "huntdb/exec/exec_error.h"
#include "huntdb/exec/expression.h"
#include "huntdb/exec/group_table.h"
#include "huntdb/exec/operator_kernels.h"
#include "huntdb/exec/operators.h"
#include "huntdb/exec/table_util.h"

namespace huntdb::exec::op {

TablePtr union_all(const UnionPlan& p, Executor& ex, const Bindings* b) {
  const TableSchema& out = *p.schema;
  std::vector<Batch> batches;
  // union * over a whole workspace: thousands of inputs, tens of thousands of columns, most of
  // them missing from any one input. One null column per type and size serves them all.
  std::map<std::pair<ScalarType, size_t>, ColumnPtr> nulls;
  auto null_column = [&](ScalarType t, size_t rows) {
    ColumnPtr& c = nulls[{t, rows}];
    if (!c) c = Column::make_nulls(t, rows);
    return c;
  };
  for (size_t i = 0; i < p.inputs.size(); ++i) {
    TablePtr in = ex.run(p.inputs[i], b);
    const std::vector<int>& map = p.column_maps[i];
    for (const auto& batch : in->batches) {
      ex.context().check_cancelled();
      Batch o;
      o.rows = batch.rows;
      o.columns.assign(out.columns.size(), nullptr);
      for (size_t c = 0; c < map.size() && c < batch.columns.size(); ++c) {
        int target = map[c];
        if (target < 0) continue;
        ColumnPtr col = batch.columns[c];
        ScalarType want = out.columns[target].type;
        if (want != ScalarType::Unknown && col->type() != want) col = cast_column(col, want);
        o.columns[target] = std::move(col);
      }
      if (p.source_column >= 0)
        o.columns[p.source_column] = Column::make_constant(Value::of_string(p.source_names[i]), batch.rows);
      for (size_t c = 0; c < o.columns.size(); ++c)
        if (!o.columns[c]) o.columns[c] = null_column(out.columns[c].type, batch.rows);
      batches.push_back(std::move(o));
    }
  }
  return make_table(out, std::move(batches));
}

namespace {

// Evaluates key expressions over every batch of a table.
std::vector<std::vector<ColumnPtr>> key_columns(const Table& t, const std::vector<ExprPtr>& keys, Executor& ex) {
  std::vector<std::unique_ptr<CompiledExpr>> exprs;
  for (const auto& k : keys) exprs.push_back(std::make_unique<CompiledExpr>(k, ex));
  std::vector<std::vector<ColumnPtr>> out(t.batches.size());
  ex.context().pool().parallel_for(t.batches.size(), [&](size_t i, size_t) {
    EvalState s;
    for (const auto& e : exprs) out[i].push_back(e->eval(t.batches[i], s));
  });
  return out;
}

// A null side of an outer join: `rows` nulls for each column.
std::vector<ColumnPtr> null_columns(const TableSchema& s, const std::vector<uint32_t>& which, size_t rows) {
  std::vector<ColumnPtr> out;
  for (uint32_t c : which) out.push_back(Column::make_nulls(s.columns[c].type, rows));
  return out;
}

}  // namespace

TablePtr join(const JoinPlan& p, Executor& ex, const Bindings* b) {
  TablePtr left = ex.run(p.inputs[0], b);
  TablePtr right = ex.run(p.inputs[1], b);
  std::vector<ScalarType> types;
  for (const auto& k : p.left_keys) types.push_back(k->type);
  // Keys of both sides go through one group table: a left row matches the right rows of its
  // group. Integer keys of different widths compare by value, so int keys are read as long.
  GroupTable groups(types);
  auto rkeys = key_columns(*right, p.right_keys, ex);
  auto lkeys = key_columns(*left, p.left_keys, ex);
  auto normalize = [&](std::vector<ColumnPtr>& cols) {
    for (size_t k = 0; k < cols.size(); ++k) {
      ScalarType l = p.left_keys[k]->type, r = p.right_keys[k]->type;
      if (cols[k]->type() == ScalarType::Int || (is_numeric(l) && is_numeric(r) && l != r)) {
        bool real = l == ScalarType::Real || r == ScalarType::Real || l == ScalarType::Decimal || r == ScalarType::Decimal;
        cols[k] = cast_column(cols[k], real ? ScalarType::Real : ScalarType::Long);
      }
    }
  };
  // right rows by group
  std::vector<std::vector<RowRef>> right_rows;
  std::vector<uint32_t> g;
  for (size_t bi = 0; bi < right->batches.size(); ++bi) {
    normalize(rkeys[bi]);
    groups.assign(rkeys[bi], right->batches[bi].rows, g, static_cast<uint32_t>(bi));
    right_rows.resize(groups.size());
    for (size_t i = 0; i < g.size(); ++i) right_rows[g[i]].push_back({static_cast<uint32_t>(bi), static_cast<uint32_t>(i)});
  }
  size_t right_groups = groups.size();
  std::vector<uint8_t> group_has_null(right_groups);
  for (size_t i = 0; i < right_groups; ++i) group_has_null[i] = groups.key_has_null(i);
  // left rows' groups (ids >= right_groups: no right row has that key)
  std::vector<std::vector<uint32_t>> left_groups(left->batches.size());
  for (size_t bi = 0; bi < left->batches.size(); ++bi) {
    normalize(lkeys[bi]);
    groups.assign(lkeys[bi], left->batches[bi].rows, left_groups[bi], static_cast<uint32_t>(bi));
  }
  auto matches = [&](uint32_t grp) { return grp < right_groups && !group_has_null[grp] && !right_rows[grp].empty(); };
  auto left_null_key = [&](uint32_t grp) { return groups.key_has_null(grp); };

  using analyze::JoinKind;
  JoinKind kind = p.join_kind;
  const TableSchema& out = *p.schema;

  // Semi and anti joins keep one side's rows.
  if (kind == JoinKind::LeftSemi || kind == JoinKind::LeftAnti) {
    bool semi = kind == JoinKind::LeftSemi;
    std::vector<Batch> batches;
    for (size_t bi = 0; bi < left->batches.size(); ++bi) {
      std::vector<uint32_t> keep;
      for (size_t i = 0; i < left_groups[bi].size(); ++i) {
        uint32_t grp = left_groups[bi][i];
        bool hit = !left_null_key(grp) && matches(grp);
        if (hit == semi) keep.push_back(static_cast<uint32_t>(i));
      }
      batches.push_back(take_rows(left->batches[bi], keep));
    }
    return make_table(out, std::move(batches));
  }
  if (kind == JoinKind::RightSemi || kind == JoinKind::RightAnti) {
    std::vector<uint8_t> hit(right_groups, 0);
    for (const auto& lg : left_groups)
      for (uint32_t grp : lg)
        if (grp < right_groups && !group_has_null[grp]) hit[grp] = 1;
    bool semi = kind == JoinKind::RightSemi;
    std::vector<RowRef> refs;
    // Right rows in their own order.
    std::vector<std::vector<uint32_t>> rg(right->batches.size());
    for (size_t grp = 0; grp < right_groups; ++grp)
      if ((hit[grp] != 0) == semi)
        for (const auto& r : right_rows[grp]) rg[r.batch].push_back(r.row);
    std::vector<Batch> batches;
    for (size_t bi = 0; bi < rg.size(); ++bi) {
      std::sort(rg[bi].begin(), rg[bi].end());
      batches.push_back(take_rows(right->batches[bi], rg[bi]));
    }
    return make_table(out, std::move(batches));
  }

  // innerunique: one left row per key (the first).
  std::vector<std::vector<uint8_t>> left_keep(left->batches.size());
  if (kind == JoinKind::InnerUnique) {
    std::vector<uint8_t> seen(groups.size(), 0);
    for (size_t bi = 0; bi < left->batches.size(); ++bi) {
      left_keep[bi].assign(left_groups[bi].size(), 0);
      for (size_t i = 0; i < left_groups[bi].size(); ++i) {
        uint32_t grp = left_groups[bi][i];
        if (!seen[grp]) {
          seen[grp] = 1;
          left_keep[bi][i] = 1;
        }
      }
    }
  }
  bool keep_unmatched_left = kind == JoinKind::LeftOuter || kind == JoinKind::FullOuter;
  bool keep_unmatched_right = kind == JoinKind::RightOuter || kind == JoinKind::FullOuter;
  std::vector<uint8_t> right_matched(right_groups, 0);
  std::vector<uint32_t> left_cols(left->schema.columns.size());
  for (size_t i = 0; i < left_cols.size(); ++i) left_cols[i] = static_cast<uint32_t>(i);

  std::vector<Batch> batches;
  // Output in left order: each left row followed by its matches.
  for (size_t bi = 0; bi < left->batches.size(); ++bi) {
    const Batch& lb = left->batches[bi];
    std::vector<uint32_t> lidx;
    std::vector<RowRef> rrefs;
    std::vector<uint32_t> unmatched;
    for (size_t i = 0; i < lb.rows; ++i) {
      if (kind == JoinKind::InnerUnique && !left_keep[bi][i]) continue;
      uint32_t grp = left_groups[bi][i];
      if (!left_null_key(grp) && matches(grp)) {
        right_matched[grp] = 1;
        for (const auto& r : right_rows[grp]) {
          lidx.push_back(static_cast<uint32_t>(i));
          rrefs.push_back(r);
        }
      } else if (keep_unmatched_left) {
        lidx.push_back(static_cast<uint32_t>(i));
        rrefs.push_back({UINT32_MAX, 0});
      }
    }
    if (lidx.empty()) continue;
    // Split into runs of matched / unmatched rows to gather each side in bulk.
    size_t start = 0;
    while (start < lidx.size()) {
      bool null_right = rrefs[start].batch == UINT32_MAX;
      size_t end = start;
      while (end < lidx.size() && (rrefs[end].batch == UINT32_MAX) == null_right && end - start < kBatchRows) ++end;
      Batch o;
      o.rows = end - start;
      Batch lpart = take_rows(lb, std::span<const uint32_t>(lidx.data() + start, end - start));
      o.columns = lpart.columns;
      if (null_right) {
        for (auto& c : null_columns(right->schema, p.right_columns, o.rows)) o.columns.push_back(std::move(c));
      } else {
        auto rb = take_row_refs(*right, std::span<const RowRef>(rrefs.data() + start, end - start));
        for (uint32_t c : p.right_columns) {
          std::vector<ColumnPtr> parts;
          for (const auto& x : rb) parts.push_back(x.columns[c]);
          o.columns.push_back(Column::concat(parts));
        }
      }
      batches.push_back(std::move(o));
      start = end;
    }
  }
  if (keep_unmatched_right) {
    std::vector<RowRef> refs;
    for (size_t grp = 0; grp < right_groups; ++grp)
      if (!right_matched[grp])
        for (const auto& r : right_rows[grp]) refs.push_back(r);
    std::sort(refs.begin(), refs.end(), [](const RowRef& x, const RowRef& y) {
      return x.batch < y.batch || (x.batch == y.batch && x.row < y.row);
    });
    for (const auto& rb : take_row_refs(*right, refs)) {
      Batch o;
      o.rows = rb.rows;
      o.columns = null_columns(left->schema, left_cols, rb.rows);
      for (uint32_t c : p.right_columns) o.columns.push_back(rb.columns[c]);
      batches.push_back(std::move(o));
    }
  }
  // Keep the declared column types (outer joins' null columns come typed already).
  return make_table(out, std::move(batches));
}

}  // namespace huntdb::exec::op
