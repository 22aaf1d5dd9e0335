#include "huntdb/engine.h"

#include <chrono>
#include <filesystem>
#include <sys/resource.h>
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
#include "huntdb/exec/workspace_scan.h"
#include "huntdb/storage/storage_error.h"
#include "huntdb/storage/workspace.h"

namespace huntdb {

class Engine::Tables : public exec::TableSource {
 public:
  TablePtr table(std::string_view name) const override {
    auto it = tables.find(name);
    return it == tables.end() ? nullptr : it->second;
  }
  StringMap<TablePtr> tables;
  StringSet workspace_tables;     // the catalog entries that come from the workspace
  StringSet workspace_functions;  // the catalog's stored functions that come from the workspace
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
  out.options = a.plan.options;
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

// The database a workspace is to Kusto clients: its folder's name ("/data/soc/" gives "soc").
std::string Engine::database_name_of(const std::string& dir) {
  std::filesystem::path p = std::filesystem::absolute(dir).lexically_normal();
  if (p.filename().empty()) p = p.parent_path();
  std::string name = p.filename().string();
  return name.empty() ? "huntdb" : name;
}

std::optional<std::string> Engine::open_workspace(const std::string& dir) {
  try {
    workspace_ = storage::Workspace::open(dir);
  } catch (const storage::StorageError& e) {
    return dir + ": " + e.what();
  }
  catalog_.database_name = database_name_of(dir);
  sync_catalog_with_workspace();
  return std::nullopt;
}

void Engine::sync_catalog_with_workspace() {
  for (const auto& name : tables_->workspace_tables) catalog_.remove_table(name);
  tables_->workspace_tables.clear();
  for (const auto& name : tables_->workspace_functions) catalog_.remove_function(name);
  tables_->workspace_functions.clear();
  if (!workspace_) return;
  for (const auto& f : workspace_->functions()) {
    if (catalog_.function(f.name)) continue;  // a function declared by a schema file wins
    catalog_.add_function({f.name, f.parameters, f.body, f.folder, f.docstring});
    tables_->workspace_functions.insert(f.name);
  }
  for (const auto& name : workspace_->tables()) {
    if (tables_->tables.contains(name)) continue;  // an in-memory table of that name wins
    if (auto schema = workspace_->schema(name)) {
      catalog_.add_table(name, *schema);
      tables_->workspace_tables.insert(name);
    }
  }
}

QueryResult Engine::execute(std::string text, const RunOptions& options) {
  auto tree = kql::parse(text);
  if (!tree->is_command()) return run(std::move(text), options);
  if (has_errors(tree->diagnostics)) {
    QueryResult out;
    out.source = tree->source;
    out.errors = tree->diagnostics;
    return out;
  }
  return run_command(tree->source, options);
}

namespace {

struct ProcessUsage {
  double cpu_seconds = 0;
  uint64_t peak_bytes = 0;
};

ProcessUsage process_usage() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  auto secs = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return {secs(u.ru_utime) + secs(u.ru_stime), static_cast<uint64_t>(u.ru_maxrss) * 1024};
}

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
  // The workspace as it is now: what is published while the query runs does not change it.
  exec::WorkspaceTables sources(tables_.get(), workspace_ ? workspace_->snapshot() : nullptr);
  exec::QueryContext ctx(sources, exec::ThreadPool::shared());
  auto started = std::chrono::steady_clock::now();
  ProcessUsage usage_before = process_usage();
  struct StatsOnExit {
    QueryResult& out;
    exec::QueryContext& ctx;
    std::chrono::steady_clock::time_point started;
    ProcessUsage before;
    ~StatsOnExit() {
      const auto& s = ctx.scan_stats();
      out.stats.extents_total = s.extents_total;
      out.stats.extents_scanned = s.extents_scanned;
      out.stats.rows_read = s.rows_read;
      out.stats.bytes_read = s.bytes_read;
      out.stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      ProcessUsage after = process_usage();
      out.stats.cpu_seconds = after.cpu_seconds - before.cpu_seconds;
      out.stats.peak_memory_bytes = after.peak_bytes;
    }
  } stats_on_exit{out, ctx, started, usage_before};
  ctx.kernel.now = options.now != 0 ? options.now : current_ticks();
  ctx.parameters = options.parameters;
  if (options.time_limit.count() > 0) ctx.set_deadline(std::chrono::steady_clock::now() + options.time_limit);
  ctx.set_cancel_flag(options.cancel);
  ctx.set_memory_limit(options.memory_limit_bytes);
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
