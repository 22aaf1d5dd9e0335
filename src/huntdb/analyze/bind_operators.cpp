// Binding tabular operators: each takes its input's schema and plan and yields the schema it
// produces (following Kusto's rules for column order, naming and types) with its plan node.
// The relational core is here; expansion, parsing, series and sub-query operators are in
// bind_operators_nested.cpp.
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "huntdb/analyze/binder_internal.h"
#include "huntdb/analyze/operator_params.h"
#include "huntdb/kql/literals.h"

namespace huntdb::analyze::detail {

using namespace kql;

namespace {

TablePtr make_table(TableSchema s) { return std::make_shared<TableSchema>(std::move(s)); }

bool has_window_call(const ExprPtr& e) {
  if (!e) return false;
  if (e->kind == ExprKind::Call && e->fn && e->fn->kind == functions::FunctionKind::Window) return true;
  for (const auto& a : e->args)
    if (has_window_call(a)) return true;
  return false;
}

std::optional<JoinKind> join_kind(std::string_view word, bool lookup) {
  if (word.empty()) return lookup ? JoinKind::LeftOuter : JoinKind::InnerUnique;
  if (word == "innerunique") return JoinKind::InnerUnique;
  if (word == "inner") return JoinKind::Inner;
  if (word == "leftouter") return JoinKind::LeftOuter;
  if (word == "rightouter") return JoinKind::RightOuter;
  if (word == "fullouter" || word == "outer") return JoinKind::FullOuter;
  if (word == "leftsemi") return JoinKind::LeftSemi;
  if (word == "leftanti" || word == "anti" || word == "leftantisemi") return JoinKind::LeftAnti;
  if (word == "rightsemi") return JoinKind::RightSemi;
  if (word == "rightanti" || word == "rightantisemi") return JoinKind::RightAnti;
  return std::nullopt;
}

// Splits a join condition into equalities of a left and a right expression.
bool split_join_condition(const ExprPtr& e, std::vector<ExprPtr>& left, std::vector<ExprPtr>& right) {
  if (!e || e->kind != ExprKind::Binary) return false;
  if (e->binary_op == BinaryOp::And)
    return split_join_condition(e->args[0], left, right) && split_join_condition(e->args[1], left, right);
  if (e->binary_op != BinaryOp::Equal) return false;
  auto side_of = [](const ExprPtr& x) {
    // The side every column of x reads (Row when none).
    ColumnSide s = ColumnSide::Row;
    bool mixed = false;
    std::vector<const Expr*> stack{x.get()};
    while (!stack.empty()) {
      const Expr* n = stack.back();
      stack.pop_back();
      if (!n) continue;
      if (n->kind == ExprKind::Column) {
        if (s == ColumnSide::Row) {
          s = n->side;
        } else if (s != n->side) {
          mixed = true;
        }
      }
      for (const auto& a : n->args) stack.push_back(a.get());
    }
    return mixed ? ColumnSide::Step : s;
  };
  ColumnSide a = side_of(e->args[0]), b = side_of(e->args[1]);
  if (a == ColumnSide::Left && b == ColumnSide::Right) {
    left.push_back(e->args[0]);
    right.push_back(e->args[1]);
    return true;
  }
  if (a == ColumnSide::Right && b == ColumnSide::Left) {
    left.push_back(e->args[1]);
    right.push_back(e->args[0]);
    return true;
  }
  return false;
}

}  // namespace

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

// The schema of a union of tables (Kusto's rules): columns by name in order of first
// appearance; a name seen with several types becomes one column per type (name_type, made
// unique against the other names) — unless the first two tables that have it agree on its type,
// in which case later tables with another type do not split it. A table with two columns of
// one name (after parse) contributes only the first. `maps` receives, for each table, the output
// column of each of its columns (-1: not in the output).
TableSchema union_schema(const std::vector<TablePtr>& tables, bool inner, std::vector<std::vector<int>>* maps) {
  struct Merged {
    std::string name;
    std::vector<ScalarType> types;
    std::vector<int> outputs;  // per type
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
        merged.push_back({c.name, {c.type}, {}, 1, false});
        continue;
      }
      Merged& m = merged[it->second];
      ++m.seen;
      if (m.seen == 2 && c.type == m.types[0]) m.settled = true;
      if (!m.settled && std::find(m.types.begin(), m.types.end(), c.type) == m.types.end()) m.types.push_back(c.type);
    }
  }
  UniqueNames names;
  for (auto& m : merged) {
    m.outputs.assign(m.types.size(), -1);
    if (inner && !std::all_of(tables.begin(), tables.end(), [&](const TablePtr& t) { return t->find(m.name); }))
      continue;
    if (m.types.size() == 1) {
      names.add(m.name);
      m.outputs[0] = static_cast<int>(out.columns.size());
      out.columns.push_back({m.name, m.types[0]});
    } else {
      for (size_t i = 0; i < m.types.size(); ++i) {
        m.outputs[i] = static_cast<int>(out.columns.size());
        out.columns.push_back({names.get_or_add(m.name + "_" + std::string(type_name(m.types[i]))), m.types[i]});
      }
    }
  }
  if (maps) {
    maps->clear();
    for (const auto& t : tables) {
      std::vector<int> map(t->columns.size(), -1);
      StringSet seen;
      for (size_t i = 0; i < t->columns.size(); ++i) {
        const auto& c = t->columns[i];
        if (!seen.insert(c.name).second) continue;
        const Merged& m = merged[index[c.name]];
        if (m.types.size() == 1) {
          map[i] = m.outputs[0];
        } else {
          auto k = std::find(m.types.begin(), m.types.end(), c.type) - m.types.begin();
          // A settled column keeps its first type; values of another type are converted.
          map[i] = static_cast<size_t>(k) < m.outputs.size() ? m.outputs[k] : m.outputs[0];
        }
      }
      maps->push_back(std::move(map));
    }
  }
  return out;
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
      if (!t.is_table()) t = BoundType::table(make_table(TableSchema{{}, true}));
      t = bind_operator((*it)->op, t);
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

PlanPtr Binder::external_data(const ExternalDataNode* e, TablePtr schema) {
  auto p = std::make_shared<ExternalDataPlan>();
  p->schema = std::move(schema);
  p->at = e->span;
  bool complete = true;
  for (const Node* u : e->uris) {
    BoundType t = bind(u);
    if (!t.expr) complete = false;
    p->uris.push_back(Expr::cast(t.expr, ScalarType::String));
  }
  // Property names are matched without regard to case (ignoreFirstRecord, IgnoreFirstRecord).
  auto lower = [](std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  };
  for (const ParamNode* prop : e->with_props) {
    std::string name = lower(prop->name);
    std::string value = lower(param_text({const_cast<ParamNode*>(prop)}, prop->name));
    if (name == "format") {
      p->format = value;
    } else if (name == "ignorefirstrecord") {
      p->ignore_first_record = value == "true";
    }
  }
  if (!complete) return nullptr;
  return p;
}

BoundType Binder::bind_source_operator(const Node* op) {
  switch (op->kind) {
    case NodeKind::DataTable: {
      auto* dt = op->as<DataTableNode>();
      TableSchema s;
      for (const auto* c : dt->schema)
        if (c->name) s.columns.push_back({c->name->value, type_of_type_expr(c->type)});
      auto plan = std::make_shared<ValuesPlan>();
      bool complete = !s.columns.empty();
      std::vector<ExprPtr> row;
      for (const Node* v : dt->values) {
        BoundType t = bind(v);
        ScalarType type = s.columns.empty() ? ScalarType::Unknown : s.columns[row.size()].type;
        if (!t.expr) complete = false;
        row.push_back(Expr::cast(t.expr, type));
        if (row.size() == s.columns.size()) plan->rows.push_back(std::move(row)), row.clear();
      }
      if (!row.empty()) {
        plan_error(op, "The number of values of the datatable is not a multiple of its number of columns.");
        complete = false;
      }
      auto schema = make_table(std::move(s));
      plan->schema = schema;
      return BoundType::table(schema, complete || dt->values.empty() ? PlanPtr(plan) : nullptr);
    }
    case NodeKind::ExternalData: {
      TableSchema s;
      for (const auto* c : op->as<ExternalDataNode>()->schema)
        if (c->name) s.columns.push_back({c->name->value, type_of_type_expr(c->type)});
      auto schema = make_table(std::move(s));
      return BoundType::table(schema, external_data(op->as<ExternalDataNode>(), schema));
    }
    case NodeKind::InlineExternalTable: {
      TableSchema s;
      auto* t = op->as<InlineExternalTableNode>();
      for (const auto* c : t->schema)
        if (c->name) s.columns.push_back({c->name->value, type_of_type_expr(c->type)});
      for (const auto* p : t->partitions)
        if (p->decl && p->decl->name) s.columns.push_back({p->decl->name->value, type_of_type_expr(p->decl->type)});
      auto schema = make_table(std::move(s));
      return BoundType::table(schema, unsupported(op, "External tables cannot be read here.", schema));
    }
    case NodeKind::Print: {
      ProjectionBuilder builder;
      RowGuard g(*this, RowContext{});
      const auto& items = op->as<PrintNode>()->items;
      for (size_t i = 0; i < items.size(); ++i) {
        std::string name = "print_" + std::to_string(i);
        project_expression(items[i], builder, ProjectionStyle::Print, false, &name);
      }
      auto plan = std::make_shared<ValuesPlan>();
      bool complete = Expr::all_set(builder.exprs());
      plan->rows.push_back(builder.exprs());
      auto schema = make_table(builder.take());
      plan->schema = schema;
      return BoundType::table(schema, complete ? PlanPtr(plan) : nullptr);
    }
    case NodeKind::Range: {
      auto* r = op->as<RangeNode>();
      BoundType from = bind_scalar(r->from);
      BoundType to = bind_scalar(r->to);
      BoundType step = bind_scalar(r->step);
      ScalarType type = from.scalar_type();
      if (type == ScalarType::Int) type = ScalarType::Long;
      TableSchema s;
      s.columns.push_back({r->name ? r->name->value : "Column1", type});
      auto schema = make_table(std::move(s));
      if (!from.expr || !to.expr || !step.expr) return BoundType::table(schema);
      auto plan = std::make_shared<RangePlan>();
      plan->schema = schema;
      plan->from = Expr::cast(from.expr, type);
      plan->to = Expr::cast(to.expr, type);
      plan->step = step.expr;
      return BoundType::table(schema, plan);
    }
    case NodeKind::Union:
    case NodeKind::Search:
    case NodeKind::Find:
    case NodeKind::Evaluate:
    case NodeKind::MacroExpand:
      return bind_operator(op, BoundType::unknown());
    default:
      // An operator that needs an input, written without one (allowed syntactically).
      return bind_operator(op, BoundType::table(make_table(TableSchema{})));
  }
}

BoundType Binder::bind_operator(const Node* op, const BoundType& input) {
  TablePtr in = input.is_table() ? input.columns : make_table(TableSchema{});
  RowGuard guard(*this, RowContext{in});
  auto same = [&](PlanPtr plan) { return BoundType::table(in, std::move(plan)); };

  switch (op->kind) {
    case NodeKind::BadOperator:
      return BoundType::error();
    case NodeKind::Where: {
      BoundType t = bind_scalar(op->as<WhereNode>()->predicate);
      ScalarType s = t.scalar_type();
      if (s != ScalarType::Bool && s != ScalarType::Unknown && s != ScalarType::Dynamic)
        error(op->as<WhereNode>()->predicate, "The expression must have the type bool.");
      auto plan = make_plan<FilterPlan>(input, in);
      if (!plan || !t.expr) return same(nullptr);
      plan->predicate = Expr::cast(t.expr, ScalarType::Bool);
      return same(plan);
    }
    case NodeKind::Extend:
    case NodeKind::Serialize: {
      const NodeList& items = op->kind == NodeKind::Extend ? op->as<ExtendNode>()->items : op->as<SerializeNode>()->items;
      ProjectionBuilder builder;
      for (size_t i = 0; i < in->columns.size(); ++i)
        builder.add(in->columns[i], false, {}, Expr::column(static_cast<uint32_t>(i), in->columns[i].type, in->columns[i].name));
      ctx_.extend_style = true;
      for (const Node* item : items) project_expression(item, builder, ProjectionStyle::Extend);
      return projection(input, builder, in->open, op->kind == NodeKind::Serialize);
    }
    case NodeKind::Project: {
      ProjectionBuilder builder;
      for (const Node* item : op->as<ProjectNode>()->items) project_expression(item, builder, ProjectionStyle::Default);
      return projection(input, builder, false, false);
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
      std::vector<int> picked;
      for (size_t i = 0; i < in->columns.size(); ++i)
        if (matched[i] == keep) picked.push_back(static_cast<int>(i));
      return select_columns(input, picked, nullptr);
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
      std::vector<int> all(in->columns.size());
      for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int>(i);
      return select_columns(input, all, &s);
    }
    case NodeKind::ProjectReorder: {
      std::vector<bool> used(in->columns.size(), false);
      std::vector<int> order;
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
          order.push_back(static_cast<int>(i));
        }
      }
      for (size_t i = 0; i < in->columns.size(); ++i)
        if (!used[i]) order.push_back(static_cast<int>(i));
      TableSchema s;
      s.open = in->open;
      for (int i : order) s.columns.push_back(in->columns[i]);
      return select_columns(input, order, &s);
    }
    case NodeKind::ProjectByNames: {
      std::vector<int> picked;
      for (const Node* item : op->as<ProjectByNamesNode>()->items) {
        bind(item);
        std::vector<std::string> names;
        if (auto v = constant_string(item)) names.push_back(*v);
        if (auto* d = item->as<DynamicNode>())
          if (auto* arr = d->value ? d->value->as<JsonArrayNode>() : nullptr)
            for (const Node* e : arr->items)
              if (auto v = constant_string(e)) names.push_back(*v);
        for (const auto& n : names)
          for (size_t i = 0; i < in->columns.size(); ++i)
            if (wildcard_match(n, in->columns[i].name) &&
                std::find(picked.begin(), picked.end(), static_cast<int>(i)) == picked.end())
              picked.push_back(static_cast<int>(i));
      }
      TableSchema s;
      for (int i : picked) s.columns.push_back(in->columns[i]);
      return select_columns(input, picked, &s);
    }
    case NodeKind::Summarize: {
      auto* sum = op->as<SummarizeNode>();
      ProjectionBuilder builder;
      for (const Node* by : sum->by) project_expression(by, builder, ProjectionStyle::Summarize, true);
      size_t keys = builder.columns().size();
      if (sum->bin_clause) bind(sum->bin_clause);
      ctx_.aggregates = true;
      for (const Node* agg : sum->aggregates) project_aggregate(agg, builder);
      return aggregate_plan(input, builder, keys, op);
    }
    case NodeKind::Count: {
      auto* c = op->as<CountNode>();
      TableSchema s;
      s.columns.push_back({c->as_name ? c->as_name->value : "Count", ScalarType::Long});
      auto schema = make_table(std::move(s));
      return BoundType::table(schema, make_plan<CountPlan>(input, schema));
    }
    case NodeKind::Take: {
      BoundType n = bind_scalar(op->as<TakeNode>()->count);
      auto plan = make_plan<TakePlan>(input, in);
      if (plan && n.expr) {
        plan->count = Expr::cast(n.expr, ScalarType::Long);
        return same(plan);
      }
      return same(nullptr);
    }
    case NodeKind::Sample: {
      BoundType n = bind_scalar(op->as<SampleNode>()->count);
      auto plan = make_plan<SamplePlan>(input, in);
      if (plan && n.expr) {
        plan->count = Expr::cast(n.expr, ScalarType::Long);
        return same(plan);
      }
      return same(nullptr);
    }
    case NodeKind::Top: {
      auto* top = op->as<TopNode>();
      BoundType n = bind_scalar(top->count);
      bind_scalar(top->by);
      auto key = sort_key(top->by);
      auto plan = make_plan<TopPlan>(input, in);
      if (!plan || !n.expr || !key) return same(nullptr);
      plan->count = Expr::cast(n.expr, ScalarType::Long);
      plan->keys = {*key};
      return same(plan);
    }
    case NodeKind::Sort: {
      auto plan = make_plan<SortPlan>(input, in);
      bool complete = plan != nullptr;
      for (const Node* item : op->as<SortNode>()->items) {
        bind_scalar(item);
        auto key = sort_key(item);
        if (!key) complete = false;
        if (plan && key) plan->keys.push_back(*key);
      }
      return same(complete ? PlanPtr(plan) : nullptr);
    }
    case NodeKind::Render:
      return same(render_plan(op->as<RenderNode>(), input));
    case NodeKind::ExecuteAndCache:
    case NodeKind::AssertSchema:
      return input.is_table() ? input : same(nullptr);
    case NodeKind::Distinct: {
      auto* d = op->as<DistinctNode>();
      if (d->items.size() == 1 && d->items[0]->kind == NodeKind::Star)
        return same(make_plan<DistinctPlan>(input, in));
      ProjectionBuilder builder;
      for (const Node* item : d->items) project_expression(item, builder, ProjectionStyle::Default);
      BoundType projected = projection(input, builder, false, false);
      return BoundType::table(projected.columns, make_plan<DistinctPlan>(projected, projected.columns));
    }
    case NodeKind::Union:
      return bind_union(op->as<UnionNode>(), input);
    case NodeKind::Join:
    case NodeKind::Lookup:
      return bind_join(op, input);
    case NodeKind::As: {
      auto* a = op->as<AsNode>();
      // The named table is computed once, for the pipeline and for every later reference.
      PlanPtr shared;
      if (input.plan) {
        auto m = std::make_shared<MaterializePlan>();
        m->schema = in;
        m->inputs = {input.plan};
        shared = m;
      }
      BoundType named = BoundType::table(in, shared);
      if (a->name) {
        as_tables_[a->name->value] = named;
        Symbol sym;
        sym.kind = Symbol::Kind::Table;
        sym.type = named;
        scope_->add(a->name->value, std::move(sym));
      }
      return named;
    }
    case NodeKind::GetSchema: {
      TableSchema s;
      s.columns = {{"ColumnName", ScalarType::String},
                   {"ColumnOrdinal", ScalarType::Long},
                   {"DataType", ScalarType::String},
                   {"ColumnType", ScalarType::String}};
      auto schema = make_table(std::move(s));
      // The input's schema is known here: the result is a constant table.
      auto plan = std::make_shared<ValuesPlan>();
      plan->schema = schema;
      for (size_t i = 0; i < in->columns.size(); ++i) {
        const auto& c = in->columns[i];
        plan->rows.push_back({Expr::literal(Value::of_string(c.name)), Expr::literal(Value::of_long(static_cast<int64_t>(i))),
                              Expr::literal(Value::of_string(std::string(clr_type_name(c.type)))),
                              Expr::literal(Value::of_string(std::string(type_name(c.type))))});
      }
      return BoundType::table(schema, input.plan ? PlanPtr(plan) : nullptr);
    }
    case NodeKind::Consume: {
      auto schema = make_table(TableSchema{});
      auto plan = make_plan<ProjectPlan>(input, schema);
      return BoundType::table(schema, plan);
    }
    case NodeKind::Invoke: {
      const Node* call = op->as<InvokeNode>()->call;
      if (auto* c = call->as<CallNode>()) {
        BoundType piped = input.is_table() ? input : BoundType::table(in);
        BoundType t = bind_call(c, &piped);
        out_.types[c] = t;
        return t.is_table() ? t : BoundType::table(TableSchema{{}, true});
      }
      bind(call);
      return BoundType::table(TableSchema{{}, true});
    }
    case NodeKind::MakeGraph:
    case NodeKind::GraphMatch:
    case NodeKind::GraphMerge:
    case NodeKind::GraphToTable:
    case NodeKind::GraphMarkComponents:
    case NodeKind::GraphShortestPaths: {
      auto schema = make_table(TableSchema{{}, true});
      return BoundType::table(schema, unsupported(op, "Graph operators are not supported.", schema));
    }
    case NodeKind::Print:
    case NodeKind::Range:
    case NodeKind::DataTable:
      return bind_source_operator(op);
    default:
      return bind_nested_operator(op, input);
  }
}

// ---------------------------------------------------------------- helpers

BoundType Binder::projection(const BoundType& input, ProjectionBuilder& builder, bool open, bool serialize) {
  std::vector<ExprPtr> exprs = builder.exprs();
  TableSchema s = builder.take();
  s.open = open;
  auto schema = make_table(std::move(s));
  auto plan = make_plan<ProjectPlan>(input, schema);
  if (!plan || !Expr::all_set(exprs)) return BoundType::table(schema);
  for (const auto& e : exprs) plan->window |= has_window_call(e);
  plan->window |= serialize;
  plan->exprs = std::move(exprs);
  return BoundType::table(schema, plan);
}

BoundType Binder::select_columns(const BoundType& input, const std::vector<int>& columns, const TableSchema* renamed) {
  TablePtr in = input.columns;
  TableSchema s;
  if (renamed) {
    s = *renamed;
  } else {
    s.open = in->open;
    for (int i : columns) s.columns.push_back(in->columns[i]);
  }
  auto schema = make_table(std::move(s));
  auto plan = make_plan<ProjectPlan>(input, schema);
  if (!plan) return BoundType::table(schema);
  for (int i : columns) plan->exprs.push_back(Expr::column(static_cast<uint32_t>(i), in->columns[i].type, in->columns[i].name));
  return BoundType::table(schema, plan);
}

std::optional<SortKey> Binder::sort_key(const Node* item) {
  const Node* e = item;
  std::string_view direction, nulls;
  if (auto* o = item ? item->as<OrderedNode>() : nullptr) {
    e = o->expr;
    direction = o->direction;
    nulls = o->nulls;
  }
  auto it = out_.types.find(e);
  if (it == out_.types.end() || !it->second.expr) return std::nullopt;
  SortKey k;
  k.expr = it->second.expr;
  k.descending = !(direction == "asc" || direction == "granny-asc");
  // Nulls come last in a descending sort and first in an ascending one unless told otherwise.
  k.nulls_first = nulls.empty() ? !k.descending : nulls == "first";
  return k;
}

PlanPtr Binder::render_plan(const RenderNode* r, const BoundType& input) {
  auto plan = make_plan<RenderPlan>(input, input.columns);
  if (!plan) return nullptr;
  plan->visualization = std::string(r->chart);
  auto add = [&](const ParamNode* p) {
    Value v;
    if (!p->value) {
      v = Value::of_bool(true);
    } else if (auto* lit = p->value->as<LiteralNode>(); lit && lit->lit == LiteralKind::Token) {
      // A bare word (kind=stacked): its text as written, not read as a quoted literal.
      v = Value::of_string(std::string(lit->text));
    } else if (lit) {
      BoundType t = bind_literal(lit);
      v = t.expr ? t.expr->value : Value::of_string(std::string(lit->text));
    } else {
      // names and name lists (ycolumns=a, b) as written
      v = Value::of_string(std::string(text(p->value)));
    }
    plan->properties.emplace_back(std::string(p->name), std::move(v));
  };
  for (const ParamNode* p : r->legacy_params) add(p);
  for (const ParamNode* p : r->with_props) add(p);
  return plan;
}

BoundType Binder::bind_union(const UnionNode* u, const BoundType& input) {
  std::vector<TablePtr> tables;
  std::vector<PlanPtr> plans;
  std::vector<std::string> source_names;
  bool complete = true;
  if (input.is_table()) {
    tables.push_back(input.columns);
    plans.push_back(input.plan);
    source_names.push_back("union_arg0");
  }
  for (const Node* item : u->items) {
    // Wildcards name every matching table of the database.
    if (auto* name = item->as<NameNode>();
        name && (name->form == NameForm::Wildcard || name->form == NameForm::BracketedWildcard)) {
      for (const auto& tname : catalog_.table_names())
        if (wildcard_match(name->value, tname)) {
          auto schema = make_table(*catalog_.table(tname));
          tables.push_back(schema);
          plans.push_back(table_scan(tname, schema));
          source_names.push_back(tname);
        }
      continue;
    }
    BoundType t = bind_tabular(item);
    if (t.is_table()) {
      tables.push_back(t.columns);
      plans.push_back(t.plan);
      if (!t.plan) complete = false;
      // The source of a plain table reference is its name; of anything else, union_argN.
      const Node* n = item;
      while (auto* p = n->as<ParenNode>()) n = p->inner;
      if (auto* name = n->as<NameNode>()) {
        source_names.push_back(name->value);
      } else {
        source_names.push_back("union_arg" + std::to_string(source_names.size()));
      }
    } else {
      complete = false;
    }
  }
  if (input.is_table() && !input.plan) complete = false;
  bool inner = param_word(u->params, "kind") == "inner";
  TableSchema s;
  int source_column = -1;
  if (const ParamNode* ws = find_param(u->params, "withsource"); ws || (ws = find_param(u->params, "with_source"))) {
    if (auto* n = ws->value ? ws->value->as<NameNode>() : nullptr) {
      source_column = 0;
      s.columns.push_back({n->value, ScalarType::String});
    }
  }
  std::vector<std::vector<int>> maps;
  TableSchema merged = union_schema(tables, inner, &maps);
  s.open = merged.open;
  UniqueNames taken;
  for (const auto& c : s.columns) taken.add(c.name);
  int shift = static_cast<int>(s.columns.size());
  for (auto& c : merged.columns) s.columns.push_back({taken.get_or_add(c.name), c.type});
  auto schema = make_table(std::move(s));
  if (!complete || plans.empty()) return BoundType::table(schema);
  auto plan = std::make_shared<UnionPlan>();
  plan->schema = schema;
  plan->inputs = plans;
  for (auto& m : maps)
    for (int& i : m)
      if (i >= 0) i += shift;
  plan->column_maps = std::move(maps);
  plan->source_column = source_column;
  plan->source_names = std::move(source_names);
  return BoundType::table(schema, plan);
}

BoundType Binder::bind_join(const Node* op, const BoundType& input) {
  TablePtr in = input.columns;
  bool lookup = op->kind == NodeKind::Lookup;
  const Node* right_expr = lookup ? op->as<LookupNode>()->right : op->as<JoinNode>()->right;
  const ParamList& params = lookup ? op->as<LookupNode>()->params : op->as<JoinNode>()->params;
  BoundType rt = bind_tabular(right_expr);
  TablePtr right = rt.is_table() ? rt.columns : make_table(TableSchema{{}, true});
  std::vector<ExprPtr> left_keys, right_keys;
  bool keys_ok = true;
  // Conditions: `a` (same name both sides) or $left.a == $right.b
  std::vector<std::string> right_key_names;
  {
    RowGuard g(*this, RowContext{in, ColumnSide::Row, in, right, false, false});
    const NodeList& on_list = lookup ? op->as<LookupNode>()->on : op->as<JoinNode>()->on;
    // `on a and b`, `on $left.a == $right.b and $left.c == $right.d`: each side of an `and` is a
    // condition of its own, as if separated by commas.
    std::vector<const Node*> on;
    for (const Node* cond : on_list) {
      std::vector<const Node*> pending{cond};
      while (!pending.empty()) {
        const Node* c = pending.back();
        pending.pop_back();
        if (auto* b = c ? c->as<BinaryNode>() : nullptr; b && b->op == BinaryOp::And && b->lhs && b->rhs) {
          pending.push_back(b->rhs);
          pending.push_back(b->lhs);
        } else {
          on.push_back(c);
        }
      }
    }
    for (const Node* cond : on) {
      if (auto* n = cond->as<NameNode>()) {
        int l = in->index_of(n->value);
        int r = right->index_of(n->value);
        if ((l < 0 && !in->open) || (r < 0 && !right->open))
          error(n, fmt::format("The name '{}' does not refer to a column of both sides of the join.", n->value));
        out_.types[n] = BoundType::of(l >= 0 ? in->columns[l].type : ScalarType::Unknown);
        right_key_names.push_back(n->value);
        if (l >= 0 && r >= 0) {
          left_keys.push_back(Expr::column(l, in->columns[l].type, n->value, ColumnSide::Left));
          right_keys.push_back(Expr::column(r, right->columns[r].type, n->value, ColumnSide::Right));
        } else {
          keys_ok = false;
        }
        continue;
      }
      BoundType c = bind_scalar(cond);
      if (auto* b = cond->as<BinaryNode>(); b && b->op == BinaryOp::Equal) {
        for (const Node* side : {b->lhs, b->rhs}) {
          auto* p = side->as<PathNode>();
          auto* s = p ? p->target->as<NameNode>() : nullptr;
          auto* m = p ? p->member->as<NameNode>() : nullptr;
          if (s && m && s->value == "$right") right_key_names.push_back(m->value);
        }
      }
      if (!split_join_condition(c.expr, left_keys, right_keys)) {
        keys_ok = false;
        plan_error(cond, "A join condition must compare a column of the left side with a column of the right side.");
      }
    }
    if (!lookup)
      if (const Node* w = op->as<JoinNode>()->where) {
        bind_scalar(w);
        keys_ok = false;
        plan_error(w, "join ... where is not supported; use `on` with equality conditions.");
      }
  }
  std::string_view kind_word = param_word(params, "kind");
  auto kind = join_kind(kind_word, lookup);
  if (!kind) {
    plan_error(op, fmt::format("'{}' is not a kind of join.", kind_word));
    keys_ok = false;
  }
  if (lookup && kind && *kind != JoinKind::LeftOuter && *kind != JoinKind::Inner) {
    plan_error(op, "lookup supports kind=leftouter and kind=inner only.");
    keys_ok = false;
  }
  auto finish = [&](TablePtr schema, std::vector<uint32_t> right_columns) {
    if (!keys_ok || !input.plan || !rt.plan || left_keys.empty()) return BoundType::table(schema);
    auto plan = std::make_shared<JoinPlan>();
    plan->schema = schema;
    plan->inputs = {input.plan, rt.plan};
    plan->join_kind = *kind;
    plan->lookup = lookup;
    plan->left_keys = left_keys;
    plan->right_keys = right_keys;
    plan->right_columns = std::move(right_columns);
    return BoundType::table(schema, plan);
  };
  if (!lookup && kind && (*kind == JoinKind::LeftSemi || *kind == JoinKind::LeftAnti)) return finish(in, {});
  if (!lookup && kind && (*kind == JoinKind::RightSemi || *kind == JoinKind::RightAnti)) return finish(right, {});
  // Right columns whose names the left side has are renamed (name1, name2, ...), avoiding
  // every name either side already uses.
  UniqueNames used;
  for (const auto& c : in->columns) used.add(c.name);
  for (const auto& c : right->columns) used.add(c.name);
  TableSchema s = *in;
  std::vector<uint32_t> right_columns;
  for (size_t i = 0; i < right->columns.size(); ++i) {
    const auto& c = right->columns[i];
    if (lookup && std::find(right_key_names.begin(), right_key_names.end(), c.name) != right_key_names.end()) continue;
    s.columns.push_back({in->find(c.name) ? used.get_or_add(c.name) : c.name, c.type});
    right_columns.push_back(static_cast<uint32_t>(i));
  }
  s.open = in->open || right->open;
  return finish(make_table(std::move(s)), std::move(right_columns));
}

}  // namespace huntdb::analyze::detail
