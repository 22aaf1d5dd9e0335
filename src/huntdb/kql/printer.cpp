#include "huntdb/kql/printer.h"

#include "huntdb/kql/lexer.h"

namespace huntdb::kql {

std::string_view binary_op_text(BinaryOp op) {
  switch (op) {
    case BinaryOp::Add: return "+";
    case BinaryOp::Subtract: return "-";
    case BinaryOp::Multiply: return "*";
    case BinaryOp::Divide: return "/";
    case BinaryOp::Modulo: return "%";
    case BinaryOp::Less: return "<";
    case BinaryOp::LessEqual: return "<=";
    case BinaryOp::Greater: return ">";
    case BinaryOp::GreaterEqual: return ">=";
    case BinaryOp::Equal: return "==";
    case BinaryOp::NotEqual: return "!=";
    case BinaryOp::EqualTilde: return "=~";
    case BinaryOp::BangTilde: return "!~";
    case BinaryOp::And: return "and";
    case BinaryOp::Or: return "or";
    case BinaryOp::Has: return "has";
    case BinaryOp::NotHas: return "!has";
    case BinaryOp::HasCs: return "has_cs";
    case BinaryOp::NotHasCs: return "!has_cs";
    case BinaryOp::HasPrefix: return "hasprefix";
    case BinaryOp::NotHasPrefix: return "!hasprefix";
    case BinaryOp::HasPrefixCs: return "hasprefix_cs";
    case BinaryOp::NotHasPrefixCs: return "!hasprefix_cs";
    case BinaryOp::HasSuffix: return "hassuffix";
    case BinaryOp::NotHasSuffix: return "!hassuffix";
    case BinaryOp::HasSuffixCs: return "hassuffix_cs";
    case BinaryOp::NotHasSuffixCs: return "!hassuffix_cs";
    case BinaryOp::Contains: return "contains";
    case BinaryOp::NotContains: return "!contains";
    case BinaryOp::ContainsCs: return "contains_cs";
    case BinaryOp::NotContainsCs: return "!contains_cs";
    case BinaryOp::StartsWith: return "startswith";
    case BinaryOp::NotStartsWith: return "!startswith";
    case BinaryOp::StartsWithCs: return "startswith_cs";
    case BinaryOp::NotStartsWithCs: return "!startswith_cs";
    case BinaryOp::EndsWith: return "endswith";
    case BinaryOp::NotEndsWith: return "!endswith";
    case BinaryOp::EndsWithCs: return "endswith_cs";
    case BinaryOp::NotEndsWithCs: return "!endswith_cs";
    case BinaryOp::Like: return "like";
    case BinaryOp::NotLike: return "notlike";
    case BinaryOp::LikeCs: return "likecs";
    case BinaryOp::NotLikeCs: return "notlikecs";
    case BinaryOp::MatchesRegex: return "matches regex";
    case BinaryOp::Search: return ":";
  }
  return "?";
}

std::string_view in_op_text(InOp op) {
  switch (op) {
    case InOp::In: return "in";
    case InOp::NotIn: return "!in";
    case InOp::InCs: return "in~";
    case InOp::NotInCs: return "!in~";
    case InOp::HasAny: return "has_any";
    case InOp::HasAll: return "has_all";
  }
  return "in";
}

namespace {

class Printer {
 public:
  explicit Printer(PrintMode mode) : tree_(mode == PrintMode::Tree) {}
  std::string out;

  void word(std::string_view w) {
    if (!out.empty() && out.back() != ' ' && out.back() != '(' && out.back() != '[' && out.back() != '\n') out += ' ';
    out += w;
  }
  void raw(std::string_view w) { out += w; }

  template <typename List>
  void list(const List& items, std::string_view sep = ", ") {
    bool first = true;
    for (const auto* n : items) {
      if (!first) raw(sep);
      first = false;
      node(n);
    }
  }

  void params(const ParamList& ps) {
    for (const ParamNode* p : ps) node(p);
  }

  void schema(const std::vector<NameAndTypeNode*>& cols) {
    raw("(");
    list(cols);
    raw(")");
  }

  void open_group() {
    if (tree_) word("(");
  }
  void close_group() {
    if (tree_) raw(")");
  }

  void node(const Node* n) {
    if (!n) return;
    switch (n->kind) {
      case NodeKind::Missing: word(tree_ ? "<missing>" : ""); break;
      case NodeKind::Literal: word(n->as<LiteralNode>()->text); break;
      case NodeKind::CompoundString: {
        for (auto part : n->as<CompoundStringNode>()->parts) word(part);
        break;
      }
      case NodeKind::Name: word(n->as<NameNode>()->raw); break;
      case NodeKind::Star: word("*"); break;
      case NodeKind::At: word("@"); break;
      case NodeKind::Paren: {
        word("(");
        node(n->as<ParenNode>()->inner);
        raw(")");
        break;
      }
      case NodeKind::Unary: {
        auto* u = n->as<UnaryNode>();
        open_group();
        word(u->op == UnaryOp::Minus ? "-" : "+");
        size_t mark = out.size();
        node(u->operand);
        // Keep the sign attached, as written: -x
        if (out.size() > mark && out[mark] == ' ') out.erase(mark, 1);
        close_group();
        break;
      }
      case NodeKind::Binary: {
        // Left-nested chains (a or b or c ...) are printed with a loop, not recursion.
        std::vector<const BinaryNode*> chain;
        for (auto* b = n->as<BinaryNode>(); b; b = b->lhs ? b->lhs->as<BinaryNode>() : nullptr) chain.push_back(b);
        for (size_t i = 0; i < chain.size(); ++i) open_group();
        node(chain.back()->lhs);
        for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
          word((*it)->op_text.empty() ? binary_op_text((*it)->op) : (*it)->op_text);
          node((*it)->rhs);
          close_group();
        }
        break;
      }
      case NodeKind::In: {
        auto* i = n->as<InNode>();
        open_group();
        node(i->lhs);
        word(in_op_text(i->op));
        word("(");
        list(i->list);
        raw(")");
        close_group();
        break;
      }
      case NodeKind::Between: {
        auto* b = n->as<BetweenNode>();
        open_group();
        node(b->lhs);
        word(b->negated ? "!between" : "between");
        word("(");
        node(b->low);
        word("..");
        node(b->high);
        raw(")");
        close_group();
        break;
      }
      case NodeKind::Call: {
        auto* c = n->as<CallNode>();
        node(c->name);
        raw("(");
        list(c->args);
        raw(")");
        break;
      }
      case NodeKind::Path: {
        auto* p = n->as<PathNode>();
        node(p->target);
        raw(".");
        size_t mark = out.size();
        node(p->member);
        if (out.size() > mark && out[mark] == ' ') out.erase(mark, 1);
        break;
      }
      case NodeKind::Element: {
        auto* e = n->as<ElementNode>();
        if (e->target) node(e->target);
        if (!e->target) word("");
        raw("[");
        size_t mark = out.size();
        node(e->index);
        if (out.size() > mark && out[mark] == ' ') out.erase(mark, 1);
        raw("]");
        break;
      }
      case NodeKind::SimpleNamed: {
        auto* s = n->as<SimpleNamedNode>();
        node(s->name);
        word("=");
        node(s->value);
        break;
      }
      case NodeKind::CompoundNamed: {
        auto* c = n->as<CompoundNamedNode>();
        word("(");
        list(c->names);
        raw(")");
        word("=");
        node(c->value);
        break;
      }
      case NodeKind::Ordered: {
        auto* o = n->as<OrderedNode>();
        node(o->expr);
        if (!o->direction.empty()) word(o->direction);
        if (!o->nulls.empty()) {
          word("nulls");
          word(o->nulls);
        }
        break;
      }
      case NodeKind::TypeOf: {
        word("typeof(");
        list(n->as<TypeOfNode>()->items);
        raw(")");
        break;
      }
      case NodeKind::PrimitiveType: word(n->as<PrimitiveTypeNode>()->text); break;
      case NodeKind::SchemaType: {
        word("(");
        list(n->as<SchemaTypeNode>()->columns);
        raw(")");
        break;
      }
      case NodeKind::NameAndType: {
        auto* nt = n->as<NameAndTypeNode>();
        if (!nt->name && nt->type && nt->type->kind == NodeKind::Star) {
          word("*");
          break;
        }
        node(nt->name);
        raw(":");
        size_t mark = out.size();
        node(nt->type);
        if (out.size() > mark && out[mark] == ' ') out.erase(mark, 1);
        break;
      }
      case NodeKind::TypedColumn: {
        auto* tc = n->as<TypedColumnNode>();
        node(tc->name);
        raw(":");
        node(tc->type);
        break;
      }
      case NodeKind::Dynamic: {
        word("dynamic(");
        node(n->as<DynamicNode>()->value);
        raw(")");
        break;
      }
      case NodeKind::JsonArray: {
        word("[");
        list(n->as<JsonArrayNode>()->items);
        raw("]");
        break;
      }
      case NodeKind::JsonObject: {
        word("{");
        list(n->as<JsonObjectNode>()->pairs);
        raw("}");
        break;
      }
      case NodeKind::JsonPair: {
        auto* p = n->as<JsonPairNode>();
        word(p->key);
        raw(":");
        node(p->value);
        break;
      }
      case NodeKind::ToScalar: {
        auto* t = n->as<ToScalarNode>();
        word("toscalar");
        node(t->kind_param);
        raw("(");
        node(t->expr);
        raw(")");
        break;
      }
      case NodeKind::ToTable: {
        auto* t = n->as<ToTableNode>();
        word("totable");
        node(t->kind_param);
        raw("(");
        node(t->expr);
        raw(")");
        break;
      }
      case NodeKind::Materialize: {
        word("materialize(");
        node(n->as<MaterializeNode>()->expr);
        raw(")");
        break;
      }
      case NodeKind::DataTable: {
        auto* d = n->as<DataTableNode>();
        word("datatable");
        params(d->params);
        schema(d->schema);
        word("[");
        list(d->values);
        raw("]");
        break;
      }
      case NodeKind::ExternalData: {
        auto* e = n->as<ExternalDataNode>();
        word(e->keyword);
        params(e->params);
        schema(e->schema);
        word("[");
        list(e->uris);
        raw("]");
        if (e->has_with) {
          word("with (");
          list(e->with_props);
          raw(")");
        }
        break;
      }
      case NodeKind::Param: {
        auto* p = n->as<ParamNode>();
        word(p->name);
        if (p->has_equals) raw("=");
        if (p->has_equals) {
          size_t mark = out.size();
          node(p->value);
          if (out.size() > mark && out[mark] == ' ') out.erase(mark, 1);
        } else {
          node(p->value);
        }
        break;
      }
      case NodeKind::NameList: list(n->as<NameListNode>()->names); break;
      case NodeKind::FunctionParam: {
        auto* p = n->as<FunctionParamNode>();
        node(p->decl);
        if (p->default_value) {
          word("=");
          node(p->default_value);
        }
        break;
      }
      case NodeKind::FunctionBody: {
        auto* b = n->as<FunctionBodyNode>();
        word("{");
        for (const Node* s : b->statements) {
          node(s);
          raw(";");
        }
        node(b->expr);
        if (b->trailing_semicolon) raw(";");
        word("}");
        break;
      }
      case NodeKind::FunctionDecl: {
        auto* f = n->as<FunctionDeclNode>();
        if (f->is_view) word("view");
        word("(");
        list(f->params);
        raw(")");
        node(f->body);
        break;
      }
      case NodeKind::EntityGroup: {
        word("entity_group [");
        list(n->as<EntityGroupNode>()->items);
        raw("]");
        break;
      }
      case NodeKind::Pipe: {
        std::vector<const PipeNode*> pipes;
        const Node* source = n;
        while (auto* p = source->as<PipeNode>()) {
          pipes.push_back(p);
          source = p->source;
        }
        node(source);
        for (auto it = pipes.rbegin(); it != pipes.rend(); ++it) {
          word("|");
          node((*it)->op);
        }
        break;
      }
      case NodeKind::BadOperator: word(n->as<BadOperatorNode>()->text); break;
      case NodeKind::Where: {
        auto* w = n->as<WhereNode>();
        word(w->keyword);
        params(w->params);
        node(w->predicate);
        break;
      }
      case NodeKind::Extend: list_op("extend", n->as<ExtendNode>()->params, n->as<ExtendNode>()->items); break;
      case NodeKind::Project: list_op("project", n->as<ProjectNode>()->params, n->as<ProjectNode>()->items); break;
      case NodeKind::ProjectAway:
        list_op("project-away", n->as<ProjectAwayNode>()->params, n->as<ProjectAwayNode>()->items);
        break;
      case NodeKind::ProjectByNames:
        list_op("project-by-names", n->as<ProjectByNamesNode>()->params, n->as<ProjectByNamesNode>()->items);
        break;
      case NodeKind::InlineExternalTable: {
        auto* t = n->as<InlineExternalTableNode>();
        word("inline_external_table");
        if (!t->schema.empty()) schema(t->schema);
        params(t->params);
        if (!t->partitions.empty()) {
          word("partition by (");
          list(t->partitions);
          raw(")");
        }
        if (!t->path_format.empty()) {
          word("pathformat=");
          raw(t->path_format);
        }
        word("(");
        list(t->uris);
        raw(")");
        if (t->has_with) {
          word("with (");
          list(t->with_props);
          raw(")");
        }
        break;
      }
      case NodeKind::ProjectKeep:
        list_op("project-keep", n->as<ProjectKeepNode>()->params, n->as<ProjectKeepNode>()->items);
        break;
      case NodeKind::ProjectRename:
        list_op("project-rename", n->as<ProjectRenameNode>()->params, n->as<ProjectRenameNode>()->items);
        break;
      case NodeKind::ProjectReorder:
        list_op("project-reorder", n->as<ProjectReorderNode>()->params, n->as<ProjectReorderNode>()->items);
        break;
      case NodeKind::Distinct: list_op("distinct", n->as<DistinctNode>()->params, n->as<DistinctNode>()->items); break;
      case NodeKind::Serialize:
        list_op("serialize", n->as<SerializeNode>()->params, n->as<SerializeNode>()->items);
        break;
      case NodeKind::Print: list_op("print", n->as<PrintNode>()->params, n->as<PrintNode>()->items); break;
      case NodeKind::Union: list_op("union", n->as<UnionNode>()->params, n->as<UnionNode>()->items); break;
      case NodeKind::Summarize: {
        auto* s = n->as<SummarizeNode>();
        word("summarize");
        params(s->params);
        list(s->aggregates);
        if (s->has_by) {
          word("by");
          list(s->by);
        }
        node(s->bin_clause);
        break;
      }
      case NodeKind::Count: {
        word("count");
        if (auto* c = n->as<CountNode>(); c->as_name) {
          word("as");
          node(c->as_name);
        }
        break;
      }
      case NodeKind::Take: {
        auto* t = n->as<TakeNode>();
        word(t->keyword);
        params(t->params);
        node(t->count);
        break;
      }
      case NodeKind::Top: {
        auto* t = n->as<TopNode>();
        word("top");
        params(t->params);
        node(t->count);
        word("by");
        node(t->by);
        break;
      }
      case NodeKind::TopNested: list(n->as<TopNestedNode>()->clauses); break;
      case NodeKind::TopNestedClause: {
        auto* c = n->as<TopNestedClauseNode>();
        word("top-nested");
        node(c->count);
        word("of");
        node(c->of);
        if (c->others) {
          word("with others =");
          node(c->others);
        }
        word("by");
        node(c->by);
        break;
      }
      case NodeKind::TopHitters: {
        auto* t = n->as<TopHittersNode>();
        word("top-hitters");
        node(t->count);
        word("of");
        node(t->of);
        if (t->by) {
          word("by");
          node(t->by);
        }
        break;
      }
      case NodeKind::Sort: {
        auto* s = n->as<SortNode>();
        word(s->keyword);
        params(s->params);
        word("by");
        list(s->items);
        break;
      }
      case NodeKind::Join: {
        auto* j = n->as<JoinNode>();
        word("join");
        params(j->params);
        node(j->right);
        if (j->has_on) {
          word("on");
          list(j->on);
        }
        if (j->where) {
          word("where");
          node(j->where);
        }
        break;
      }
      case NodeKind::Lookup: {
        auto* l = n->as<LookupNode>();
        word("lookup");
        params(l->params);
        node(l->right);
        word("on");
        list(l->on);
        break;
      }
      case NodeKind::As: {
        auto* a = n->as<AsNode>();
        word("as");
        params(a->params);
        node(a->name);
        break;
      }
      case NodeKind::GetSchema: {
        word("getschema");
        node(n->as<GetSchemaNode>()->kind_param);
        break;
      }
      case NodeKind::MvItem: {
        auto* m = n->as<MvItemNode>();
        node(m->expr);
        if (m->to_type) {
          word("to");
          node(m->to_type);
        }
        break;
      }
      case NodeKind::MvExpand: {
        auto* m = n->as<MvExpandNode>();
        word(m->keyword);
        params(m->params);
        list(m->items);
        if (m->limit) {
          word("limit");
          node(m->limit);
        }
        break;
      }
      case NodeKind::MvApply: {
        auto* m = n->as<MvApplyNode>();
        word(m->keyword);
        params(m->params);
        list(m->items);
        if (m->limit) {
          word("limit");
          node(m->limit);
        }
        if (m->context_id) {
          word("id");
          node(m->context_id);
        }
        word("on (");
        node(m->subquery);
        raw(")");
        break;
      }
      case NodeKind::Parse: {
        auto* p = n->as<ParseNode>();
        word(p->is_where ? "parse-where" : "parse");
        params(p->params);
        node(p->source);
        word("with");
        for (const Node* part : p->pattern) node(part);
        break;
      }
      case NodeKind::ParseKv: {
        auto* p = n->as<ParseKvNode>();
        word("parse-kv");
        node(p->source);
        word("as");
        word("");
        schema(p->keys);
        if (p->has_with) {
          word("with (");
          list(p->with_props);
          raw(")");
        }
        break;
      }
      case NodeKind::MakeSeriesItem: {
        auto* m = n->as<MakeSeriesItemNode>();
        node(m->expr);
        if (m->default_value) {
          word("default =");
          node(m->default_value);
        }
        break;
      }
      case NodeKind::MakeSeries: {
        auto* m = n->as<MakeSeriesNode>();
        word("make-series");
        params(m->params);
        list(m->items);
        word("on");
        node(m->on);
        if (m->in_range) {
          word("in range(");
          list(m->range_args);
          raw(")");
        } else {
          if (m->from) {
            word("from");
            node(m->from);
          }
          if (m->to) {
            word("to");
            node(m->to);
          }
          word("step");
          node(m->step);
        }
        if (m->has_by) {
          word("by");
          list(m->by);
        }
        break;
      }
      case NodeKind::Sample: {
        auto* s = n->as<SampleNode>();
        word("sample");
        params(s->params);
        node(s->count);
        break;
      }
      case NodeKind::SampleDistinct: {
        auto* s = n->as<SampleDistinctNode>();
        word("sample-distinct");
        params(s->params);
        node(s->count);
        word("of");
        node(s->of);
        break;
      }
      case NodeKind::Search: {
        auto* s = n->as<SearchNode>();
        word("search");
        params(s->params);
        if (s->has_in) {
          word("in (");
          list(s->in_tables);
          raw(")");
        }
        node(s->predicate);
        break;
      }
      case NodeKind::Find: {
        auto* f = n->as<FindNode>();
        word("find");
        params(f->params);
        if (f->has_in) {
          word("in (");
          list(f->in_tables);
          raw(")");
        }
        if (f->has_where) word("where");
        node(f->predicate);
        if (!f->project_keyword.empty()) {
          word(f->project_keyword);
          list(f->project);
        }
        if (f->has_project_away) {
          word("__projectAway");
          list(f->project_away);
        }
        break;
      }
      case NodeKind::ForkProng: {
        auto* p = n->as<ForkProngNode>();
        if (p->name) {
          node(p->name);
          word("=");
        }
        word("(");
        node(p->expr);
        raw(")");
        break;
      }
      case NodeKind::Fork: {
        word("fork");
        for (const Node* p : n->as<ForkNode>()->prongs) node(p);
        break;
      }
      case NodeKind::Facet: {
        auto* f = n->as<FacetNode>();
        word("facet by");
        list(f->by);
        if (f->has_with) {
          word("with");
          if (f->with_parenthesized) word("(");
          node(f->with);
          if (f->with_parenthesized) raw(")");
        }
        break;
      }
      case NodeKind::Partition: {
        auto* p = n->as<PartitionNode>();
        word("partition");
        params(p->params);
        word("by");
        node(p->by);
        if (p->scope) {
          word("in");
          node(p->scope);
        }
        word(p->braced ? "{" : "(");
        node(p->operand);
        word(p->braced ? "}" : ")");
        break;
      }
      case NodeKind::PartitionBy: {
        auto* p = n->as<PartitionByNode>();
        word("partition-by");
        params(p->params);
        node(p->by);
        if (p->id) {
          word("id");
          node(p->id);
        }
        word("(");
        node(p->subquery);
        raw(")");
        break;
      }
      case NodeKind::ScanStep: {
        auto* s = n->as<ScanStepNode>();
        word("step");
        node(s->name);
        if (s->optional) word("optional");
        if (!s->output.empty()) {
          word("output =");
          word(s->output);
        }
        raw(":");
        node(s->condition);
        if (!s->assignments.empty()) {
          word("=>");
          list(s->assignments);
        }
        raw(";");
        break;
      }
      case NodeKind::Scan: {
        auto* s = n->as<ScanNode>();
        word("scan");
        params(s->params);
        if (s->has_order) {
          word("order by");
          list(s->order_by);
        }
        if (s->has_partition) {
          word("partition by");
          list(s->partition_by);
        }
        if (s->has_declare) {
          word("declare (");
          list(s->declare);
          raw(")");
        }
        word("with (");
        for (const Node* st : s->steps) node(st);
        raw(")");
        break;
      }
      case NodeKind::Reduce: {
        auto* r = n->as<ReduceNode>();
        word("reduce");
        params(r->params);
        word("by");
        node(r->by);
        if (r->has_with) {
          word("with");
          list(r->with_params);
        }
        break;
      }
      case NodeKind::Consume: {
        word("consume");
        params(n->as<ConsumeNode>()->params);
        break;
      }
      case NodeKind::Invoke: {
        word("invoke");
        node(n->as<InvokeNode>()->call);
        break;
      }
      case NodeKind::Render: {
        auto* r = n->as<RenderNode>();
        word("render");
        word(r->chart);
        params(r->legacy_params);
        if (r->has_with) {
          word("with (");
          list(r->with_props);
          raw(")");
        }
        break;
      }
      case NodeKind::Evaluate: {
        auto* e = n->as<EvaluateNode>();
        word("evaluate");
        params(e->params);
        node(e->call);
        if (e->has_schema) {
          word(":");
          word("");
          schema(e->schema);
        }
        break;
      }
      case NodeKind::Range: {
        auto* r = n->as<RangeNode>();
        word("range");
        node(r->name);
        word("from");
        node(r->from);
        word("to");
        node(r->to);
        word("step");
        node(r->step);
        break;
      }
      case NodeKind::ExecuteAndCache: word("__executeAndCache"); break;
      case NodeKind::AssertSchema: {
        word("assert-schema");
        word("");
        schema(n->as<AssertSchemaNode>()->schema);
        break;
      }
      case NodeKind::MacroExpand: {
        auto* m = n->as<MacroExpandNode>();
        word("macro-expand");
        params(m->params);
        node(m->entity_group);
        word("as");
        node(m->name);
        word("(");
        list(m->statements, "; ");
        raw(")");
        break;
      }
      case NodeKind::MakeGraph: {
        auto* g = n->as<MakeGraphNode>();
        word("make-graph");
        node(g->source);
        word(g->direction);
        node(g->target);
        params(g->params);
        if (g->has_with) {
          word("with");
          for (size_t i = 0; i < g->with_tables.size(); ++i) {
            if (i) raw(",");
            node(g->with_tables[i]);
            word("on");
            node(g->with_keys[i]);
          }
        }
        if (g->partitioned_by) {
          word("partitioned-by");
          node(g->partitioned_by);
          word("(");
          node(g->partition_query);
          raw(")");
        }
        break;
      }
      case NodeKind::GraphPattern: {
        auto* g = n->as<GraphPatternNode>();
        if (g->comma_before) raw(",");
        if (g->is_node) {
          word("(");
          node(g->name);
          raw(")");
        } else {
          word(g->open);
          node(g->name);
          if (g->range_low) {
            word("*");
            node(g->range_low);
            word("..");
            node(g->range_high);
          }
          if (!g->close.empty()) word(g->close);
        }
        break;
      }
      case NodeKind::GraphMatch:
      case NodeKind::GraphShortestPaths: {
        bool match = n->kind == NodeKind::GraphMatch;
        const ParamList& ps = match ? n->as<GraphMatchNode>()->params : n->as<GraphShortestPathsNode>()->params;
        const auto& pattern = match ? n->as<GraphMatchNode>()->pattern : n->as<GraphShortestPathsNode>()->pattern;
        const Node* where = match ? n->as<GraphMatchNode>()->where : n->as<GraphShortestPathsNode>()->where;
        bool has_project = match ? n->as<GraphMatchNode>()->has_project : n->as<GraphShortestPathsNode>()->has_project;
        const NodeList& project = match ? n->as<GraphMatchNode>()->project : n->as<GraphShortestPathsNode>()->project;
        word(match ? "graph-match" : "graph-shortest-paths");
        params(ps);
        for (const Node* p : pattern) node(p);
        if (where) {
          word("where");
          node(where);
        }
        if (has_project) {
          word("project");
          list(project);
        }
        break;
      }
      case NodeKind::GraphMerge: {
        auto* g = n->as<GraphMergeNode>();
        word("graph-merge");
        node(g->right);
        if (g->has_on) {
          word("on");
          list(g->on);
        }
        break;
      }
      case NodeKind::GraphToTable: {
        auto* g = n->as<GraphToTableNode>();
        word("graph-to-table");
        for (size_t i = 0; i < g->entities.size(); ++i) {
          if (i) raw(",");
          word(g->entities[i]);
        }
        if (g->as_name) {
          word("as");
          node(g->as_name);
        }
        params(g->params);
        break;
      }
      case NodeKind::GraphMarkComponents: {
        word("graph-mark-components");
        params(n->as<GraphMarkComponentsNode>()->params);
        break;
      }
      case NodeKind::LetStmt: {
        auto* l = n->as<LetStmtNode>();
        word("let");
        node(l->name);
        word("=");
        node(l->value);
        break;
      }
      case NodeKind::SetStmt: {
        auto* s = n->as<SetStmtNode>();
        word("set");
        node(s->name);
        if (s->value) {
          word("=");
          node(s->value);
        }
        break;
      }
      case NodeKind::QueryParametersStmt: {
        word("declare query_parameters(");
        list(n->as<QueryParametersStmtNode>()->params);
        raw(")");
        break;
      }
      case NodeKind::AliasStmt: {
        auto* a = n->as<AliasStmtNode>();
        word("alias database");
        node(a->name);
        word("=");
        node(a->value);
        break;
      }
      case NodeKind::RestrictStmt: {
        word("restrict access to (");
        list(n->as<RestrictStmtNode>()->items);
        raw(")");
        break;
      }
      case NodeKind::PatternStmt: {
        auto* p = n->as<PatternStmtNode>();
        word("declare pattern");
        node(p->name);
        if (p->has_declaration) {
          word("= (");
          list(p->params);
          raw(")");
          if (p->path_param) {
            word("[");
            node(p->path_param);
            raw("]");
          }
          word("{");
          for (const auto& m : p->matches) {
            word("(");
            list(m.values);
            raw(")");
            if (m.path_value) {
              raw(".[");
              node(m.path_value);
              raw("]");
            }
            word("=");
            node(m.body);
            raw(";");
          }
          word("}");
        }
        break;
      }
      case NodeKind::ExprStmt: node(n->as<ExprStmtNode>()->expr); break;
      case NodeKind::QueryBlock: {
        bool first = true;
        for (const Node* s : n->as<QueryBlockNode>()->statements) {
          if (!first) raw(";\n");
          first = false;
          node(s);
        }
        break;
      }
      case NodeKind::Command: raw(n->as<CommandNode>()->text); break;
    }
  }

  void list_op(std::string_view keyword, const ParamList& ps, const NodeList& items) {
    word(keyword);
    params(ps);
    list(items);
  }

 private:
  bool tree_;
};

}  // namespace

std::string print(const Node* node, PrintMode mode) {
  Printer p(mode);
  p.node(node);
  return p.out;
}

}  // namespace huntdb::kql
