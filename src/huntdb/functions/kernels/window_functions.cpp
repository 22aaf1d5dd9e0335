// Window functions over a serialized row set: row_number, row_cumsum, row_rank_dense,
// row_rank_min, row_window_session, prev, next. Each call keeps its running state in a
// WindowState that sees the rows in order, batch after batch.
//
// next() looks ahead: it sees the rows of its batch only, so the Project operator hands a
// serialized input to window expressions as one batch (exec/op_basic.cpp). The others carry
// their state from batch to batch and would also work batch by batch.
//
// Semantics (learn.microsoft.com/kusto/query/<name>-function):
// - row_number([start [, restart]]): start defaults to 1; a row where restart is true starts again
//   at start.
// - row_cumsum(term [, restart]): the running sum, of the term's type; restart starts a new sum
//   at the row. A null term adds nothing.
// - row_rank_dense(term [, restart]): 1 for the first row; +1 whenever the value differs from the
//   previous row's. row_rank_min: the position (from 1) of the first row of the run of equal
//   values. restart starts the ranking again at the row.
// - row_window_session(expr, maxFromFirst, maxBetweenNeighbors [, restart]): a row starts a new
//   session if there is no session yet (or the previous value was null), if its value is at or
//   beyond the session start + maxFromFirst, at or beyond the previous value + maxBetween, or if
//   restart is true; the result is the session's start. A null value gives null, and the next
//   value starts a new session.
// - prev(column [, offset [, default]]) / next(...): the column's value offset rows before
//   (after), or default (null when not given) where there is no such row.
#include <memory>
#include <optional>
#include <string>

#include "huntdb/functions/kernels/accumulator_util.h"
#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/value_keys.h"

namespace huntdb::functions {

namespace {

// The optional restart predicate at position `index` (true starts over; null does not).
class Restart {
 public:
  Restart(const KernelArgs& a, size_t index) {
    if (index < a.size()) r_ = std::make_unique<BoolReader>(a[index]);
  }
  bool at(size_t i) const { return r_ && !r_->null(i) && r_->get(i); }

 private:
  std::unique_ptr<BoolReader> r_;
};

class RowNumber : public WindowState {
 public:
  ColumnPtr next(const KernelArgs& a) override {
    std::unique_ptr<LongReader> start;
    if (a.size() > 0) start = std::make_unique<LongReader>(a[0]);
    Restart restart(a, 1);
    std::vector<int64_t> out(a.rows);
    for (size_t i = 0; i < a.rows; ++i) {
      int64_t first = start && !start->null(i) ? start->get(i) : 1;
      if (!started_ || restart.at(i)) {
        next_ = first;
        started_ = true;
      }
      out[i] = next_++;
    }
    return Column::make_longs(ScalarType::Long, std::move(out));
  }

 private:
  bool started_ = false;
  int64_t next_ = 1;
};

class RowCumsum : public WindowState {
 public:
  explicit RowCumsum(const AggregateSpec& s) : type_(s.arg_types.empty() ? ScalarType::Long : s.arg_types[0]) {}
  ColumnPtr next(const KernelArgs& a) override {
    Restart restart(a, 1);
    if (type_ == ScalarType::Real || type_ == ScalarType::Decimal) {
      RealReader r(a[0]);
      std::vector<double> out(a.rows);
      for (size_t i = 0; i < a.rows; ++i) {
        if (restart.at(i)) real_ = 0;
        if (!r.null(i)) real_ += r.get(i);
        out[i] = real_;
      }
      return Column::make_reals(type_, std::move(out));
    }
    LongReader r(a[0]);
    std::vector<int64_t> out(a.rows);
    for (size_t i = 0; i < a.rows; ++i) {
      if (restart.at(i)) long_ = 0;
      if (!r.null(i)) long_ = static_cast<int64_t>(static_cast<uint64_t>(long_) + static_cast<uint64_t>(r.get(i)));
      out[i] = long_;
    }
    if (type_ == ScalarType::Int) {
      std::vector<int32_t> ints(out.size());
      for (size_t i = 0; i < out.size(); ++i) ints[i] = static_cast<int32_t>(out[i]);
      return Column::make_ints(std::move(ints));
    }
    return Column::make_longs(ScalarType::Long, std::move(out));
  }

 private:
  ScalarType type_;
  int64_t long_ = 0;
  double real_ = 0;
};

// row_rank_dense / row_rank_min: runs of equal values (compared by key; nulls equal each other).
class RowRank : public WindowState {
 public:
  explicit RowRank(bool dense) : dense_(dense) {}
  ColumnPtr next(const KernelArgs& a) override {
    ValueKeys values(a[0]);
    Restart restart(a, 1);
    std::vector<int64_t> out(a.rows);
    for (size_t i = 0; i < a.rows; ++i) {
      bool null = values.null(i);
      std::string_view key = null ? std::string_view() : values.key(i);
      if (!started_ || restart.at(i)) {
        started_ = true;
        position_ = 1;
        rank_ = 1;
      } else {
        ++position_;
        if (null != previous_null_ || key != previous_) rank_ = dense_ ? rank_ + 1 : position_;
      }
      previous_.assign(key);
      previous_null_ = null;
      out[i] = rank_;
    }
    return Column::make_longs(ScalarType::Long, std::move(out));
  }

 private:
  bool dense_;
  bool started_ = false;
  int64_t position_ = 0;
  int64_t rank_ = 0;
  std::string previous_;
  bool previous_null_ = false;
};

class RowWindowSession : public WindowState {
 public:
  ColumnPtr next(const KernelArgs& a) override {
    LongReader values(a[0]), from_first(a[1]), between(a[2]);
    Restart restart(a, 3);
    std::vector<int64_t> out(a.rows);
    Validity valid;
    for (size_t i = 0; i < a.rows; ++i) {
      if (values.null(i)) {
        valid.set(i, false);
        start_.reset();
        previous_.reset();
        continue;
      }
      int64_t v = values.get(i);
      bool fresh = !start_ || !previous_ || restart.at(i) ||
                   (!from_first.null(i) && v >= *start_ + from_first.get(i)) ||
                   (!between.null(i) && v >= *previous_ + between.get(i));
      if (fresh) start_ = v;
      previous_ = v;
      out[i] = *start_;
    }
    return Column::make_longs(ScalarType::DateTime, std::move(out), std::move(valid));
  }

 private:
  std::optional<int64_t> start_;
  std::optional<int64_t> previous_;
};

// prev / next: `offset` rows back (prev) or ahead (next); a negative offset looks the other way.
class Neighbour : public WindowState {
 public:
  Neighbour(const AggregateSpec& s, bool ahead)
      : type_(s.result_types.empty() ? (s.arg_types.empty() ? ScalarType::Unknown : s.arg_types[0]) : s.result_types[0]) {
    int64_t offset = constant_long(s, 1).value_or(1);
    ahead_ = offset < 0 ? !ahead : ahead;
    offset_ = static_cast<size_t>(offset < 0 ? -offset : offset);
    if (s.constants.size() > 2 && s.constants[2]) default_ = *s.constants[2];
  }
  ColumnPtr next(const KernelArgs& a) override {
    ColumnPtr column = a.ptr(0);
    if (column->type() != type_ && type_ != ScalarType::Unknown) column = retyped(column);
    return ahead_ ? look_ahead(column, a.rows) : look_back(column, a.rows);
  }

 private:
  ColumnPtr retyped(const ColumnPtr& c) const {
    ColumnBuilder b(type_, c->size());
    for (size_t i = 0; i < c->size(); ++i) b.append_value(c->value_at(i));
    return b.finish();
  }
  ColumnPtr defaults(size_t n) const {
    ColumnBuilder b(type_, n);
    for (size_t i = 0; i < n; ++i) {
      if (default_.is_null()) {
        b.append_null();
      } else {
        b.append_value(default_);
      }
    }
    return b.finish();
  }
  // Rows [from, from + count) of c, then n - count defaults (or defaults first).
  ColumnPtr join(const ColumnPtr& c, size_t from, size_t count, size_t n, bool defaults_first) const {
    std::vector<uint32_t> idx(count);
    for (size_t i = 0; i < count; ++i) idx[i] = static_cast<uint32_t>(from + i);
    ColumnPtr taken = Column::take(c, idx);
    if (count == n) return taken;
    ColumnPtr fill = defaults(n - count);
    std::vector<ColumnPtr> parts = defaults_first ? std::vector<ColumnPtr>{fill, taken} : std::vector<ColumnPtr>{taken, fill};
    return Column::concat(parts);
  }
  ColumnPtr look_ahead(const ColumnPtr& c, size_t rows) const {
    size_t count = offset_ < rows ? rows - offset_ : 0;
    return join(c, offset_ < rows ? offset_ : 0, count, rows, false);
  }
  ColumnPtr look_back(const ColumnPtr& c, size_t rows) {
    // The rows of earlier batches still within reach come first.
    ColumnPtr all = c;
    size_t kept = history_ ? history_->size() : 0;
    if (kept > 0) {
      std::vector<ColumnPtr> parts{history_, c};
      all = Column::concat(parts);
    }
    size_t total = kept + rows;
    // Output row i reads all[kept + i - offset_].
    size_t missing = std::min(rows, offset_ > kept ? offset_ - kept : 0);
    ColumnPtr out = join(all, kept + missing - std::min(offset_, kept + missing), rows - missing, rows, true);
    size_t keep = std::min(offset_, total);
    history_ = keep == 0 ? nullptr : Column::slice(all, total - keep, keep);
    return out;
  }

  ScalarType type_;
  bool ahead_ = false;
  size_t offset_ = 1;
  Value default_;
  ColumnPtr history_;
};

std::unique_ptr<WindowState> make_row_number(const AggregateSpec&) { return std::make_unique<RowNumber>(); }
std::unique_ptr<WindowState> make_row_cumsum(const AggregateSpec& s) { return std::make_unique<RowCumsum>(s); }
std::unique_ptr<WindowState> make_row_rank_dense(const AggregateSpec&) { return std::make_unique<RowRank>(true); }
std::unique_ptr<WindowState> make_row_rank_min(const AggregateSpec&) { return std::make_unique<RowRank>(false); }
std::unique_ptr<WindowState> make_row_window_session(const AggregateSpec&) {
  return std::make_unique<RowWindowSession>();
}
std::unique_ptr<WindowState> make_prev(const AggregateSpec& s) { return std::make_unique<Neighbour>(s, false); }
std::unique_ptr<WindowState> make_next(const AggregateSpec& s) { return std::make_unique<Neighbour>(s, true); }

constexpr WindowTable kWindows[] = {
    {"row_number", make_row_number},
    {"row_cumsum", make_row_cumsum},
    {"row_rank_dense", make_row_rank_dense},
    {"row_rank_min", make_row_rank_min},
    {"row_window_session", make_row_window_session},
    {"prev", make_prev},
    {"next", make_next},
};

}  // namespace

void attach_window_kernels(Registry& r) { r.attach(kWindows); }

}  // namespace huntdb::functions
