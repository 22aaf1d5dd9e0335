#include "huntdb/exec/table_util.h"

#include <algorithm>

namespace huntdb::exec {

Batch take_rows(const Batch& b, std::span<const uint32_t> indices) {
  Batch out;
  out.rows = indices.size();
  out.columns.reserve(b.columns.size());
  for (const auto& c : b.columns) out.columns.push_back(Column::take(c, indices));
  return out;
}

Batch slice_rows(const Batch& b, size_t offset, size_t count) {
  if (offset == 0 && count == b.rows) return b;
  Batch out;
  out.rows = count;
  for (const auto& c : b.columns) out.columns.push_back(Column::slice(c, offset, count));
  return out;
}

TablePtr map_batches(QueryContext& ctx, const Table& input, const TableSchema& schema,
                     const std::function<Batch(const Batch& in, size_t worker)>& fn) {
  std::vector<Batch> out(input.batches.size());
  ctx.pool().parallel_for(input.batches.size(), [&](size_t i, size_t worker) {
    ctx.check_cancelled();
    out[i] = fn(input.batches[i], worker);
  });
  return make_table(schema, std::move(out));
}

TablePtr make_table(const TableSchema& schema, std::vector<Batch> batches) {
  auto t = std::make_shared<Table>();
  t->schema = schema;
  for (auto& b : batches)
    if (b.rows > 0) t->batches.push_back(std::move(b));
  return t;
}

std::vector<Batch> split_into_batches(std::vector<ColumnPtr> columns, size_t rows) {
  std::vector<Batch> out;
  if (rows == 0) return out;
  if (rows <= kBatchRows) {
    Batch b;
    b.rows = rows;
    b.columns = std::move(columns);
    out.push_back(std::move(b));
    return out;
  }
  for (size_t offset = 0; offset < rows; offset += kBatchRows) {
    size_t n = std::min(kBatchRows, rows - offset);
    Batch b;
    b.rows = n;
    for (const auto& c : columns) b.columns.push_back(Column::slice(c, offset, n));
    out.push_back(std::move(b));
  }
  return out;
}

ColumnPtr gather_column(const Table& t, size_t index) {
  std::vector<ColumnPtr> parts;
  for (const auto& b : t.batches) parts.push_back(b.columns[index]);
  if (parts.empty()) return Column::make_nulls(t.schema.columns[index].type, 0);
  return Column::concat(parts);
}

std::vector<Batch> take_row_refs(const Table& t, std::span<const RowRef> refs) {
  std::vector<Batch> out;
  size_t ncols = t.schema.columns.size();
  for (size_t start = 0; start < refs.size(); start += kBatchRows) {
    size_t n = std::min(kBatchRows, refs.size() - start);
    Batch b;
    b.rows = n;
    for (size_t c = 0; c < ncols; ++c) {
      // Runs of rows from one batch are gathered together.
      std::vector<ColumnPtr> pieces;
      size_t i = start;
      while (i < start + n) {
        uint32_t bi = refs[i].batch;
        std::vector<uint32_t> idx;
        while (i < start + n && refs[i].batch == bi) idx.push_back(refs[i++].row);
        pieces.push_back(Column::take(t.batches[bi].columns[c], idx));
      }
      b.columns.push_back(Column::concat(pieces));
    }
    out.push_back(std::move(b));
  }
  return out;
}

}  // namespace huntdb::exec
