// How the executor calls a function: vectorized kernels over whole columns. A scalar kernel
// takes one column per argument and returns the result column; an aggregate keeps one state per
// group and is fed batches of rows with their group numbers; a window function sees the rows of
// a serialized stream batch after batch, in order. Kernels attach to the registry entries that
// declare the functions (registry.h), so one entry says everything about a function.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <vector>

#include "huntdb/column/column.h"

namespace huntdb::functions {

// What a kernel may know about the query it runs in.
struct KernelContext {
  int64_t now = 0;  // now() for the whole query (100 ns ticks from the Unix epoch)
};

// A call's arguments: one column per argument, each `rows` long. Arguments that are the same for
// every row (literals, let constants) come as constant columns. The executor evaluates calls
// over a string column's dictionary when it can, so kernels mostly see flat and constant columns,
// but they must accept every encoding.
struct KernelArgs {
  std::span<const ColumnPtr> args;
  size_t rows = 0;
  ScalarType result = ScalarType::Unknown;  // the result type the binder resolved
  const KernelContext* ctx = nullptr;
  // Aggregates: the position of this batch in the input. Workers see batches in any order, so
  // aggregates that keep the order of appearance (make_list, arg_max's first row on ties) order
  // rows by (batch, row).
  uint32_t batch = 0;

  const Column& operator[](size_t i) const { return *args[i]; }
  const ColumnPtr& ptr(size_t i) const { return args[i]; }
  size_t size() const { return args.size(); }
};

// A query-level failure a kernel reports (an invalid regular expression): Kusto returns null for
// bad values, and fails the query only for bad constant arguments.
class KernelError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

using ScalarKernel = ColumnPtr (*)(const KernelArgs& args);
// Functions that yield several values at once (series_fit_line): one column per field.
using TupleKernel = std::vector<ColumnPtr> (*)(const KernelArgs& args);

// ---------------------------------------------------------------- aggregates

// What an aggregate call is, known before any row is read.
struct AggregateSpec {
  std::vector<ScalarType> arg_types;
  std::vector<ScalarType> result_types;         // one per value the aggregate yields
  std::vector<std::optional<Value>> constants;  // arguments that are constants (make_list's max size)
  const KernelContext* ctx = nullptr;
};

class Accumulator {
 public:
  virtual ~Accumulator() = default;
  // Makes room for groups [0, groups).
  virtual void resize(size_t groups) = 0;
  // Adds rows: row i belongs to group groups[i] (args.rows == groups.size()).
  virtual void update(std::span<const uint32_t> groups, const KernelArgs& args) = 0;
  // Adds another accumulator of the same call: its group g goes into this one's group mapping[g].
  // `other` is not used afterwards, so its state may be moved or freed.
  virtual void merge(Accumulator& other, std::span<const uint32_t> mapping) = 0;
  // One column per value the aggregate yields, `groups` rows each.
  virtual std::vector<ColumnPtr> finish(size_t groups) = 0;
};

using AccumulatorFactory = std::unique_ptr<Accumulator> (*)(const AggregateSpec& spec);

// ---------------------------------------------------------------- window functions

class WindowState {
 public:
  virtual ~WindowState() = default;
  // The next batch of the serialized stream, in order.
  virtual ColumnPtr next(const KernelArgs& args) = 0;
};

using WindowFactory = std::unique_ptr<WindowState> (*)(const AggregateSpec& spec);

}  // namespace huntdb::functions
