// Small operations on batches and tables shared by the operators.
#pragma once

#include <functional>
#include <span>
#include <vector>

#include "huntdb/column/column.h"
#include "huntdb/exec/query_context.h"

namespace huntdb::exec {

// The rows `indices` of a batch.
Batch take_rows(const Batch& b, std::span<const uint32_t> indices);
// Rows [offset, offset + count) of a batch.
Batch slice_rows(const Batch& b, size_t offset, size_t count);

// Applies fn to every batch of `input` in parallel; the output keeps the input's batch order and
// drops empty batches.
TablePtr map_batches(QueryContext& ctx, const Table& input, const TableSchema& schema,
                     const std::function<Batch(const Batch& in, size_t worker)>& fn);

// A table with the given schema and batches (empty batches dropped).
TablePtr make_table(const TableSchema& schema, std::vector<Batch> batches);

// Batches of at most kBatchRows rows from a list of columns of equal length.
std::vector<Batch> split_into_batches(std::vector<ColumnPtr> columns, size_t rows);

// One column: the rows of column `index` of every batch, in order.
ColumnPtr gather_column(const Table& t, size_t index);

// The rows of a table selected by (batch, row) pairs, in that order, as batches.
struct RowRef {
  uint32_t batch;
  uint32_t row;
};
std::vector<Batch> take_row_refs(const Table& t, std::span<const RowRef> refs);

}  // namespace huntdb::exec
