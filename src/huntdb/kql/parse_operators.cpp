// Tabular operators: the word after '|' (or at the start of a pipeline) decides which.
#include "huntdb/kql/parser_internal.h"

namespace huntdb::kql::detail {

namespace {

const ParamSpecs kNoParams = {};
const ParamSpecs kAsParams = {{"hint.materialized"}};
const ParamSpecs kConsumeParams = {{"decodeblocks"}};
const ParamSpecs kDistinctParams = {{"hint.shufflekey", ParamValue::Column},
                                    {"hint.strategy", ParamValue::Word},
                                    {"hint.num_partitions"}};
const ParamSpecs kEvaluateParams = {{"hint.distribution", ParamValue::Word}, {"hint.remote", ParamValue::Word}};
const ParamSpecs kFindParams = {{"withsource", ParamValue::Name}, {"with_source", ParamValue::Name}};
const ParamSpecs kJoinParams = {{"kind", ParamValue::Word},
                                {"hint.remote", ParamValue::Word},
                                {"hint.shufflekey", ParamValue::Column},
                                {"hint.strategy", ParamValue::Word},
                                {"hint.num_partitions"}};
const ParamSpecs kLookupParams = {{"kind", ParamValue::Word}};
const ParamSpecs kMakeSeriesParams = {{"hint.shufflekey", ParamValue::Column}, {"kind", ParamValue::Word}};
const ParamSpecs kMvApplyParams = {{"with_itemindex", ParamValue::Name}};
const ParamSpecs kMvExpandParams = {{"kind", ParamValue::Word},
                                    {"bagexpansion", ParamValue::Word},
                                    {"with_itemindex", ParamValue::Name}};
const ParamSpecs kParseParams = {{"kind", ParamValue::Word}, {"flags", ParamValue::Word}};
const ParamSpecs kParseKvWith = {{"pair_delimiter"}, {"kv_delimiter"}, {"regex"},
                                 {"quote"},          {"escape"},       {"greedy"}};
const ParamSpecs kPartitionParams = {{"hint.concurrency", ParamValue::Word},
                                     {"hint.spread", ParamValue::Word},
                                     {"hint.materialized"},
                                     {"hint.shufflekey", ParamValue::Column},
                                     {"hint.strategy", ParamValue::Word}};
const ParamSpecs kReduceParams = {{"kind", ParamValue::Word}};
const ParamSpecs kReduceWith = {{"threshold"}, {"characters"}};
const ParamSpecs kScanParams = {{"kind", ParamValue::Word}, {"with_match_id", ParamValue::Name}};
const ParamSpecs kSearchParams = {{"kind", ParamValue::Word}};
const ParamSpecs kSortParams = {{"hint.strategy", ParamValue::Word}};
const ParamSpecs kSummarizeParams = {{"hint.shufflekey", ParamValue::Column},
                                     {"hint.strategy", ParamValue::Word},
                                     {"hint.num_partitions"}};
const ParamSpecs kTopParams = {{"hint.progressive_top"}};
const ParamSpecs kUnionParams = {{"kind", ParamValue::Word},       {"withsource", ParamValue::Name},
                                 {"with_source", ParamValue::Name}, {"isfuzzy"},
                                 {"__isFuzzy"},                     {"best_effort"},
                                 {"hint.concurrency", ParamValue::Word}, {"hint.spread", ParamValue::Word}};
const ParamSpecs kRenderWith = {
    {"kind", ParamValue::Word},         {"title", ParamValue::String},      {"accumulate"},
    {"xcolumn", ParamValue::Column},    {"ycolumns", ParamValue::ColumnList}, {"anomalycolumns", ParamValue::ColumnList},
    {"series", ParamValue::ColumnList}, {"xtitle", ParamValue::String},     {"ytitle", ParamValue::String},
    {"xaxis", ParamValue::Word},        {"yaxis", ParamValue::Word},        {"legend", ParamValue::Word},
    {"ysplit", ParamValue::Word},       {"ymin", ParamValue::Real},         {"ymax", ParamValue::Real},
    {"xmin"},                           {"xmax"},
};
const ParamSpecs kGraphMatchParams = {{"cycles", ParamValue::Word}};
const ParamSpecs kMakeGraphParams = {{"with_node_id", ParamValue::Name}, {"hint.strategy", ParamValue::Word}};
const ParamSpecs kGraphToTableParams = {{"with_source_id", ParamValue::Name},
                                        {"with_target_id", ParamValue::Name},
                                        {"with_node_id", ParamValue::Name}};
const ParamSpecs kGraphMarkParams = {{"kind", ParamValue::Word}, {"with_component_id", ParamValue::Name}};
const ParamSpecs kGraphShortestParams = {{"output", ParamValue::Word}};

}  // namespace

// Each operator parser is entered with the keyword as the current token.
class OperatorParser {
 public:
  explicit OperatorParser(Parser& p) : p(p) {}
  Parser& p;

  template <typename T>
  T* start() {
    uint32_t b = p.begin_of_next();
    p.take();
    return p.make<T>(b);
  }

  NodeList named_list(bool one_or_more) {
    return p.comma_list([&] { return p.parse_named_expression(); }, [&] { return p.missing_expression(); },
                        [&] { return p.at_common_list_end(); }, one_or_more);
  }

  Node* required(Node* n) { return n ? n : p.missing_expression(); }

  Node* where() {
    auto* w = p.arena_make<WhereNode>();
    w->keyword = p.text(p.take());
    w->params = p.parse_params(kNoParams, true);
    w->predicate = required(p.parse_named_expression());
    return p.finish(w);
  }

  template <typename T>
  Node* list_operator(bool one_or_more) {
    auto* op = start<T>();
    op->items = named_list(one_or_more);
    return p.finish(op);
  }

  Node* project_names(Node* op, NodeList& items, bool reorder) {
    items = p.comma_list(
        [&]() -> Node* {
          Node* n = p.parse_wildcarded_name();
          if (!n) n = p.parse_name();
          if (n && reorder) {
            const Token& t = p.peek();
            if (t.is(Keyword::Asc) || t.is(Keyword::Desc) || t.is(Keyword::GrannyAsc) || t.is(Keyword::GrannyDesc)) {
              auto* ord = p.arena_make_at<OrderedNode>(n->span.begin);
              ord->expr = n;
              ord->direction = p.text(p.take());
              return p.finish(ord);
            }
          }
          return n;
        },
        [&] { return p.missing_expression(); }, [&] { return p.at_common_list_end(); }, false);
    return p.finish(op);
  }

  Node* summarize() {
    auto* s = start<SummarizeNode>();
    s->params = p.parse_params(kSummarizeParams, true);
    s->aggregates = p.comma_list([&] { return p.parse_named_expression(); }, [&] { return p.missing_expression(); },
                                 [&] { return p.at_kw(Keyword::By) || p.at_common_list_end(); }, false);
    if (p.accept_kw(Keyword::By)) {
      s->has_by = true;
      s->by = p.comma_list([&] { return p.parse_named_expression(); }, [&] { return p.missing_expression(); },
                           [&] {
                             return (p.at_kw(Keyword::Bin) && p.at(TokenKind::Equal, 1)) || p.at_common_list_end();
                           },
                           true);
      if (p.at_kw(Keyword::Bin) && p.at(TokenKind::Equal, 1)) {
        auto* named = p.arena_make<SimpleNamedNode>();
        named->name = p.name_from_token(p.take());
        p.take();
        named->value = required(p.parse_unnamed_expression());
        s->bin_clause = p.finish(named);
      }
    }
    return p.finish(s);
  }

  Node* count() {
    auto* c = start<CountNode>();
    if (p.accept_kw(Keyword::As)) {
      if (p.at(TokenKind::Identifier) && p.peek().kw == Keyword::None) {
        c->as_name = p.name_from_token(p.take());
      } else {
        p.error_here("Expected: name");
      }
    }
    return p.finish(c);
  }

  Node* take_op() {
    auto* t = p.arena_make<TakeNode>();
    t->keyword = p.text(p.take());
    t->params = p.parse_params(kNoParams, true);
    t->count = required(p.parse_named_expression());
    return p.finish(t);
  }

  Node* top() {
    auto* t = start<TopNode>();
    t->params = p.parse_params(kTopParams, true);
    t->count = required(p.parse_named_expression());
    p.expect_kw(Keyword::By);
    t->by = required(p.parse_ordered_expression());
    return p.finish(t);
  }

  Node* top_nested() {
    auto* tn = p.arena_make<TopNestedNode>();
    NodeList clauses = p.comma_list(
        [&]() -> Node* {
          if (!p.at_kw(Keyword::TopNested)) return nullptr;
          auto* c = start<TopNestedClauseNode>();
          if (!p.at_kw(Keyword::Of)) c->count = p.parse_named_expression();
          p.expect_kw(Keyword::Of);
          c->of = required(p.parse_named_expression());
          if (p.accept_kw(Keyword::With)) {
            p.expect_kw(Keyword::Others);
            p.expect(TokenKind::Equal);
            c->others = p.parse_literal();
            if (!c->others) c->others = required(p.parse_unnamed_expression());
          }
          p.expect_kw(Keyword::By);
          c->by = required(p.parse_ordered_expression());
          return p.finish(c);
        },
        [&] { return p.missing("Missing clause"); }, [&] { return p.at_common_list_end(); }, true);
    for (Node* c : clauses)
      if (auto* tc = c->as<TopNestedClauseNode>()) tn->clauses.push_back(tc);
    return p.finish(tn);
  }

  Node* top_hitters() {
    auto* t = start<TopHittersNode>();
    t->count = required(p.parse_named_expression());
    p.expect_kw(Keyword::Of);
    t->of = required(p.parse_named_expression());
    if (p.accept_kw(Keyword::By)) t->by = required(p.parse_named_expression());
    return p.finish(t);
  }

  Node* sort() {
    auto* s = p.arena_make<SortNode>();
    s->keyword = p.text(p.take());
    s->params = p.parse_params(kSortParams, false);
    p.expect_kw(Keyword::By);
    s->items = p.comma_list([&] { return p.parse_ordered_expression(); }, [&] { return p.missing_expression(); },
                            [&] { return p.at_common_list_end(); }, true);
    return p.finish(s);
  }

  Node* distinct() {
    auto* d = start<DistinctNode>();
    d->params = p.parse_params(kDistinctParams, true);
    d->items = p.comma_list(
        [&]() -> Node* {
          if (p.at(TokenKind::Star)) return p.arena_make_token<StarNode>();
          return p.parse_named_expression();
        },
        [&] { return p.missing_expression(); }, [&] { return p.at_common_list_end(); }, true);
    return p.finish(d);
  }

  Node* union_op() {
    auto* u = start<UnionNode>();
    u->params = p.parse_params(kUnionParams, true);
    u->items = p.comma_list([&] { return p.parse_union_operand(); }, [&] { return p.missing_expression(); },
                            [&] { return p.at_common_list_end(); }, true);
    return p.finish(u);
  }

  NodeList join_on_list() {
    return p.comma_list([&] { return p.parse_unnamed_expression(); }, [&] { return p.missing_expression(); },
                        NoEnd{}, true);
  }

  Node* join() {
    auto* j = start<JoinNode>();
    j->params = p.parse_params(kJoinParams, true);
    j->right = required(p.parse_unnamed_expression());
    if (p.accept_kw(Keyword::On)) {
      j->has_on = true;
      j->on = join_on_list();
    } else if (p.accept_kw(Keyword::Where)) {
      j->where = required(p.parse_unnamed_expression());
    }
    return p.finish(j);
  }

  Node* lookup() {
    auto* l = start<LookupNode>();
    l->params = p.parse_params(kLookupParams, true);
    l->right = required(p.parse_unnamed_expression());
    if (p.accept_kw(Keyword::On)) {
      l->on = join_on_list();
    } else {
      p.error_here("Missing join on clause");
    }
    return p.finish(l);
  }

  Node* as_op() {
    auto* a = start<AsNode>();
    a->params = p.parse_params(kAsParams, true);
    a->name = p.parse_name();
    if (!a->name) a->name = p.missing_name();
    return p.finish(a);
  }

  Node* getschema() {
    auto* g = start<GetSchemaNode>();
    if (p.at_kw(Keyword::Kind) && p.at(TokenKind::Equal, 1))
      g->kind_param = p.parse_param_with(ParamSpec{"kind", ParamValue::Word});
    return p.finish(g);
  }

  TypeOfNode* to_type_of() {
    // `to typeof(...)` after an mv-expand / mv-apply expression
    p.take();  // to
    TypeOfNode* t = p.parse_type_of();
    if (!t) {
      p.error_here("Missing typeof literal");
      t = p.arena_make<TypeOfNode>();
    }
    return t;
  }

  Node* mv_item() {
    uint32_t b = p.begin_of_next();
    if (p.at_kw(Keyword::To)) {
      auto* item = p.arena_make_at<MvItemNode>(b);
      item->expr = p.missing_expression();
      item->to_type = to_type_of();
      return p.finish(item);
    }
    Node* e = p.parse_named_expression();
    if (!e) return nullptr;
    auto* item = p.arena_make_at<MvItemNode>(b);
    item->expr = e;
    if (p.at_kw(Keyword::To)) item->to_type = to_type_of();
    return p.finish(item);
  }

  void mv_items(std::vector<MvItemNode*>& out, std::initializer_list<Keyword> ends) {
    auto at_end = [&] {
      for (Keyword k : ends)
        if (p.at_kw(k)) return true;
      return p.at_common_list_end();
    };
    NodeList items = p.comma_list([&] { return mv_item(); },
                                  [&]() -> Node* {
                                    auto* item = p.arena_make<MvItemNode>();
                                    item->expr = p.missing_expression();
                                    return item;
                                  },
                                  at_end, true);
    for (Node* n : items) out.push_back(static_cast<MvItemNode*>(n));
  }

  Node* mv_expand() {
    auto* m = p.arena_make<MvExpandNode>();
    m->keyword = p.text(p.take());
    m->params = p.parse_params(kMvExpandParams, true);
    mv_items(m->items, {Keyword::Limit});
    if (p.accept_kw(Keyword::Limit)) m->limit = required(p.parse_unnamed_expression());
    return p.finish(m);
  }

  Node* mv_apply() {
    auto* m = p.arena_make<MvApplyNode>();
    m->keyword = p.text(p.take());
    m->params = p.parse_params(kMvApplyParams, true);
    mv_items(m->items, {Keyword::Limit, Keyword::Id, Keyword::On});
    if (p.accept_kw(Keyword::Limit)) m->limit = required(p.parse_unnamed_expression());
    if (p.accept_kw(Keyword::Id)) m->context_id = required(p.parse_unnamed_expression());
    p.expect_kw(Keyword::On);
    if (p.accept(TokenKind::LParen)) {
      m->subquery = required(p.parse_expression());
      p.expect(TokenKind::RParen);
    } else {
      p.error_here("Expected: (");
      m->subquery = p.arena_make<MissingNode>();
    }
    return p.finish(m);
  }

  Node* parse_op(bool is_where) {
    auto* op = start<ParseNode>();
    op->is_where = is_where;
    op->params = p.parse_params(kParseParams, true);
    op->source = required(p.parse_unnamed_expression());
    p.expect_kw(Keyword::With);
    while (true) {
      Node* part = nullptr;
      if (p.at(TokenKind::Star)) {
        part = p.arena_make_token<StarNode>();
      } else if (p.at(TokenKind::String)) {
        part = p.parse_string_literal();
      } else if (p.at(TokenKind::Colon)) {
        uint32_t b = p.begin_of_next();
        auto* nt = p.arena_make_at<NameAndTypeNode>(b);
        p.error_here("Missing name");
        p.take();
        nt->type = p.parse_primitive_type(true);
        if (!nt->type) nt->type = p.missing("Missing type");
        part = p.finish(nt);
      } else if (NameNode* name = p.parse_extended_name()) {
        if (p.at(TokenKind::Colon)) {
          auto* nt = p.arena_make_at<NameAndTypeNode>(name->span.begin);
          nt->name = name;
          p.take();
          nt->type = p.parse_primitive_type(true);
          if (!nt->type) nt->type = p.missing("Missing type");
          part = p.finish(nt);
        } else {
          part = name;
        }
      }
      if (!part) break;
      op->pattern.push_back(part);
    }
    return p.finish(op);
  }

  Node* parse_kv() {
    auto* op = start<ParseKvNode>();
    op->source = required(p.parse_unnamed_expression());
    p.expect_kw(Keyword::As);
    if (!p.parse_row_schema(op->keys)) p.error_here("Missing schema declaration");
    if (p.accept_kw(Keyword::With)) {
      op->has_with = true;
      p.expect(TokenKind::LParen);
      op->with_props = p.parse_param_comma_list(kParseKvWith, true);
      p.expect(TokenKind::RParen);
    }
    return p.finish(op);
  }

  Node* make_series() {
    auto* ms = start<MakeSeriesNode>();
    ms->params = p.parse_params(kMakeSeriesParams, true);
    NodeList items = p.comma_list(
        [&]() -> Node* {
          Node* e = p.parse_named_expression();
          if (!e) return nullptr;
          auto* item = p.arena_make_at<MakeSeriesItemNode>(e->span.begin);
          item->expr = e;
          if (p.accept_kw(Keyword::Default)) {
            p.expect(TokenKind::Equal);
            item->default_value = required(p.parse_named_expression());
          }
          return p.finish(item);
        },
        [&]() -> Node* {
          auto* item = p.arena_make<MakeSeriesItemNode>();
          item->expr = p.missing_expression();
          return item;
        },
        [&] { return p.at_kw(Keyword::On) || p.at_kw(Keyword::From) || p.at_kw(Keyword::In) || p.at_common_list_end(); },
        true);
    for (Node* n : items) ms->items.push_back(static_cast<MakeSeriesItemNode*>(n));
    p.expect_kw(Keyword::On);
    ms->on = required(p.parse_named_expression());
    if (p.at_kw(Keyword::From) || p.at_kw(Keyword::To) || p.at_kw(Keyword::Step)) {
      if (p.accept_kw(Keyword::From)) ms->from = required(p.parse_unnamed_expression());
      if (p.accept_kw(Keyword::To)) ms->to = required(p.parse_unnamed_expression());
      p.expect_kw(Keyword::Step);
      ms->step = required(p.parse_unnamed_expression());
    } else {
      ms->in_range = true;
      p.expect_kw(Keyword::In);
      p.expect_kw(Keyword::Range);
      p.expect(TokenKind::LParen);
      ms->range_args = p.comma_list([&] { return p.parse_named_expression(); }, [&] { return p.missing_expression(); },
                                    [&] { return p.at_common_list_end(); }, false);
      p.expect(TokenKind::RParen);
    }
    if (p.accept_kw(Keyword::By)) {
      ms->has_by = true;
      ms->by = p.comma_list([&] { return p.parse_named_expression(); }, [&] { return p.missing_expression(); },
                            NoEnd{}, true);
    }
    return p.finish(ms);
  }

  Node* sample() {
    auto* s = start<SampleNode>();
    s->params = p.parse_params(kNoParams, true);
    s->count = required(p.parse_named_expression());
    return p.finish(s);
  }

  Node* sample_distinct() {
    auto* s = start<SampleDistinctNode>();
    s->params = p.parse_params(kNoParams, true);
    s->count = required(p.parse_named_expression());
    p.expect_kw(Keyword::Of);
    s->of = required(p.parse_named_expression());
    return p.finish(s);
  }

  bool in_clause(NodeList& out) {
    if (!p.accept_kw(Keyword::In)) return false;
    p.expect(TokenKind::LParen);
    out = p.comma_list([&] { return p.parse_find_operand(); }, [&] { return p.missing_expression(); },
                       [&] { return p.at_common_list_end(); }, true);
    p.expect(TokenKind::RParen);
    return true;
  }

  Node* search() {
    auto* s = start<SearchNode>();
    s->params = p.parse_params(kSearchParams, true);
    s->has_in = in_clause(s->in_tables);
    Node* pred = p.parse_unnamed_expression();
    if (!pred && p.at(TokenKind::Star)) {
      pred = p.arena_make_token<StarNode>();
      if (p.at_kw(Keyword::And)) {
        auto* bin = p.arena_make_at<BinaryNode>(pred->span.begin);
        bin->op = BinaryOp::And;
        bin->op_text = p.text(p.take());
        bin->lhs = pred;
        bin->rhs = required(p.parse_unnamed_expression());
        pred = p.finish(bin);
      }
    }
    s->predicate = required(pred);
    return p.finish(s);
  }

  Node* find() {
    auto* f = start<FindNode>();
    f->params = p.parse_params(kFindParams, false);
    f->has_in = in_clause(f->in_tables);
    if (!f->params.empty() || f->has_in) {
      p.expect_kw(Keyword::Where);
      f->has_where = true;
    } else {
      f->has_where = p.accept_kw(Keyword::Where);
    }
    f->predicate = required(p.parse_unnamed_expression());
    auto column = [&]() -> Node* {
      if (p.at_kw(Keyword::Pack) && p.at(TokenKind::LParen, 1)) {
        uint32_t b = p.begin_of_next();
        auto* call = p.arena_make_at<CallNode>(b);
        call->name = p.name_from_token(p.take());
        p.expect(TokenKind::LParen);
        if (p.at(TokenKind::Star)) {
          call->args.push_back(p.arena_make_token<StarNode>());
        } else {
          p.error_here("Expected: *");
        }
        p.expect(TokenKind::RParen);
        return p.finish(call);
      }
      if (p.at(TokenKind::Star)) return p.arena_make_token<StarNode>();
      NameNode* name = p.parse_name();
      if (name && p.at(TokenKind::Colon)) {
        auto* tc = p.arena_make_at<TypedColumnNode>(name->span.begin);
        tc->name = name;
        p.take();
        tc->type = p.parse_primitive_type(true);
        if (!tc->type) tc->type = p.missing("Missing type");
        return p.finish(tc);
      }
      return name;
    };
    if (p.at_kw(Keyword::Project)) {
      f->project_keyword = p.text(p.take());
      f->project = p.comma_list(column, [&] { return p.missing_expression(); }, NoEnd{}, true);
    } else if (p.at_kw(Keyword::ProjectSmart)) {
      f->project_keyword = p.text(p.take());
    }
    if (p.accept_kw(Keyword::ProjectAwayInternal)) {
      f->has_project_away = true;
      f->project_away = p.comma_list(column, [&] { return p.missing_expression(); }, NoEnd{}, true);
    }
    return p.finish(f);
  }

  Node* fork() {
    auto* f = start<ForkNode>();
    while (true) {
      uint32_t b = p.begin_of_next();
      NameNode* name = nullptr;
      int n = p.scan_name();
      if (n > 0 && p.at(TokenKind::Equal, n)) {
        name = p.parse_name();
        p.take();
      } else if (!p.at(TokenKind::LParen)) {
        break;
      }
      auto* prong = p.arena_make_at<ForkProngNode>(b);
      prong->name = name;
      p.expect(TokenKind::LParen);
      prong->expr = required(p.parse_expression());
      p.expect(TokenKind::RParen);
      f->prongs.push_back(p.finish(prong));
    }
    if (f->prongs.empty()) p.error_here("Expected: (");
    return p.finish(f);
  }

  Node* facet() {
    auto* f = start<FacetNode>();
    p.expect_kw(Keyword::By);
    f->by = p.comma_list([&] { return p.parse_entity_path(); }, [&] { return static_cast<Node*>(p.missing_name()); },
                         [&] { return p.at_kw(Keyword::With) || p.at_common_list_end(); }, true);
    if (p.accept_kw(Keyword::With)) {
      f->has_with = true;
      if (p.accept(TokenKind::LParen)) {
        f->with_parenthesized = true;
        f->with = p.parse_expression();
        if (!f->with) f->with = p.missing("Query operator expected.");
        p.expect(TokenKind::RParen);
      } else {
        f->with = p.parse_query_operator();
        if (!f->with) f->with = p.missing("Query operator expected.");
      }
    }
    return p.finish(f);
  }

  Node* partition() {
    auto* pt = start<PartitionNode>();
    pt->params = p.parse_params(kPartitionParams, false);
    p.expect_kw(Keyword::By);
    pt->by = p.parse_entity_path();
    if (!pt->by) pt->by = p.missing_name();
    if (p.accept_kw(Keyword::In)) {
      pt->scope = p.parse_call();
      if (!pt->scope) pt->scope = p.parse_dynamic();
      if (!pt->scope) pt->scope = p.missing_expression();
    }
    if (p.accept(TokenKind::LBrace)) {
      pt->braced = true;
      pt->operand = required(p.parse_expression());
      p.expect(TokenKind::RBrace);
    } else if (p.accept(TokenKind::LParen)) {
      pt->operand = required(p.parse_expression());
      p.expect(TokenKind::RParen);
    } else {
      p.error_here("Expected: (");
      pt->operand = p.arena_make<MissingNode>();
    }
    return p.finish(pt);
  }

  Node* partition_by() {
    auto* pt = start<PartitionByNode>();
    pt->params = p.parse_params(kPartitionParams, false);
    pt->by = p.parse_entity_path();
    if (!pt->by) pt->by = p.missing_name();
    if (p.accept_kw(Keyword::Id)) {
      pt->id = p.parse_literal();
      if (!pt->id) pt->id = p.missing("Missing value");
    }
    p.expect(TokenKind::LParen);
    pt->subquery = required(p.parse_expression());
    p.expect(TokenKind::RParen);
    return p.finish(pt);
  }

  Node* scan() {
    auto* s = start<ScanNode>();
    s->params = p.parse_params(kScanParams, false);
    auto at_scan_end = [&] {
      return p.at_kw(Keyword::Partition) || p.at_kw(Keyword::Order) || p.at_kw(Keyword::By) ||
             p.at_kw(Keyword::Declare) || p.at_kw(Keyword::With) || p.at_common_list_end();
    };
    if (p.accept_kw(Keyword::Order)) {
      s->has_order = true;
      p.expect_kw(Keyword::By);
      s->order_by = p.comma_list([&] { return p.parse_ordered_expression(); }, [&] { return p.missing_expression(); },
                                 at_scan_end, true);
    }
    if (p.accept_kw(Keyword::Partition)) {
      s->has_partition = true;
      p.expect_kw(Keyword::By);
      s->partition_by = p.comma_list([&] { return p.parse_unnamed_expression(); },
                                     [&] { return p.missing_expression(); }, at_scan_end, true);
    }
    if (p.accept_kw(Keyword::Declare)) {
      s->has_declare = true;
      p.expect(TokenKind::LParen);
      NodeList decls = p.comma_list([&]() -> Node* { return p.parse_function_param(); },
                                    [&]() -> Node* {
                                      p.error_here("Missing parameter");
                                      return p.arena_make<FunctionParamNode>();
                                    },
                                    [&] { return p.at_common_list_end(); }, false);
      for (Node* d : decls) s->declare.push_back(static_cast<FunctionParamNode*>(d));
      p.expect(TokenKind::RParen);
    }
    p.expect_kw(Keyword::With);
    p.expect(TokenKind::LParen);
    while (p.at_kw(Keyword::Step)) {
      auto* st = start<ScanStepNode>();
      st->name = p.parse_extended_name();
      if (!st->name) st->name = p.missing_name();
      if (p.accept_kw(Keyword::Optional)) st->optional = true;
      if (p.accept_kw(Keyword::Output)) {
        p.expect(TokenKind::Equal);
        if (p.text_at() == "all" || p.text_at() == "last" || p.text_at() == "none") {
          st->output = p.text(p.take());
        } else {
          p.error_here("Expected: all, last, none");
        }
      }
      p.expect(TokenKind::Colon);
      st->condition = required(p.parse_unnamed_expression());
      if (p.accept(TokenKind::FatArrow)) {
        st->assignments = p.comma_list(
            [&]() -> Node* {
              uint32_t b = p.begin_of_next();
              NameNode* name = p.parse_extended_name();
              if (!name) return nullptr;
              auto* named = p.arena_make_at<SimpleNamedNode>(b);
              named->name = name;
              p.expect(TokenKind::Equal);
              named->value = required(p.parse_unnamed_expression());
              return p.finish(named);
            },
            [&] { return p.missing_expression(); }, [&] { return p.at_common_list_end(); }, true);
      }
      p.expect(TokenKind::Semicolon);
      s->steps.push_back(p.finish(st));
    }
    p.expect(TokenKind::RParen);
    return p.finish(s);
  }

  Node* reduce() {
    auto* r = start<ReduceNode>();
    r->params = p.parse_params(kReduceParams, false);
    p.expect_kw(Keyword::By);
    r->by = required(p.parse_named_expression());
    if (p.accept_kw(Keyword::With)) {
      r->has_with = true;
      r->with_params = p.parse_param_comma_list(kReduceWith, false);
    }
    return p.finish(r);
  }

  Node* consume() {
    auto* c = start<ConsumeNode>();
    c->params = p.parse_params(kConsumeParams, false);
    return p.finish(c);
  }

  Node* invoke() {
    auto* i = start<InvokeNode>();
    i->call = p.parse_dot_composite_call();
    if (!i->call) i->call = p.missing_expression();
    return p.finish(i);
  }

  Node* render() {
    auto* r = start<RenderNode>();
    if (p.at(TokenKind::Identifier)) {
      r->chart = p.text(p.take());
    } else {
      p.error_here("Expected: chart type");
    }
    // Legacy properties written without `with (...)`: kind=..., title=..., accumulate=..., with "x", by a, b
    while (true) {
      if ((p.at_kw(Keyword::Kind) || p.at_kw(Keyword::Title) || p.at_kw(Keyword::Accumulate)) &&
          p.at(TokenKind::Equal, 1)) {
        std::string_view name = p.text_at();
        ParamValue v = name == "title" ? ParamValue::String : name == "kind" ? ParamValue::Word : ParamValue::Any;
        r->legacy_params.push_back(p.parse_param_with(ParamSpec{name, v}));
      } else if (p.at_kw(Keyword::With) && !p.at(TokenKind::LParen, 1)) {
        r->legacy_params.push_back(p.parse_param_with(ParamSpec{"with", ParamValue::Any, true}));
      } else if (p.at_kw(Keyword::By)) {
        r->legacy_params.push_back(p.parse_param_with(ParamSpec{"by", ParamValue::ColumnList, true}));
      } else {
        break;
      }
    }
    if (p.accept_kw(Keyword::With)) {
      r->has_with = true;
      p.expect(TokenKind::LParen);
      r->with_props = p.parse_param_comma_list(kRenderWith, true);
      p.expect(TokenKind::RParen);
    }
    return p.finish(r);
  }

  Node* evaluate() {
    auto* e = start<EvaluateNode>();
    e->params = p.parse_params(kEvaluateParams, false);
    e->call = p.parse_required_call();
    if (p.accept(TokenKind::Colon)) {
      e->has_schema = true;
      if (!p.parse_row_schema(e->schema)) p.error_here("Missing schema declaration");
    }
    return p.finish(e);
  }

  Node* range() {
    auto* r = start<RangeNode>();
    r->name = p.parse_name();
    if (!r->name) r->name = p.missing_name();
    p.expect_kw(Keyword::From);
    r->from = required(p.parse_unnamed_expression());
    p.expect_kw(Keyword::To);
    r->to = required(p.parse_unnamed_expression());
    p.expect_kw(Keyword::Step);
    r->step = required(p.parse_unnamed_expression());
    return p.finish(r);
  }

  Node* print() {
    auto* op = start<PrintNode>();
    op->items = named_list(true);
    return p.finish(op);
  }

  Node* serialize() {
    auto* op = start<SerializeNode>();
    op->params = p.parse_params(kNoParams, true);
    op->items = named_list(false);
    return p.finish(op);
  }

  Node* assert_schema() {
    auto* a = start<AssertSchemaNode>();
    if (!p.parse_row_schema(a->schema)) p.error_here("Missing schema declaration");
    return p.finish(a);
  }

  Node* macro_expand() {
    auto* m = start<MacroExpandNode>();
    m->params = p.parse_params(kUnionParams, true);
    if (p.at_kw(Keyword::EntityGroup)) {
      auto* eg = start<EntityGroupNode>();
      p.expect(TokenKind::LBracket);
      eg->items = p.comma_list([&] { return p.parse_unnamed_expression(); }, [&] { return p.missing_expression(); },
                               [&] { return p.at_common_list_end(); }, true);
      p.expect(TokenKind::RBracket);
      m->entity_group = p.finish(eg);
    } else {
      m->entity_group = required(p.parse_unnamed_expression());
    }
    p.expect_kw(Keyword::As);
    m->name = p.parse_name();
    if (!m->name) m->name = p.missing_name();
    p.expect(TokenKind::LParen);
    while (Node* s = p.parse_statement()) {
      m->statements.push_back(s);
      if (!p.accept(TokenKind::Semicolon)) break;
    }
    p.expect(TokenKind::RParen);
    return p.finish(m);
  }

  // --- graph operators

  GraphPatternNode* graph_pattern_element() {
    uint32_t b = p.begin_of_next();
    if (p.at(TokenKind::LParen)) {
      p.take();
      auto* n = p.arena_make_at<GraphPatternNode>(b);
      n->is_node = true;
      n->name = p.parse_name();
      p.expect(TokenKind::RParen);
      return p.finish(n);
    }
    for (std::string_view t : {"-->", "<--", "--"}) {
      if (int len = p.scan_text(t); len > 0) {
        auto* n = p.arena_make_at<GraphPatternNode>(b);
        n->is_node = false;
        n->open = p.take_text(len);
        return p.finish(n);
      }
    }
    for (std::string_view t : {"-[", "<-["}) {
      if (int len = p.scan_text(t); len > 0) {
        auto* n = p.arena_make_at<GraphPatternNode>(b);
        n->is_node = false;
        n->open = p.take_text(len);
        n->name = p.parse_name();
        if (p.accept(TokenKind::Star)) {
          n->range_low = p.parse_unary();
          if (!n->range_low) n->range_low = p.missing("Missing value");
          p.expect(TokenKind::DotDot);
          n->range_high = required(p.parse_unary());
        }
        bool closed = false;
        for (std::string_view c : {"]->", "]-"}) {
          if (int cl = p.scan_text(c); cl > 0) {
            n->close = p.take_text(cl);
            closed = true;
            break;
          }
        }
        if (!closed) p.error_here("Expected: ]-> or ]-");
        return p.finish(n);
      }
    }
    return nullptr;
  }

  template <typename T>
  Node* graph_match_like(const ParamSpecs& specs) {
    auto* g = start<T>();
    g->params = p.parse_params(specs, true);
    while (true) {
      bool comma = !g->pattern.empty() && p.at(TokenKind::Comma) && p.at(TokenKind::LParen, 1);
      if (comma) p.take();
      GraphPatternNode* e = graph_pattern_element();
      if (!e) break;
      e->comma_before = comma;
      g->pattern.push_back(e);
    }
    if (g->pattern.empty()) p.error_here("Missing graph match pattern");
    if (p.accept_kw(Keyword::Where)) g->where = required(p.parse_expression());
    if (p.accept_kw(Keyword::Project)) {
      g->has_project = true;
      g->project = named_list(true);
    }
    return p.finish(g);
  }

  Node* make_graph() {
    auto* g = start<MakeGraphNode>();
    g->source = p.parse_name();
    if (!g->source) g->source = p.missing_name();
    bool found = false;
    for (std::string_view t : {"-->", "--"}) {
      if (int len = p.scan_text(t); len > 0) {
        g->direction = p.take_text(len);
        found = true;
        break;
      }
    }
    if (!found) p.error_here("Expected: --> or --");
    g->target = p.parse_name();
    if (!g->target) g->target = p.missing_name();
    g->params = p.parse_params(kMakeGraphParams, true);
    if (p.accept_kw(Keyword::With)) {
      g->has_with = true;
      do {
        Node* table = p.parse_unary();
        if (!table) table = p.missing_expression();
        g->with_tables.push_back(table);
        p.expect_kw(Keyword::On);
        NameNode* key = p.parse_name();
        if (!key) key = p.missing_name();
        g->with_keys.push_back(key);
      } while (p.accept(TokenKind::Comma));
    }
    if (p.accept_kw(Keyword::PartitionedBy)) {
      g->partitioned_by = p.parse_entity_path();
      if (!g->partitioned_by) g->partitioned_by = p.missing_name();
      p.expect(TokenKind::LParen);
      g->partition_query = required(p.parse_expression());
      p.expect(TokenKind::RParen);
    }
    return p.finish(g);
  }

  Node* graph_merge() {
    auto* g = start<GraphMergeNode>();
    g->right = required(p.parse_unary());
    if (p.accept_kw(Keyword::On)) {
      g->has_on = true;
      g->on = join_on_list();
    }
    return p.finish(g);
  }

  Node* graph_to_table() {
    auto* g = start<GraphToTableNode>();
    while (p.text_at() == "nodes" || p.text_at() == "edges") {
      g->entities.push_back(p.text(p.take()));
      if (p.accept_kw(Keyword::As)) {
        g->as_name = p.parse_name();
        if (!g->as_name) g->as_name = p.missing_name();
      }
      g->params = p.parse_params(kGraphToTableParams, true);
      if (!p.accept(TokenKind::Comma)) break;
    }
    if (g->entities.empty()) p.error_here("Expected: nodes or edges");
    return p.finish(g);
  }

  Node* graph_mark_components() {
    auto* g = start<GraphMarkComponentsNode>();
    g->params = p.parse_params(kGraphMarkParams, true);
    return p.finish(g);
  }
};

Node* Parser::parse_query_operator() {
  const Token& t = peek();
  if (t.kind != TokenKind::Identifier || t.kw == Keyword::None) return nullptr;
  OperatorParser op(*this);
  switch (t.kw) {
    case Keyword::As: return op.as_op();
    case Keyword::Consume: return op.consume();
    case Keyword::Count:
      if (at(TokenKind::LParen, 1)) return nullptr;  // the count() function
      return op.count();
    case Keyword::Distinct: return op.distinct();
    case Keyword::Evaluate: return op.evaluate();
    case Keyword::ExecuteAndCache: return op.start<ExecuteAndCacheNode>();
    case Keyword::Extend: return op.list_operator<ExtendNode>(true);
    case Keyword::Facet: return op.facet();
    case Keyword::Filter:
    case Keyword::Where: return op.where();
    case Keyword::Find: return op.find();
    case Keyword::Fork: return op.fork();
    case Keyword::GetSchema: return op.getschema();
    case Keyword::Invoke: return op.invoke();
    case Keyword::Join: return op.join();
    case Keyword::Lookup: return op.lookup();
    case Keyword::MakeSeries: return op.make_series();
    case Keyword::MvApply:
    case Keyword::MvDashApply: return op.mv_apply();
    case Keyword::MvExpand:
    case Keyword::MvDashExpand: return op.mv_expand();
    case Keyword::Parse: return op.parse_op(false);
    case Keyword::ParseWhere: return op.parse_op(true);
    case Keyword::ParseKv: return op.parse_kv();
    case Keyword::PartitionBy: return op.partition_by();
    case Keyword::Partition: return op.partition();
    case Keyword::Print: return op.print();
    case Keyword::Project: return op.list_operator<ProjectNode>(false);
    case Keyword::ProjectAway: {
      auto* n = op.start<ProjectAwayNode>();
      return op.project_names(n, n->items, false);
    }
    case Keyword::ProjectByNames: {
      auto* n = op.start<ProjectByNamesNode>();
      n->items = comma_list([&] { return parse_unnamed_expression(); }, [&] { return missing_expression(); },
                            [&] { return at_common_list_end(); }, true);
      return finish(n);
    }
    case Keyword::ProjectKeep: {
      auto* n = op.start<ProjectKeepNode>();
      return op.project_names(n, n->items, false);
    }
    case Keyword::ProjectRename: return op.list_operator<ProjectRenameNode>(false);
    case Keyword::ProjectReorder: {
      auto* n = op.start<ProjectReorderNode>();
      return op.project_names(n, n->items, true);
    }
    case Keyword::Range:
      if (at(TokenKind::LParen, 1)) return nullptr;  // the range() function
      return op.range();
    case Keyword::Reduce: return op.reduce();
    case Keyword::Render: return op.render();
    case Keyword::Sample: return op.sample();
    case Keyword::SampleDistinct: return op.sample_distinct();
    case Keyword::Scan: return op.scan();
    case Keyword::Search: return op.search();
    case Keyword::Serialize: return op.serialize();
    case Keyword::Sort:
    case Keyword::Order: return op.sort();
    case Keyword::Summarize: return op.summarize();
    case Keyword::Take:
    case Keyword::Limit: return op.take_op();
    case Keyword::Top: return op.top();
    case Keyword::TopHitters: return op.top_hitters();
    case Keyword::TopNested: return op.top_nested();
    case Keyword::Union: return op.union_op();
    case Keyword::MacroExpand: return op.macro_expand();
    case Keyword::MakeGraph: return op.make_graph();
    case Keyword::GraphMerge: return op.graph_merge();
    case Keyword::GraphMatch: return op.graph_match_like<GraphMatchNode>(kGraphMatchParams);
    case Keyword::GraphShortestPaths: return op.graph_match_like<GraphShortestPathsNode>(kGraphShortestParams);
    case Keyword::GraphToTable: return op.graph_to_table();
    case Keyword::GraphMarkComponents: return op.graph_mark_components();
    case Keyword::AssertSchema: return op.assert_schema();
    default: return nullptr;
  }
}

}  // namespace huntdb::kql::detail
