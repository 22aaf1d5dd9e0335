// Binding tabular operators: each takes its input's schema and yields the schema it produces,
// following Kusto's rules for column order, naming and types.
#include <algorithm>

#include <fmt/format.h>

#include "huntdb/analyze/binder_internal.h"
#include "huntdb/kql/literals.h"

namespace huntdb::analyze::detail {

using namespace kql;

namespace {

TablePtr make_table(TableSchema s) { return std::make_shared<TableSchema>(std::move(s)); }

const Node* strip_ordered(const Node* n) {
  if (auto* o = n ? n->as<OrderedNode>() : nullptr) return o->expr;
  return n;
}

// Kusto's wildcard match: '*' is any run of characters; case-sensitive.
bool wildcard_match(std::string_view pattern, std::string_view text) {
  size_t star = pattern.find('*');
  if (star == std::string_view::npos) return pattern == text;
  std::string_view head = pattern.substr(0, star);
  if (text.substr(0, head.size()) != head) return false;
  std::string_view rest = pattern.substr(star + 1);
  for (size_t i = head.size(); i <= text.size(); ++i)
    if (wildcard_match(rest, text.substr(i))) return true;
  return false;
}

std::string_view param_word(const ParamList& ps, std::string_view name) {
  for (const ParamNode* p : ps)
    if (p->name == name && p->value) {
      if (auto* lit = p->value->as<LiteralNode>()) return lit->text;
      if (auto* n = p->value->as<NameNode>()) return n->raw;
    }
  return {};
}

const ParamNode* find_param(const ParamList& ps, std::string_view name) {
  for (const ParamNode* p : ps)
    if (p->name == name) return p;
  return nullptr;
}

std::string valid_name_fragment(std::string_view s) {
  std::string out;
  for (char c : s) out += (std::isalnum(static_cast<unsigned char>(c)) || c == '_') ? c : '_';
  return out;
}

// The schema of a union of tables (Kusto's rules): columns by name in order of first
// appearance; a name seen with several types becomes one column per type (name_type, made
// unique against the other names) — unless the first two tables that have it agree on its type,
// in which case later tables with another type do not split it. A table with two columns of
// one name (after parse) contributes only the first.
TableSchema union_schema(const std::vector<TablePtr>& tables, bool inner) {
  struct Merged {
    std::string name;
    std::vector<ScalarType> types;
    int seen = 0;
    bool settled = false;
  };
  std::vector<Merged> merged;
  StringMap<size_t> index;
  TableSchema out;
  for (const auto& t : tables) {
    out.open |= t->open;
    StringSet seen;
    for (const auto& c : t->columns) {
      if (!seen.insert(c.name).second) continue;
      auto it = index.find(c.name);
      if (it == index.end()) {
        index[c.name] = merged.size();
        merged.push_back({c.name, {c.type}, 1, false});
        continue;
      }
      Merged& m = merged[it->second];
      ++m.seen;
      if (m.seen == 2 && c.type == m.types[0]) m.settled = true;
      if (!m.settled && std::find(m.types.begin(), m.types.end(), c.type) == m.types.end()) m.types.push_back(c.type);
    }
  }
  UniqueNames names;
  for (const auto& m : merged) {
    if (inner && !std::all_of(tables.begin(), tables.end(), [&](const TablePtr& t) { return t->find(m.name); }))
      continue;
    if (m.types.size() == 1) {
      names.add(m.name);
      out.columns.push_back({m.name, m.types[0]});
    } else {
      for (ScalarType t : m.types) out.columns.push_back({names.get_or_add(m.name + "_" + std::string(type_name(t))), t});
    }
  }
  return out;
}

}  // namespace

// ---------------------------------------------------------------- projections

void Binder::project_expression(const Node* expr, ProjectionBuilder& builder, ProjectionStyle style,
                                bool do_not_repeat, const std::string* print_name) {
  expr = strip_ordered(expr);
  if (!expr) return;
  bool extendish = style == ProjectionStyle::Extend || style == ProjectionStyle::Replace;
  auto declare = [&](ColumnSchema c, bool replace, const Node* at) {
    std::string name = c.name;
    if (!builder.declare(std::move(c), replace))
      error(at, fmt::format("A column with the name '{}' is already declared.", name));
  };
  auto add_tuple_rest = [&](const TableSchema& tuple, size_t from, const Node* value) {
    std::string_view prefix;
    if (auto* call = value ? value->as<CallNode>() : nullptr; call && call->name) {
      if (const auto* fn = registry_.scalar(call->name->value)) prefix = fn->result_prefix;
    }
    for (size_t i = from; i < tuple.columns.size(); ++i) {
      ColumnSchema c = tuple.columns[i];
      if (!prefix.empty()) c.name = std::string(prefix) + "_" + c.name;
      builder.add(std::move(c));
    }
  };

  if (auto* named = expr->as<SimpleNamedNode>()) {
    BoundType t = bind(named->value);
    const std::string& name = named->name->value;
    if (t.kind == BoundType::Kind::Tuple && !t.columns->columns.empty()) {
      declare({name, t.columns->columns[0].type}, true, named->name);
      if (style != ProjectionStyle::Print) add_tuple_rest(*t.columns, 1, named->value);
    } else if (const ColumnSchema* c = result_column(named->value)) {
      declare({name, c->type}, true, named->name);
      if (do_not_repeat) builder.do_not_add(c->name);
    } else {
      if (t.is_table()) error(named->value, "A scalar expression was expected, not a table.");
      declare({name, t.scalar_type()}, extendish, named->name);
    }
    return;
  }
  if (auto* cn = expr->as<CompoundNamedNode>()) {
    BoundType t = bind(cn->value);
    if (t.kind == BoundType::Kind::Tuple) {
      const auto& cols = t.columns->columns;
      for (size_t i = 0; i < cols.size(); ++i) {
        if (i < cn->names.size()) {
          declare({cn->names[i]->value, cols[i].type}, extendish, cn->names[i]);
        } else if (style != ProjectionStyle::Print) {
          add_tuple_rest(*t.columns, i, cn->value);
          break;
        }
      }
      for (size_t i = cols.size(); i < cn->names.size(); ++i)
        error(cn->names[i], "The name does not have a corresponding expression.");
    } else if (cn->names.size() == 1) {
      declare({cn->names[0]->value, t.scalar_type()}, true, cn->names[0]);
    } else {
      error(cn, "The expression does not have multiple named values.");
    }
    return;
  }
  if (expr->kind == NodeKind::Star) {
    if (ctx_.row)
      for (const auto& c : ctx_.row->columns)
        if (builder.can_add(c.name)) {
          builder.add(c, true);
          if (do_not_repeat) builder.do_not_add(c.name);
        }
    return;
  }
  BoundType t = bind(expr);
  if (const ColumnSchema* c = result_column(expr)) {
    if (builder.can_add(c->name)) {
      ColumnSchema col{c->name, t.kind == BoundType::Kind::Scalar ? t.scalar : c->type};
      // In extend, naming an existing column again leaves it where it is.
      declare(col, extendish, expr);
    }
    if (do_not_repeat) builder.do_not_add(c->name);
    return;
  }
  if (t.kind == BoundType::Kind::Tuple) {
    if (style == ProjectionStyle::Print && print_name && t.columns->columns.size() == 1) {
      builder.add({*print_name, t.columns->columns[0].type}, false, *print_name);
    } else {
      add_tuple_rest(*t.columns, 0, expr);
    }
    return;
  }
  if (t.is_table()) {
    error(expr, "A scalar expression was expected, not a table.");
    t = BoundType::unknown();
  }
  if (style == ProjectionStyle::Print && print_name) {
    builder.add({*print_name, t.scalar_type()}, false, *print_name);
    return;
  }
  std::string name = result_name(expr, {});
  if (name.empty()) name = default_column_name(style == ProjectionStyle::Extend);
  builder.add({name, t.scalar_type()}, extendish);
}

// summarize aggregates: most are one column; arg_max / percentiles expand into several.
void Binder::project_aggregate(const Node* expr, ProjectionBuilder& builder) {
  const Node* value = expr;
  if (auto* named = expr->as<SimpleNamedNode>()) value = named->value;
  if (auto* cn = expr->as<CompoundNamedNode>()) value = cn->value;
  auto* call = value ? value->as<CallNode>() : nullptr;
  const functions::FunctionInfo* fn =
      call && call->name && !scope_->find(call->name->value) ? registry_.aggregate(call->name->value) : nullptr;
  // any(a, b, ...) / take_any(a, b, ...) / any(*): one column per value, each named as the
  // single-argument form would name it (any_a, or a for take_any).
  bool multi_value = fn && (fn->name == "any" || fn->name == "take_any") &&
                     (call->args.size() > 1 || (call->args.size() == 1 && call->args[0]->kind == NodeKind::Star));
  if (multi_value) {
    bind(call);
    std::string prefix = fn->name == "any" ? "any_" : "";
    std::vector<ColumnSchema> cols;
    for (const Node* a : call->args) {
      if (a->kind == NodeKind::Star) {
        if (ctx_.row)
          for (const auto& c : ctx_.row->columns) cols.push_back({prefix + c.name, c.type});
        continue;
      }
      auto it = out_.types.find(a);
      std::string n = result_name(a, {});
      if (n.empty()) n = default_column_name(false);
      cols.push_back({prefix + n, it == out_.types.end() ? ScalarType::Unknown : it->second.scalar_type()});
    }
    std::vector<const NameNode*> names;
    if (auto* named = expr->as<SimpleNamedNode>()) names.push_back(named->name);
    if (auto* cn = expr->as<CompoundNamedNode>())
      for (const NameNode* n : cn->names) names.push_back(n);
    for (size_t i = 0; i < cols.size(); ++i) {
      if (i < names.size()) {
        if (!builder.declare({names[i]->value, cols[i].type}, false))
          error(names[i], fmt::format("A column with the name '{}' is already declared.", names[i]->value));
      } else {
        builder.add(cols[i]);
      }
    }
    return;
  }
  bool single_any = fn && fn->name == "any" && call->args.size() == 1;  // any(x) -> any_x
  if (!fn || fn->aggregate_shape == functions::AggregateShape::Single || single_any) {
    project_expression(expr, builder, ProjectionStyle::Summarize);
    return;
  }
  bind(call);  // checks the arguments
  const auto& args = call->args;
  auto type_of = [&](const Node* n) {
    auto it = out_.types.find(n);
    return it == out_.types.end() ? ScalarType::Unknown : it->second.scalar_type();
  };
  // The columns the aggregate yields, in order (a tuple).
  std::vector<ColumnSchema> cols;
  switch (fn->aggregate_shape) {
    case functions::AggregateShape::ArgMinMax: {
      if (args.empty()) break;
      std::string first = result_name(args[0], {});
      if (first.empty()) first = default_column_name(false);
      cols.push_back({first, type_of(args[0])});
      const ColumnSchema* first_col = result_column(args[0]);
      for (size_t i = 1; i < args.size(); ++i) {
        if (args[i]->kind == NodeKind::Star) {
          if (!ctx_.row) continue;
          for (const auto& c : ctx_.row->columns) {
            if (!builder.can_add(c.name)) continue;
            if (first_col && c.name == first_col->name) continue;
            cols.push_back(c);
          }
        } else {
          std::string n = result_name(args[i], {});
          if (n.empty()) n = default_column_name(false);
          cols.push_back({n, type_of(args[i])});
        }
      }
      break;
    }
    case functions::AggregateShape::Percentiles: {
      if (args.empty()) break;
      bool weighted = fn->name.starts_with("percentilesw") || fn->name == "percentilew";
      size_t first_p = weighted ? 2 : 1;
      std::string value_name = result_name(args[0], {});
      ScalarType vt = type_of(args[0]);
      if (vt == ScalarType::Int) vt = ScalarType::Long;
      if (vt == ScalarType::Decimal) vt = ScalarType::Real;
      for (size_t i = first_p; i < args.size(); ++i) {
        std::string p = args[i]->kind == NodeKind::Literal ? std::string(args[i]->as<LiteralNode>()->text) : "";
        cols.push_back({"percentile_" + value_name + "_" + valid_name_fragment(p), vt});
      }
      break;
    }
    case functions::AggregateShape::PercentilesArray: {
      std::string value_name = args.empty() ? std::string() : result_name(args[0], {});
      cols.push_back({"percentiles_" + value_name, ScalarType::Dynamic});
      break;
    }
    case functions::AggregateShape::Single:
      break;
  }
  // Names written by the query take the first columns; the rest keep theirs (made unique).
  std::vector<const NameNode*> names;
  if (auto* named = expr->as<SimpleNamedNode>()) names.push_back(named->name);
  if (auto* cn = expr->as<CompoundNamedNode>())
    for (const NameNode* n : cn->names) names.push_back(n);
  for (size_t i = 0; i < cols.size(); ++i) {
    if (i < names.size()) {
      if (!builder.declare({names[i]->value, cols[i].type}, false))
        error(names[i], fmt::format("A column with the name '{}' is already declared.", names[i]->value));
    } else {
      builder.add(cols[i]);
    }
  }
}

// ---------------------------------------------------------------- tabular expressions

BoundType Binder::bind_tabular(const Node* n) {
  if (!n) return BoundType::unknown();
  if (n->kind == NodeKind::Pipe) {
    // A pipeline nests to the left (((T | a) | b) | c); bind it with a loop, source first.
    std::vector<const PipeNode*> pipes;
    const Node* source = n;
    while (auto* p = source->as<PipeNode>()) {
      pipes.push_back(p);
      source = p->source;
    }
    BoundType t = bind_tabular(source);
    for (auto it = pipes.rbegin(); it != pipes.rend(); ++it) {
      TablePtr input = t.is_table() ? t.columns : make_table(TableSchema{{}, true});
      t = bind_operator((*it)->op, input);
      out_.types[*it] = t;
    }
    return t;
  }
  BoundType t;
  {
    // A tabular expression starts without any row in scope.
    RowGuard g(*this, RowContext{});
    t = bind(n);
  }
  if (t.is_table() || t.kind == BoundType::Kind::Error) return t;
  if (t.kind == BoundType::Kind::Scalar) {
    error(n, "A tabular expression was expected.");
    return BoundType::error();
  }
  TableSchema open;
  open.open = true;
  return BoundType::table(std::move(open));
}

BoundType Binder::bind_source_operator(const Node* op) {
  TableSchema empty;
  switch (op->kind) {
    case NodeKind::DataTable: {
      TableSchema s;
      for (const auto* c : op->as<DataTableNode>()->schema)
        if (c->name) s.columns.push_back({c->name->value, type_of_type_expr(c->type)});
      for (const Node* v : op->as<DataTableNode>()->values) bind(v);
      return BoundType::table(std::move(s));
    }
    case NodeKind::ExternalData: {
      TableSchema s;
      for (const auto* c : op->as<ExternalDataNode>()->schema)
        if (c->name) s.columns.push_back({c->name->value, type_of_type_expr(c->type)});
      return BoundType::table(std::move(s));
    }
    case NodeKind::InlineExternalTable: {
      TableSchema s;
      auto* t = op->as<InlineExternalTableNode>();
      for (const auto* c : t->schema)
        if (c->name) s.columns.push_back({c->name->value, type_of_type_expr(c->type)});
      for (const auto* p : t->partitions)
        if (p->decl && p->decl->name) s.columns.push_back({p->decl->name->value, type_of_type_expr(p->decl->type)});
      return BoundType::table(std::move(s));
    }
    case NodeKind::Print: {
      ProjectionBuilder builder;
      RowGuard g(*this, RowContext{});
      const auto& items = op->as<PrintNode>()->items;
      for (size_t i = 0; i < items.size(); ++i) {
        std::string name = "print_" + std::to_string(i);
        project_expression(items[i], builder, ProjectionStyle::Print, false, &name);
      }
      return BoundType::table(builder.take());
    }
    case NodeKind::Range: {
      auto* r = op->as<RangeNode>();
      ScalarType from = bind_scalar(r->from).scalar_type();
      bind_scalar(r->to);
      bind_scalar(r->step);
      if (from == ScalarType::Int) from = ScalarType::Long;
      TableSchema s;
      s.columns.push_back({r->name ? r->name->value : "Column1", from});
      return BoundType::table(std::move(s));
    }
    case NodeKind::Union:
    case NodeKind::Search:
    case NodeKind::Find:
    case NodeKind::Evaluate:
    case NodeKind::MacroExpand:
      return bind_operator(op, nullptr);
    default:
      // An operator that needs an input, written without one (allowed syntactically).
      return bind_operator(op, make_table(std::move(empty)));
  }
}

BoundType Binder::bind_operator(const Node* op, TablePtr input) {
  TablePtr in = input ? input : make_table(TableSchema{});
  RowGuard guard(*this, RowContext{in, nullptr, nullptr, false, false});
  auto same = [&] { return BoundType::table(in); };

  switch (op->kind) {
    case NodeKind::BadOperator:
      return BoundType::error();
    case NodeKind::Where: {
      BoundType t = bind_scalar(op->as<WhereNode>()->predicate);
      ScalarType s = t.scalar_type();
      if (s != ScalarType::Bool && s != ScalarType::Unknown && s != ScalarType::Dynamic)
        error(op->as<WhereNode>()->predicate, "The expression must have the type bool.");
      return same();
    }
    case NodeKind::Extend:
    case NodeKind::Serialize: {
      const NodeList& items = op->kind == NodeKind::Extend ? op->as<ExtendNode>()->items : op->as<SerializeNode>()->items;
      ProjectionBuilder builder;
      for (const auto& c : in->columns) builder.add(c);
      ctx_.extend_style = true;
      for (const Node* item : items) project_expression(item, builder, ProjectionStyle::Extend);
      TableSchema s = builder.take();
      s.open = in->open;
      return BoundType::table(std::move(s));
    }
    case NodeKind::Project: {
      ProjectionBuilder builder;
      for (const Node* item : op->as<ProjectNode>()->items) project_expression(item, builder, ProjectionStyle::Default);
      return BoundType::table(builder.take());
    }
    case NodeKind::ProjectAway:
    case NodeKind::ProjectKeep: {
      bool keep = op->kind == NodeKind::ProjectKeep;
      const NodeList& items = keep ? op->as<ProjectKeepNode>()->items : op->as<ProjectAwayNode>()->items;
      std::vector<bool> matched(in->columns.size(), false);
      for (const Node* item : items) {
        auto* name = item->as<NameNode>();
        if (!name) continue;
        bool any = false;
        for (size_t i = 0; i < in->columns.size(); ++i)
          if (wildcard_match(name->value, in->columns[i].name)) matched[i] = any = true;
        if (!any && name->form != NameForm::Wildcard && name->form != NameForm::BracketedWildcard && !in->open)
          error(name, fmt::format("The name '{}' does not refer to any known column.", name->value));
        out_.types[item] = BoundType::unknown();
      }
      TableSchema s;
      s.open = in->open;
      for (size_t i = 0; i < in->columns.size(); ++i)
        if (matched[i] == keep) s.columns.push_back(in->columns[i]);
      return BoundType::table(std::move(s));
    }
    case NodeKind::ProjectRename: {
      TableSchema s = *in;
      StringSet declared;
      for (const Node* item : op->as<ProjectRenameNode>()->items) {
        auto* named = item->as<SimpleNamedNode>();
        auto* old_name = named ? named->value->as<NameNode>() : nullptr;
        if (!named || !old_name) {
          error(item, "A rename assignment (new = old) was expected.");
          continue;
        }
        int idx = s.index_of(old_name->value);
        if (idx < 0) {
          if (!s.open)
            error(old_name, fmt::format("The name '{}' does not refer to any known column.", old_name->value));
          continue;
        }
        if (!declared.insert(named->name->value).second)
          error(named->name, fmt::format("A column with the name '{}' is already declared.", named->name->value));
        s.columns[idx].name = named->name->value;
      }
      return BoundType::table(std::move(s));
    }
    case NodeKind::ProjectReorder: {
      TableSchema s;
      s.open = in->open;
      std::vector<bool> used(in->columns.size(), false);
      for (const Node* item : op->as<ProjectReorderNode>()->items) {
        auto* ord = item->as<OrderedNode>();
        auto* name = (ord ? ord->expr : item)->as<NameNode>();
        if (!name) continue;
        std::vector<size_t> hits;
        for (size_t i = 0; i < in->columns.size(); ++i)
          if (!used[i] && wildcard_match(name->value, in->columns[i].name)) hits.push_back(i);
        if (hits.empty() && name->form == NameForm::Plain && !in->open)
          error(name, fmt::format("The name '{}' does not refer to any known column.", name->value));
        if (ord && !ord->direction.empty()) {
          auto lower = [](std::string v) {
            for (auto& ch : v) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            return v;
          };
          std::stable_sort(hits.begin(), hits.end(), [&](size_t a, size_t b) {
            return lower(in->columns[a].name) < lower(in->columns[b].name);
          });
          if (ord->direction == "desc" || ord->direction == "granny-desc") std::reverse(hits.begin(), hits.end());
        }
        for (size_t i : hits) {
          used[i] = true;
          s.columns.push_back(in->columns[i]);
        }
      }
      for (size_t i = 0; i < in->columns.size(); ++i)
        if (!used[i]) s.columns.push_back(in->columns[i]);
      return BoundType::table(std::move(s));
    }
    case NodeKind::ProjectByNames: {
      TableSchema s;
      for (const Node* item : op->as<ProjectByNamesNode>()->items) {
        bind(item);
        std::vector<std::string> names;
        if (auto v = constant_string(item)) names.push_back(*v);
        if (auto* d = item->as<DynamicNode>())
          if (auto* arr = d->value ? d->value->as<JsonArrayNode>() : nullptr)
            for (const Node* e : arr->items)
              if (auto v = constant_string(e)) names.push_back(*v);
        for (const auto& n : names)
          for (const auto& c : in->columns)
            if (wildcard_match(n, c.name) && !s.find(c.name)) s.columns.push_back(c);
      }
      return BoundType::table(std::move(s));
    }
    case NodeKind::Summarize: {
      auto* sum = op->as<SummarizeNode>();
      ProjectionBuilder builder;
      for (const Node* by : sum->by) project_expression(by, builder, ProjectionStyle::Summarize, true);
      if (sum->bin_clause) bind(sum->bin_clause);
      ctx_.aggregates = true;
      for (const Node* agg : sum->aggregates) project_aggregate(agg, builder);
      return BoundType::table(builder.take());
    }
    case NodeKind::Count: {
      auto* c = op->as<CountNode>();
      TableSchema s;
      s.columns.push_back({c->as_name ? c->as_name->value : "Count", ScalarType::Long});
      return BoundType::table(std::move(s));
    }
    case NodeKind::Take:
      bind_scalar(op->as<TakeNode>()->count);
      return same();
    case NodeKind::Sample:
      bind_scalar(op->as<SampleNode>()->count);
      return same();
    case NodeKind::Top:
      bind_scalar(op->as<TopNode>()->count);
      bind_scalar(op->as<TopNode>()->by);
      return same();
    case NodeKind::Sort:
      for (const Node* item : op->as<SortNode>()->items) bind_scalar(item);
      return same();
    case NodeKind::Render:
    case NodeKind::ExecuteAndCache:
    case NodeKind::AssertSchema:
      return same();
    case NodeKind::Distinct: {
      auto* d = op->as<DistinctNode>();
      if (d->items.size() == 1 && d->items[0]->kind == NodeKind::Star) return same();
      ProjectionBuilder builder;
      for (const Node* item : d->items) project_expression(item, builder, ProjectionStyle::Default);
      return BoundType::table(builder.take());
    }
    case NodeKind::TopNested: {
      ProjectionBuilder builder;
      for (const auto* clause : op->as<TopNestedNode>()->clauses) {
        if (clause->count) bind_scalar(clause->count);
        project_expression(clause->of, builder, ProjectionStyle::Default);
        std::string of_name = result_name(clause->of, {});
        if (clause->others) bind(clause->others);
        ctx_.aggregates = true;
        BoundType agg = bind(strip_ordered(clause->by));
        ctx_.aggregates = false;
        const Node* by = strip_ordered(clause->by);
        std::string name = by && by->as<SimpleNamedNode>() ? by->as<SimpleNamedNode>()->name->value
                                                            : "aggregated_" + of_name;
        builder.add({name, agg.scalar_type()});
      }
      return BoundType::table(builder.take());
    }
    case NodeKind::TopHitters: {
      auto* th = op->as<TopHittersNode>();
      bind_scalar(th->count);
      ProjectionBuilder builder;
      project_expression(th->of, builder, ProjectionStyle::Default);
      std::string of_name = result_name(th->of, {});
      if (th->by) {
        BoundType t = bind_scalar(th->by);
        builder.add({"approximate_sum_" + result_name(th->by, {}), t.scalar_type() == ScalarType::Int ? ScalarType::Long : t.scalar_type()});
      } else {
        builder.add({"approximate_count_" + of_name, ScalarType::Long});
      }
      return BoundType::table(builder.take());
    }
    case NodeKind::SampleDistinct: {
      auto* sd = op->as<SampleDistinctNode>();
      bind_scalar(sd->count);
      ProjectionBuilder builder;
      project_expression(sd->of, builder, ProjectionStyle::Default);
      return BoundType::table(builder.take());
    }
    case NodeKind::Union: {
      auto* u = op->as<UnionNode>();
      std::vector<TablePtr> tables;
      if (input) tables.push_back(input);
      for (const Node* item : u->items) {
        // Wildcards name every matching table of the database.
        if (auto* name = item->as<NameNode>();
            name && (name->form == NameForm::Wildcard || name->form == NameForm::BracketedWildcard)) {
          for (const auto& tname : catalog_.table_names())
            if (wildcard_match(name->value, tname)) tables.push_back(make_table(*catalog_.table(tname)));
          continue;
        }
        BoundType t = bind_tabular(item);
        if (t.is_table()) tables.push_back(t.columns);
      }
      bool inner = param_word(u->params, "kind") == "inner";
      TableSchema s;
      if (const ParamNode* ws = find_param(u->params, "withsource"); ws || (ws = find_param(u->params, "with_source"))) {
        if (auto* n = ws->value ? ws->value->as<NameNode>() : nullptr) s.columns.push_back({n->value, ScalarType::String});
      }
      TableSchema merged = union_schema(tables, inner);
      s.open = merged.open;
      UniqueNames taken;
      for (const auto& c : s.columns) taken.add(c.name);
      for (auto& c : merged.columns) s.columns.push_back({taken.get_or_add(c.name), c.type});
      return BoundType::table(std::move(s));
    }
    case NodeKind::Join:
    case NodeKind::Lookup: {
      bool lookup = op->kind == NodeKind::Lookup;
      const Node* right_expr = lookup ? op->as<LookupNode>()->right : op->as<JoinNode>()->right;
      const ParamList& params = lookup ? op->as<LookupNode>()->params : op->as<JoinNode>()->params;
      BoundType rt = bind_tabular(right_expr);
      TablePtr right = rt.is_table() ? rt.columns : make_table(TableSchema{{}, true});
      // Conditions: `a` (same name both sides) or $left.a == $right.b
      std::vector<std::string> right_keys;
      {
        RowGuard g(*this, RowContext{in, in, right, false, false});
        const NodeList& on = lookup ? op->as<LookupNode>()->on : op->as<JoinNode>()->on;
        for (const Node* cond : on) {
          if (auto* n = cond->as<NameNode>()) {
            const ColumnSchema* l = in->find(n->value);
            const ColumnSchema* r = right->find(n->value);
            if ((!l && !in->open) || (!r && !right->open))
              error(n, fmt::format("The name '{}' does not refer to a column of both sides of the join.", n->value));
            out_.types[n] = BoundType::of(l ? l->type : ScalarType::Unknown);
            right_keys.push_back(n->value);
            continue;
          }
          bind_scalar(cond);
          if (auto* b = cond->as<BinaryNode>(); b && b->op == BinaryOp::Equal) {
            for (const Node* side : {b->lhs, b->rhs}) {
              auto* p = side->as<PathNode>();
              auto* s = p ? p->target->as<NameNode>() : nullptr;
              auto* m = p ? p->member->as<NameNode>() : nullptr;
              if (s && m && s->value == "$right") right_keys.push_back(m->value);
            }
          }
        }
        if (!lookup)
          if (const Node* w = op->as<JoinNode>()->where) bind_scalar(w);
      }
      std::string_view kind = param_word(params, "kind");
      if (!lookup && (kind == "leftsemi" || kind == "leftanti" || kind == "leftantisemi" || kind == "anti"))
        return same();
      if (!lookup && (kind == "rightsemi" || kind == "rightanti" || kind == "rightantisemi"))
        return BoundType::table(right);
      // Right columns whose names the left side has are renamed (name1, name2, ...), avoiding
      // every name either side already uses.
      UniqueNames used;
      for (const auto& c : in->columns) used.add(c.name);
      for (const auto& c : right->columns) used.add(c.name);
      TableSchema s = *in;
      for (const auto& c : right->columns) {
        if (lookup && std::find(right_keys.begin(), right_keys.end(), c.name) != right_keys.end()) continue;
        s.columns.push_back({in->find(c.name) ? used.get_or_add(c.name) : c.name, c.type});
      }
      s.open = in->open || right->open;
      return BoundType::table(std::move(s));
    }
    case NodeKind::As: {
      auto* a = op->as<AsNode>();
      if (a->name) {
        as_tables_[a->name->value] = in;
        Symbol sym;
        sym.kind = Symbol::Kind::Table;
        sym.type = BoundType::table(in);
        scope_->add(a->name->value, std::move(sym));
      }
      return same();
    }
    case NodeKind::GetSchema: {
      TableSchema s;
      s.columns = {{"ColumnName", ScalarType::String},
                   {"ColumnOrdinal", ScalarType::Long},
                   {"DataType", ScalarType::String},
                   {"ColumnType", ScalarType::String}};
      return BoundType::table(std::move(s));
    }
    case NodeKind::MvExpand:
    case NodeKind::MvApply: {
      bool apply = op->kind == NodeKind::MvApply;
      const auto& items = apply ? op->as<MvApplyNode>()->items : op->as<MvExpandNode>()->items;
      const ParamList& params = apply ? op->as<MvApplyNode>()->params : op->as<MvExpandNode>()->params;
      ProjectionBuilder builder;
      for (const auto& c : in->columns) builder.add(c);
      TableSchema expanded;  // what mv-apply's subquery sees
      for (const MvItemNode* item : items) {
        ScalarType to = ScalarType::Dynamic;
        if (item->to_type && !item->to_type->items.empty()) to = type_of_type_expr(item->to_type->items[0]);
        if (!item->expr || item->expr->kind == NodeKind::Missing) continue;
        const Node* value = item->expr;
        std::string name;
        if (auto* named = value->as<SimpleNamedNode>()) {
          name = named->name->value;
          value = named->value;
        }
        BoundType t = bind_scalar(value);
        ScalarType vt = t.scalar_type();
        if (vt != ScalarType::Dynamic && vt != ScalarType::Unknown) {
          error(value, "The expression must have the type dynamic.");
          to = vt;
        }
        if (name.empty()) {
          name = result_name(value, {});
          if (name.empty()) name = default_column_name(true);
        }
        builder.add({name, to}, true);
        expanded.columns.push_back({name, to});
      }
      if (const ParamNode* idx = find_param(params, "with_itemindex")) {
        if (auto* n = idx->value ? idx->value->as<NameNode>() : nullptr) {
          builder.add({n->value, ScalarType::Long}, true);
          expanded.columns.push_back({n->value, ScalarType::Long});
        }
      }
      if (!apply) {
        if (const Node* limit = op->as<MvExpandNode>()->limit) bind_scalar(limit);
        TableSchema s = builder.take();
        s.open = in->open;
        return BoundType::table(std::move(s));
      }
      auto* ma = op->as<MvApplyNode>();
      if (ma->limit) bind_scalar(ma->limit);
      if (ma->context_id) bind_scalar(ma->context_id);
      // The subquery runs over each row's expanded values (with the other columns in scope);
      // its output columns replace the expanded ones.
      TableSchema sub_input = builder.take();
      sub_input.open = in->open;
      BoundType sub = bind_operator_chain(ma->subquery, make_table(sub_input));
      TableSchema s;
      s.open = in->open;
      for (const auto& c : in->columns)
        if (!expanded.find(c.name)) s.columns.push_back(c);
      ProjectionBuilder result;
      for (const auto& c : s.columns) result.add(c);
      if (sub.is_table())
        for (const auto& c : sub.columns->columns) result.add(c, true);
      TableSchema out = result.take();
      out.open = s.open;
      return BoundType::table(std::move(out));
    }
    case NodeKind::Parse: {
      auto* p = op->as<ParseNode>();
      bind_scalar(p->source);
      // parse appends its columns as they are, even when a name is already taken (a later
      // operator sees the first; extend renames the duplicate), as Kusto does.
      TableSchema s = *in;
      for (const Node* part : p->pattern) {
        if (auto* n = part->as<NameNode>()) {
          s.columns.push_back({n->value, ScalarType::String});
        } else if (auto* nt = part->as<NameAndTypeNode>(); nt && nt->name) {
          s.columns.push_back({nt->name->value, type_of_type_expr(nt->type)});
        }
      }
      return BoundType::table(std::move(s));
    }
    case NodeKind::ParseKv: {
      auto* p = op->as<ParseKvNode>();
      bind_scalar(p->source);
      ProjectionBuilder builder;
      for (const auto& c : in->columns) builder.add(c);
      for (const auto* k : p->keys)
        if (k->name) builder.add({k->name->value, type_of_type_expr(k->type)}, true);
      return BoundType::table(builder.take());
    }
    case NodeKind::MakeSeries: {
      auto* ms = op->as<MakeSeriesNode>();
      ProjectionBuilder builder;
      for (const Node* by : ms->by) project_expression(by, builder, ProjectionStyle::Summarize, true);
      ctx_.aggregates = true;
      std::vector<ColumnSchema> series;
      for (const auto* item : ms->items) {
        if (item->default_value) bind(item->default_value);
        ProjectionBuilder one;
        project_expression(item->expr, one, ProjectionStyle::Summarize);
        for (auto c : one.columns()) builder.add({c.name, ScalarType::Dynamic});
      }
      ctx_.aggregates = false;
      bind_scalar(ms->on);
      for (const Node* n : {ms->from, ms->to, ms->step})
        if (n) bind_scalar(n);
      for (const Node* n : ms->range_args) bind_scalar(n);
      std::string axis = result_name(ms->on, {});
      if (axis.empty()) axis = default_column_name(false);
      builder.add({axis, ScalarType::Dynamic});
      return BoundType::table(builder.take());
    }
    case NodeKind::Search:
    case NodeKind::Find: {
      bool find = op->kind == NodeKind::Find;
      const NodeList& tables_in = find ? op->as<FindNode>()->in_tables : op->as<SearchNode>()->in_tables;
      bool has_in = find ? op->as<FindNode>()->has_in : op->as<SearchNode>()->has_in;
      std::vector<TablePtr> sources;
      if (input) sources.push_back(input);
      if (has_in) {
        for (const Node* t : tables_in) {
          if (auto* name = t->as<NameNode>(); name && (name->form == NameForm::Wildcard || name->form == NameForm::BracketedWildcard)) {
            for (const auto& tname : catalog_.table_names())
              if (wildcard_match(name->value, tname)) sources.push_back(make_table(*catalog_.table(tname)));
            continue;
          }
          BoundType bt = bind_tabular(t);
          if (bt.is_table()) sources.push_back(bt.columns);
        }
      } else if (!input) {
        for (const auto& tname : catalog_.table_names()) sources.push_back(make_table(*catalog_.table(tname)));
      }
      TableSchema merged = union_schema(sources, false);
      merged.open = true;
      {
        RowGuard g(*this, RowContext{make_table(merged), nullptr, nullptr, false, false});
        bind_scalar(find ? op->as<FindNode>()->predicate : op->as<SearchNode>()->predicate);
      }
      if (!find) {
        TableSchema s;
        s.columns.push_back({"$table", ScalarType::String});
        for (const auto& c : merged.columns) s.columns.push_back(c);
        return BoundType::table(std::move(s));
      }
      auto* f = op->as<FindNode>();
      TableSchema s;
      std::string source_name = "source_";
      for (const ParamNode* p : f->params)
        if ((p->name == "withsource" || p->name == "with_source") && p->value && p->value->as<NameNode>())
          source_name = p->value->as<NameNode>()->value;
      s.columns.push_back({source_name, ScalarType::String});
      if (f->project_keyword == "project") {
        for (const Node* c : f->project) {
          if (auto* tc = c->as<TypedColumnNode>()) {
            s.columns.push_back({tc->name->value, type_of_type_expr(tc->type)});
          } else if (auto* n = c->as<NameNode>()) {
            const ColumnSchema* col = merged.find(n->value);
            s.columns.push_back({n->value, col ? col->type : ScalarType::Unknown});
          } else if (c->as<CallNode>()) {
            s.columns.push_back({"pack_", ScalarType::Dynamic});
          }
        }
      } else {
        s.columns.push_back({"pack_", ScalarType::Dynamic});
      }
      return BoundType::table(std::move(s));
    }
    case NodeKind::Fork: {
      BoundType first = BoundType::unknown();
      for (const auto* prong : op->as<ForkNode>()->prongs) {
        BoundType t = bind_operator_chain(prong->expr, in);
        if (first.kind == BoundType::Kind::Unknown) first = t;
      }
      return first;
    }
    case NodeKind::Facet: {
      auto* f = op->as<FacetNode>();
      BoundType first = BoundType::unknown();
      for (const Node* by : f->by) {
        ProjectionBuilder builder;
        project_expression(by, builder, ProjectionStyle::Default);
        builder.add({"count_", ScalarType::Long});
        if (first.kind == BoundType::Kind::Unknown) first = BoundType::table(builder.take());
      }
      if (f->with) bind_operator_chain(f->with, in);
      return first;
    }
    case NodeKind::Partition: {
      auto* p = op->as<PartitionNode>();
      bind_scalar(p->by);
      if (p->scope) bind(p->scope);
      if (p->braced) {
        // { query }: the partition is available as the tabular name `$partition`... bound as the input
        Symbol sym;
        sym.kind = Symbol::Kind::Table;
        sym.type = BoundType::table(in);
        auto saved = scope_;
        scope_ = std::make_shared<Scope>(scope_);
        scope_->add("$partition", std::move(sym));
        BoundType t = bind_tabular(p->operand);
        scope_ = saved;
        return t;
      }
      return bind_operator_chain(p->operand, in);
    }
    case NodeKind::PartitionBy: {
      auto* p = op->as<PartitionByNode>();
      bind_scalar(p->by);
      return bind_operator_chain(p->subquery, in);
    }
    case NodeKind::Scan: {
      auto* s = op->as<ScanNode>();
      for (const Node* n : s->order_by) bind_scalar(n);
      for (const Node* n : s->partition_by) bind_scalar(n);
      ProjectionBuilder builder;
      for (const auto& c : in->columns) builder.add(c);
      for (const auto* d : s->declare)
        if (d->decl && d->decl->name) builder.add({d->decl->name->value, type_of_type_expr(d->decl->type)}, true);
      TableSchema cols = builder.take();
      auto row = make_table(cols);
      // Steps refer to columns, declared values and other steps by name (step.Column).
      RowContext rc{row, nullptr, nullptr, false, false};
      RowGuard g(*this, rc);
      auto saved = scope_;
      scope_ = std::make_shared<Scope>(scope_);
      for (const auto* step : s->steps) {
        if (!step->name) continue;
        Symbol sym;
        sym.kind = Symbol::Kind::Table;
        sym.type = BoundType::table(row);
        scope_->add(step->name->value, std::move(sym));
      }
      for (const auto* step : s->steps) {
        bind_scalar(step->condition);
        for (const Node* a : step->assignments) bind(a);
      }
      scope_ = saved;
      return BoundType::table(row);
    }
    case NodeKind::Reduce: {
      bind_scalar(op->as<ReduceNode>()->by);
      TableSchema s;
      s.columns = {{"Pattern", ScalarType::String}, {"Count", ScalarType::Long}, {"Representative", ScalarType::String}};
      return BoundType::table(std::move(s));
    }
    case NodeKind::Consume:
      return BoundType::table(TableSchema{});
    case NodeKind::Invoke: {
      const Node* call = op->as<InvokeNode>()->call;
      if (auto* c = call->as<CallNode>()) {
        BoundType t = bind_call(c, in);
        out_.types[c] = t;
        return t.is_table() ? t : BoundType::table(TableSchema{{}, true});
      }
      bind(call);
      return BoundType::table(TableSchema{{}, true});
    }
    case NodeKind::Evaluate: {
      auto* e = op->as<EvaluateNode>();
      auto* call = e->call ? e->call->as<CallNode>() : nullptr;
      if (!call || !call->name) return BoundType::table(TableSchema{{}, true});
      const functions::FunctionInfo* plugin = registry_.plugin(call->name->value);
      std::vector<functions::ArgInfo> args;
      ctx_.aggregates = true;  // pivot(col, sum(x)), ... take an aggregation
      for (const Node* a : call->args) args.push_back(arg_info(a, bind(a)));
      ctx_.aggregates = false;
      if (e->has_schema) {
        TableSchema s;
        bool star = false;
        for (const auto* c : e->schema) {
          if (!c->name) {
            star = true;
            continue;
          }
          s.columns.push_back({c->name->value, type_of_type_expr(c->type)});
        }
        if (star) {
          TableSchema with_input = *in;
          for (const auto& c : s.columns)
            if (!with_input.find(c.name)) with_input.columns.push_back(c);
          return BoundType::table(std::move(with_input));
        }
        return BoundType::table(std::move(s));
      }
      if (!plugin) {
        error(call->name, fmt::format("The name '{}' does not refer to any known plugin.", call->name->value));
        return BoundType::table(TableSchema{{}, true});
      }
      TableSchema out;
      if (plugin->plugin_schema && plugin->plugin_schema(*in, args, out)) return BoundType::table(std::move(out));
      return BoundType::table(TableSchema{{}, true});
    }
    case NodeKind::MacroExpand: {
      auto* m = op->as<MacroExpandNode>();
      BoundType last = BoundType::table(TableSchema{{}, true});
      auto saved = scope_;
      scope_ = std::make_shared<Scope>(scope_);
      if (m->name) {
        Symbol sym;
        sym.kind = Symbol::Kind::Database;
        sym.type = BoundType::unknown();
        scope_->add(m->name->value, std::move(sym));
      }
      for (const Node* s : m->statements) bind_statement(s, &last);
      scope_ = saved;
      return last;
    }
    case NodeKind::MakeGraph:
    case NodeKind::GraphMatch:
    case NodeKind::GraphMerge:
    case NodeKind::GraphToTable:
    case NodeKind::GraphMarkComponents:
    case NodeKind::GraphShortestPaths:
      return BoundType::table(TableSchema{{}, true});
    case NodeKind::Print:
    case NodeKind::Range:
    case NodeKind::DataTable:
      return bind_source_operator(op);
    default:
      return same();
  }
}

}  // namespace huntdb::analyze::detail
