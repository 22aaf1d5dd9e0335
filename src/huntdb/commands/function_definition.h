// A stored function's text as management commands carry it: `Name(params) { body }`. Reading
// it from a command, checking its syntax with the query parser (errors point into the command),
// and its parameters as tools describe them (.show schema as json's InputParameters).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "huntdb/commands/command_cursor.h"
#include "huntdb/types/schema.h"

namespace huntdb::commands {

struct FunctionDefinition {
  std::string name;
  std::string parameters;  // "(a:string, n:long = 10)" as written
  std::string body;        // "{ ... }" as written
  size_t name_at = 0, parameters_at = 0, body_at = 0;  // offsets in the command
};

// Reads `Name (params) { body }` at the cursor.
FunctionDefinition read_function_definition(CommandCursor& c);

// Throws CommandError at the first syntax error of the parameters or the body.
void check_function_syntax(const FunctionDefinition& f);

struct FunctionParameter {
  std::string name;
  bool tabular = false;
  ScalarType type = ScalarType::Unknown;  // scalar parameters
  TableSchema columns;                    // tabular parameters; empty for `T:(*)`
  std::optional<std::string> default_value;  // as written
};

// The parameters of a parameter list such as "(T:(x:long), n:long = 10)"; empty when it does
// not parse.
std::vector<FunctionParameter> function_parameters(std::string_view parameters);

}  // namespace huntdb::commands
