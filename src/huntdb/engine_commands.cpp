// Management commands (a leading '.'): the engine reads the verb and the object and hands the
// command to its family in src/huntdb/commands/ (tables, stored functions, the database).
// Errors point at the word they are about (line:col in the command).
#include <fmt/format.h>

#include "huntdb/commands/command_context.h"
#include "huntdb/engine.h"
#include "huntdb/storage/storage_error.h"
#include "huntdb/storage/workspace.h"

namespace huntdb {

namespace {

// Commands whose first word after the verb is the table name rather than an object keyword.
bool names_table_first(const std::string& verb) {
  return verb == "set" || verb == "append" || verb == "set-or-append" || verb == "set-or-replace";
}

// Verbs some family runs: an unknown command with one of them is named with its object.
bool known_verb(const std::string& verb) {
  for (const char* v : {"show", "create", "create-merge", "create-or-alter", "alter", "drop", "ingest"})
    if (verb == v) return true;
  return false;
}

}  // namespace

QueryResult Engine::run_command(std::shared_ptr<const SourceText> source, const RunOptions& options) {
  QueryResult out;
  out.source = source;
  auto fail = [&](std::string message, Span at) {
    out.errors.push_back(Diagnostic{DiagnosticKind::Semantic, Severity::Error, std::move(message), at});
    return out;
  };
  if (!workspace_) return fail("Management commands need a workspace (huntdb query --workspace DIR).", Span{});
  commands::CommandContext ctx{
      *workspace_, catalog_,
      [&](const std::string& query) { return run(query, options); },
      [&](const std::string& query) {
        QueryCheck check = this->check(query);
        Diagnostics errors = check.syntax_errors;
        errors.insert(errors.end(), check.semantic_errors.begin(), check.semantic_errors.end());
        return errors;
      },
      [&] { sync_catalog_with_workspace(); }};
  commands::CommandCursor c(source->text());
  try {
    c.expect(".");
    size_t verb_at = c.next();
    std::string verb = c.keyword();
    std::string object;
    size_t object_at = c.next();
    if (!names_table_first(verb)) object = c.keyword();
    TablePtr table;
    if (!(table = commands::run_table_command(verb, object, c, ctx)) &&
        !(table = commands::run_function_command(verb, object, c, ctx)) &&
        !(table = commands::run_database_command(verb, object, c, ctx))) {
      if (!known_verb(verb))
        return fail(fmt::format("'.{}' is not a supported management command.", verb),
                    Span{static_cast<uint32_t>(verb_at), static_cast<uint32_t>(verb_at + std::max<size_t>(1, verb.size()))});
      return fail(fmt::format("'.{} {}' is not a supported management command.", verb, object),
                  Span{static_cast<uint32_t>(object_at), static_cast<uint32_t>(object_at + std::max<size_t>(1, object.size()))});
    }
    out.tables.push_back(ResultTable{"PrimaryResult", std::move(table), std::nullopt});
    return out;
  } catch (const commands::CommandError& e) {
    return fail(e.message, Span{static_cast<uint32_t>(e.offset), static_cast<uint32_t>(e.offset + e.length)});
  } catch (const storage::StorageError& e) {
    return fail(e.what(), Span{});
  }
}

}  // namespace huntdb
