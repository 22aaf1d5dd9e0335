// Errors are values: the parser and binder return lists of diagnostics with spans, never throw
// across layers. format_diagnostic renders one for a person: line:col, the line, a caret.
#pragma once

#include <string>
#include <vector>

#include "huntdb/common/source.h"

namespace huntdb {

enum class Severity { Error, Warning };

enum class DiagnosticKind {
  Syntax,    // the text is not KQL
  Semantic,  // KQL, but names or types do not resolve
  Execution, // the query is valid but running it failed
};

struct Diagnostic {
  DiagnosticKind kind = DiagnosticKind::Syntax;
  Severity severity = Severity::Error;
  std::string message;
  Span span;
};

using Diagnostics = std::vector<Diagnostic>;

// "3:14: error: Expected: )" followed by the source line and a caret under the span.
std::string format_diagnostic(const SourceText& source, const Diagnostic& d);

inline bool has_errors(const Diagnostics& ds) {
  for (const auto& d : ds)
    if (d.severity == Severity::Error) return true;
  return false;
}

}  // namespace huntdb
