// Parses KQL text into a syntax tree. The parser never stops at the first error: missing pieces
// become Missing nodes with a diagnostic ("Expected: )", "Missing expression", ...) and parsing
// goes on, so one pass reports every problem it can, each with its span.
#pragma once

#include <memory>
#include <string>

#include "huntdb/common/diagnostic.h"
#include "huntdb/common/source.h"
#include "huntdb/kql/ast.h"

namespace huntdb::kql {

struct SyntaxTree {
  std::shared_ptr<const SourceText> source;
  NodeArena arena;
  Node* root = nullptr;  // QueryBlock, or Command for management commands
  Diagnostics diagnostics;

  bool is_command() const { return root && root->kind == NodeKind::Command; }
};

// Nesting deeper than this is reported as an error instead of being followed (the process stack
// is finite; no real query comes close).
inline constexpr int kMaxNestingDepth = 1000;

std::unique_ptr<SyntaxTree> parse(std::string text);

}  // namespace huntdb::kql
