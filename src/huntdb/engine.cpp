#include "huntdb/engine.h"

#include "huntdb/analyze/binder.h"
#include "huntdb/kql/parser.h"

namespace huntdb {

Engine::Engine() = default;
Engine::~Engine() = default;

QueryCheck Engine::check(std::string query) const {
  QueryCheck out;
  auto tree = kql::parse(std::move(query));
  out.source = tree->source;
  out.is_command = tree->is_command();
  out.syntax_errors = tree->diagnostics;
  if (out.is_command) return out;
  analyze::Analysis a = analyze::analyze(*tree, catalog_);
  out.semantic_errors = std::move(a.diagnostics);
  if (a.result.is_table()) {
    out.result = *a.result.columns;
  } else if (a.result.kind == analyze::BoundType::Kind::Scalar) {
    out.scalar = a.result.scalar;
  }
  return out;
}

}  // namespace huntdb
