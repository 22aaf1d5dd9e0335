// The one function registry. Every scalar function, aggregate, window function and evaluate
// plugin is declared here once, with its signatures, the rule that gives its result type, and
// the rule that names its result column; the binder, `.show functions` and the coverage report
// all read the same entry. (The executor's kernels attach to the same entries.)
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <absl/container/flat_hash_map.h>

#include "huntdb/functions/kernel.h"
#include "huntdb/types/scalar_type.h"
#include "huntdb/types/schema.h"

namespace huntdb::functions {

// A set of scalar types, one bit per ScalarType.
class TypeSet {
 public:
  constexpr TypeSet() = default;
  constexpr TypeSet(std::initializer_list<ScalarType> types) {
    for (ScalarType t : types) bits_ |= bit(t);
  }
  constexpr bool contains(ScalarType t) const { return (bits_ & bit(t)) != 0; }
  constexpr bool empty() const { return bits_ == 0; }
  constexpr TypeSet operator|(TypeSet o) const { return from_bits(bits_ | o.bits_); }
  constexpr TypeSet without(ScalarType t) const { return from_bits(bits_ & ~bit(t)); }
  constexpr uint16_t bits() const { return bits_; }

  static constexpr TypeSet from_bits(uint16_t b) {
    TypeSet s;
    s.bits_ = b;
    return s;
  }

 private:
  static constexpr uint16_t bit(ScalarType t) { return static_cast<uint16_t>(1u << static_cast<unsigned>(t)); }
  uint16_t bits_ = 0;
};

namespace types {
using enum ScalarType;
inline constexpr TypeSet kBool{Bool};
inline constexpr TypeSet kInt{Int};
inline constexpr TypeSet kLong{Long};
inline constexpr TypeSet kReal{Real};
inline constexpr TypeSet kDecimal{Decimal};
inline constexpr TypeSet kString{String};
inline constexpr TypeSet kDateTime{DateTime};
inline constexpr TypeSet kTimeSpan{TimeSpan};
inline constexpr TypeSet kGuid{Guid};
inline constexpr TypeSet kDynamic{Dynamic};
inline constexpr TypeSet kInteger{Int, Long};
inline constexpr TypeSet kNumber{Int, Long, Real, Decimal};
inline constexpr TypeSet kRealOrDecimal{Real, Decimal};
inline constexpr TypeSet kSummable{Int, Long, Real, Decimal, DateTime, TimeSpan};
inline constexpr TypeSet kOrderable{Int, Long, Real, Decimal, DateTime, TimeSpan, String, Bool, Guid};
inline constexpr TypeSet kNotDynamic{Bool, Int, Long, Real, Decimal, String, DateTime, TimeSpan, Guid};
inline constexpr TypeSet kScalar{Bool, Int, Long, Real, Decimal, String, DateTime, TimeSpan, Guid, Dynamic};
inline constexpr TypeSet kStringOrDynamic{String, Dynamic};
inline constexpr TypeSet kIntegerOrDynamic{Int, Long, Dynamic};
inline constexpr TypeSet kNumberOrDynamic{Int, Long, Real, Decimal, Dynamic};
}  // namespace types

// What shape an argument must have besides its type.
enum class ArgShape : uint8_t {
  Scalar,    // any scalar expression of an accepted type
  Constant,  // a literal (or an expression of literals) of an accepted type
  Column,    // a plain column reference
  Tabular,   // a tabular expression
  Star,      // `*` (or any scalar: arg_max(t, *), pack_all? see the entry)
  Any,       // anything, checked by the function's own rule
};

struct Param {
  std::string_view name;
  TypeSet types = types::kScalar;
  ArgShape shape = ArgShape::Scalar;
  bool optional = false;  // may be omitted (only trailing parameters)
  bool repeats = false;   // may appear any number of times (the last declared parameter; min 1 unless optional)
};

// What the binder knows about one argument when it computes a result type.
struct ArgInfo {
  ScalarType type = ScalarType::Unknown;
  const TableSchema* table = nullptr;      // set for tabular arguments
  std::optional<std::string> literal;      // the value, when the argument is a literal (strings decoded)
  std::string result_name;                 // the name the argument's expression would have as a column, if any
  bool is_column = false;                  // a plain column reference
  bool is_star = false;                    // `*`
};

using ResultTypeFn = ScalarType (*)(std::span<const ArgInfo> args);

enum class ReturnRule : uint8_t {
  Fixed,          // `fixed`
  Param,          // the type of argument `param`
  ParamPromoted,  // the type of argument `param`, int widened to long (sum)
  Widest,         // the widest numeric type among the arguments (int < long < real < decimal)
  Common,         // the common type of the arguments from `param` on (iff, case, coalesce)
  Custom,         // `custom(args)`
};

struct Signature {
  std::vector<Param> params;
  ReturnRule rule = ReturnRule::Fixed;
  ScalarType fixed = ScalarType::Unknown;
  uint8_t param = 0;
  ResultTypeFn custom = nullptr;
};

// How the column an unnamed call produces is named (`extend f(x)`, `summarize f(x) by ...`).
enum class ResultName : uint8_t {
  None,                        // generic: Column1, Column2, ... (print_0 in print)
  FirstArgument,               // bin(TimeGenerated, 1h) -> TimeGenerated
  FirstArgumentIfColumn,       // the first argument's constant string, if it names an input column:
                               // column_ifexists("Account", "") -> Account
  PrefixAndFirstArgument,      // dcount(Account) -> dcount_Account, count() -> count_
  PrefixOnly,                  // the prefix alone
};

enum class FunctionKind : uint8_t {
  Scalar,
  Aggregate,
  Window,  // row_number, prev, next, row_cumsum...: scalar, but need serialized input
  Plugin,  // evaluate plugin(...)
};

// How an aggregate's result turns into columns, when it is not one column.
enum class AggregateShape : uint8_t {
  Single,        // one column
  ArgMinMax,     // arg_max(by, c1, c2 | *): the `by` column plus the named (or all) columns
  Percentiles,   // percentiles(x, 50, 95): percentile_x_50, percentile_x_95
  PercentilesArray,  // percentiles_array(x, 50, 95): one dynamic column percentiles_x
};

// The result schema of `evaluate plugin(args)` given the input table. Returns false if the
// plugin's output cannot be known statically (the binder then treats it as an open schema).
using PluginSchemaFn = bool (*)(const TableSchema& input, std::span<const ArgInfo> args, TableSchema& out);

// One field of a function that yields several values at once (series_fit_line: rsquare, slope, ...).
struct TupleField {
  std::string_view name;
  ScalarType type;
};

struct FunctionInfo {
  std::string_view name;
  FunctionKind kind = FunctionKind::Scalar;
  std::vector<Signature> signatures;
  ResultName result_name = ResultName::None;
  std::string_view result_prefix;  // for PrefixAndFirstArgument / PrefixOnly
  AggregateShape aggregate_shape = AggregateShape::Single;
  PluginSchemaFn plugin_schema = nullptr;
  // Non-empty for functions that yield several values: used as a whole expression they make one
  // column per field, named <result_prefix>_<first argument>_<field>.
  std::vector<TupleField> tuple_fields;
  std::string_view replaced_by;  // deprecated name: the function to use instead (makeset -> make_set)
  bool hidden = false;           // internal or legacy: not listed by `.show functions`
  std::string_view description;  // one line, for `.show functions` and completion

  // How the executor computes it (attached by the kernel files; null: not executable yet).
  ScalarKernel kernel = nullptr;
  TupleKernel tuple_kernel = nullptr;
  AccumulatorFactory accumulator = nullptr;
  WindowFactory window = nullptr;
  // A deterministic function gives the same result for the same arguments, so it may be
  // computed once per distinct value (rand() and new_guid() are not).
  bool deterministic = true;
};

// Attaches executable forms to declared functions, by name. The kernel files call these from
// their attach_* functions; attaching to an undeclared name is a programming error.
struct KernelTable {
  std::string_view name;
  ScalarKernel kernel = nullptr;
  TupleKernel tuple_kernel = nullptr;
  bool deterministic = true;
};
struct AggregateTable {
  std::string_view name;
  AccumulatorFactory accumulator = nullptr;
};
struct WindowTable {
  std::string_view name;
  WindowFactory window = nullptr;
};

class Registry {
 public:
  // The registry with every built-in function; built once, then immutable.
  static const Registry& builtins();

  const FunctionInfo* scalar(std::string_view name) const;     // scalar and window functions
  const FunctionInfo* aggregate(std::string_view name) const;
  const FunctionInfo* plugin(std::string_view name) const;
  const std::vector<FunctionInfo>& all() const { return functions_; }

  void add(FunctionInfo info);
  void attach(std::span<const KernelTable> kernels);
  void attach(std::span<const AggregateTable> aggregates);
  void attach(std::span<const WindowTable> windows);

 private:
  Registry() = default;
  void build_index();

  std::vector<FunctionInfo> functions_;
  absl::flat_hash_map<std::string_view, size_t> scalars_;
  absl::flat_hash_map<std::string_view, size_t> aggregates_;
  absl::flat_hash_map<std::string_view, size_t> plugins_;
};

// --- helpers shared by the family files

// int < long < real < decimal (an int result widens to long); Unknown if none is numeric.
ScalarType widest_numeric(std::span<const ArgInfo> args);
// The common type of the arguments (ignoring Unknown): numeric types widen, otherwise the first
// known type when all agree, else Dynamic... as Kusto's "common type" rule.
ScalarType common_type(std::span<const ArgInfo> args);

// Each family file adds its functions.
void register_string_functions(Registry& r);
void register_datetime_functions(Registry& r);
void register_conversion_functions(Registry& r);
void register_conditional_functions(Registry& r);
void register_dynamic_functions(Registry& r);
void register_ip_functions(Registry& r);
void register_math_functions(Registry& r);
void register_encoding_functions(Registry& r);
void register_series_functions(Registry& r);
void register_geo_functions(Registry& r);
void register_misc_functions(Registry& r);
void register_window_functions(Registry& r);
void register_aggregates(Registry& r);
void register_plugins(Registry& r);

// Each kernel file attaches its kernels (kernels/*.cpp).
void attach_kernels(Registry& r);

}  // namespace huntdb::functions
