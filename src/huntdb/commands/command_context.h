// What a management command works on: the workspace, the catalog queries see, and the engine's
// ways to run a query and to refresh the catalog after the workspace changed. The command
// families (table_commands, function_commands, database_commands) take it; the engine makes it.
#pragma once

#include <functional>
#include <string>

#include "huntdb/analyze/catalog.h"
#include "huntdb/column/column.h"
#include "huntdb/common/diagnostic.h"
#include "huntdb/commands/command_cursor.h"
#include "huntdb/storage/workspace.h"

namespace huntdb {
struct QueryResult;
}

namespace huntdb::commands {

struct CommandContext {
  storage::Workspace& workspace;
  analyze::Catalog& catalog;
  // Runs a query over the engine's tables (for .set / .append ... <| query).
  std::function<QueryResult(const std::string&)> run_query;
  // The syntax and semantic errors of a query (for validating stored functions).
  std::function<Diagnostics(const std::string&)> check_query;
  // Brings the catalog up to date with the workspace.
  std::function<void()> sync_catalog;
};

// Each family runs the command whose verb (`show`, `create`, ...) and object (`table`,
// `function`, ...) were read; `c` stands after the object. They return the result table, or
// nullptr when the command is not one of theirs, and throw CommandError on bad input.
TablePtr run_table_command(const std::string& verb, const std::string& object, CommandCursor& c, CommandContext& ctx);
TablePtr run_function_command(const std::string& verb, const std::string& object, CommandCursor& c, CommandContext& ctx);
TablePtr run_database_command(const std::string& verb, const std::string& object, CommandCursor& c, CommandContext& ctx);

}  // namespace huntdb::commands
