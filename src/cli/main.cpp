// The huntdb command line.
#include <fstream>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>

#include "check_command.h"
#include "query_command.h"
#include "serve_command.h"
#include "workspace_commands.h"

int main(int argc, char** argv) {
  CLI::App app{"huntdb: log analytics for security teams; answers KQL over Windows security logs"};
  app.require_subcommand(1);

  std::string schema_path;
  auto* check = app.add_subcommand("check", "Check KQL queries (JSON lines on stdin) without running them");
  check->add_option("--schema", schema_path, "Schema of the database (the kql-oracle schema JSON format)");

  huntdb::cli::QueryOptions qopt;
  auto* query = app.add_subcommand("query", "Run a KQL query");
  query->add_option("--workspace", qopt.workspace, "Workspace folder");
  query->add_option("--format", qopt.format, "Output format")->check(CLI::IsMember({"table", "csv", "json"}));
  query->add_option("--schema", qopt.schema, "Schema of the database (the kql-oracle schema JSON format)");
  query->add_option("-f,--file", qopt.file, "Read the query from a file");
  query->add_option("text", qopt.text, "The query text");
  query->add_flag("--explain", qopt.explain, "Print the optimized query plan instead of running it");
  query->add_flag("--columns", qopt.columns_only, "Print the result's columns and types instead of running it");
  query->add_option("--table", qopt.tables, "Load a table from a file: Name=path.csv or Name=path.jsonl (repeatable)")
      ->allow_extra_args(false);
  query->add_flag("--stats", qopt.stats, "Print the query's statistics (time, CPU, memory, extents, rows, bytes) on stderr");
  query->add_flag("--demo", qopt.demo, "Query the demo tables (SecurityEvent, SecurityAlert) generated in memory");
  query->add_option("--demo-rows", qopt.demo_rows, "Demo: SecurityEvent rows (about)");
  query->add_option("--demo-days", qopt.demo_days, "Demo: days of history, ending now");
  query->add_option("--demo-seed", qopt.demo_seed, "Demo: seed (the same seed gives the same rows)");

  huntdb::cli::DemoCommandOptions dopt;
  auto* demo = app.add_subcommand("demo", "Build the demo workspace: a month of security events with an attack story");
  demo->add_option("--workspace", dopt.workspace, "Workspace folder (created if missing)")->required();
  demo->add_option("--days", dopt.days, "Days of history, ending now");
  demo->add_option("--rows", dopt.rows, "SecurityEvent rows (about)");
  demo->add_option("--seed", dopt.seed, "Seed: the same seed gives the same rows");

  huntdb::cli::IngestCommandOptions iopt;
  auto* ingest = app.add_subcommand("ingest", "Load Windows logs (EVTX, JSON lines, CSV) into a workspace");
  ingest->add_option("--workspace", iopt.workspace, "Workspace folder (created if missing)")->required();
  ingest->add_flag("--windows-event", iopt.windows_event, "Also fill WindowsEvent (as the Azure Monitor Agent does)");
  ingest->add_option("--publish-rows", iopt.publish_rows, "Rows of one table gathered before they are published (made durable and visible)");
  ingest->add_flag("-v,--verbose", iopt.verbose, "Print a line each time rows are published");
  ingest->add_option("paths", iopt.paths, "Files and folders (folders are read recursively)")->required();

  huntdb::cli::ServeCommandOptions sopt;
  auto* serve = app.add_subcommand("serve", "Serve the Kusto REST API (and the web workbench) over a workspace");
  serve->add_option("--workspace", sopt.workspace, "Workspace folder (created if missing)")->required();
  serve->add_option("--listen", sopt.listen, "HOST:PORT to listen on (loopback unless --auth token)");
  serve->add_option("--web-root", sopt.web_root, "Folder of the web workbench's files (served at /)");
  serve->add_option("--auth", sopt.auth, "none (loopback only) or token (bearer tokens)")
      ->check(CLI::IsMember({"none", "token"}));
  serve->add_option("--token-file", sopt.token_file, "Tokens, one 'TOKEN [admin|viewer]' a line (with --auth token)");
  serve->add_option("--cors-origin", sopt.cors_origins,
                    "A browser origin allowed to call the API (repeatable; default https://dataexplorer.azure.com)");
  serve->add_option("--max-memory-mb", sopt.max_memory_mb, "Memory one operator's result of a query may hold");
  serve->add_option("--threads", sopt.threads, "Requests served at once");

  CLI11_PARSE(app, argc, argv);

  if (serve->parsed()) return huntdb::cli::run_serve(sopt, argv[0], std::cout, std::cerr);

  if (demo->parsed()) return huntdb::cli::run_demo(dopt, std::cout, std::cerr);
  if (ingest->parsed()) return huntdb::cli::run_ingest(iopt, std::cout, std::cerr);

  huntdb::Engine engine;
  if (check->parsed()) {
    if (!schema_path.empty()) {
      if (auto err = huntdb::analyze::Catalog::load_file(schema_path, engine.catalog())) {
        std::cerr << "huntdb: " << *err << "\n";
        return 1;
      }
    }
    return huntdb::cli::run_check(engine, std::cin, std::cout);
  }
  return huntdb::cli::run_query(engine, qopt, std::cout, std::cerr);
}
