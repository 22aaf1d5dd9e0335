// The typed logical plan: what the binder makes of a query. Scalar expressions (Expr) refer to
// columns by position and to functions by their registry entry; tabular operators (Plan) carry
// their output schema. The optimizer (plan/) rewrites it, the executor (exec/) runs it and the
// ClickHouse backend (remote/) translates it; none of them looks at names or syntax again.
//
// Nodes are immutable and shared: the same sub-plan may be referenced from several places (a
// `let` table used twice, the input of every `fork` prong).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "huntdb/column/column.h"
#include "huntdb/functions/registry.h"
#include "huntdb/kql/ast.h"
#include "huntdb/types/schema.h"
#include "huntdb/types/value.h"

namespace huntdb::analyze {

struct Expr;
struct Plan;
using ExprPtr = std::shared_ptr<const Expr>;
using PlanPtr = std::shared_ptr<const Plan>;
using SchemaPtr = std::shared_ptr<const TableSchema>;

// ---------------------------------------------------------------- scalar expressions

enum class ExprKind : uint8_t {
  Literal,         // value
  Column,          // column `index` of the row in scope (`side` says which row)
  Call,            // built-in scalar or window function `fn` over args
  Binary,          // args[0] binary_op args[1]
  Negate,          // -args[0]
  In,              // args[0] in_op (args[1..]) — or in (subquery's first column)
  Between,         // args[0] between (args[1] .. args[2]); `negated` for !between
  Member,          // args[0].name / args[0]["name"] on a dynamic value
  Index,           // args[0][args[1]] on a dynamic value (array index or key)
  TupleField,      // field `index` of the tuple-valued call args[0] (series_fit_line(...))
  ScalarSubquery,  // toscalar(subquery): the first column of its first row (null when empty)
  Parameter,       // a query parameter (`declare query_parameters`): `name`, default in args[0]
  SearchTerm,      // search "term" / * has "term": `name` is the term, over every column
  Cast,            // args[0] converted to `type` (an int passed where a long is declared)
};

// Which row a Column expression reads.
enum class ColumnSide : uint8_t {
  Row,    // the operator's input row
  Left,   // $left in join / lookup conditions
  Right,  // $right in join / lookup conditions
  Step,   // scan: the last row matched by step `step` (index is the column)
};

struct Expr {
  ExprKind kind = ExprKind::Literal;
  ScalarType type = ScalarType::Unknown;
  std::vector<ExprPtr> args;

  Value value;                                   // Literal
  uint32_t index = 0;                            // Column: position; TupleField: field
  ColumnSide side = ColumnSide::Row;             // Column
  uint32_t step = 0;                             // Column with side Step
  kql::BinaryOp binary_op = kql::BinaryOp::Add;  // Binary
  kql::InOp in_op = kql::InOp::In;               // In
  bool negated = false;                          // Between
  const functions::FunctionInfo* fn = nullptr;   // Call
  std::string name;                              // Member key, Parameter name, SearchTerm term, Column name
  PlanPtr subquery;                              // ScalarSubquery; In with a tabular list
  bool case_sensitive = false;                   // SearchTerm
  Span at;                                       // where the query wrote it (for errors)

  static ExprPtr literal(Value v);
  static ExprPtr column(uint32_t index, ScalarType type, std::string name, ColumnSide side = ColumnSide::Row);
  static ExprPtr call(const functions::FunctionInfo* fn, ScalarType type, std::vector<ExprPtr> args);
  static ExprPtr binary(kql::BinaryOp op, ScalarType type, ExprPtr lhs, ExprPtr rhs);
  // `inner` as type `to` (itself when it already has that type, or when either is unknown).
  static ExprPtr cast(ExprPtr inner, ScalarType to);
  static bool all_set(const std::vector<ExprPtr>& exprs);
};

// One aggregation of summarize / make-series / top-nested: `fn` over args. Aggregates such as
// arg_max or percentiles yield several values (`types` has one entry per value).
struct AggregateCall {
  const functions::FunctionInfo* fn = nullptr;
  Span at;
  std::vector<ExprPtr> args;
  std::vector<ScalarType> types;  // result type of each value it yields
};

struct SortKey {
  ExprPtr expr;
  bool descending = true;     // Kusto sorts descending unless told otherwise
  bool nulls_first = false;   // default: nulls last when descending, first when ascending
};

// ---------------------------------------------------------------- tabular operators

enum class PlanKind : uint8_t {
  TableScan, Values, Range, Filter, Project, Aggregate, Count, Take, Top, Sort, Distinct, Union, Join,
  MvExpand, MvApply, Parse, ParseKv, MakeSeries, TopNested, TopHitters, Sample, SampleDistinct, Render,
  Materialize, SubqueryInput, Fork, Facet, Partition, ScanOp, Reduce, Evaluate, Unsupported, Precomputed,
  ExternalData,
};

struct Plan {
  explicit Plan(PlanKind k) : kind(k) {}
  virtual ~Plan() = default;

  PlanKind kind;
  SchemaPtr schema;             // the columns it produces
  std::vector<PlanPtr> inputs;  // the plans it reads (most have one)

  template <typename T>
  const T& as() const { return static_cast<const T&>(*this); }
};

// A condition the rows of a scan are known to meet (a filter above it says so), which storage
// may use to skip whole extents by their per-column min/max and term index. The filter stays
// in the plan: pruning only saves reading what could not match.
struct ScanBound {
  enum class Op : uint8_t { AtLeast, AtMost, Equals, HasTerm };
  uint32_t column = 0;
  Op op = Op::AtLeast;
  Value value;  // AtLeast/AtMost/Equals: a value of the column's type; HasTerm: the term (string)
};

// A table of the database (or of a workspace).
struct TableScanPlan : Plan {
  TableScanPlan() : Plan(PlanKind::TableScan) {}
  std::string table;
  std::string database;  // empty: the current database
  // Columns the query reads (empty: all). Others may be left unread (they come back null).
  std::vector<bool> needed;
  std::vector<ScanBound> bounds;
};

// Literal rows: datatable, print (one row), getschema of a known schema.
struct ValuesPlan : Plan {
  ValuesPlan() : Plan(PlanKind::Values) {}
  std::vector<std::vector<ExprPtr>> rows;  // constant expressions, one per column
};

// range name from `from` to `to` step `step`.
struct RangePlan : Plan {
  RangePlan() : Plan(PlanKind::Range) {}
  ExprPtr from, to, step;
};

struct FilterPlan : Plan {
  FilterPlan() : Plan(PlanKind::Filter) {}
  ExprPtr predicate;
};

// One expression per output column: extend, project, project-away/keep/rename/reorder and
// serialize. `window` is set when an expression calls a window function (row_number, prev, ...):
// the rows must then be evaluated in order, in one stream.
struct ProjectPlan : Plan {
  ProjectPlan() : Plan(PlanKind::Project) {}
  std::vector<ExprPtr> exprs;
  bool window = false;
};

// Where an output column of summarize / make-series comes from.
struct AggregateOutput {
  bool key = false;    // a grouping key (index into keys) or an aggregate (index into aggregates)
  uint32_t index = 0;
  uint32_t field = 0;  // which value of a several-valued aggregate
};

// summarize aggs by keys
struct AggregatePlan : Plan {
  AggregatePlan() : Plan(PlanKind::Aggregate) {}
  std::vector<ExprPtr> keys;
  std::vector<AggregateCall> aggregates;
  std::vector<AggregateOutput> outputs;  // one per output column, in schema order
};

struct CountPlan : Plan {
  CountPlan() : Plan(PlanKind::Count) {}
};

// take / limit
struct TakePlan : Plan {
  TakePlan() : Plan(PlanKind::Take) {}
  ExprPtr count;
};

struct TopPlan : Plan {
  TopPlan() : Plan(PlanKind::Top) {}
  ExprPtr count;
  std::vector<SortKey> keys;
};

struct SortPlan : Plan {
  SortPlan() : Plan(PlanKind::Sort) {}
  std::vector<SortKey> keys;
};

// The distinct rows of the input (distinct with expressions is a Project below it).
struct DistinctPlan : Plan {
  DistinctPlan() : Plan(PlanKind::Distinct) {}
};

// union: every input's rows, its columns placed by name into the merged schema.
struct UnionPlan : Plan {
  UnionPlan() : Plan(PlanKind::Union) {}
  // For each input: the output column of each of its columns (-1: dropped).
  std::vector<std::vector<int>> column_maps;
  int source_column = -1;                 // withsource=Name: its position, or -1
  std::vector<std::string> source_names;  // the value of that column for each input
};

enum class JoinKind : uint8_t {
  InnerUnique, Inner, LeftOuter, RightOuter, FullOuter, LeftSemi, LeftAnti, RightSemi, RightAnti,
};

// join / lookup: inputs[0] is the left side, inputs[1] the right. Rows match when every
// left key equals the right key at the same position.
struct JoinPlan : Plan {
  JoinPlan() : Plan(PlanKind::Join) {}
  JoinKind join_kind = JoinKind::InnerUnique;
  bool lookup = false;
  std::vector<ExprPtr> left_keys;   // over the left row
  std::vector<ExprPtr> right_keys;  // over the right row
  // Output columns after the left side's: the right column each one is (lookup drops the keys).
  std::vector<uint32_t> right_columns;
};

// mv-expand: one output row per element of the expanded arrays.
struct MvExpandItem {
  ExprPtr expr;
  ScalarType to = ScalarType::Dynamic;  // to typeof(...)
  uint32_t output = 0;                  // its output column
};

struct MvExpandPlan : Plan {
  MvExpandPlan() : Plan(PlanKind::MvExpand) {}
  std::vector<MvExpandItem> items;
  std::vector<int> input_to_output;  // input column i -> output column (-1: replaced)
  int item_index_column = -1;         // with_itemindex=Name
  ExprPtr limit;                      // limit N (rows per input row)
  bool bag_as_array = false;          // bagexpansion=array
};

// mv-apply: expands like mv-expand, runs `subquery` over the rows of each input row, and
// appends its output to the input row. The subquery reads a SubqueryInput leaf.
struct MvApplyPlan : Plan {
  MvApplyPlan() : Plan(PlanKind::MvApply) {}
  std::shared_ptr<const MvExpandPlan> expand;  // the expansion of one row (reads a SubqueryInput)
  PlanPtr subquery;                            // reads a SubqueryInput: the expanded rows
  // Where each output column comes from: input column i (i >= 0), or subquery column -1 - i.
  std::vector<int> outputs;
};

// parse / parse-where: the text is matched against a pattern of literals and captures.
struct ParsePart {
  std::string literal;   // a literal piece (empty for a capture)
  int column = -1;       // a capture: its output column
  ScalarType type = ScalarType::String;
  bool wildcard = false; // `*`: matches anything, captures nothing
};

struct ParsePlan : Plan {
  ParsePlan() : Plan(PlanKind::Parse) {}
  ExprPtr source;
  std::vector<ParsePart> parts;
  std::string kind = "simple";  // simple | regex | relaxed
  std::string flags;            // regex flags (kind=regex flags=Ui)
  bool where = false;           // parse-where: rows that do not match are dropped
};

struct ParseKvPlan : Plan {
  ParseKvPlan() : Plan(PlanKind::ParseKv) {}
  ExprPtr source;
  std::vector<ColumnSchema> keys;  // extracted keys, appended (or replacing) in the output
  std::vector<uint32_t> key_columns;
  std::string pair_delimiter, kv_delimiter, quote, escape, regex;
  bool greedy = false;
};

struct MakeSeriesPlan : Plan {
  MakeSeriesPlan() : Plan(PlanKind::MakeSeries) {}
  std::vector<ExprPtr> keys;
  std::vector<AggregateCall> aggregates;
  std::vector<ExprPtr> defaults;  // per aggregate (null: the type's default)
  ExprPtr on, from, to, step;
  bool in_range = false;   // `in range(from, to, step)`: bins from 0, `to` inclusive
  bool nonempty = false;   // kind=nonempty: one row of defaults when the input is empty
  std::vector<AggregateOutput> outputs;  // key/aggregate columns; the axis column is last
};

struct TopNestedClause {
  ExprPtr count;       // null: all
  ExprPtr of;
  ExprPtr others;      // with others = value
  AggregateCall by;
  bool descending = true;
};

struct TopNestedPlan : Plan {
  TopNestedPlan() : Plan(PlanKind::TopNested) {}
  std::vector<TopNestedClause> clauses;
};

struct TopHittersPlan : Plan {
  TopHittersPlan() : Plan(PlanKind::TopHitters) {}
  ExprPtr count, of, by;
};

struct SamplePlan : Plan {
  SamplePlan() : Plan(PlanKind::Sample) {}
  ExprPtr count;
};

struct SampleDistinctPlan : Plan {
  SampleDistinctPlan() : Plan(PlanKind::SampleDistinct) {}
  ExprPtr count, of;
};

// render: the rows pass through; the visualization is kept as the result's metadata.
struct RenderPlan : Plan {
  RenderPlan() : Plan(PlanKind::Render) {}
  std::string visualization;                      // barchart, timechart, ...
  std::vector<std::pair<std::string, Value>> properties;  // with (title="...", kind=stacked, ...)
};

// materialize(T) (and tables named with `as`): computed once per query however often read.
struct MaterializePlan : Plan {
  MaterializePlan() : Plan(PlanKind::Materialize) {}
};

// The rows a subquery runs over (mv-apply, partition, fork prongs, facet): given at run time.
struct SubqueryInputPlan : Plan {
  SubqueryInputPlan() : Plan(PlanKind::SubqueryInput) {}
};

// fork (prong, ...): several results from one input.
struct ForkPlan : Plan {
  ForkPlan() : Plan(PlanKind::Fork) {}
  std::vector<PlanPtr> prongs;       // each reads a SubqueryInput
  std::vector<std::string> names;    // result names (empty: GenericResult)
};

// facet by c1, c2 [with (subquery)]: a count per value of each column, and the subquery's result.
struct FacetPlan : Plan {
  FacetPlan() : Plan(PlanKind::Facet) {}
  std::vector<PlanPtr> facets;  // each reads a SubqueryInput
  PlanPtr with;                 // may be null
};

// partition by key (subquery): the subquery runs over each key's rows; results are unioned.
struct PartitionPlan : Plan {
  PartitionPlan() : Plan(PlanKind::Partition) {}
  ExprPtr key;
  PlanPtr subquery;  // reads a SubqueryInput
  bool legacy = true;  // hint.strategy=legacy (the default) allows at most 64 partitions
};

struct ScanStep {
  std::string name;
  bool optional = false;
  std::string output = "all";  // all | last | none
  ExprPtr condition;
  std::vector<std::pair<uint32_t, ExprPtr>> assignments;  // declared column := expr
};

// scan [with_match_id=...] [declare (...)] with (step ...): a state machine over ordered rows.
struct ScanOpPlan : Plan {
  ScanOpPlan() : Plan(PlanKind::ScanOp) {}
  std::vector<SortKey> order_by;
  std::vector<ExprPtr> partition_by;
  std::vector<ExprPtr> declared_defaults;  // per declared column (appended after the input's)
  std::vector<ScanStep> steps;
  int match_id_column = -1;
};

struct ReducePlan : Plan {
  ReducePlan() : Plan(PlanKind::Reduce) {}
  ExprPtr by;
  ExprPtr threshold, characters;
  bool source = false;  // kind=source: every input row with its Pattern appended
};

// evaluate plugin(args)
struct EvaluatePlan : Plan {
  EvaluatePlan() : Plan(PlanKind::Evaluate) {}
  const functions::FunctionInfo* plugin = nullptr;
  std::vector<ExprPtr> args;
  std::vector<AggregateCall> aggregates;  // aggregation arguments (pivot(col, sum(x)))
  std::vector<const kql::Node*> arg_nodes;
  // Per argument, the plan of a tabular one (the lookup table of ipv4_lookup), else null.
  std::vector<PlanPtr> arg_tables;
};

// externaldata(schema)[uris] with (format=..., ignoreFirstRecord=...): rows read from files or
// http(s) addresses when the query runs, typed by the declared schema.
struct ExternalDataPlan : Plan {
  ExternalDataPlan() : Plan(PlanKind::ExternalData) {}
  std::vector<ExprPtr> uris;        // constant strings (connection strings may carry ;options)
  std::string format = "csv";       // csv, tsv, psv, scsv, sohsv, txt, raw, json, multijson
  bool ignore_first_record = false; // a header line to skip (text formats)
  Span at;
};

// What the executor cannot run: graph operators, other clusters, external tables, ... It fails
// with `message` if it is ever executed.
struct UnsupportedPlan : Plan {
  UnsupportedPlan() : Plan(PlanKind::Unsupported) {}
  std::string message;
  Span at;
};

// A table already computed while planning: the output of a plugin whose columns depend on the
// data (bag_unpack, pivot), run first so that the rest of the query can be bound to its columns.
struct PrecomputedPlan : Plan {
  PrecomputedPlan() : Plan(PlanKind::Precomputed) {}
  TablePtr table;
};

// ---------------------------------------------------------------- the whole query

struct QueryPlan {
  // One entry per result the query produces (tabular statements, fork prongs).
  struct Result {
    PlanPtr plan;
    ExprPtr scalar;  // a query whose last statement is a scalar expression
    std::string name;
  };
  std::vector<Result> results;
  // `set name = value;` options, in order.
  std::vector<std::pair<std::string, std::string>> options;
  // `declare query_parameters(...)`: names and types, with defaults.
  std::vector<std::pair<ColumnSchema, ExprPtr>> parameters;
};

}  // namespace huntdb::analyze
