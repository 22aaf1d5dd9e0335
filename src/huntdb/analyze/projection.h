// Builds the column list an operator produces (project, extend, summarize, ...), with Kusto's
// rules for names: a declared name (x = ...) may appear once; any other name that is already
// taken gets a numeric suffix (count_, count_1; Column1, Column11).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "huntdb/common/string_map.h"


#include "huntdb/analyze/logical_plan.h"
#include "huntdb/types/schema.h"

namespace huntdb::analyze {

class UniqueNames {
 public:
  // `name` if unused, else the first of base+1, base+2, ... that is unused (base defaults to name).
  std::string get_or_add(std::string_view name, std::string_view base = {});
  void add(std::string_view name) { used_.insert(std::string(name)); }
  bool contains(std::string_view name) const { return used_.contains(name); }

 private:
  StringSet used_;
};

class ProjectionBuilder {
 public:
  // Each column carries the expression that computes it (null while binding has errors).
  //
  // Adds a column, renaming it if the name is taken (or replacing the existing one if `replace`).
  // Returns the name it got.
  std::string add(ColumnSchema column, bool replace = false, std::string_view base = {}, ExprPtr expr = nullptr);
  // Adds an explicitly named column. Returns false (a duplicate declaration) if the name was
  // already declared explicitly; with `replace` an existing undeclared column is replaced in place.
  bool declare(ColumnSchema column, bool replace, ExprPtr expr = nullptr);
  // Renames an existing column in place. Returns false if the new name was already declared.
  bool rename(std::string_view old_name, std::string new_name);

  // Input columns that must not be added again (summarize keys before arg_max(*)).
  void do_not_add(std::string_view input_column) { do_not_add_.insert(std::string(input_column)); }
  bool can_add(std::string_view input_column) const { return !do_not_add_.contains(input_column); }

  bool has(std::string_view name) const { return index_.contains(name); }
  const std::vector<ColumnSchema>& columns() const { return columns_; }
  const std::vector<ExprPtr>& exprs() const { return exprs_; }
  // Where each column came from, for operators that track it (e.g. an aggregate's position).
  const std::vector<int>& tags() const { return tags_; }
  void set_next_tag(int tag) { next_tag_ = tag; }
  TableSchema take() { return TableSchema{std::move(columns_), false}; }

 private:
  std::vector<ColumnSchema> columns_;
  std::vector<ExprPtr> exprs_;
  std::vector<int> tags_;
  int next_tag_ = -1;
  StringMap<size_t> index_;
  StringSet declared_;
  StringSet do_not_add_;
  UniqueNames unique_;
};

}  // namespace huntdb::analyze
