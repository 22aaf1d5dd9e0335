#include "query_command.h"

#include "huntdb/demo/demo.h"

#include <fstream>

#include <fmt/format.h>
#include <iostream>
#include <sstream>

#include "result_output.h"
#include "table_printer.h"

namespace huntdb::cli {

// Results of queries and management commands alike, in the chosen --format.
void write_in_format(std::ostream& out, const std::string& format, const std::vector<ResultTable>& tables) {
  if (format == "csv") {
    write_csv(out, tables);
  } else if (format == "json") {
    write_json(out, tables);
  } else {
    write_tables(out, tables);
  }
}

// Kusto's query completion information, in short.
void write_stats(std::ostream& err, const QueryStats& s) {
  err << fmt::format(
      "stats: {:.3f} s, cpu {:.3f} s, peak memory {:.1f} MB, extents scanned {} of {}, rows read {}, bytes read {}\n",
      s.seconds, s.cpu_seconds, static_cast<double>(s.peak_memory_bytes) / (1024 * 1024), s.extents_scanned,
      s.extents_total, s.rows_read, s.bytes_read);
}

int run_query(Engine& engine, const QueryOptions& opt, std::ostream& out, std::ostream& err) {
  std::string text = opt.text;
  if (!opt.file.empty()) {
    std::ifstream in(opt.file);
    if (!in) {
      err << "huntdb: cannot read " << opt.file << "\n";
      return 1;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    text = ss.str();
  }
  if (text.empty()) {
    err << "huntdb: no query given (pass it as an argument or with -f FILE)\n";
    return 1;
  }
  if (!opt.schema.empty()) {
    if (auto e = analyze::Catalog::load_file(opt.schema, engine.catalog())) {
      err << "huntdb: " << *e << "\n";
      return 1;
    }
  }
  if (!opt.workspace.empty()) {
    if (auto e = engine.open_workspace(opt.workspace)) {
      err << "huntdb: " << *e << "\n";
      return 1;
    }
  }
  if (opt.demo) {
    demo::DemoOptions d;
    d.rows = opt.demo_rows;
    d.days = opt.demo_days;
    d.seed = opt.demo_seed;
    for (auto& [name, table] : demo::generate_demo(d).tables) engine.add_table(name, table);
  }
  for (const auto& spec : opt.tables) {
    size_t eq = spec.find('=');
    if (eq == std::string::npos || eq == 0) {
      err << "huntdb: --table wants Name=path, not " << spec << "\n";
      return 1;
    }
    if (auto e = engine.load_table(spec.substr(0, eq), spec.substr(eq + 1))) {
      err << "huntdb: " << *e << "\n";
      return 1;
    }
  }
  QueryCheck c = engine.check(text);
  if (c.is_command && !opt.columns_only && !opt.explain) {
    QueryResult r = engine.execute(text);
    if (!r.ok()) {
      for (const auto& d : r.errors) err << format_diagnostic(*r.source, d);
      return 1;
    }
    write_in_format(out, opt.format, r.tables);
    return 0;
  }
  if (!c.ok()) {
    for (const auto& d : c.syntax_errors) err << format_diagnostic(*c.source, d);
    for (const auto& d : c.semantic_errors) err << format_diagnostic(*c.source, d);
    return 1;
  }
  if (opt.columns_only) {
    std::vector<std::vector<std::string>> rows;
    if (c.result) {
      for (const auto& col : c.result->columns) rows.push_back({col.name, std::string(type_name(col.type))});
    } else if (c.scalar) {
      rows.push_back({"(scalar)", std::string(type_name(*c.scalar))});
    }
    print_table(out, {"ColumnName", "ColumnType"}, rows);
    return 0;
  }
  RunOptions run;
  run.explain_only = opt.explain;
  QueryResult r = engine.execute(text, run);
  if (!r.ok()) {
    for (const auto& d : r.errors) err << format_diagnostic(*r.source, d);
    return 1;
  }
  if (opt.stats) write_stats(err, r.stats);
  if (opt.explain) {
    out << r.explain;
    return 0;
  }
  write_in_format(out, opt.format, r.tables);
  return 0;
}

}  // namespace huntdb::cli
