// Scalar expressions and pipelines. Precedence, loosest first (as Kusto parses it):
//   or < and < equality (== != <> in !in in~ !in~ has_any has_all between !between, one per level)
//   < relational (< <= > >=, one per level) < additive < multiplicative
//   < string operators (=~ !~ has contains startswith ... matches regex, and `:`) < unary +/- < postfix
#include "huntdb/kql/literals.h"
#include "huntdb/kql/parser_internal.h"

namespace huntdb::kql::detail {

namespace {

struct StringOp {
  BinaryOp op;
};

bool string_operation(const Token& t, BinaryOp* op) {
  switch (t.kind) {
    case TokenKind::EqualTilde: *op = BinaryOp::EqualTilde; return true;
    case TokenKind::BangTilde: *op = BinaryOp::BangTilde; return true;
    case TokenKind::Colon: *op = BinaryOp::Search; return true;
    case TokenKind::Identifier: break;
    default: return false;
  }
  switch (t.kw) {
    case Keyword::Has: *op = BinaryOp::Has; return true;
    case Keyword::NotHas: *op = BinaryOp::NotHas; return true;
    case Keyword::HasCs: *op = BinaryOp::HasCs; return true;
    case Keyword::NotHasCs: *op = BinaryOp::NotHasCs; return true;
    case Keyword::HasPrefix: *op = BinaryOp::HasPrefix; return true;
    case Keyword::NotHasPrefix: *op = BinaryOp::NotHasPrefix; return true;
    case Keyword::HasPrefixCs: *op = BinaryOp::HasPrefixCs; return true;
    case Keyword::NotHasPrefixCs: *op = BinaryOp::NotHasPrefixCs; return true;
    case Keyword::HasSuffix: *op = BinaryOp::HasSuffix; return true;
    case Keyword::NotHasSuffix: *op = BinaryOp::NotHasSuffix; return true;
    case Keyword::HasSuffixCs: *op = BinaryOp::HasSuffixCs; return true;
    case Keyword::NotHasSuffixCs: *op = BinaryOp::NotHasSuffixCs; return true;
    case Keyword::Like: *op = BinaryOp::Like; return true;
    case Keyword::NotLike: *op = BinaryOp::NotLike; return true;
    case Keyword::LikeCs: *op = BinaryOp::LikeCs; return true;
    case Keyword::NotLikeCs: *op = BinaryOp::NotLikeCs; return true;
    case Keyword::Contains: *op = BinaryOp::Contains; return true;
    case Keyword::NotContains:
    case Keyword::BangContains: *op = BinaryOp::NotContains; return true;
    case Keyword::ContainsCs:
    case Keyword::Contains_Cs: *op = BinaryOp::ContainsCs; return true;
    case Keyword::NotContainsCs:
    case Keyword::BangContainsCs: *op = BinaryOp::NotContainsCs; return true;
    case Keyword::StartsWith: *op = BinaryOp::StartsWith; return true;
    case Keyword::NotStartsWith: *op = BinaryOp::NotStartsWith; return true;
    case Keyword::StartsWithCs: *op = BinaryOp::StartsWithCs; return true;
    case Keyword::NotStartsWithCs: *op = BinaryOp::NotStartsWithCs; return true;
    case Keyword::EndsWith: *op = BinaryOp::EndsWith; return true;
    case Keyword::NotEndsWith: *op = BinaryOp::NotEndsWith; return true;
    case Keyword::EndsWithCs: *op = BinaryOp::EndsWithCs; return true;
    case Keyword::NotEndsWithCs: *op = BinaryOp::NotEndsWithCs; return true;
    case Keyword::MatchesRegex: *op = BinaryOp::MatchesRegex; return true;
    default: return false;
  }
}

}  // namespace

// ---------------------------------------------------------------- pipelines

Node* Parser::parse_expression() {
  DepthGuard guard(*this);
  if (too_deep()) return nullptr;
  Node* expr = parse_query_operator();
  if (!expr) expr = parse_unnamed_expression();
  if (!expr) return nullptr;
  while (at(TokenKind::Bar)) {
    uint32_t b = expr->span.begin;
    take();
    auto* pipe = arena_.make<PipeNode>(Span{b, b});
    pipe->source = expr;
    pipe->op = parse_operator_after_pipe();
    expr = finish(pipe);
  }
  return expr;
}

Node* Parser::parse_operator_after_pipe() {
  if (Node* op = parse_query_operator()) return op;
  const Token& t = peek();
  if (t.kind == TokenKind::Identifier && t.kw == Keyword::None) {
    take();
    error(t.span(), "Query operator expected.");
    auto* bad = arena_.make<BadOperatorNode>(t.span());
    bad->text = text(t);
    return bad;
  }
  error_here("Query operator expected.");
  uint32_t b = begin_of_next();
  return arena_.make<BadOperatorNode>(Span{b, b});
}

// ---------------------------------------------------------------- named expressions

Node* Parser::parse_named_expression() {
  uint32_t b = begin_of_next();
  int n = scan_extended_name();
  if (n > 0 && at(TokenKind::Equal, n)) {
    auto* named = arena_.make<SimpleNamedNode>(Span{b, b});
    named->name = parse_extended_name();
    take();  // =
    named->value = parse_unnamed_expression();
    if (!named->value) named->value = missing_expression();
    return finish(named);
  }
  // (a, b) = expr
  if (at(TokenKind::LParen)) {
    int off = 1;
    bool ok = true;
    while (!at_common_list_end(off)) {
      int len = scan_extended_name(off);
      if (len <= 0) {
        ok = false;
        break;
      }
      off += len;
      if (at(TokenKind::Comma, off)) {
        ++off;
        continue;
      }
      break;
    }
    if (ok && at(TokenKind::RParen, off) && at(TokenKind::Equal, off + 1)) {
      auto* named = arena_.make<CompoundNamedNode>(Span{b, b});
      take();
      NodeList names = comma_list([&]() -> Node* { return parse_extended_name(); },
                                  [&]() -> Node* { return missing_name(); },
                                  [&] { return at_common_list_end(); }, true);
      for (Node* nm : names) named->names.push_back(static_cast<NameNode*>(nm));
      expect(TokenKind::RParen);
      expect(TokenKind::Equal);
      named->value = parse_unnamed_expression();
      if (!named->value) named->value = missing_expression();
      return finish(named);
    }
  }
  return parse_unnamed_expression();
}

Node* Parser::parse_argument() {
  if (at(TokenKind::Star) && (at(TokenKind::RParen, 1) || at(TokenKind::Comma, 1))) {
    const Token& t = take();
    return arena_.make<StarNode>(t.span());
  }
  return parse_named_expression();
}

NodeList Parser::parse_argument_list() {
  // Assumes the current token is '('.
  take();
  NodeList args = comma_list([&] { return parse_argument(); }, [&] { return missing_expression(); },
                             [&] { return at_common_list_end(); }, false);
  expect(TokenKind::RParen);
  return args;
}

// ---------------------------------------------------------------- operators by precedence

Node* Parser::parse_unnamed_expression() {
  DepthGuard guard(*this);
  if (too_deep()) return nullptr;
  return parse_or();
}

Node* Parser::parse_or() {
  Node* expr = parse_and();
  if (!expr) return nullptr;
  while (at_kw(Keyword::Or)) {
    uint32_t b = expr->span.begin;
    const Token& op = take();
    auto* bin = arena_.make<BinaryNode>(Span{b, b});
    bin->op = BinaryOp::Or;
    bin->op_text = text(op);
    bin->lhs = expr;
    bin->rhs = parse_and();
    if (!bin->rhs) bin->rhs = missing_expression();
    expr = finish(bin);
  }
  return expr;
}

Node* Parser::parse_and() {
  Node* expr = parse_equality();
  if (!expr) return nullptr;
  while (at_kw(Keyword::And)) {
    uint32_t b = expr->span.begin;
    const Token& op = take();
    auto* bin = arena_.make<BinaryNode>(Span{b, b});
    bin->op = BinaryOp::And;
    bin->op_text = text(op);
    bin->lhs = expr;
    bin->rhs = parse_equality();
    if (!bin->rhs) bin->rhs = missing_expression();
    expr = finish(bin);
  }
  return expr;
}

Node* Parser::parse_equality() {
  Node* expr;
  if (at(TokenKind::Star) && at(TokenKind::EqualEqual, 1)) {
    const Token& s = take();
    expr = arena_.make<StarNode>(s.span());
  } else {
    expr = parse_relational();
  }
  if (!expr) return nullptr;
  uint32_t b = expr->span.begin;
  const Token& t = peek();
  auto binary = [&](BinaryOp op) -> Node* {
    const Token& opt = take();
    auto* bin = arena_.make<BinaryNode>(Span{b, b});
    bin->op = op;
    bin->op_text = text(opt);
    bin->lhs = expr;
    bin->rhs = parse_relational();
    if (!bin->rhs) bin->rhs = missing_expression();
    return finish(bin);
  };
  auto in_list = [&](InOp op) -> Node* {
    take();
    auto* in = arena_.make<InNode>(Span{b, b});
    in->op = op;
    in->lhs = expr;
    expect(TokenKind::LParen);
    // A single element may be a whole pipeline: x in (T | project y).
    in->list = comma_list([&] { return parse_expression(); }, [&] { return missing_expression(); },
                          [&] { return at_common_list_end(); }, true);
    expect(TokenKind::RParen);
    return finish(in);
  };
  switch (t.kind) {
    case TokenKind::EqualEqual: return binary(BinaryOp::Equal);
    case TokenKind::BangEqual:
    case TokenKind::LessGreater: return binary(BinaryOp::NotEqual);
    case TokenKind::Identifier:
      switch (t.kw) {
        case Keyword::In:
          if (at_kw(Keyword::Range, 1)) return expr;  // make-series ... in range(...)
          return in_list(InOp::In);
        case Keyword::InCs: return in_list(InOp::InCs);
        case Keyword::NotIn: return in_list(InOp::NotIn);
        case Keyword::NotInCs: return in_list(InOp::NotInCs);
        case Keyword::HasAny: return in_list(InOp::HasAny);
        case Keyword::HasAll: return in_list(InOp::HasAll);
        case Keyword::Between:
        case Keyword::NotBetween: {
          take();
          auto* bt = arena_.make<BetweenNode>(Span{b, b});
          bt->negated = t.kw == Keyword::NotBetween;
          bt->lhs = expr;
          expect(TokenKind::LParen);
          bt->low = parse_unnamed_expression();
          if (!bt->low) bt->low = missing_expression();
          expect(TokenKind::DotDot);
          bt->high = parse_unnamed_expression();
          if (!bt->high) bt->high = missing_expression();
          expect(TokenKind::RParen);
          return finish(bt);
        }
        default: break;
      }
      break;
    default: break;
  }
  return expr;
}

Node* Parser::parse_relational() {
  Node* expr = parse_additive();
  if (!expr) return nullptr;
  BinaryOp op;
  switch (kind()) {
    case TokenKind::Less: op = BinaryOp::Less; break;
    case TokenKind::LessEqual: op = BinaryOp::LessEqual; break;
    case TokenKind::Greater: op = BinaryOp::Greater; break;
    case TokenKind::GreaterEqual: op = BinaryOp::GreaterEqual; break;
    default: return expr;
  }
  uint32_t b = expr->span.begin;
  const Token& opt = take();
  auto* bin = arena_.make<BinaryNode>(Span{b, b});
  bin->op = op;
  bin->op_text = text(opt);
  bin->lhs = expr;
  bin->rhs = parse_additive();
  if (!bin->rhs) bin->rhs = missing_expression();
  return finish(bin);
}

Node* Parser::parse_additive() {
  Node* expr = parse_multiplicative();
  if (!expr) return nullptr;
  while (at(TokenKind::Plus) || at(TokenKind::Minus)) {
    uint32_t b = expr->span.begin;
    const Token& opt = take();
    auto* bin = arena_.make<BinaryNode>(Span{b, b});
    bin->op = opt.kind == TokenKind::Plus ? BinaryOp::Add : BinaryOp::Subtract;
    bin->op_text = text(opt);
    bin->lhs = expr;
    bin->rhs = parse_multiplicative();
    if (!bin->rhs) bin->rhs = missing_expression();
    expr = finish(bin);
  }
  return expr;
}

Node* Parser::parse_multiplicative() {
  Node* expr = parse_string_operation();
  if (!expr) return nullptr;
  while (at(TokenKind::Star) || at(TokenKind::Slash) || at(TokenKind::Percent)) {
    uint32_t b = expr->span.begin;
    const Token& opt = take();
    auto* bin = arena_.make<BinaryNode>(Span{b, b});
    bin->op = opt.kind == TokenKind::Star ? BinaryOp::Multiply
              : opt.kind == TokenKind::Slash ? BinaryOp::Divide
                                             : BinaryOp::Modulo;
    bin->op_text = text(opt);
    bin->lhs = expr;
    bin->rhs = parse_string_operation();
    if (!bin->rhs) bin->rhs = missing_expression();
    expr = finish(bin);
  }
  return expr;
}

Node* Parser::parse_string_operation() {
  BinaryOp op;
  Node* expr = nullptr;
  if (at(TokenKind::Star) && string_operation(peek(1), &op)) {
    const Token& s = take();
    expr = arena_.make<StarNode>(s.span());
  } else {
    expr = parse_unary();
  }
  if (!expr) return nullptr;
  while (string_operation(peek(), &op)) {
    uint32_t b = expr->span.begin;
    const Token& opt = take();
    auto* bin = arena_.make<BinaryNode>(Span{b, b});
    bin->op = op;
    bin->op_text = text(opt);
    bin->lhs = expr;
    bin->rhs = parse_unary();
    if (!bin->rhs) bin->rhs = missing_expression();
    expr = finish(bin);
  }
  return expr;
}

Node* Parser::parse_unary() {
  if (at(TokenKind::Minus) || at(TokenKind::Plus)) {
    uint32_t b = begin_of_next();
    const Token& opt = take();
    auto* u = arena_.make<UnaryNode>(Span{b, b});
    u->op = opt.kind == TokenKind::Minus ? UnaryOp::Minus : UnaryOp::Plus;
    u->operand = parse_postfix();
    if (!u->operand) u->operand = missing_expression();
    return finish(u);
  }
  return parse_postfix();
}

// ---------------------------------------------------------------- postfix and primary

Node* Parser::parse_postfix() {
  if (at_kw(Keyword::ToTable)) {
    uint32_t b = begin_of_next();
    take();
    auto* tt = arena_.make<ToTableNode>(Span{b, b});
    if (at_kw(Keyword::Kind)) tt->kind_param = parse_param_with(ParamSpec{"kind", ParamValue::Word});
    expect(TokenKind::LParen);
    tt->expr = parse_expression();
    if (!tt->expr) tt->expr = missing_expression();
    expect(TokenKind::RParen);
    return finish(tt);
  }
  Node* expr = parse_primary();
  while (expr) {
    if (at(TokenKind::Dot)) {
      uint32_t b = expr->span.begin;
      take();
      auto* path = arena_.make<PathNode>(Span{b, b});
      path->target = expr;
      path->member = parse_path_selector_or_call();
      if (!path->member) path->member = missing_name();
      expr = finish(path);
    } else if (at(TokenKind::LBracket)) {
      uint32_t b = expr->span.begin;
      auto* el = arena_.make<ElementNode>(Span{b, b});
      el->target = expr;
      el->index = parse_bracketed_expression();
      expr = finish(el);
    } else {
      break;
    }
  }
  return expr;
}

Node* Parser::parse_bracketed_expression() {
  // [ expr ]
  take();
  Node* inner = parse_unnamed_expression();
  if (!inner) inner = missing_name();
  expect(TokenKind::RBracket);
  return inner;
}

Node* Parser::parse_path_selector_or_call() {
  if (scan_function_call_start()) return parse_call();
  return parse_path_selector();
}

Node* Parser::parse_path_selector() {
  if (at(TokenKind::LBracket)) {
    if (Node* w = parse_bracketed_wildcarded_name()) return w;
    if (scan_bracketed_name() > 0) return parse_name();
    uint32_t b = begin_of_next();
    Node* inner = parse_bracketed_expression();
    // An element access written after a dot: a.[expr]; keep the brackets in the tree.
    auto* el = arena_.make<ElementNode>(Span{b, b});
    el->index = inner;
    return finish(el);
  }
  return parse_bare_path_selector();
}

Node* Parser::parse_bare_path_selector() {
  if (at(TokenKind::At)) {
    const Token& t = take();
    return arena_.make<AtNode>(t.span());
  }
  const Token& t = peek();
  if (t.kind == TokenKind::Identifier &&
      (t.kw == Keyword::Kind || t.kw == Keyword::WithSource || t.kw == Keyword::With_Source))
    return name_from_token(take());
  return parse_name();
}

bool Parser::scan_function_call_start(int off) const {
  int n = scan_name(off);
  return n > 0 && at(TokenKind::LParen, off + n);
}

CallNode* Parser::parse_call() {
  if (!scan_function_call_start()) return nullptr;
  uint32_t b = begin_of_next();
  auto* call = arena_.make<CallNode>(Span{b, b});
  call->name = parse_name();
  call->args = parse_argument_list();
  return finish(call);
}

Node* Parser::parse_required_call() {
  if (CallNode* c = parse_call()) return c;
  if (scan_name() > 0) {
    uint32_t b = begin_of_next();
    auto* call = arena_.make<CallNode>(Span{b, b});
    call->name = parse_name();
    error_here("Expected: (");
    return finish(call);
  }
  return missing("Missing function call");
}

Node* Parser::parse_dot_composite_call() {
  Node* expr = parse_call();
  while (expr && at(TokenKind::Dot) && scan_function_call_start(1)) {
    uint32_t b = expr->span.begin;
    take();
    auto* path = arena_.make<PathNode>(Span{b, b});
    path->target = expr;
    path->member = parse_call();
    expr = finish(path);
  }
  return expr;
}

Node* Parser::parse_paren() {
  uint32_t b = begin_of_next();
  take();
  auto* p = arena_.make<ParenNode>(Span{b, b});
  p->inner = parse_expression();
  if (!p->inner) p->inner = missing_expression();
  expect(TokenKind::RParen);
  return finish(p);
}

Node* Parser::parse_primary() {
  switch (kind()) {
    case TokenKind::Long:
    case TokenKind::Real:
    case TokenKind::Bool:
    case TokenKind::Int:
    case TokenKind::Decimal:
    case TokenKind::Timespan:
    case TokenKind::DateTime:
    case TokenKind::Guid:
    case TokenKind::RawGuid:
    case TokenKind::String:
      return parse_literal();
    case TokenKind::LParen:
      return parse_paren();
    case TokenKind::Identifier:
      if (at_kw(Keyword::TDynamic)) return parse_dynamic();
      if (at_kw(Keyword::DataTable)) {
        uint32_t b = begin_of_next();
        take();
        auto* dt = arena_.make<DataTableNode>(Span{b, b});
        dt->params = parse_params({}, false);
        if (!parse_row_schema(dt->schema)) error_here("Missing schema declaration");
        expect(TokenKind::LBracket);
        accept(TokenKind::Comma);
        dt->values = comma_list([&] { return parse_literal(); }, [&] { return missing("Missing value"); },
                                [&] { return at_common_list_end(); }, false, true);
        expect(TokenKind::RBracket);
        return finish(dt);
      }
      if (at_kw(Keyword::ExternalData) || at_kw(Keyword::External_Data)) {
        uint32_t b = begin_of_next();
        auto* ed = arena_.make<ExternalDataNode>(Span{b, b});
        ed->keyword = text(take());
        ed->params = parse_params({}, false);
        if (!parse_row_schema(ed->schema)) error_here("Missing schema declaration");
        expect(TokenKind::LBracket);
        ed->uris = comma_list([&]() -> Node* {
                                if (Node* lit = parse_literal()) return lit;
                                return parse_name();  // a query parameter holding the URI
                              },
                              [&] { return missing("Missing value"); },
                              [&] { return at_common_list_end(); }, false, true);
        expect(TokenKind::RBracket);
        if (accept_kw(Keyword::With)) {
          ed->has_with = true;
          ed->with_props = parse_with_properties();
        }
        return finish(ed);
      }
      if (at_kw(Keyword::InlineExternalTable)) return parse_inline_external_table();
      if (at_kw(Keyword::ToScalar)) {
        uint32_t b = begin_of_next();
        take();
        auto* ts = arena_.make<ToScalarNode>(Span{b, b});
        if (at_kw(Keyword::Kind) && at(TokenKind::Equal, 1))
          ts->kind_param = parse_param_with(ParamSpec{"kind", ParamValue::Word});
        expect(TokenKind::LParen);
        ts->expr = parse_expression();
        if (!ts->expr) ts->expr = missing_expression();
        expect(TokenKind::RParen);
        return finish(ts);
      }
      if (scan_type_of()) return parse_type_of();
      if (scan_function_call_start()) return parse_call();
      break;
    default:
      break;
  }
  return parse_path_selector();
}

// ---------------------------------------------------------------- operands of specific operators

Node* Parser::parse_ordered_expression() {
  Node* expr = parse_named_expression();
  if (!expr) return nullptr;
  const Token& t = peek();
  if (t.is(Keyword::Asc) || t.is(Keyword::Desc) || t.is(Keyword::GrannyAsc) || t.is(Keyword::GrannyDesc) ||
      t.is(Keyword::Nulls)) {
    auto* ord = arena_.make<OrderedNode>(Span{expr->span.begin, expr->span.begin});
    ord->expr = expr;
    if (!t.is(Keyword::Nulls)) ord->direction = text(take());
    if (accept_kw(Keyword::Nulls)) {
      if (at_kw(Keyword::First) || at_kw(Keyword::Last)) {
        ord->nulls = text(take());
      } else {
        error_here("Expected: first or last");
      }
    }
    return finish(ord);
  }
  return expr;
}

Node* Parser::parse_entity_path() {
  Node* expr = parse_path_selector();
  while (expr) {
    if (at(TokenKind::Dot)) {
      uint32_t b = expr->span.begin;
      take();
      auto* path = arena_.make<PathNode>(Span{b, b});
      path->target = expr;
      path->member = parse_path_selector();
      if (!path->member) path->member = missing_name();
      expr = finish(path);
    } else if (at(TokenKind::LBracket)) {
      uint32_t b = expr->span.begin;
      auto* el = arena_.make<ElementNode>(Span{b, b});
      el->target = expr;
      el->index = parse_path_selector();
      expr = finish(el);
    } else {
      break;
    }
  }
  return expr;
}

Node* Parser::parse_wildcarded_entity() {
  if (scan_wildcarded_name() > 0) return parse_wildcarded_name();
  Node* expr = parse_path_selector_or_call();
  while (expr) {
    if (at(TokenKind::Dot)) {
      uint32_t b = expr->span.begin;
      take();
      auto* path = arena_.make<PathNode>(Span{b, b});
      path->target = expr;
      if (scan_wildcarded_name() > 0) {
        path->member = parse_wildcarded_name();
        return finish(path);
      }
      path->member = parse_path_selector_or_call();
      if (!path->member) path->member = missing_name();
      expr = finish(path);
    } else if (at(TokenKind::LBracket)) {
      uint32_t b = expr->span.begin;
      auto* el = arena_.make<ElementNode>(Span{b, b});
      el->target = expr;
      el->index = parse_path_selector();
      expr = finish(el);
    } else {
      break;
    }
  }
  return expr;
}

Node* Parser::parse_find_operand() {
  if (Node* e = parse_wildcarded_entity()) return e;
  if (at(TokenKind::LBracket)) {
    if (Node* w = parse_bracketed_wildcarded_name()) return w;
    return parse_name();
  }
  return parse_bare_path_selector();
}

Node* Parser::parse_union_operand() {
  if (at(TokenKind::LParen)) return parse_paren();
  return parse_find_operand();
}

}  // namespace huntdb::kql::detail

namespace huntdb::kql::detail {

// inline_external_table [(schema)] kind=... [partition by (...)] [pathformat=(...)] [dataformat=...]
//   (uris) [with (props)]
Node* Parser::parse_inline_external_table() {
  uint32_t b = begin_of_next();
  take();
  auto* t = arena_.make<InlineExternalTableNode>(Span{b, b});
  if (at(TokenKind::LParen)) parse_row_schema(t->schema);
  static const ParamSpecs kSpecs = {{"kind", ParamValue::Word}, {"dataformat", ParamValue::Word}};
  while (true) {
    if ((text_at() == "kind" || text_at() == "dataformat") && at(TokenKind::Equal, 1)) {
      t->params.push_back(parse_param_with(*(text_at() == "kind" ? &kSpecs[0] : &kSpecs[1])));
    } else if (at_kw(Keyword::Partition) && at_kw(Keyword::By, 1)) {
      take();
      take();
      expect(TokenKind::LParen);
      NodeList parts = comma_list([&]() -> Node* { return parse_partition_column(); },
                                  [&] { return missing("Missing parameter"); }, [&] { return at_common_list_end(); },
                                  true);
      for (Node* n : parts)
        if (auto* fp = n->as<FunctionParamNode>()) t->partitions.push_back(fp);
      expect(TokenKind::RParen);
    } else if (text_at() == "pathformat" && at(TokenKind::Equal, 1)) {
      take();
      take();
      uint32_t pb = begin_of_next();
      expect(TokenKind::LParen);
      int depth = 1;
      while (depth > 0 && !at(TokenKind::End)) {
        if (at(TokenKind::LParen)) ++depth;
        if (at(TokenKind::RParen)) --depth;
        take();
      }
      t->path_format = std::string_view(source_.text()).substr(pb, last_end_ - pb);
    } else {
      break;
    }
  }
  expect(TokenKind::LParen);
  t->uris = comma_list([&]() -> Node* {
                         if (Node* lit = parse_literal()) return lit;
                         return parse_name();
                       },
                       [&] { return missing("Missing value"); }, [&] { return at_common_list_end(); }, true);
  expect(TokenKind::RParen);
  if (accept_kw(Keyword::With)) {
    t->has_with = true;
    t->with_props = parse_with_properties();
  }
  return finish(t);
}

// Col:type = expr inside inline_external_table's partition by (...)
Node* Parser::parse_partition_column() {
  uint32_t b = begin_of_next();
  NameAndTypeNode* decl = parse_name_and_type();
  if (!decl) return nullptr;
  auto* p = arena_.make<FunctionParamNode>(Span{b, b});
  p->decl = decl;
  if (accept(TokenKind::Equal)) p->default_value = parse_unnamed_expression();
  return finish(p);
}

}  // namespace huntdb::kql::detail

namespace huntdb::kql::detail {

// ( name = value, ... ) after externaldata / inline_external_table: any property name; values are
// literals or words.
ParamList Parser::parse_with_properties() {
  ParamList out;
  expect(TokenKind::LParen);
  NodeList props = comma_list(
      [&]() -> Node* {
        uint32_t pb = begin_of_next();
        NameNode* name = parse_extended_name();
        if (!name) return nullptr;
        auto* p = arena_.make<ParamNode>(Span{pb, pb});
        p->name = name->raw;
        expect(TokenKind::Equal);
        switch (kind()) {
          case TokenKind::String: case TokenKind::Long: case TokenKind::Real: case TokenKind::Bool:
          case TokenKind::DateTime: case TokenKind::Guid:
            p->value = parse_literal();
            break;
          case TokenKind::RawGuid: {
            const Token& t = take();
            auto* lit = arena_.make<LiteralNode>(t.span());
            lit->lit = LiteralKind::Guid;
            lit->text = text(t);
            p->value = lit;
            break;
          }
          default:
            p->value = parse_extended_name();
        }
        if (!p->value) p->value = missing("Missing value");
        return finish(p);
      },
      [&]() -> Node* {
        error_here("Missing parameter");
        uint32_t pb = begin_of_next();
        auto* p = arena_.make<ParamNode>(Span{pb, pb});
        p->value = arena_.make<MissingNode>(Span{pb, pb});
        return p;
      },
      [&] { return at_common_list_end(); }, false);
  for (Node* n : props) out.push_back(static_cast<ParamNode*>(n));
  expect(TokenKind::RParen);
  return out;
}

}  // namespace huntdb::kql::detail
