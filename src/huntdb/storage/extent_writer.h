// Writes one extent file from batches of rows (see extent_format.h for the layout). The caller
// owns durability: it writes to a temporary name, syncs, and publishes (workspace.cpp).
#pragma once

#include <span>

#include "huntdb/column/column.h"
#include "huntdb/storage/env.h"
#include "huntdb/storage/extent_format.h"

namespace huntdb::storage {

struct WrittenExtent {
  ExtentFooter footer;
  uint64_t file_bytes = 0;
};

// Each batch holds one column per schema column, of the schema's type, in schema order.
WrittenExtent write_extent(WritableFile& file, const TableSchema& schema, std::span<const Batch> batches,
                           int64_t created_ticks);

// One column's chunk before compression (exposed for tests of the encodings' choice): `raw`,
// then the bytes `raw_tail` views. Long text is not copied into `raw`: its values' bytes are
// compressed where they are, in the input columns, which must outlive the EncodedColumn.
struct EncodedColumn {
  ChunkEncoding encoding = ChunkEncoding::Plain;
  std::string raw;
  std::vector<std::string_view> raw_tail;
  ColumnStats stats;
  std::string term_index;  // empty unless a string column

  size_t raw_size() const;
};
EncodedColumn encode_column(ScalarType type, std::span<const ColumnPtr> parts, uint64_t rows);

}  // namespace huntdb::storage
