#include "huntdb/engine.h"

#include <chrono>
#include <fstream>
#include <sstream>

#include "huntdb/analyze/binder.h"
#include "huntdb/exec/constant_evaluator.h"
#include "huntdb/exec/exec_error.h"
#include "huntdb/plan/optimizer.h"
#include "huntdb/plan/plan_printer.h"
#include "huntdb/exec/executor.h"
#include "huntdb/functions/kernel.h"
#include "huntdb/ingest/text_table.h"
#include "huntdb/kql/parser.h"

namespace huntdb {

class Engine::Tables : public exec::TableSource {
 public:
  TablePtr table(std::string_view name) const override {
    auto it = tables.find(name);
    return it == tables.end() ? nullptr : it->second;
  }
  StringMap<TablePtr> tables;
};

Engine::Engine() : tables_(std::make_unique<Tables>()) {}
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

void Engine::add_table(std::string name, TablePtr table) {
  catalog_.add_table(name, table->schema);
  tables_->tables[name] = std::move(table);
}

std::optional<std::string> Engine::load_table(std::string name, const std::string& path) {
  std::string error;
  if (path.size() > 4 && path.substr(path.size() - 4) == ".kql") {
    // A KQL file: its first result is the table (datatable(...)[...] with computed columns).
    std::ifstream in(path);
    if (!in) return path + ": cannot open the file";
    std::stringstream text;
    text << in.rdbuf();
    QueryResult r = run(text.str());
    if (!r.ok()) return path + ": " + format_diagnostic(*r.source, r.errors[0]);
    if (r.tables.empty()) return path + ": the query has no result";
    add_table(std::move(name), r.tables[0].table);
    return std::nullopt;
  }
  // A table the catalog already declares (huntdb query --schema) keeps its declared types.
  ingest::TextTableOptions options;
  options.schema = catalog_.table(name);
  auto t = ingest::load_text_table(path, &error, options);
  if (!t) return error;
  add_table(std::move(name), std::move(*t));
  return std::nullopt;
}

namespace {

int64_t current_ticks() {
  auto now = std::chrono::system_clock::now().time_since_epoch();
  return std::chrono::duration_cast<std::chrono::nanoseconds>(now).count() / 100;
}

}  // namespace

QueryResult Engine::run(std::string query, const RunOptions& options) const {
  QueryResult out;
  auto tree = kql::parse(std::move(query));
  out.source = tree->source;
  if (has_errors(tree->diagnostics)) {
    out.errors = tree->diagnostics;
    return out;
  }
  if (tree->is_command()) {
    out.errors.push_back(Diagnostic{DiagnosticKind::Semantic, Severity::Error,
                                    "Management commands are not supported by this entry point.", Span{}});
    return out;
  }
  analyze::BindOptions bind;
  bind.parameters = options.parameters;
  exec::QueryContext ctx(*tables_, exec::ThreadPool::shared());
  ctx.kernel.now = options.now != 0 ? options.now : current_ticks();
  ctx.parameters = options.parameters;
  if (options.time_limit.count() > 0) ctx.set_deadline(std::chrono::steady_clock::now() + options.time_limit);
  exec::Executor executor(ctx);
  analyze::Analysis a;
  // A plugin whose columns depend on the data (bag_unpack, pivot) runs first when the rest of
  // the query needs its columns; then the query is bound again with its table.
  constexpr int kMaxDeferred = 16;
  for (int round = 0;; ++round) {
    a = analyze::analyze(*tree, catalog_, bind);
    if (has_errors(a.diagnostics)) {
      out.errors = std::move(a.diagnostics);
      return out;
    }
    if (!has_errors(a.plan_errors) || a.deferred.empty() || round == kMaxDeferred) break;
    auto [node, plan] = a.deferred.front();
    try {
      bind.evaluated[node] = executor.run(plan);
    } catch (const exec::ExecError& e) {
      out.errors.push_back(Diagnostic{DiagnosticKind::Execution, Severity::Error, e.what(), e.at()});
      return out;
    }
  }
  if (has_errors(a.plan_errors)) {
    out.errors = std::move(a.plan_errors);
    return out;
  }
  try {
    exec::ExecConstantEvaluator constants(executor);
    analyze::QueryPlan plan = options.optimize ? plan::optimize(a.plan, {&constants}) : a.plan;
    if (options.explain_only) {
      out.explain = plan::explain(plan);
      return out;
    }
    for (auto& r : executor.run_query(plan)) {
      ResultTable t;
      t.name = std::move(r.name);
      t.table = std::move(r.table);
      if (r.visualization) t.visualization = Visualization{r.visualization->kind, r.visualization->properties};
      out.tables.push_back(std::move(t));
    }
  } catch (const exec::ExecError& e) {
    out.errors.push_back(Diagnostic{DiagnosticKind::Execution, Severity::Error, e.what(), e.at()});
  } catch (const functions::KernelError& e) {
    out.errors.push_back(Diagnostic{DiagnosticKind::Execution, Severity::Error, e.what(), Span{}});
  } catch (const std::bad_alloc&) {
    out.errors.push_back(Diagnostic{DiagnosticKind::Execution, Severity::Error, "The query ran out of memory.", Span{}});
  }
  return out;
}

}  // namespace huntdb
