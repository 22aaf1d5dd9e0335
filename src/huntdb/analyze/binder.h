// The binder: resolves names against the catalog, `let` bindings and function parameters,
// infers the type of every expression and the schema of every tabular expression, and reports
// semantic errors (unknown names, wrong argument types) with their spans.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "huntdb/common/string_map.h"

#include "huntdb/analyze/catalog.h"
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

  static BoundType unknown() { return {}; }
  static BoundType error() { return {Kind::Error, ScalarType::Unknown, nullptr}; }
  static BoundType of(ScalarType t) { return {Kind::Scalar, t, nullptr}; }
  static BoundType table(TableSchema s) { return {Kind::Table, ScalarType::Unknown, std::make_shared<TableSchema>(std::move(s))}; }
  static BoundType table(std::shared_ptr<const TableSchema> s) { return {Kind::Table, ScalarType::Unknown, std::move(s)}; }
  static BoundType tuple(TableSchema s) { return {Kind::Tuple, ScalarType::Unknown, std::make_shared<TableSchema>(std::move(s))}; }

  bool is_table() const { return kind == Kind::Table; }
  bool is_scalar() const { return kind == Kind::Scalar || kind == Kind::Unknown; }
  // The scalar type (Unknown for anything that is not a known scalar).
  ScalarType scalar_type() const { return kind == Kind::Scalar ? scalar : ScalarType::Unknown; }
};

struct Analysis {
  Diagnostics diagnostics;  // semantic errors and warnings (syntax errors are in the tree)
  BoundType result;         // the type of the query's last statement
  // The type of each bound expression node, for the planner.
  absl::flat_hash_map<const kql::Node*, BoundType> types;
};

Analysis analyze(const kql::SyntaxTree& tree, const Catalog& catalog);

}  // namespace huntdb::analyze
