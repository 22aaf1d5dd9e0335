#include "huntdb/ingest/table_builder.h"

#include <algorithm>
#include <charconv>

#include <absl/container/flat_hash_map.h>
#include <absl/hash/hash.h>
#include <absl/strings/string_view.h>

#include "huntdb/common/string_map.h"
#include "huntdb/types/datetime.h"
#include "huntdb/types/dynamic.h"
#include "huntdb/types/guid.h"

namespace huntdb::ingest {

namespace {

// String columns that hold free text or unique values: dictionary encoding would not pay off.
bool high_cardinality(std::string_view column) {
  static constexpr std::string_view kColumns[] = {
      "EventData", "CommandLine", "ParameterXml", "RenderedDescription", "Message", "EventRecordId",
      "NewProcessId", "ProcessId", "HandleId", "LogonGuid", "TargetLogonId", "SubjectLogonId", "LogonID",
      "_ItemId", "TemplateContent", "SecurityDescriptor", "FileHash", "Properties", "AdditionalInfo",
      "AdditionalInfo2", "AccessMask", "IpPort", "RemotePort"};
  for (auto c : kColumns)
    if (c == column) return true;
  return false;
}

template <class T>
bool parse_integer(std::string_view s, T& out) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (s.empty()) return false;
  int base = 10;
  bool negative = false;
  if (s.front() == '-') {
    negative = true;
    s.remove_prefix(1);
  }
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    base = 16;
    s.remove_prefix(2);
  }
  using U = std::make_unsigned_t<T>;
  U u = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), u, base);
  if (ec != std::errc() || p != s.data() + s.size()) return false;
  out = negative ? static_cast<T>(-static_cast<T>(u)) : static_cast<T>(u);
  return true;
}

// A string column dictionary-encoded when its values repeat (Computer, Account, Activity, ...):
// distinct values are found by hashing views into the column's own bytes, and the attempt stops
// as soon as more than half the rows seen are distinct.
ColumnPtr dictionary_encode(const ColumnPtr& strings) {
  size_t n = strings->size();
  if (n < 16 || !strings->is_flat()) return strings;
  auto offsets = strings->string_offsets();
  std::string_view bytes = strings->string_bytes();
  // Most columns of a wide table are empty in a given batch (SecurityEvent has some 230, an
  // event fills a few dozen): one constant instead of hashing every row's empty string.
  if (bytes.empty()) return Column::make_constant(Value::of_string(""), n);
  absl::flat_hash_map<std::string_view, uint32_t, StringHash, StringEq> ids;
  std::vector<uint32_t> codes(n);
  std::vector<uint32_t> first_row;  // of each distinct value
  for (size_t i = 0; i < n; ++i) {
    std::string_view v = bytes.substr(offsets[i], offsets[i + 1] - offsets[i]);
    // Logs come in runs (one computer, channel, provider, task for many records in a row): a
    // value equal to the row before's takes its code without hashing.
    if (i > 0 && v == bytes.substr(offsets[i - 1], offsets[i] - offsets[i - 1])) {
      codes[i] = codes[i - 1];
      continue;
    }
    auto [it, inserted] = ids.try_emplace(v, static_cast<uint32_t>(first_row.size()));
    if (inserted) {
      if (first_row.size() * 2 > n) return strings;
      first_row.push_back(static_cast<uint32_t>(i));
    }
    codes[i] = it->second;
  }
  return Column::make_dictionary(Column::take(strings, first_row), std::move(codes));
}

}  // namespace

TableBuilder::TableBuilder(std::string name, const TableSchema& schema, BatchSink sink, size_t batch_rows)
    : name_(std::move(name)), schema_(schema), sink_(std::move(sink)), batch_rows_(batch_rows ? batch_rows : 1) {
  for (const auto& c : schema_.columns) {
    builders_.emplace_back(c.type);
    dictionary_candidate_.push_back(c.type == ScalarType::String && !high_cardinality(c.name));
  }
  filled_.assign(builders_.size(), 0);
}

const StringMap<int>& TableBuilder::column_indices() {
  if (column_indices_.empty())
    for (size_t i = 0; i < schema_.columns.size(); ++i) column_indices_.emplace(schema_.columns[i].name, static_cast<int>(i));
  return column_indices_;
}

bool TableBuilder::claim(int col) {
  size_t& f = filled_[col];
  if (f > rows_) return false;
  auto& b = builders_[col];
  // The first value of a column in this batch: room for a good part of a batch, so the column's
  // vectors skip the small doublings (the columns no row sets take no memory, and a small file
  // does not keep a whole batch's capacity per column).
  if (f == 0) b = ColumnBuilder(b.type(), std::min<size_t>(batch_rows_, 4096));
  b.append_nulls(rows_ - f);
  f = rows_ + 1;
  return true;
}

void TableBuilder::set_string(int col, std::string_view v) {
  if (col < 0) return;
  auto& b = builders_[col];
  if (b.type() != ScalarType::String) return set_text(col, v);
  if (claim(col)) b.append_string(v);
}

void TableBuilder::set_int(int col, int32_t v) {
  if (col < 0 || !claim(col)) return;
  auto& b = builders_[col];
  if (b.type() == ScalarType::Int)
    b.append_int(v);
  else
    b.append_value(Value::of_int(v));
}

void TableBuilder::set_long(int col, int64_t v) {
  if (col < 0 || !claim(col)) return;
  auto& b = builders_[col];
  switch (b.type()) {
    case ScalarType::Long:
    case ScalarType::DateTime:
    case ScalarType::TimeSpan: b.append_long(v); break;
    default: b.append_value(Value::of_long(v));
  }
}

void TableBuilder::set_real(int col, double v) {
  if (col < 0 || !claim(col)) return;
  builders_[col].append_value(Value::of_real(v));
}

void TableBuilder::set_dynamic(int col, DynamicPtr v) {
  if (col < 0 || !claim(col)) return;
  auto& b = builders_[col];
  if (b.type() == ScalarType::Dynamic)
    b.append_dynamic(std::move(v));
  else
    b.append_null();
}

void TableBuilder::set_text(int col, std::string_view text) {
  if (col < 0 || !claim(col)) return;
  auto& b = builders_[col];
  switch (b.type()) {
    case ScalarType::String: b.append_string(text); return;
    case ScalarType::Int: {
      int32_t v;
      if (parse_integer(text, v)) return b.append_int(v);
      break;
    }
    case ScalarType::Long: {
      int64_t v;
      if (parse_integer(text, v)) return b.append_long(v);
      break;
    }
    case ScalarType::DateTime:
      if (auto t = parse_datetime(text)) return b.append_long(*t);
      break;
    case ScalarType::Dynamic:
      if (auto v = parse_json(text)) return b.append_dynamic(std::move(*v));
      break;
    default:
      if (!text.empty()) return b.append_value(Value::of_string(std::string(text)));
  }
  b.append_null();
}

std::string& TableBuilder::begin_string(int col) {
  // Room made ahead for the value: a typical EventData text fits, so composing it appends
  // without growing the column piece by piece.
  constexpr size_t kRoom = 16 * 1024;
  if (col >= 0 && builders_[col].type() == ScalarType::String && claim(col)) {
    in_place_ = col;
    auto& b = builders_[col];
    // A column composed in place is long text: room for a whole batch of it at once, so that it
    // is never copied to grow (pages not written to cost nothing).
    if (b.size() == rows_ && b.column().string_bytes().empty()) b.reserve_string_bytes(kMaxBatchStringBytes + kRoom);
    return b.begin_string(kRoom);
  }
  in_place_ = -1;
  spill_.clear();
  return spill_;
}

void TableBuilder::end_string(int col) {
  if (col >= 0 && in_place_ == col)
    builders_[col].end_string();
  else
    set_text(col, spill_);  // a column of another type, or the row has its value (then ignored)
  in_place_ = -1;
}

void TableBuilder::end_row() {
  ++rows_;
  ++total_rows_;
  if (rows_ >= batch_rows_ || ((rows_ & 63) == 0 && string_bytes() > kMaxBatchStringBytes)) flush();
}

size_t TableBuilder::string_bytes() const {
  size_t n = 0;
  for (const auto& b : builders_)
    if (b.type() == ScalarType::String) n = std::max(n, b.column().string_bytes().size());
  return n;
}

void TableBuilder::flush() {
  if (rows_ == 0) return;
  Batch batch;
  batch.rows = rows_;
  batch.columns.reserve(builders_.size());
  for (size_t c = 0; c < builders_.size(); ++c) {
    auto type = builders_[c].type();
    if (filled_[c] == 0) {
      batch.columns.push_back(type == ScalarType::String ? Column::make_constant(Value::of_string(""), rows_)
                                                         : Column::make_nulls(type, rows_));
      continue;
    }
    builders_[c].append_nulls(rows_ - filled_[c]);
    filled_[c] = rows_;
    ColumnPtr col = builders_[c].finish();
    if (dictionary_candidate_[c]) col = dictionary_encode(col);
    batch.columns.push_back(std::move(col));
    builders_[c] = ColumnBuilder(type);
    filled_[c] = 0;
  }
  rows_ = 0;
  if (sink_) sink_(name_, schema_, std::move(batch));
}

}  // namespace huntdb::ingest
