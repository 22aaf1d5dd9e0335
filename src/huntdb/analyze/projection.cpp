#include "huntdb/analyze/projection.h"

namespace huntdb::analyze {

std::string UniqueNames::get_or_add(std::string_view name, std::string_view base) {
  if (!used_.contains(name)) {
    used_.insert(std::string(name));
    return std::string(name);
  }
  std::string prefix(base.empty() ? name : base);
  for (int i = 1;; ++i) {
    std::string candidate = prefix + std::to_string(i);
    if (!used_.contains(candidate)) {
      used_.insert(candidate);
      return candidate;
    }
  }
}

std::string ProjectionBuilder::add(ColumnSchema column, bool replace, std::string_view base, ExprPtr expr) {
  if (replace) {
    auto it = index_.find(column.name);
    if (it != index_.end()) {
      columns_[it->second] = std::move(column);
      exprs_[it->second] = std::move(expr);
      tags_[it->second] = next_tag_;
      return columns_[it->second].name;
    }
  }
  column.name = unique_.get_or_add(column.name, base);
  index_[column.name] = columns_.size();
  columns_.push_back(std::move(column));
  exprs_.push_back(std::move(expr));
  tags_.push_back(next_tag_);
  return columns_.back().name;
}

bool ProjectionBuilder::declare(ColumnSchema column, bool replace, ExprPtr expr) {
  if (declared_.contains(column.name)) return false;
  if (replace) {
    auto it = index_.find(column.name);
    if (it != index_.end()) {
      declared_.insert(column.name);
      columns_[it->second] = std::move(column);
      exprs_[it->second] = std::move(expr);
      tags_[it->second] = next_tag_;
      return true;
    }
  }
  std::string name = add(std::move(column), false, {}, std::move(expr));
  declared_.insert(name);
  return true;
}

bool ProjectionBuilder::rename(std::string_view old_name, std::string new_name) {
  auto it = index_.find(old_name);
  if (it == index_.end()) return true;
  if (declared_.contains(new_name)) return false;
  size_t i = it->second;
  index_.erase(it);
  columns_[i].name = new_name;
  index_[new_name] = i;
  declared_.insert(new_name);
  unique_.add(new_name);
  return true;
}

}  // namespace huntdb::analyze
