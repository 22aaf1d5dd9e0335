#include "huntdb/commands/function_definition.h"

#include <fmt/format.h>

#include "huntdb/kql/parser.h"

namespace huntdb::commands {

namespace {

// The parameters and body as a `let` the query parser reads; the offsets say where each part
// starts in that text.
struct WrappedFunction {
  std::string text;
  size_t parameters_at = 0, body_at = 0;
};

WrappedFunction wrap(std::string_view parameters, std::string_view body) {
  WrappedFunction w;
  w.text = "let __function = ";
  w.parameters_at = w.text.size();
  w.text += parameters;
  w.text += ' ';
  w.body_at = w.text.size();
  w.text += body;
  w.text += ";\nprint 0";
  return w;
}

const kql::FunctionDeclNode* declaration_of(const kql::SyntaxTree& tree) {
  auto* block = tree.root ? tree.root->as<kql::QueryBlockNode>() : nullptr;
  if (!block || block->statements.empty()) return nullptr;
  auto* let = block->statements[0]->as<kql::LetStmtNode>();
  return let && let->value ? let->value->as<kql::FunctionDeclNode>() : nullptr;
}

}  // namespace

FunctionDefinition read_function_definition(CommandCursor& c) {
  FunctionDefinition f;
  f.name_at = c.next();
  f.name = c.name();
  f.parameters_at = c.next();
  f.parameters = std::string(c.balanced('(', ')'));
  f.body_at = c.next();
  f.body = std::string(c.balanced('{', '}'));
  c.expect_end();
  return f;
}

void check_function_syntax(const FunctionDefinition& f) {
  WrappedFunction w = wrap(f.parameters, f.body);
  auto tree = kql::parse(w.text);
  for (const auto& d : tree->diagnostics) {
    if (d.severity != Severity::Error) continue;
    size_t at = d.span.begin;
    size_t offset = at >= w.body_at ? f.body_at + std::min(at - w.body_at, f.body.size())
                                    : f.parameters_at + (at >= w.parameters_at ? at - w.parameters_at : 0);
    throw CommandError{fmt::format("The function '{}' is not valid KQL: {}", f.name, d.message), offset,
                       std::max<size_t>(1, d.span.length())};
  }
  if (!declaration_of(*tree)) throw CommandError{fmt::format("The function '{}' is not valid KQL.", f.name), f.parameters_at};
}

std::vector<FunctionParameter> function_parameters(std::string_view parameters) {
  std::vector<FunctionParameter> out;
  WrappedFunction w = wrap(parameters.empty() ? "()" : parameters, "{ 0 }");
  auto tree = kql::parse(w.text);
  const kql::FunctionDeclNode* decl = declaration_of(*tree);
  if (!decl) return out;
  for (const kql::FunctionParamNode* p : decl->params) {
    if (!p || !p->decl || !p->decl->name) continue;
    FunctionParameter fp;
    fp.name = p->decl->name->value;
    if (auto* schema = p->decl->type ? p->decl->type->as<kql::SchemaTypeNode>() : nullptr) {
      fp.tabular = true;
      for (const kql::Node* col : schema->columns) {
        auto* nt = col->as<kql::NameAndTypeNode>();
        auto* prim = nt && nt->type ? nt->type->as<kql::PrimitiveTypeNode>() : nullptr;
        if (!nt || !nt->name || !prim) continue;
        fp.columns.columns.push_back({nt->name->value, parse_type_name(prim->text).value_or(ScalarType::Unknown)});
      }
    } else if (auto* prim = p->decl->type ? p->decl->type->as<kql::PrimitiveTypeNode>() : nullptr) {
      fp.type = parse_type_name(prim->text).value_or(ScalarType::Unknown);
    }
    if (p->default_value) fp.default_value = std::string(tree->source->slice(p->default_value->span));
    out.push_back(std::move(fp));
  }
  return out;
}

}  // namespace huntdb::commands
