// Binding the operators that expand, parse, build series, search many tables or run
// sub-queries: mv-expand, mv-apply, parse, parse-kv, make-series, top-nested, top-hitters,
// sample-distinct, search, find, fork, facet, partition, scan, reduce, evaluate.
#include <algorithm>

#include <fmt/format.h>

#include "huntdb/analyze/binder_internal.h"
#include "huntdb/analyze/operator_params.h"
#include "huntdb/kql/literals.h"

namespace huntdb::analyze::detail {

using namespace kql;

namespace {

TablePtr make_table(TableSchema s) { return std::make_shared<TableSchema>(std::move(s)); }

const Node* strip_ordered(const Node* n) {
  if (auto* o = n ? n->as<OrderedNode>() : nullptr) return o->expr;
  return n;
}

// A placeholder for the rows a sub-query runs over, given at run time.
BoundType subquery_input(TablePtr schema) {
  auto p = std::make_shared<SubqueryInputPlan>();
  p->schema = schema;
  return BoundType::table(schema, p);
}

// Tag values the projection builder carries to tell where each output column came from.
constexpr int kItemTag = 1 << 20;
constexpr int kItemIndexTag = 1 << 21;

// search / find: the rows of every source (the source's name first, then the merged columns
// through `maps`) that satisfy `predicate`.
PlanPtr matching_rows(TablePtr schema, std::vector<PlanPtr> sources, std::vector<std::vector<int>> maps,
                      std::vector<std::string> names, const ExprPtr& predicate) {
  auto u = std::make_shared<UnionPlan>();
  u->schema = schema;
  u->inputs = std::move(sources);
  for (auto& m : maps)
    for (int& i : m)
      if (i >= 0) i += 1;  // after the source column
  u->column_maps = std::move(maps);
  u->source_column = 0;
  u->source_names = std::move(names);
  auto f = std::make_shared<FilterPlan>();
  f->schema = std::move(schema);
  f->inputs = {u};
  f->predicate = Expr::cast(predicate, ScalarType::Bool);
  return f;
}

}  // namespace

BoundType Binder::bind_nested_operator(const Node* op, const BoundType& input) {
  TablePtr in = input.is_table() ? input.columns : make_table(TableSchema{});
  auto same = [&](PlanPtr plan) { return BoundType::table(in, std::move(plan)); };

  switch (op->kind) {
    case NodeKind::MvExpand:
    case NodeKind::MvApply:
      return bind_mv(op, input);
    case NodeKind::Parse:
      return bind_parse(op->as<ParseNode>(), input);
    case NodeKind::ParseKv: {
      auto* p = op->as<ParseKvNode>();
      BoundType source = bind_scalar(p->source);
      ProjectionBuilder builder;
      for (const auto& c : in->columns) builder.add(c);
      auto plan = make_plan<ParseKvPlan>(input, nullptr);
      for (const auto* k : p->keys) {
        if (!k->name) continue;
        ColumnSchema c{k->name->value, type_of_type_expr(k->type)};
        if (plan) plan->keys.push_back(c);
        builder.add(std::move(c), true);
      }
      auto schema = make_table(builder.take());
      if (!plan || !source.expr) return BoundType::table(schema);
      plan->schema = schema;
      plan->source = Expr::cast(source.expr, ScalarType::String);
      for (const auto& k : plan->keys) plan->key_columns.push_back(static_cast<uint32_t>(schema->index_of(k.name)));
      plan->pair_delimiter = param_text(p->with_props, "pair_delimiter");
      plan->kv_delimiter = param_text(p->with_props, "kv_delimiter");
      plan->quote = param_text(p->with_props, "quote");
      plan->escape = param_text(p->with_props, "escape");
      plan->regex = param_text(p->with_props, "regex");
      plan->greedy = param_text(p->with_props, "greedy") == "true";
      return BoundType::table(schema, plan);
    }
    case NodeKind::MakeSeries:
      return bind_make_series(op->as<MakeSeriesNode>(), input);
    case NodeKind::TopNested: {
      ProjectionBuilder builder;
      auto plan = make_plan<TopNestedPlan>(input, nullptr);
      bool complete = plan != nullptr;
      for (const auto* clause : op->as<TopNestedNode>()->clauses) {
        TopNestedClause c;
        if (clause->count) c.count = Expr::cast(bind_scalar(clause->count).expr, ScalarType::Long);
        if (clause->count && !c.count) complete = false;
        project_expression(clause->of, builder, ProjectionStyle::Default);
        c.of = builder.exprs().empty() ? nullptr : builder.exprs().back();
        std::string of_name = result_name(clause->of, {});
        if (clause->others) c.others = bind(clause->others).expr;
        ctx_.aggregates = true;
        const Node* by = strip_ordered(clause->by);
        BoundType agg = bind(by);
        ctx_.aggregates = false;
        if (auto* o = clause->by ? clause->by->as<OrderedNode>() : nullptr)
          c.descending = !(o->direction == "asc" || o->direction == "granny-asc");
        std::string name = by && by->as<SimpleNamedNode>() ? by->as<SimpleNamedNode>()->name->value
                                                            : "aggregated_" + of_name;
        builder.add({name, agg.scalar_type()});
        const ExprPtr& a = agg.expr;
        if (a && a->kind == ExprKind::Call && a->fn && a->fn->kind == functions::FunctionKind::Aggregate) {
          c.by.fn = a->fn;
          c.by.args = a->args;
          c.by.types = {a->type};
        } else {
          complete = false;
          plan_error(clause, "top-nested needs an aggregation function call after `by`.");
        }
        if (!c.of) complete = false;
        if (plan) plan->clauses.push_back(std::move(c));
      }
      auto schema = make_table(builder.take());
      if (!complete) return BoundType::table(schema);
      plan->schema = schema;
      return BoundType::table(schema, plan);
    }
    case NodeKind::TopHitters: {
      auto* th = op->as<TopHittersNode>();
      BoundType count = bind_scalar(th->count);
      ProjectionBuilder builder;
      project_expression(th->of, builder, ProjectionStyle::Default);
      ExprPtr of = builder.exprs().empty() ? nullptr : builder.exprs().back();
      std::string of_name = result_name(th->of, {});
      ExprPtr by;
      if (th->by) {
        BoundType t = bind_scalar(th->by);
        ScalarType type = t.scalar_type() == ScalarType::Int ? ScalarType::Long : t.scalar_type();
        by = Expr::cast(t.expr, type);
        builder.add({"approximate_sum_" + result_name(th->by, {}), type});
      } else {
        builder.add({"approximate_count_" + of_name, ScalarType::Long});
      }
      auto schema = make_table(builder.take());
      auto plan = make_plan<TopHittersPlan>(input, schema);
      if (!plan || !count.expr || !of || (th->by && !by)) return BoundType::table(schema);
      plan->count = Expr::cast(count.expr, ScalarType::Long);
      plan->of = of;
      plan->by = by;
      return BoundType::table(schema, plan);
    }
    case NodeKind::SampleDistinct: {
      auto* sd = op->as<SampleDistinctNode>();
      BoundType count = bind_scalar(sd->count);
      ProjectionBuilder builder;
      project_expression(sd->of, builder, ProjectionStyle::Default);
      ExprPtr of = builder.exprs().empty() ? nullptr : builder.exprs().back();
      auto schema = make_table(builder.take());
      auto plan = make_plan<SampleDistinctPlan>(input, schema);
      if (!plan || !count.expr || !of) return BoundType::table(schema);
      plan->count = Expr::cast(count.expr, ScalarType::Long);
      plan->of = of;
      return BoundType::table(schema, plan);
    }
    case NodeKind::Search:
    case NodeKind::Find:
      return bind_search(op, input);
    case NodeKind::Fork: {
      BoundType first = BoundType::unknown();
      auto plan = make_plan<ForkPlan>(input, nullptr);
      bool complete = plan != nullptr;
      for (const auto* prong : op->as<ForkNode>()->prongs) {
        BoundType t = bind_operator_chain(prong->expr, subquery_input(in));
        if (first.kind == BoundType::Kind::Unknown) first = t;
        if (!t.plan) complete = false;
        if (plan) {
          plan->prongs.push_back(t.plan);
          plan->names.push_back(prong->name ? prong->name->value : std::string());
        }
      }
      if (!complete || !first.is_table()) return first;
      plan->schema = first.columns;
      return BoundType::table(first.columns, plan);
    }
    case NodeKind::Facet: {
      auto* f = op->as<FacetNode>();
      BoundType first = BoundType::unknown();
      auto plan = make_plan<FacetPlan>(input, nullptr);
      bool complete = plan != nullptr;
      for (const Node* by : f->by) {
        // Each facet is `summarize count_ = count() by Column` over the input.
        ProjectionBuilder builder;
        project_expression(by, builder, ProjectionStyle::Default);
        ExprPtr key = builder.exprs().empty() ? nullptr : builder.exprs().back();
        builder.add({"count_", ScalarType::Long});
        auto schema = make_table(builder.take());
        if (first.kind == BoundType::Kind::Unknown) first = BoundType::table(schema);
        if (!key) {
          complete = false;
          continue;
        }
        auto agg = std::make_shared<AggregatePlan>();
        agg->schema = schema;
        agg->inputs = {subquery_input(in).plan};
        agg->keys = {key};
        AggregateCall count;
        count.fn = registry_.aggregate("count");
        count.types = {ScalarType::Long};
        agg->aggregates = {count};
        if (plan) plan->facets.push_back(agg);
      }
      if (f->with) {
        BoundType w = bind_operator_chain(f->with, subquery_input(in));
        if (plan) plan->with = w.plan;
        if (!w.plan) complete = false;
      }
      if (!complete || !first.is_table()) return first;
      plan->schema = first.columns;
      return BoundType::table(first.columns, plan);
    }
    case NodeKind::Partition: {
      auto* p = op->as<PartitionNode>();
      BoundType key = bind_scalar(p->by);
      if (p->scope) bind(p->scope);
      BoundType sub;
      if (p->braced) {
        // { query }: the partition's rows are the tabular name `$partition`.
        Symbol sym;
        sym.kind = Symbol::Kind::Table;
        sym.type = subquery_input(in);
        auto saved = scope_;
        scope_ = std::make_shared<Scope>(scope_);
        scope_->add("$partition", std::move(sym));
        sub = bind_tabular(p->operand);
        scope_ = saved;
      } else {
        sub = bind_operator_chain(p->operand, subquery_input(in));
      }
      if (!sub.is_table()) return sub;
      auto plan = make_plan<PartitionPlan>(input, sub.columns);
      if (!plan || !key.expr || !sub.plan) return BoundType::table(sub.columns);
      plan->key = key.expr;
      plan->subquery = sub.plan;
      std::string_view strategy = param_word(p->params, "hint.strategy");
      plan->legacy = strategy.empty() || strategy == "legacy";
      return BoundType::table(sub.columns, plan);
    }
    case NodeKind::PartitionBy: {
      auto* p = op->as<PartitionByNode>();
      bind_scalar(p->by);
      BoundType t = bind_operator_chain(p->subquery, subquery_input(in));
      if (!t.is_table()) return t;
      return BoundType::table(t.columns, unsupported(op, "partition-by is not supported.", t.columns));
    }
    case NodeKind::Scan:
      return bind_scan(op->as<ScanNode>(), input);
    case NodeKind::Reduce: {
      auto* r = op->as<ReduceNode>();
      BoundType by = bind_scalar(r->by);
      // kind=source keeps the input rows and appends each one's pattern.
      bool source = param_word(r->params, "kind") == "source";
      TableSchema s;
      if (source) {
        s = *in;
        s.columns.push_back({"Pattern", ScalarType::String});
      } else {
        s.columns = {{"Pattern", ScalarType::String}, {"Count", ScalarType::Long}, {"Representative", ScalarType::String}};
      }
      auto schema = make_table(std::move(s));
      auto plan = make_plan<ReducePlan>(input, schema);
      if (!plan || !by.expr) return BoundType::table(schema);
      plan->by = Expr::cast(by.expr, ScalarType::String);
      plan->source = source;
      for (const ParamNode* wp : r->with_params) {
        if (!wp->value) continue;
        ExprPtr v = bind_scalar(wp->value).expr;
        if (wp->name == "threshold") plan->threshold = v;
        if (wp->name == "characters") plan->characters = v;
      }
      return BoundType::table(schema, plan);
    }
    case NodeKind::Evaluate:
      return bind_evaluate(op->as<EvaluateNode>(), input);
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
      if (last.is_table()) last.plan = unsupported(op, "macro-expand is not supported.", last.columns);
      return last;
    }
    default:
      return same(input.plan);
  }
}

// ---------------------------------------------------------------- mv-expand, mv-apply

BoundType Binder::bind_mv(const Node* op, const BoundType& input) {
  TablePtr in = input.is_table() ? input.columns : make_table(TableSchema{});
  bool apply = op->kind == NodeKind::MvApply;
  const auto& items = apply ? op->as<MvApplyNode>()->items : op->as<MvExpandNode>()->items;
  const ParamList& params = apply ? op->as<MvApplyNode>()->params : op->as<MvExpandNode>()->params;
  ProjectionBuilder builder;
  for (size_t i = 0; i < in->columns.size(); ++i) {
    builder.set_next_tag(static_cast<int>(i));
    builder.add(in->columns[i]);
  }
  TableSchema expanded;  // what mv-apply's subquery sees
  auto expand = std::make_shared<MvExpandPlan>();
  bool complete = true;
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
    builder.set_next_tag(kItemTag + static_cast<int>(expand->items.size()));
    builder.add({name, to}, true);
    expanded.columns.push_back({name, to});
    if (!t.expr) complete = false;
    expand->items.push_back(MvExpandItem{t.expr, to, 0});
  }
  if (const ParamNode* idx = find_param(params, "with_itemindex")) {
    if (auto* n = idx->value ? idx->value->as<NameNode>() : nullptr) {
      builder.set_next_tag(kItemIndexTag);
      builder.add({n->value, ScalarType::Long}, true);
      expanded.columns.push_back({n->value, ScalarType::Long});
    }
  }
  // kind=array and bagexpansion=array are the same option.
  expand->bag_as_array = param_word(params, "bagexpansion") == "array" || param_word(params, "kind") == "array";
  const Node* limit = apply ? op->as<MvApplyNode>()->limit : op->as<MvExpandNode>()->limit;
  if (limit) {
    expand->limit = Expr::cast(bind_scalar(limit).expr, ScalarType::Long);
    if (!expand->limit) complete = false;
  } else if (!apply && op->as<MvExpandNode>()->keyword == "mvexpand") {
    // The legacy mvexpand keeps at most 128 rows per input row.
    expand->limit = Expr::literal(Value::of_long(128));
  }
  // Where each output column comes from.
  std::vector<int> tags = builder.tags();
  TableSchema expanded_schema = builder.take();
  expanded_schema.open = in->open;
  expand->input_to_output.assign(in->columns.size(), -1);
  for (size_t j = 0; j < tags.size(); ++j) {
    if (tags[j] == kItemIndexTag) {
      expand->item_index_column = static_cast<int>(j);
    } else if (tags[j] >= kItemTag) {
      expand->items[tags[j] - kItemTag].output = static_cast<uint32_t>(j);
    } else if (tags[j] >= 0) {
      expand->input_to_output[tags[j]] = static_cast<int>(j);
    }
  }
  auto expanded_table = make_table(expanded_schema);
  expand->schema = expanded_table;
  if (!apply) {
    if (!complete || !input.plan) return BoundType::table(expanded_table);
    expand->inputs = {input.plan};
    return BoundType::table(expanded_table, expand);
  }
  auto* ma = op->as<MvApplyNode>();
  if (ma->context_id) bind_scalar(ma->context_id);
  // The subquery runs over each row's expanded values (with the other columns in scope);
  // its output columns replace the expanded ones.
  BoundType sub = bind_operator_chain(ma->subquery, subquery_input(expanded_table));
  ProjectionBuilder result;
  std::vector<int> sources;
  for (size_t i = 0; i < in->columns.size(); ++i) {
    if (expanded.find(in->columns[i].name)) continue;
    result.set_next_tag(static_cast<int>(i));
    result.add(in->columns[i]);
  }
  if (sub.is_table())
    for (size_t j = 0; j < sub.columns->columns.size(); ++j) {
      result.set_next_tag(-1 - static_cast<int>(j));
      result.add(sub.columns->columns[j], true);
    }
  std::vector<int> out_tags = result.tags();
  TableSchema out = result.take();
  out.open = in->open;
  auto schema = make_table(std::move(out));
  if (!complete || !input.plan || !sub.plan) return BoundType::table(schema);
  auto plan = std::make_shared<MvApplyPlan>();
  plan->schema = schema;
  plan->inputs = {input.plan};
  expand->inputs = {subquery_input(in).plan};
  plan->expand = expand;
  plan->subquery = sub.plan;
  plan->outputs = std::move(out_tags);
  return BoundType::table(schema, plan);
}

// ---------------------------------------------------------------- parse

BoundType Binder::bind_parse(const ParseNode* p, const BoundType& input) {
  TablePtr in = input.is_table() ? input.columns : make_table(TableSchema{});
  BoundType source = bind_scalar(p->source);
  // parse appends its columns as they are, even when a name is already taken (a later
  // operator sees the first; extend renames the duplicate), as Kusto does.
  TableSchema s = *in;
  auto plan = make_plan<ParsePlan>(input, nullptr);
  std::vector<ParsePart> parts;
  for (const Node* part : p->pattern) {
    ParsePart pp;
    if (auto* n = part->as<NameNode>()) {
      pp.column = static_cast<int>(s.columns.size());
      s.columns.push_back({n->value, ScalarType::String});
    } else if (auto* nt = part->as<NameAndTypeNode>(); nt && nt->name) {
      pp.column = static_cast<int>(s.columns.size());
      pp.type = type_of_type_expr(nt->type);
      s.columns.push_back({nt->name->value, pp.type});
    } else if (part->kind == NodeKind::Star) {
      pp.wildcard = true;
    } else if (auto v = constant_string(part)) {
      pp.literal = *v;
    } else {
      continue;
    }
    parts.push_back(std::move(pp));
  }
  auto schema = make_table(std::move(s));
  if (!plan || !source.expr) return BoundType::table(schema);
  plan->schema = schema;
  plan->source = Expr::cast(source.expr, ScalarType::String);
  plan->parts = std::move(parts);
  plan->where = p->is_where;
  std::string kind = param_text(p->params, "kind");
  if (!kind.empty()) plan->kind = kind;
  plan->flags = param_text(p->params, "flags");
  return BoundType::table(schema, plan);
}

// ---------------------------------------------------------------- make-series

BoundType Binder::bind_make_series(const MakeSeriesNode* ms, const BoundType& input) {
  ProjectionBuilder builder;
  for (const Node* by : ms->by) project_expression(by, builder, ProjectionStyle::Summarize, true);
  size_t key_count = builder.columns().size();
  auto plan = make_plan<MakeSeriesPlan>(input, nullptr);
  bool complete = plan != nullptr && Expr::all_set(builder.exprs());
  if (plan) plan->keys = builder.exprs();
  ctx_.aggregates = true;
  for (const auto* item : ms->items) {
    ExprPtr default_value;
    if (item->default_value) default_value = bind(item->default_value).expr;
    ProjectionBuilder one;
    project_expression(item->expr, one, ProjectionStyle::Summarize);
    for (size_t i = 0; i < one.columns().size(); ++i) {
      const auto& c = one.columns()[i];
      builder.add({c.name, ScalarType::Dynamic});
      const ExprPtr& a = one.exprs()[i];
      if (a && a->kind == ExprKind::Call && a->fn && a->fn->kind == functions::FunctionKind::Aggregate) {
        if (plan) {
          plan->aggregates.push_back(AggregateCall{a->fn, a->at, a->args, {a->type}});
          plan->defaults.push_back(default_value ? Expr::cast(default_value, a->type) : nullptr);
        }
      } else {
        complete = false;
        plan_error(item, "make-series needs an aggregation function call for each series.");
      }
    }
  }
  ctx_.aggregates = false;
  BoundType on = bind_scalar(ms->on);
  BoundType from, to, step;
  if (ms->from) from = bind_scalar(ms->from);
  if (ms->to) to = bind_scalar(ms->to);
  if (ms->step) step = bind_scalar(ms->step);
  if (ms->in_range && ms->range_args.size() == 3) {
    from = bind_scalar(ms->range_args[0]);
    to = bind_scalar(ms->range_args[1]);
    step = bind_scalar(ms->range_args[2]);
  } else {
    for (const Node* n : ms->range_args) bind_scalar(n);
  }
  std::string axis = result_name(ms->on, {});
  if (axis.empty()) axis = default_column_name(false);
  builder.add({axis, ScalarType::Dynamic});
  auto schema = make_table(builder.take());
  if (!complete || !on.expr || !step.expr) return BoundType::table(schema);
  plan->schema = schema;
  plan->on = on.expr;
  plan->from = from.expr;
  plan->to = to.expr;
  plan->step = step.expr;
  plan->in_range = ms->in_range;
  plan->nonempty = param_word(ms->params, "kind") == "nonempty";
  for (size_t i = 0; i < key_count; ++i) plan->outputs.push_back({true, static_cast<uint32_t>(i), 0});
  for (size_t i = 0; i < plan->aggregates.size(); ++i) plan->outputs.push_back({false, static_cast<uint32_t>(i), 0});
  return BoundType::table(schema, plan);
}

// ---------------------------------------------------------------- search, find

BoundType Binder::bind_search(const Node* op, const BoundType& input) {
  bool find = op->kind == NodeKind::Find;
  const NodeList& tables_in = find ? op->as<FindNode>()->in_tables : op->as<SearchNode>()->in_tables;
  bool has_in = find ? op->as<FindNode>()->has_in : op->as<SearchNode>()->has_in;
  std::vector<TablePtr> sources;
  std::vector<PlanPtr> plans;
  std::vector<std::string> names;
  bool complete = true;
  auto add_table = [&](const std::string& tname) {
    auto schema = make_table(*catalog_.table(tname));
    sources.push_back(schema);
    plans.push_back(table_scan(tname, schema));
    names.push_back(tname);
  };
  if (input.is_table()) {
    sources.push_back(input.columns);
    plans.push_back(input.plan);
    names.push_back("");
    if (!input.plan) complete = false;
  }
  if (has_in) {
    for (const Node* t : tables_in) {
      if (auto* name = t->as<NameNode>(); name && (name->form == NameForm::Wildcard || name->form == NameForm::BracketedWildcard)) {
        for (const auto& tname : catalog_.table_names())
          if (wildcard_match(name->value, tname)) add_table(tname);
        continue;
      }
      BoundType bt = bind_tabular(t);
      if (bt.is_table()) {
        sources.push_back(bt.columns);
        plans.push_back(bt.plan);
        const Node* n = t;
        auto* name = n->as<NameNode>();
        names.push_back(name ? name->value : "");
        if (!bt.plan) complete = false;
      }
    }
  } else if (!input.is_table()) {
    for (const auto& tname : catalog_.table_names()) add_table(tname);
  }
  std::vector<std::vector<int>> maps;
  TableSchema merged = union_schema(sources, false, &maps);
  merged.open = true;
  BoundType predicate;
  {
    auto row = make_table(merged);
    // The columns of the merged row sit after the source column.
    TableSchema shifted;
    shifted.columns.push_back({"$table", ScalarType::String});
    for (const auto& c : merged.columns) shifted.columns.push_back(c);
    shifted.open = true;
    RowGuard g(*this, RowContext{make_table(shifted)});
    const Node* pred = find ? op->as<FindNode>()->predicate : op->as<SearchNode>()->predicate;
    // `* and p` filters as p alone: the star matches every row.
    if (auto* both = pred ? pred->as<BinaryNode>() : nullptr;
        both && both->op == BinaryOp::And && both->lhs && both->lhs->kind == NodeKind::Star && both->rhs)
      pred = both->rhs;
    if (pred && pred->kind == NodeKind::Star) {
      // search *: every row of every source
      predicate = BoundType::of(ScalarType::Bool, Expr::literal(Value::of_bool(true)));
      out_.types[pred] = predicate;
    } else {
      // search "a" and ("b" or T == 1): each bare string is a term against every column
      mark_search_terms(pred);
      predicate = bind_scalar(pred);
      search_terms_.clear();
    }
  }
  if (!find) {
    TableSchema s;
    s.columns.push_back({"$table", ScalarType::String});
    for (const auto& c : merged.columns) s.columns.push_back(c);
    auto schema = make_table(std::move(s));
    if (!complete || !predicate.expr || plans.empty()) return BoundType::table(schema);
    return BoundType::table(schema, matching_rows(schema, plans, std::move(maps), names, predicate.expr));
  }
  auto* f = op->as<FindNode>();
  TableSchema s;
  std::string source_name = "source_";
  for (const ParamNode* p : f->params)
    if ((p->name == "withsource" || p->name == "with_source") && p->value && p->value->as<NameNode>())
      source_name = p->value->as<NameNode>()->value;
  s.columns.push_back({source_name, ScalarType::String});
  // The union's row: the source name, then the merged columns.
  std::vector<ExprPtr> exprs{Expr::column(0, ScalarType::String, "$table")};
  StringSet projected;
  const functions::FunctionInfo* pack_all = registry_.scalar("pack_all");
  // pack_: the other columns of the row, as a bag of those that have a value.
  auto pack = [&]() -> ExprPtr {
    std::vector<ExprPtr> args{Expr::literal(Value::of_bool(true))};
    for (size_t i = 0; i < merged.columns.size(); ++i) {
      const auto& c = merged.columns[i];
      if (projected.contains(c.name)) continue;
      args.push_back(Expr::literal(Value::of_string(c.name)));
      args.push_back(Expr::column(static_cast<uint32_t>(i + 1), c.type, c.name));
    }
    return Expr::call(pack_all, ScalarType::Dynamic, std::move(args));
  };
  auto column_or_null = [&](const std::string& name, ScalarType type) -> ExprPtr {
    int i = merged.index_of(name);
    if (i < 0) return Expr::literal(Value::null(type == ScalarType::Unknown ? ScalarType::String : type));
    return Expr::cast(Expr::column(static_cast<uint32_t>(i + 1), merged.columns[i].type, name), type);
  };
  bool wants_pack = false;
  if (f->project_keyword == "project") {
    for (const Node* c : f->project) {
      if (auto* tc = c->as<TypedColumnNode>()) {
        ScalarType t = type_of_type_expr(tc->type);
        s.columns.push_back({tc->name->value, t});
        projected.insert(tc->name->value);
        exprs.push_back(column_or_null(tc->name->value, t));
      } else if (auto* n = c->as<NameNode>()) {
        const ColumnSchema* col = merged.find(n->value);
        ScalarType t = col ? col->type : ScalarType::Unknown;
        s.columns.push_back({n->value, t});
        projected.insert(n->value);
        exprs.push_back(column_or_null(n->value, t));
      } else if (c->as<CallNode>()) {
        s.columns.push_back({"pack_", ScalarType::Dynamic});
        exprs.push_back(nullptr);  // filled below, once every projected name is known
        wants_pack = true;
      }
    }
  } else {
    // project-smart (the default), as the official type checker has it: a source without a
    // column the predicate names is skipped; the columns every remaining source has with the
    // same type come next; pack_ holds the rest.
    StringSet referenced;
    std::vector<const Expr*> stack;
    if (predicate.expr) stack.push_back(predicate.expr.get());
    while (!stack.empty()) {
      const Expr* e = stack.back();
      stack.pop_back();
      if (e->kind == ExprKind::Column && e->name != "$table") referenced.insert(e->name);
      for (const auto& a : e->args)
        if (a) stack.push_back(a.get());
    }
    for (size_t i = sources.size(); i-- > 0;) {
      bool has_all = true;
      for (const auto& name : referenced) has_all = has_all && sources[i]->find(name);
      if (has_all || sources.size() == 1) continue;
      sources.erase(sources.begin() + static_cast<std::ptrdiff_t>(i));
      if (i < plans.size()) plans.erase(plans.begin() + static_cast<std::ptrdiff_t>(i));
      if (i < maps.size()) maps.erase(maps.begin() + static_cast<std::ptrdiff_t>(i));
      if (i < names.size()) names.erase(names.begin() + static_cast<std::ptrdiff_t>(i));
    }
    for (const auto& c : merged.columns) {
      bool common = !sources.empty();
      for (const auto& src : sources) {
        const ColumnSchema* sc = src->find(c.name);
        common = common && sc && sc->type == c.type;
      }
      if (!common) continue;
      s.columns.push_back(c);
      projected.insert(c.name);
      exprs.push_back(column_or_null(c.name, c.type));
    }
    bool rest = false;
    for (const auto& src : sources)
      for (const auto& c : src->columns) rest = rest || !projected.contains(c.name);
    if (rest) {
      s.columns.push_back({"pack_", ScalarType::Dynamic});
      exprs.push_back(nullptr);
      wants_pack = true;
    }
  }
  if (wants_pack)
    for (auto& e : exprs)
      if (!e) e = pack();
  auto schema = make_table(std::move(s));
  if (!complete || !predicate.expr || plans.empty() || !pack_all) return BoundType::table(schema);
  TableSchema row;
  row.columns.push_back({"$table", ScalarType::String});
  for (const auto& c : merged.columns) row.columns.push_back(c);
  auto row_schema = make_table(std::move(row));
  PlanPtr filter = matching_rows(row_schema, plans, std::move(maps), names, predicate.expr);
  auto project = std::make_shared<ProjectPlan>();
  project->schema = schema;
  project->inputs = {filter};
  project->exprs = std::move(exprs);
  return BoundType::table(schema, project);
}

// ---------------------------------------------------------------- scan

BoundType Binder::bind_scan(const ScanNode* s, const BoundType& input) {
  TablePtr in = input.is_table() ? input.columns : make_table(TableSchema{});
  auto plan = make_plan<ScanOpPlan>(input, nullptr);
  bool complete = plan != nullptr;
  for (const Node* n : s->order_by) {
    BoundType t = bind_scalar(n);
    auto key = sort_key(n);
    if (!key) complete = false;
    // scan's order defaults to ascending.
    if (key) {
      auto* o = n->as<OrderedNode>();
      if (!o || o->direction.empty()) {
        key->descending = false;
        if (!o || o->nulls.empty()) key->nulls_first = true;
      }
      if (plan) plan->order_by.push_back(*key);
    }
  }
  for (const Node* n : s->partition_by) {
    BoundType t = bind_scalar(n);
    if (!t.expr) complete = false;
    if (plan) plan->partition_by.push_back(t.expr);
  }
  ProjectionBuilder builder;
  for (const auto& c : in->columns) builder.add(c);
  for (const auto* d : s->declare) {
    if (!d->decl || !d->decl->name) continue;
    ScalarType type = type_of_type_expr(d->decl->type);
    builder.add({d->decl->name->value, type}, true);
    ExprPtr def;
    if (d->default_value) {
      RowGuard g(*this, RowContext{});
      def = Expr::cast(bind(d->default_value).expr, type);
    }
    if (!def) def = Expr::literal(Value::null(type));
    if (plan) plan->declared_defaults.push_back(def);
  }
  if (const ParamNode* id = find_param(s->params, "with_match_id")) {
    if (auto* n = id->value ? id->value->as<NameNode>() : nullptr) {
      builder.add({n->value, ScalarType::Long}, true);
      if (plan) plan->match_id_column = static_cast<int>(builder.columns().size()) - 1;
    }
  }
  TableSchema cols = builder.take();
  auto row = make_table(cols);
  // Steps refer to columns, declared values and other steps by name (step.Column).
  RowGuard g(*this, RowContext{row});
  auto saved = scope_;
  scope_ = std::make_shared<Scope>(scope_);
  for (size_t i = 0; i < s->steps.size(); ++i) {
    const auto* step = s->steps[i];
    if (!step->name) continue;
    Symbol sym;
    sym.kind = Symbol::Kind::Table;
    sym.type = BoundType::table(row);
    scan_steps_[step->name->value] = static_cast<uint32_t>(i);
    scope_->add(step->name->value, std::move(sym));
  }
  for (const auto* step : s->steps) {
    ScanStep st;
    st.name = step->name ? step->name->value : "";
    st.optional = step->optional;
    if (!step->output.empty()) st.output = std::string(step->output);
    BoundType c = bind_scalar(step->condition);
    st.condition = Expr::cast(c.expr, ScalarType::Bool);
    if (!st.condition) complete = false;
    for (const Node* a : step->assignments) {
      BoundType t = bind(a);
      auto* named = a->as<SimpleNamedNode>();
      int col = named ? row->index_of(named->name->value) : -1;
      if (col < 0 || !t.expr) {
        complete = false;
        continue;
      }
      st.assignments.emplace_back(static_cast<uint32_t>(col), Expr::cast(t.expr, row->columns[col].type));
    }
    if (plan) plan->steps.push_back(std::move(st));
  }
  scan_steps_.clear();
  scope_ = saved;
  if (!complete) return BoundType::table(row);
  plan->schema = row;
  return BoundType::table(row, plan);
}

// ---------------------------------------------------------------- evaluate

BoundType Binder::bind_evaluate(const EvaluateNode* e, const BoundType& input) {
  TablePtr in = input.is_table() ? input.columns : make_table(TableSchema{});
  auto* call = e->call ? e->call->as<CallNode>() : nullptr;
  if (!call || !call->name) return BoundType::table(TableSchema{{}, true});
  const functions::FunctionInfo* plugin = registry_.plugin(call->name->value);
  std::vector<functions::ArgInfo> args;
  std::vector<ExprPtr> exprs;
  std::vector<PlanPtr> tables;
  ctx_.aggregates = true;  // pivot(col, sum(x)), ... take an aggregation
  // A table given as the first argument (ipv4_lookup(Ranges, ip, network), geo_polygon_lookup)
  // is looked up: a bare name the input lacks and that table has is one of its columns (the
  // right side, as in a join).
  TablePtr lookup;
  for (size_t k = 0; k < call->args.size(); ++k) {
    const Node* a = call->args[k];
    auto* name = a ? a->as<NameNode>() : nullptr;
    // The lookup table's row is in scope while the argument is described too, so that its
    // column counts as a column (geo_polygon_lookup drops its key column).
    BoundType t;
    if (lookup && name && !in->find(name->value) && lookup->find(name->value)) {
      RowGuard g(*this, RowContext{lookup, ColumnSide::Right});
      t = bind(a);
      args.push_back(arg_info(a, t));
    } else {
      t = bind(a);
      args.push_back(arg_info(a, t));
    }
    if (k == 0 && t.is_table()) lookup = t.columns;
    exprs.push_back(t.expr);
    tables.push_back(t.is_table() ? t.plan : nullptr);
  }
  ctx_.aggregates = false;
  if (auto it = options_.evaluated.find(e); it != options_.evaluated.end()) {
    // Run already: its table, with the columns the data gave it.
    auto p = std::make_shared<PrecomputedPlan>();
    p->table = it->second;
    p->schema = std::make_shared<TableSchema>(it->second->schema);
    return BoundType::table(p->schema, p);
  }
  auto finish = [&](TableSchema s) {
    auto schema = make_table(std::move(s));
    if (!plugin) return BoundType::table(schema, unsupported(call, fmt::format("There is no plugin named '{}'.", call->name->value), schema));
    auto plan = std::make_shared<EvaluatePlan>();
    plan->schema = schema;
    if (input.plan) plan->inputs = {input.plan};
    plan->plugin = plugin;
    plan->args = exprs;
    plan->arg_nodes.assign(call->args.begin(), call->args.end());
    plan->arg_tables = tables;
    return BoundType::table(schema, plan);
  };
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
      // `*` stands for the columns the plugin keeps of its input (bag_unpack drops the bag).
      TableSchema with_input;
      if (!plugin || !plugin->plugin_schema || !plugin->plugin_schema(*in, args, with_input)) with_input = *in;
      with_input.open = false;
      for (const auto& c : s.columns)
        if (!with_input.find(c.name)) with_input.columns.push_back(c);
      return finish(std::move(with_input));
    }
    return finish(std::move(s));
  }
  if (!plugin) {
    error(call->name, fmt::format("The name '{}' does not refer to any known plugin.", call->name->value));
    return BoundType::table(TableSchema{{}, true});
  }
  TableSchema out;
  if (plugin->plugin_schema && plugin->plugin_schema(*in, args, out)) {
    // An open schema (bag_unpack, pivot: known columns plus those the data brings) is settled
    // by running the plugin first, as below.
    bool open = out.open;
    BoundType t = finish(std::move(out));
    if (open && t.plan && input.plan) out_.deferred.emplace_back(e, t.plan);
    return t;
  }
  // The output's columns depend on the data (bag_unpack, pivot): known when it runs.
  TableSchema open;
  open.open = true;
  BoundType t = finish(std::move(open));
  if (t.plan && input.plan) out_.deferred.emplace_back(e, t.plan);
  return t;
}

}  // namespace huntdb::analyze::detail
