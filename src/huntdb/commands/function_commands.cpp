// Stored functions: .show functions, .show function F, .create function [ifnotexists],
// .alter function, .create-or-alter function (each `[with (folder=..., docstring=...,
// skipvalidation=...)] F(params) { body }`), .alter function F folder|docstring "...",
// .drop function F [ifexists], .drop functions (F, ...) [ifexists]. Functions are kept by the
// workspace (its manifest) and join the catalog, so queries call them like Kusto's.
#include <optional>

#include <fmt/format.h>

#include "huntdb/commands/command_context.h"
#include "huntdb/commands/command_result.h"
#include "huntdb/commands/function_definition.h"

namespace huntdb::commands {

namespace {

const ResultColumns kFunctionColumns = {{"Name", ScalarType::String},
                                        {"Parameters", ScalarType::String},
                                        {"Body", ScalarType::String},
                                        {"Folder", ScalarType::String},
                                        {"DocString", ScalarType::String}};

ResultRow function_row(const analyze::StoredFunction& f) {
  return {Value::of_string(f.name), Value::of_string(f.parameters.empty() ? "()" : f.parameters), Value::of_string(f.body),
          Value::of_string(f.folder), Value::of_string(f.docstring)};
}

TablePtr functions_result(const analyze::Catalog& catalog) {
  std::vector<ResultRow> rows;
  for (const auto& name : catalog.function_names()) rows.push_back(function_row(*catalog.function(name)));
  return make_result(kFunctionColumns, rows);
}

TablePtr one_function_result(const analyze::StoredFunction& f) { return make_result(kFunctionColumns, {function_row(f)}); }

struct FunctionProperties {
  std::optional<std::string> folder, docstring;
  bool skip_validation = false;
};

FunctionProperties read_properties(CommandCursor& c) {
  FunctionProperties p;
  size_t at = c.next();
  for (auto& [key, value] : c.properties()) {
    if (key == "folder") p.folder = value;
    else if (key == "docstring") p.docstring = value;
    else if (key == "skipvalidation") p.skip_validation = value == "true";
    else if (key != "view") c.fail_at(at, fmt::format("'{}' is not a property of stored functions (folder, docstring, skipvalidation, view).", key));
  }
  return p;
}

// Checks the function: its syntax, and for a function without parameters, that its body binds
// against the catalog (the binder leaves stored functions' bodies unchecked when they are called,
// so the body is checked as a query of its own: `{ let ...; expr }` without its braces).
void validate(const FunctionDefinition& def, CommandContext& ctx) {
  check_function_syntax(def);
  if (def.parameters.find_first_not_of("() \t\r\n") != std::string::npos) return;
  std::string inner = def.body.substr(1, def.body.size() - 2);
  for (const auto& d : ctx.check_query(inner)) {
    if (d.severity != Severity::Error) continue;
    throw CommandError{fmt::format("The function '{}' does not bind: {}", def.name, d.message), def.body_at + 1 + d.span.begin,
                       std::max<size_t>(1, d.span.length())};
  }
}

// .alter function F docstring "..." | folder "...": only the metadata changes.
TablePtr alter_metadata(const std::string& name, size_t name_at, bool docstring, CommandCursor& c, CommandContext& ctx) {
  std::string value = c.string_literal();
  c.expect_end();
  const analyze::StoredFunction* f = ctx.catalog.function(name);
  if (!f) c.fail_at(name_at, fmt::format("The function '{}' does not exist.", name));
  storage::FunctionRecord r{f->name, f->parameters, f->body, f->folder, f->docstring};
  (docstring ? r.docstring : r.folder) = value;
  ctx.workspace.put_function(r);
  ctx.sync_catalog();
  return one_function_result(*ctx.catalog.function(name));
}

// .create function / .alter function / .create-or-alter function
TablePtr define_function(const std::string& verb, CommandCursor& c, CommandContext& ctx) {
  bool if_not_exists = verb == "create" && c.accept("ifnotexists");
  FunctionProperties props = read_properties(c);
  size_t name_at = c.next();
  if (verb == "alter") {
    std::string name = c.name();
    if (c.accept("docstring")) return alter_metadata(name, name_at, true, c, ctx);
    if (c.accept("folder")) return alter_metadata(name, name_at, false, c, ctx);
    c.seek(name_at);
  }
  FunctionDefinition def = read_function_definition(c);
  const analyze::StoredFunction* existing = ctx.catalog.function(def.name);
  if (verb == "create" && existing) {
    if (if_not_exists) return one_function_result(*existing);
    c.fail_at(def.name_at, fmt::format("The function '{}' already exists: use .alter function or .create-or-alter function.", def.name));
  }
  if (verb == "alter" && !existing) c.fail_at(def.name_at, fmt::format("The function '{}' does not exist.", def.name));
  if (ctx.catalog.table(def.name)) c.fail_at(def.name_at, fmt::format("'{}' is the name of a table.", def.name));
  if (!props.skip_validation) validate(def, ctx);
  // Altering keeps the folder and docstring the command does not set.
  storage::FunctionRecord r{def.name, def.parameters, def.body, props.folder.value_or(existing ? existing->folder : ""),
                            props.docstring.value_or(existing ? existing->docstring : "")};
  ctx.workspace.put_function(r);
  ctx.sync_catalog();
  return one_function_result(*ctx.catalog.function(def.name));
}

// .drop function F [ifexists]: the dropped function's name. .drop functions (F, ...) [ifexists]:
// the functions that remain.
TablePtr drop_functions(bool several, CommandCursor& c, CommandContext& ctx) {
  std::vector<std::pair<std::string, size_t>> names;
  if (several) {
    c.expect("(");
    do {
      size_t at = c.next();
      names.emplace_back(c.name(), at);
    } while (c.accept(","));
    c.expect(")");
  } else {
    size_t at = c.next();
    names.emplace_back(c.name(), at);
  }
  bool if_exists = c.accept("ifexists");
  c.expect_end();
  for (const auto& [name, at] : names)
    if (!ctx.workspace.function(name) && !if_exists) c.fail_at(at, fmt::format("The function '{}' does not exist.", name));
  for (const auto& [name, at] : names) ctx.workspace.drop_function(name);
  ctx.sync_catalog();
  if (several) return functions_result(ctx.catalog);
  return make_result({{"Name", ScalarType::String}}, {{Value::of_string(names[0].first)}});
}

}  // namespace

TablePtr run_function_command(const std::string& verb, const std::string& object, CommandCursor& c, CommandContext& ctx) {
  if (verb == "show" && object == "functions") {
    c.expect_end();
    return functions_result(ctx.catalog);
  }
  if (verb == "show" && object == "function") {
    size_t at = c.next();
    std::string name = c.name();
    c.properties();  // ShowObfuscatedStrings and the like change nothing here
    c.expect_end();
    const analyze::StoredFunction* f = ctx.catalog.function(name);
    if (!f) c.fail_at(at, fmt::format("The function '{}' does not exist.", name));
    return one_function_result(*f);
  }
  if ((verb == "create" || verb == "alter" || verb == "create-or-alter") && object == "function")
    return define_function(verb, c, ctx);
  if (verb == "drop" && (object == "function" || object == "functions")) return drop_functions(object == "functions", c, ctx);
  return nullptr;
}

}  // namespace huntdb::commands
