// Prints a syntax tree back to KQL text. Normal mode writes text that parses back to the same
// tree; `PrintMode::Tree` additionally parenthesizes every operator application, so the output
// is a faithful rendering of the tree's shape (two trees print alike only if they are alike).
#pragma once

#include <string>
#include <string_view>

#include "huntdb/kql/ast.h"

namespace huntdb::kql {

enum class PrintMode { Normal, Tree };

std::string print(const Node* node, PrintMode mode = PrintMode::Normal);

// The canonical text of an operator (==, !contains, in~, ...).
std::string_view binary_op_text(BinaryOp op);
std::string_view in_op_text(InOp op);

}  // namespace huntdb::kql
