// The binder: resolves names against the catalog, `let` bindings and function parameters,
// infers the type of every expression and the schema of every tabular expression, and reports
// semantic errors (unknown names, wrong argument types) with their spans.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "huntdb/common/string_map.h"

#include "huntdb/analyze/catalog.h"
#include "huntdb/analyze/logical_plan.h"
#include "huntdb/common/diagnostic.h"
#include "huntdb/kql/parser.h"
#include "huntdb/types/schema.h"

namespace huntdb::analyze {

// The type of a bound expression: a scalar, a table (with its schema), or several named values
// at once (a tuple: functions like series_fit_line that yield many columns).
struct BoundType {
  enum class Kind : uint8_t { Unknown, Scalar, Table, Tuple, Error };
  Kind kind = Kind::Unknown;
  ScalarType scalar = ScalarType::Unknown;
  std::shared_ptr<const TableSchema> columns;  // for Table and Tuple
  // What the expression computes, for the planner: a scalar (or tuple) expression, or a table's
  // plan. Null when the expression has errors.
  ExprPtr expr;
  PlanPtr plan;

  static BoundType unknown() { return {}; }
  static BoundType error() { return {Kind::Error, ScalarType::Unknown, nullptr}; }
  static BoundType of(ScalarType t, ExprPtr e = nullptr) { return {Kind::Scalar, t, nullptr, std::move(e)}; }
  static BoundType table(TableSchema s, PlanPtr p = nullptr) {
    return {Kind::Table, ScalarType::Unknown, std::make_shared<TableSchema>(std::move(s)), nullptr, std::move(p)};
  }
  static BoundType table(std::shared_ptr<const TableSchema> s, PlanPtr p = nullptr) {
    return {Kind::Table, ScalarType::Unknown, std::move(s), nullptr, std::move(p)};
  }
  static BoundType tuple(TableSchema s, ExprPtr e = nullptr) {
    return {Kind::Tuple, ScalarType::Unknown, std::make_shared<TableSchema>(std::move(s)), std::move(e)};
  }
  // An unknown type that still computes something (a dynamic member whose type is unknown).
  static BoundType unknown_of(ExprPtr e) { return {Kind::Unknown, ScalarType::Unknown, nullptr, std::move(e)}; }

  bool is_table() const { return kind == Kind::Table; }
  bool is_scalar() const { return kind == Kind::Scalar || kind == Kind::Unknown; }
  // The scalar type (Unknown for anything that is not a known scalar).
  ScalarType scalar_type() const { return kind == Kind::Scalar ? scalar : ScalarType::Unknown; }
};

struct Analysis {
  Diagnostics diagnostics;  // semantic errors and warnings (syntax errors are in the tree)
  BoundType result;         // the type of the query's last statement
  // The type of each bound expression node (the last binding of it, for function bodies).
  absl::flat_hash_map<const kql::Node*, BoundType> types;
  // The logical plan of the query; complete only when there are no errors (neither
  // diagnostics nor plan_errors).
  QueryPlan plan;
  // What the query says that cannot be executed (the type checker accepts it).
  Diagnostics plan_errors;
  // Plugin calls whose output columns depend on the data (bag_unpack, pivot), with their plans:
  // run one, give its table back in BindOptions::evaluated, and bind again to plan what follows.
  std::vector<std::pair<const kql::Node*, PlanPtr>> deferred;
};

// Values the query is bound with: the values of `declare query_parameters` given by the caller.
struct BindOptions {
  std::vector<std::pair<std::string, Value>> parameters;
  // Results of deferred plugin calls (Analysis::deferred), by their evaluate node.
  absl::flat_hash_map<const kql::Node*, TablePtr> evaluated;
};

Analysis analyze(const kql::SyntaxTree& tree, const Catalog& catalog, const BindOptions& options = {});

}  // namespace huntdb::analyze
