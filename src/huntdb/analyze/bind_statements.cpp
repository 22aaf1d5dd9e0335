// Statements (let, set, declare, alias, restrict, pattern), user and database functions, and
// the entry point `analyze`.
#include <fmt/format.h>

#include "huntdb/analyze/binder_internal.h"

namespace huntdb::analyze::detail {

using namespace kql;

Binder::Binder(const Catalog& catalog, Analysis& out, std::shared_ptr<const SourceText> source,
               const BindOptions& options)
    : catalog_(catalog),
      out_(out),
      options_(options),
      source_(std::move(source)),
      scope_(std::make_shared<Scope>()),
      registry_(functions::Registry::builtins()) {}

void Binder::error(const Node* at, std::string message) { error(at ? at->span : Span{}, std::move(message)); }

void Binder::error(Span at, std::string message) {
  if (suppress_errors_ > 0) return;
  out_.diagnostics.push_back(Diagnostic{DiagnosticKind::Semantic, Severity::Error, std::move(message), at});
}

std::string_view Binder::text(const Node* n) const { return source_->slice(n->span); }

BoundType Binder::bind_operator_chain(const Node* n, const BoundType& input) {
  if (!n) return input;
  if (auto* p = n->as<ParenNode>()) return bind_operator_chain(p->inner, input);
  if (auto* pipe = n->as<PipeNode>()) {
    BoundType left = bind_operator_chain(pipe->source, input);
    if (!left.is_table()) left = BoundType::table(std::make_shared<TableSchema>(TableSchema{{}, true}));
    BoundType t = bind_operator(pipe->op, left);
    out_.types[n] = t;
    return t;
  }
  if (is_operator(n->kind) && n->kind != NodeKind::Print && n->kind != NodeKind::Range) {
    BoundType t = bind_operator(n, input);
    out_.types[n] = t;
    return t;
  }
  return bind_tabular(n);
}

// ---------------------------------------------------------------- functions

const Symbol* Binder::lookup_stored_function(std::string_view name) {
  auto it = stored_symbols_.find(name);
  if (it != stored_symbols_.end()) return it->second.get();
  const StoredFunction* f = catalog_.function(name);
  if (!f) return nullptr;
  // Parse `(params) { body }` as the value of a let, with our own parser.
  std::string params = f->parameters.empty() ? "()" : f->parameters;
  auto tree = std::shared_ptr<SyntaxTree>(parse("let __stored = " + params + " " + f->body + ";").release());
  auto sym = std::make_shared<Symbol>();
  sym->kind = Symbol::Kind::StoredFunction;
  sym->stored = f;
  sym->stored_tree = tree;
  if (auto* block = tree->root ? tree->root->as<QueryBlockNode>() : nullptr; block && !block->statements.empty()) {
    if (auto* let = block->statements[0]->as<LetStmtNode>()) sym->decl = let->value ? let->value->as<FunctionDeclNode>() : nullptr;
  }
  const Symbol* raw = sym.get();
  stored_symbols_.emplace(std::string(name), std::move(sym));
  return raw;
}

BoundType Binder::call_user_function(const Symbol& fn, const CallNode* call, const std::vector<BoundType>& args,
                                     const std::vector<const Node*>& arg_nodes, const BoundType* piped_input) {
  const FunctionDeclNode* decl = fn.decl;
  if (!decl) return BoundType::unknown();
  bool cacheable = fn.kind == Symbol::Kind::StoredFunction && args.empty() && !piped_input;
  if (cacheable) {
    auto it = stored_results_.find(fn.stored->name);
    if (it != stored_results_.end()) return it->second;
  }
  if (function_depth_ > 32) return BoundType::unknown();

  auto saved_scope = scope_;
  scope_ = std::make_shared<Scope>(fn.kind == Symbol::Kind::StoredFunction ? nullptr : fn.closure);
  // f(c=7, a=12): a named argument goes to the parameter of that name; the others fill the
  // remaining parameters in order.
  std::vector<int> named_arg(decl->params.size(), -1);
  std::vector<bool> taken(args.size(), false);
  for (size_t k = 0; k < args.size() && k < arg_nodes.size(); ++k) {
    auto* named = arg_nodes[k] ? arg_nodes[k]->as<SimpleNamedNode>() : nullptr;
    if (!named || !named->name) continue;
    for (size_t i = 0; i < decl->params.size(); ++i) {
      const FunctionParamNode* p = decl->params[i];
      if (p && p->decl && p->decl->name && p->decl->name->value == named->name->value && named_arg[i] < 0) {
        named_arg[i] = static_cast<int>(k);
        taken[k] = true;
        break;
      }
    }
  }
  size_t next_arg = 0;
  for (size_t i = 0; i < decl->params.size(); ++i) {
    const FunctionParamNode* p = decl->params[i];
    if (!p || !p->decl || !p->decl->name) continue;
    Symbol sym;
    bool tabular = p->decl->type && p->decl->type->kind == NodeKind::SchemaType;
    const Node* arg_node = nullptr;
    BoundType arg;
    bool have_arg = false;
    while (next_arg < args.size() && taken[next_arg]) ++next_arg;
    if (i == 0 && piped_input && tabular) {
      arg = *piped_input;
      have_arg = true;
    } else if (named_arg[i] >= 0) {
      arg = args[named_arg[i]];
      arg_node = arg_nodes[named_arg[i]];
      have_arg = true;
    } else if (next_arg < args.size()) {
      arg = args[next_arg];
      arg_node = arg_nodes[next_arg];
      ++next_arg;
      have_arg = true;
    }
    if (tabular) {
      sym.kind = Symbol::Kind::Table;
      if (have_arg && arg.is_table()) {
        sym.type = arg;
      } else {
        TableSchema declared;
        for (const Node* c : p->decl->type->as<SchemaTypeNode>()->columns) {
          if (auto* nt = c->as<NameAndTypeNode>(); nt && nt->name) {
            declared.columns.push_back({nt->name->value, type_of_type_expr(nt->type)});
          } else {
            declared.open = true;
          }
        }
        sym.type = BoundType::table(std::move(declared));
      }
    } else {
      sym.kind = Symbol::Kind::Scalar;
      ScalarType declared = type_of_type_expr(p->decl->type);
      sym.type = BoundType::of(declared);
      if (have_arg) {
        // The parameter is the argument's expression, converted to the declared type.
        sym.type.expr = Expr::cast(arg.expr, declared);
        if (declared == ScalarType::Unknown) sym.type = arg;
      }
      if (arg_node) sym.literal = constant_string(arg_node);
      if (!have_arg && p->default_value) {
        if (auto* lit = p->default_value->as<LiteralNode>(); lit && lit->lit == LiteralKind::String)
          sym.literal = std::string(lit->text.substr(1, lit->text.size() >= 2 ? lit->text.size() - 2 : 0));
        RowGuard g(*this, RowContext{});
        sym.type.expr = Expr::cast(bind(p->default_value).expr, declared);
      }
    }
    scope_->add(p->decl->name->value, std::move(sym));
  }
  ++function_depth_;
  ++suppress_errors_;
  RowContext rc = ctx_;
  rc.aggregates = false;
  BoundType result = BoundType::unknown();
  {
    RowGuard g(*this, rc);
    if (decl->body) {
      for (const Node* s : decl->body->statements) {
        if (auto* let = s->as<LetStmtNode>()) {
          bind_let(let);
        } else {
          BoundType ignored;
          bind_statement(s, &ignored);
        }
      }
      if (decl->body->expr) result = bind(decl->body->expr);
    }
  }
  --suppress_errors_;
  --function_depth_;
  scope_ = saved_scope;
  (void)call;
  if (cacheable) stored_results_[fn.stored->name] = result;
  return result;
}

// ---------------------------------------------------------------- statements

void Binder::bind_let(const LetStmtNode* let) {
  if (!let->name || !let->value) return;
  Symbol sym;
  const Node* v = let->value;
  if (auto* fd = v->as<FunctionDeclNode>()) {
    sym.kind = Symbol::Kind::Function;
    sym.decl = fd;
    sym.closure = scope_;
    // Bind the body once with the declared parameter types, to report its errors here.
    Symbol probe = sym;
    scope_->add(let->name->value, sym);
    {
      auto saved = scope_;
      scope_ = std::make_shared<Scope>(scope_);
      for (const auto* p : fd->params) {
        if (!p || !p->decl || !p->decl->name) continue;
        Symbol ps;
        if (p->decl->type && p->decl->type->kind == NodeKind::SchemaType) {
          ps.kind = Symbol::Kind::Table;
          TableSchema declared;
          for (const Node* c : p->decl->type->as<SchemaTypeNode>()->columns) {
            if (auto* nt = c->as<NameAndTypeNode>(); nt && nt->name) {
              declared.columns.push_back({nt->name->value, type_of_type_expr(nt->type)});
            } else {
              declared.open = true;
            }
          }
          ps.type = BoundType::table(std::move(declared));
        } else {
          ps.kind = Symbol::Kind::Scalar;
          ps.type = BoundType::of(type_of_type_expr(p->decl->type));
          if (p->default_value) bind(p->default_value);
        }
        scope_->add(p->decl->name->value, std::move(ps));
      }
      RowGuard g(*this, RowContext{});
      // Function bodies may refer to columns of whatever row they are applied to: do not flag
      // unknown names here (a call site binds the body again with the real row).
      ++suppress_errors_;
      if (fd->body) {
        for (const Node* s : fd->body->statements)
          if (auto* inner = s->as<LetStmtNode>()) bind_let(inner);
        if (fd->body->expr) bind(fd->body->expr);
      }
      --suppress_errors_;
      scope_ = saved;
    }
    (void)probe;
    return;
  }
  BoundType t;
  if (v->kind == NodeKind::Materialize) {
    t = bind(v);
  } else if (v->kind == NodeKind::EntityGroup) {
    for (const Node* item : v->as<EntityGroupNode>()->items) bind(item);
    t = BoundType::unknown();
  } else {
    RowGuard g(*this, RowContext{});
    t = bind(v);
  }
  if (t.is_table()) {
    sym.kind = Symbol::Kind::Table;
  } else {
    sym.kind = Symbol::Kind::Scalar;
    sym.literal = constant_string(v);
    if (!sym.literal) {
      if (auto* lit = v->as<LiteralNode>()) sym.literal = std::string(lit->text);
    }
  }
  sym.type = t;
  scope_->add(let->name->value, std::move(sym));
}

void Binder::bind_statement(const Node* stmt, BoundType* result) {
  if (!stmt) return;
  switch (stmt->kind) {
    case NodeKind::LetStmt:
      bind_let(stmt->as<LetStmtNode>());
      break;
    case NodeKind::SetStmt: {
      auto* set = stmt->as<SetStmtNode>();
      if (!set->name) break;
      std::string value = "true";
      if (set->value) {
        if (auto v = constant_string(set->value)) {
          value = *v;
        } else {
          value = std::string(text(set->value));
        }
      }
      out_.plan.options.emplace_back(set->name->value, std::move(value));
      break;
    }
    case NodeKind::QueryParametersStmt:
      for (const auto* p : stmt->as<QueryParametersStmtNode>()->params) {
        if (!p || !p->decl || !p->decl->name) continue;
        Symbol sym;
        sym.kind = Symbol::Kind::Scalar;
        ScalarType type = type_of_type_expr(p->decl->type);
        sym.type = BoundType::of(type);
        auto param = std::make_shared<Expr>();
        param->kind = ExprKind::Parameter;
        param->type = type;
        param->name = p->decl->name->value;
        ExprPtr default_value;
        if (p->default_value) {
          RowGuard g(*this, RowContext{});
          default_value = Expr::cast(bind(p->default_value).expr, type);
          param->args = {default_value};
        }
        sym.type.expr = param;
        out_.plan.parameters.push_back({ColumnSchema{param->name, type}, default_value});
        scope_->add(p->decl->name->value, std::move(sym));
      }
      break;
    case NodeKind::AliasStmt: {
      auto* a = stmt->as<AliasStmtNode>();
      if (a->name) {
        Symbol sym;
        sym.kind = Symbol::Kind::Database;
        sym.type = BoundType::unknown();
        scope_->add(a->name->value, std::move(sym));
      }
      break;
    }
    case NodeKind::RestrictStmt:
      break;
    case NodeKind::PatternStmt: {
      auto* p = stmt->as<PatternStmtNode>();
      if (p->name) {
        Symbol sym;
        sym.kind = Symbol::Kind::Database;
        sym.type = BoundType::unknown();
        // `declare pattern p;` alone names a pattern defined elsewhere: nothing to bind here.
        if (p->has_declaration) sym.pattern = p;
        scope_->add(p->name->value, std::move(sym));
      }
      break;
    }
    case NodeKind::ExprStmt: {
      RowGuard g(*this, RowContext{});
      *result = bind(stmt->as<ExprStmtNode>()->expr);
      break;
    }
    default:
      break;
  }
}

BoundType Binder::call_pattern(const Symbol& sym, const CallNode* call, const Node* path) {
  const PatternStmtNode* pattern = sym.pattern;
  std::vector<std::optional<std::string>> values;
  for (const Node* a : call->args) {
    bind(a);
    values.push_back(constant_string(a));
  }
  std::optional<std::string> path_value;
  if (path) {
    if (auto* n = path->as<NameNode>()) path_value = n->value;  // .Alberta and .["New York"]
    else path_value = constant_string(path);
  }
  for (const auto& m : pattern->matches) {
    if (m.values.size() != values.size() || !m.body) continue;
    bool same = true;
    for (size_t i = 0; same && i < values.size(); ++i) same = values[i] && constant_string(m.values[i]) == values[i];
    if (same && (pattern->path_param != nullptr) != path_value.has_value()) same = false;  // p("a") vs p("a").b
    if (same && path_value) same = m.path_value && constant_string(m.path_value) == path_value;
    if (!same) continue;
    // The body sees the pattern's parameters as the values it matched.
    auto saved = scope_;
    scope_ = std::make_shared<Scope>(scope_);
    auto bind_param = [&](const NameAndTypeNode* param, const std::string& value) {
      if (!param || !param->name) return;
      Symbol s;
      s.kind = Symbol::Kind::Scalar;
      s.type = BoundType::of(ScalarType::String, Expr::literal(Value::of_string(value)));
      s.literal = value;
      scope_->add(param->name->value, std::move(s));
    };
    for (size_t i = 0; i < pattern->params.size() && i < values.size(); ++i) bind_param(pattern->params[i], *values[i]);
    if (path_value) bind_param(pattern->path_param, *path_value);
    BoundType result = BoundType::unknown();
    {
      RowGuard g(*this, RowContext{});
      for (const Node* s : m.body->statements) {
        if (auto* let = s->as<LetStmtNode>()) {
          bind_let(let);
        } else {
          BoundType ignored;
          bind_statement(s, &ignored);
        }
      }
      if (m.body->expr) result = bind(m.body->expr);
    }
    scope_ = saved;
    return result;
  }
  error(call, fmt::format("No match of pattern '{}' for these values.", pattern->name ? pattern->name->value : ""));
  return BoundType::error();
}

BoundType Binder::bind_query_block(const QueryBlockNode* block) {
  BoundType result = BoundType::unknown();
  for (const Node* s : block->statements) {
    bind_statement(s, &result);
    // Every tabular expression statement is a result of the query (a batch).
    if (s->kind == NodeKind::ExprStmt) {
      QueryPlan::Result r;
      r.plan = result.plan;
      if (!result.is_table()) r.scalar = result.expr;
      out_.plan.results.push_back(std::move(r));
    }
  }
  // A result left without a plan and without an error saying why: name the column that could
  // not be placed, so the failure says more than "cannot be executed".
  if (late_column_ && out_.plan_errors.empty() && !has_errors(out_.diagnostics)) {
    for (const auto& r : out_.plan.results) {
      if (r.plan || r.scalar) continue;
      std::string_view name = late_column_->as<NameNode>() ? std::string_view(late_column_->as<NameNode>()->value) : "";
      plan_error(late_column_, fmt::format("The column '{}' is known only when the query runs (the columns of its "
                                           "table depend on the data, as after bag_unpack or pivot); such a column "
                                           "cannot be planned yet.",
                                           name));
      break;
    }
  }
  return result;
}

}  // namespace huntdb::analyze::detail

namespace huntdb::analyze {

Analysis analyze(const kql::SyntaxTree& tree, const Catalog& catalog, const BindOptions& options) {
  Analysis out;
  if (!tree.root || tree.is_command()) return out;
  detail::Binder binder(catalog, out, tree.source, options);
  if (auto* block = tree.root->as<kql::QueryBlockNode>()) out.result = binder.bind_query_block(block);
  return out;
}

}  // namespace huntdb::analyze
