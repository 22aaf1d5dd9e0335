#include "huntdb/exec/workspace_scan.h"

#include "huntdb/exec/table_util.h"
#include "huntdb/storage/extent_reader.h"

namespace huntdb::exec {

namespace {

using analyze::ScanBound;

// The integer a value holds (bool, int, long, datetime, timespan), if it holds one.
std::optional<int64_t> integer_of(const Value& v) {
  if (auto* x = std::get_if<int64_t>(&v.data)) return *x;
  if (auto* x = std::get_if<int32_t>(&v.data)) return *x;
  if (auto* x = std::get_if<bool>(&v.data)) return *x ? 1 : 0;
  return std::nullopt;
}

std::optional<double> real_of(const Value& v) {
  if (auto i = integer_of(v)) return static_cast<double>(*i);
  if (auto* x = std::get_if<double>(&v.data)) return *x;
  if (auto* x = std::get_if<Decimal>(&v.data)) return x->value;
  return std::nullopt;
}

// -1, 0, 1 for numbers, datetimes and timespans (as storage keeps their statistics); nullopt
// when the two cannot be ordered here (strings, guids, dynamics are never pruned by range).
std::optional<int> order(const Value& a, const Value& b) {
  auto ia = integer_of(a), ib = integer_of(b);
  if (ia && ib) return *ia < *ib ? -1 : *ia > *ib ? 1 : 0;
  auto ra = real_of(a), rb = real_of(b);
  if (ra && rb) return *ra < *rb ? -1 : *ra > *rb ? 1 : 0;
  return std::nullopt;
}

}  // namespace

bool extent_may_match(const storage::ExtentReader& extent, const TableSchema& schema,
                      std::span<const ScanBound> bounds) {
  for (const ScanBound& b : bounds) {
    if (b.column >= schema.columns.size()) continue;
    const std::string& name = schema.columns[b.column].name;
    if (b.op == ScanBound::Op::HasTerm) {
      if (b.value.type == ScalarType::String && !extent.may_contain_term(name, b.value.as_string())) return false;
      continue;
    }
    const storage::ColumnStats* st = extent.stats(name);
    if (!st || !st->has_range) {
      // A column with no values at all (every row null) satisfies no comparison.
      if (st && st->null_count == extent.rows() && extent.rows() > 0) return false;
      continue;
    }
    auto below_min = order(b.value, st->min);  // value vs min
    auto above_max = order(b.value, st->max);  // value vs max
    switch (b.op) {
      case ScanBound::Op::AtLeast:
        if (above_max && *above_max > 0) return false;  // every value < bound
        break;
      case ScanBound::Op::AtMost:
        if (below_min && *below_min < 0) return false;  // every value > bound
        break;
      case ScanBound::Op::Equals:
        if ((above_max && *above_max > 0) || (below_min && *below_min < 0)) return false;
        break;
      case ScanBound::Op::HasTerm: break;
    }
  }
  return true;
}

TablePtr WorkspaceTables::table(std::string_view name) const {
  if (memory_)
    if (TablePtr t = memory_->table(name)) return t;
  const storage::TableSnapshot* t = snapshot_ ? snapshot_->find(name) : nullptr;
  if (!t) return nullptr;
  return std::make_shared<Table>(t->read());
}

TablePtr WorkspaceTables::scan(const analyze::TableScanPlan& p, ScanStats& stats) const {
  if (memory_ && memory_->table(p.table)) return memory_->scan(p, stats);
  const storage::TableSnapshot* t = snapshot_ ? snapshot_->find(p.table) : nullptr;
  if (!t) return nullptr;
  const TableSchema& schema = t->schema;
  // The columns to decode: those the scan reads (all when it does not say).
  std::vector<ColumnSchema> wanted;
  std::vector<int> position;  // per schema column: its index among `wanted`, or -1
  for (size_t c = 0; c < schema.columns.size(); ++c) {
    bool needed = p.needed.empty() || (c < p.needed.size() && p.needed[c]);
    position.push_back(needed ? static_cast<int>(wanted.size()) : -1);
    if (needed) wanted.push_back(schema.columns[c]);
  }
  std::vector<Batch> batches;
  stats.extents_total += t->extents.size();
  for (const auto& extent : t->extents) {
    auto reader = extent->reader();
    if (!extent_may_match(*reader, schema, p.bounds)) continue;
    ++stats.extents_scanned;
    stats.rows_read += reader->rows();
    for (const auto& w : wanted) {
      int i = reader->column_index(w.name);
      if (i >= 0) stats.bytes_read += reader->footer().columns[static_cast<size_t>(i)].size;
    }
    for (Batch& b : reader->read_batches(wanted)) {
      Batch full;
      full.rows = b.rows;
      for (size_t c = 0; c < schema.columns.size(); ++c)
        full.columns.push_back(position[c] >= 0 ? std::move(b.columns[static_cast<size_t>(position[c])])
                                                : Column::make_nulls(schema.columns[c].type, b.rows));
      batches.push_back(std::move(full));
    }
  }
  return make_table(schema, std::move(batches));
}

}  // namespace huntdb::exec
