// Reads an extent file in place (mapped), lazily: opening reads only the trailer and the
// footer; each column is read, checked and decoded only when asked for, straight into the
// engine's columns (dictionary-encoded strings stay a dictionary Column). Also answers the
// pruning questions from the footer's statistics and the term indexes.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "huntdb/column/column.h"
#include "huntdb/storage/env.h"
#include "huntdb/storage/extent_format.h"
#include "huntdb/storage/storage_error.h"
#include "huntdb/storage/term_index.h"

namespace huntdb::storage {

class ExtentReader {
 public:
  // Throws StorageError if the file is not a whole extent (bad magic, trailer or footer CRC).
  static std::shared_ptr<const ExtentReader> open(Env& env, const std::string& path);
  static std::shared_ptr<const ExtentReader> open(std::shared_ptr<const MappedFile> file, std::string path);

  const ExtentFooter& footer() const { return footer_; }
  uint64_t rows() const { return footer_.rows; }
  uint64_t file_bytes() const { return file_->size(); }
  int column_index(std::string_view name) const { return footer_.index_of(name); }

  // Column `index` of every row, in batches of at most batch_rows rows.
  std::vector<ColumnPtr> read_column(size_t index, size_t batch_rows = kBatchRows) const;
  // Batches holding the asked columns in the asked order. A column the extent does not have
  // (added to the table after the extent was written) reads as nulls. Reads nothing else.
  std::vector<Batch> read_batches(std::span<const ColumnSchema> columns, size_t batch_rows = kBatchRows) const;

  // Pruning. A column the extent lacks is all nulls (empty strings): it holds no terms.
  const ColumnStats* stats(std::string_view column) const;
  std::optional<Value> min(std::string_view column) const;
  std::optional<Value> max(std::string_view column) const;
  bool may_contain_term(std::string_view column, std::string_view term) const;
  bool may_contain_prefix(std::string_view column, std::string_view prefix) const;
  bool all_rows_contain_term(std::string_view column, std::string_view term) const;
  // The column's term index, or null when it has none (not a string column).
  std::shared_ptr<const TermIndex> term_index(size_t index) const;

 private:
  ExtentReader() = default;
  std::shared_ptr<const MappedFile> file_;
  std::string path_;
  ExtentFooter footer_;
  mutable std::mutex index_mu_;
  mutable std::vector<std::shared_ptr<const TermIndex>> term_indexes_;
};

// Decodes one column chunk (decompressed) of `rows` rows into batches (exposed for tests).
std::vector<ColumnPtr> decode_column(ScalarType type, std::string_view raw, uint64_t rows, size_t batch_rows);

}  // namespace huntdb::storage
