// The binder's working state, shared by bind_expression.cpp (scalar expressions),
// bind_operators.cpp (tabular operators) and bind_statements.cpp (statements, functions).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <absl/container/flat_hash_set.h>

#include "huntdb/common/string_map.h"

#include "huntdb/analyze/binder.h"
#include "huntdb/analyze/operator_types.h"
#include "huntdb/analyze/projection.h"
#include "huntdb/functions/registry.h"
#include "huntdb/kql/ast.h"

namespace huntdb::analyze::detail {

using kql::Node;
using kql::NodeKind;
using TablePtr = std::shared_ptr<const TableSchema>;

class Scope;

struct Symbol {
  enum class Kind : uint8_t { Scalar, Table, Function, StoredFunction, Database };
  Kind kind = Kind::Scalar;
  BoundType type;
  std::optional<std::string> literal;             // a scalar bound to a constant (string value or number text)
  const kql::FunctionDeclNode* decl = nullptr;    // let f = (...) { ... }
  std::shared_ptr<Scope> closure;                 // the scope the function was declared in
  const StoredFunction* stored = nullptr;         // a database function
  std::shared_ptr<kql::SyntaxTree> stored_tree;   // its parsed declaration (kept alive)
  const kql::PatternStmtNode* pattern = nullptr;  // declare pattern name = ... { ... }
};

class Scope {
 public:
  explicit Scope(std::shared_ptr<Scope> parent = nullptr) : parent_(std::move(parent)) {}
  const Symbol* find(std::string_view name) const {
    for (const Scope* s = this; s; s = s->parent_.get()) {
      auto it = s->names_.find(name);
      if (it != s->names_.end()) return &it->second;
    }
    return nullptr;
  }
  void add(std::string name, Symbol s) { names_[std::move(name)] = std::move(s); }

 private:
  std::shared_ptr<Scope> parent_;
  StringMap<Symbol> names_;
};

// Where an expression is being bound: which columns are in scope and what may be called.
struct RowContext {
  TablePtr row;                  // the input row's columns (null: no row scope)
  ColumnSide side = ColumnSide::Row;  // how expressions refer to `row`
  TablePtr left, right;          // join/lookup conditions: $left and $right
  bool aggregates = false;       // summarize / make-series / top-nested aggregates
  bool extend_style = false;     // generated ColumnN names avoid the input's column names
};

// One column an operator declares from an expression, before it is added to a projection.
enum class ProjectionStyle : uint8_t { Default, Extend, Print, Summarize, Replace };

class Binder {
 public:
  Binder(const Catalog& catalog, Analysis& out, std::shared_ptr<const SourceText> source, const BindOptions& options);

  BoundType bind_query_block(const kql::QueryBlockNode* block);

  // --- statements and functions (bind_statements.cpp)
  void bind_let(const kql::LetStmtNode* let);
  void bind_statement(const Node* stmt, BoundType* result);
  BoundType call_user_function(const Symbol& fn, const kql::CallNode* call, const std::vector<BoundType>& args,
                               const std::vector<const Node*>& arg_nodes, const BoundType* piped_input);
  BoundType stored_function_as_table(const Symbol& fn, const Node* at);
  // p("a").["b"] / p("a").b: the body of the declared pattern's match for these values.
  BoundType call_pattern(const Symbol& pattern, const kql::CallNode* call, const Node* path);
  const Symbol* lookup_stored_function(std::string_view name);

  // --- expressions (bind_expression.cpp)
  BoundType bind(const Node* n);  // any expression; records its type
  BoundType bind_scalar(const Node* n);
  BoundType bind_name(const kql::NameNode* n);
  BoundType bind_call(const kql::CallNode* call, const BoundType* piped_input = nullptr);
  BoundType bind_builtin_call(const kql::CallNode* call, const functions::FunctionInfo& fn);
  BoundType bind_binary(const kql::BinaryNode* b);
  BoundType bind_path(const kql::PathNode* p);
  BoundType bind_literal(const kql::LiteralNode* lit);
  functions::ArgInfo arg_info(const Node* arg, const BoundType& type);
  DynamicPtr dynamic_literal(const Node* json);
  ExprPtr search_term(const kql::BinaryNode* b, const BoundType& term);
  BoundType bare_search_term(const Node* literal);
  // Field `name` of a tuple-valued expression.
  ExprPtr tuple_field(const BoundType& tuple, std::string_view name);
  std::optional<std::string> constant_string(const Node* n);
  ScalarType type_of_type_expr(const Node* type_node);

  // --- result names (bind_expression.cpp)
  std::string result_name(const Node* expr, std::string_view default_name = {});
  std::string function_result_name(const kql::CallNode* call, std::string_view default_name);
  std::string default_column_name(bool avoid_row_columns);
  // The input column an expression simply refers to (a column, or a no-op conversion of one).
  const ColumnSchema* result_column(const Node* expr);

  // --- projections (bind_operators.cpp)
  void project_expression(const Node* expr, ProjectionBuilder& builder, ProjectionStyle style,
                          bool do_not_repeat = false, const std::string* print_name = nullptr);
  void project_aggregate(const Node* expr, ProjectionBuilder& builder);

  // --- operators (bind_operators.cpp)
  BoundType bind_tabular(const Node* n);  // an expression that must be a table
  BoundType bind_operator(const Node* op, const BoundType& input);
  BoundType bind_source_operator(const Node* op);  // operators that start a pipeline
  // A pipeline whose first operator takes `input` (fork prongs, mv-apply and partition subqueries).
  BoundType bind_operator_chain(const Node* n, const BoundType& input);
  BoundType bind_nested_operator(const Node* op, const BoundType& input);
  BoundType bind_union(const kql::UnionNode* u, const BoundType& input);
  BoundType bind_join(const Node* op, const BoundType& input);
  BoundType bind_mv(const Node* op, const BoundType& input);
  BoundType bind_parse(const kql::ParseNode* p, const BoundType& input);
  BoundType bind_make_series(const kql::MakeSeriesNode* ms, const BoundType& input);
  BoundType bind_search(const Node* op, const BoundType& input);
  BoundType bind_scan(const kql::ScanNode* s, const BoundType& input);
  BoundType bind_evaluate(const kql::EvaluateNode* e, const BoundType& input);

  // --- plan assembly (bind_operators.cpp, bind_projection.cpp)
  // A Project of the builder's columns over `input`.
  BoundType projection(const BoundType& input, ProjectionBuilder& builder, bool open, bool serialize);
  // A Project picking input columns (optionally under the names `renamed` gives them).
  BoundType select_columns(const BoundType& input, const std::vector<int>& columns, const TableSchema* renamed);
  // summarize: an Aggregate (and a Project above it when outputs are computed from aggregates).
  BoundType aggregate_plan(const BoundType& input, ProjectionBuilder& builder, size_t key_count, const Node* at);
  std::optional<SortKey> sort_key(const Node* item);
  PlanPtr render_plan(const kql::RenderNode* r, const BoundType& input);

  // --- plans
  PlanPtr table_scan(std::string_view name, TablePtr schema);
  // A plan that fails with `message` when run (what the executor cannot do).
  PlanPtr unsupported(const Node* at, std::string message, TablePtr schema = nullptr);
  // externaldata: the addresses as string expressions and the with(...) properties.
  PlanPtr external_data(const kql::ExternalDataNode* e, TablePtr schema);
  // An operator's plan over `input`, with output `schema` (null if input has no plan).
  template <typename P>
  std::shared_ptr<P> make_plan(const BoundType& input, TablePtr schema) {
    if (!input.plan) return nullptr;
    auto p = std::make_shared<P>();
    p->schema = std::move(schema);
    p->inputs = {input.plan};
    return p;
  }

  // --- helpers
  // Something the query may say but the planner cannot run (reported only when executing).
  void plan_error(const Node* at, std::string message);
  void error(const Node* at, std::string message);
  void error(Span at, std::string message);
  std::string_view text(const Node* n) const;
  TablePtr row() const { return ctx_.row; }
  const TableSchema* find_table(std::string_view name);

  const Catalog& catalog_;
  Analysis& out_;
  const BindOptions& options_;
  std::shared_ptr<const SourceText> source_;
  std::shared_ptr<Scope> scope_;
  RowContext ctx_;
  const functions::Registry& registry_;
  int column_counter_ = 1;
  int suppress_errors_ = 0;  // > 0 while binding a function body at a call site
  int function_depth_ = 0;
  // Results of database functions bound without arguments (Sentinel parsers), by name.
  StringMap<BoundType> stored_results_;
  // Parsed database functions, by name.
  StringMap<std::shared_ptr<Symbol>> stored_symbols_;
  // Tables bound with `as` in the current query.
  StringMap<BoundType> as_tables_;
  // The values each several-valued aggregate call yields (arg_max, percentiles), by call.
  absl::flat_hash_map<const Expr*, std::vector<ScalarType>> aggregate_fields_;
  // While binding scan steps: step names and their positions.
  StringMap<uint32_t> scan_steps_;
  // While binding a search predicate: the string literals that stand alone as conditions
  // ("a" and "b"), each a term matched against every column.
  absl::flat_hash_set<const Node*> search_terms_;
  void mark_search_terms(const Node* predicate);
  // The first name accepted only because its table's columns are open (known when the query
  // runs, as after bag_unpack or pivot): such a name has no plan, and it is why the query
  // cannot be planned when no other reason was reported.
  const Node* late_column_ = nullptr;
  void note_late_column(const Node* name) {
    if (!late_column_) late_column_ = name;
  }
};

// Temporarily replaces the row context.
struct RowGuard {
  Binder& b;
  RowContext saved;
  RowGuard(Binder& binder, RowContext next) : b(binder), saved(binder.ctx_) { b.ctx_ = std::move(next); }
  ~RowGuard() { b.ctx_ = saved; }
};

// Kusto's wildcard match of column names: '*' is any run of characters; case-sensitive.
bool wildcard_match(std::string_view pattern, std::string_view text);
// The schema of a union of tables; `maps` (optional) receives where each table's columns go.
TableSchema union_schema(const std::vector<TablePtr>& tables, bool inner, std::vector<std::vector<int>>* maps);


}  // namespace huntdb::analyze::detail
