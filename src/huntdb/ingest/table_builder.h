// Assembles the rows of one output table into typed column batches of a fixed size and hands each
// full batch to a sink. Mappers set only the columns a record has: a column that a row leaves
// unset is null (empty for strings), padded lazily when the column is next set or when the batch
// is finished, so a wide table such as SecurityEvent (230 columns, a dozen set per record) costs
// per row only what the record holds. Columns no row of a batch set become constant null columns,
// and low-cardinality strings (Computer, Account, Activity, ...) are dictionary-encoded.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "huntdb/column/column.h"
#include "huntdb/common/string_map.h"

namespace huntdb::ingest {

// Receives each finished batch: the table it belongs to, the table's schema and the batch.
using BatchSink = std::function<void(const std::string& table, const TableSchema& schema, Batch batch)>;

inline constexpr size_t kIngestBatchRows = 64 * 1024;
// A batch ends early when one string column holds this much text. Event logs carry kilobytes of
// text per row (EventData XML, rendered messages, PowerShell script blocks): a batch's text
// columns stay small enough for the allocator to serve them again from memory it already holds,
// where columns of hundreds of megabytes would be mapped afresh and faulted in page by page for
// every batch. (It also keeps far below the 4 GiB a column's 32-bit offsets can address.)
inline constexpr size_t kMaxBatchStringBytes = size_t{8} << 20;

class TableBuilder {
 public:
  TableBuilder(std::string name, const TableSchema& schema, BatchSink sink, size_t batch_rows = kIngestBatchRows);

  const std::string& name() const { return name_; }
  const TableSchema& schema() const { return schema_; }
  int column_index(std::string_view column) const { return schema_.index_of(column); }
  // Column name -> index, for rows that arrive with column names (built on first use).
  const StringMap<int>& column_indices();

  // Setters for the current row; the first value set for a column in a row wins, later ones are
  // ignored (a record naming a field twice keeps the first, as Log Analytics keeps one value).
  void set_string(int col, std::string_view v);
  void set_int(int col, int32_t v);
  void set_long(int col, int64_t v);  // long, datetime or timespan ticks
  void set_real(int col, double v);
  void set_dynamic(int col, DynamicPtr v);
  // A value given as text, converted to the column's type (int, long, real, bool, datetime,
  // guid, dynamic); text that does not convert leaves the cell null.
  void set_text(int col, std::string_view text);
  bool is_set(int col) const { return filled_[col] > rows_; }
  // A string value composed in place (the EventData XML): append to the returned buffer, then
  // call end_string(col). It goes straight into the column's bytes, with no scratch copy; for a
  // column that is not a string column it is converted as set_text() converts.
  std::string& begin_string(int col);
  void end_string(int col);

  // Ends the current row; a full batch goes to the sink.
  void end_row();
  // Sends the rows so far (if any) as a batch.
  void flush();

  size_t rows_in_batch() const { return rows_; }
  uint64_t total_rows() const { return total_rows_; }

 private:
  // Pads column `col` with nulls up to the current row; false if the row already has a value.
  bool claim(int col);
  // The most text one string column holds in the current batch.
  size_t string_bytes() const;

  std::string name_;
  TableSchema schema_;
  BatchSink sink_;
  size_t batch_rows_;
  std::vector<ColumnBuilder> builders_;
  std::vector<size_t> filled_;    // rows appended to each builder
  std::vector<uint8_t> dictionary_candidate_;
  StringMap<int> column_indices_;
  int in_place_ = -1;   // the column begin_string() opened in place, if any
  std::string spill_;   // begin_string()'s buffer when the value cannot go in place
  size_t rows_ = 0;               // rows in the current batch (the current row's index)
  uint64_t total_rows_ = 0;
};

}  // namespace huntdb::ingest
