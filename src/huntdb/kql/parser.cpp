// Statements, names, literals, types and operator parameters; the entry point `parse`.
#include "huntdb/kql/parser.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "huntdb/kql/literals.h"
#include "huntdb/kql/parser_internal.h"

namespace huntdb::kql {
namespace detail {

Parser::Parser(const SourceText& source, std::vector<Token> tokens, NodeArena& arena, Diagnostics& diags)
    : source_(source), tokens_(std::move(tokens)), arena_(arena), diags_(diags) {
  // Directives (#connect ...) are client instructions, not query text.
  tokens_.erase(std::remove_if(tokens_.begin(), tokens_.end(),
                               [](const Token& t) { return t.kind == TokenKind::Directive; }),
                tokens_.end());
}

// ---------------------------------------------------------------- tokens

const Token& Parser::peek(int k) const {
  size_t i = pos_ + static_cast<size_t>(k);
  return i < tokens_.size() ? tokens_[i] : tokens_.back();
}

std::string_view Parser::text(const Token& t) const {
  return std::string_view(source_.text()).substr(t.begin, t.end - t.begin);
}

const Token& Parser::take() {
  const Token& t = tokens_[pos_];
  if (t.kind != TokenKind::End) {
    ++pos_;
    last_end_ = t.end;
  }
  return t;
}

bool Parser::accept(TokenKind k) {
  if (!at(k)) return false;
  take();
  return true;
}

bool Parser::accept_kw(Keyword kw) {
  if (!at_kw(kw)) return false;
  take();
  return true;
}

static std::string_view token_kind_text(TokenKind k) {
  switch (k) {
    case TokenKind::LParen: return "(";
    case TokenKind::RParen: return ")";
    case TokenKind::LBracket: return "[";
    case TokenKind::RBracket: return "]";
    case TokenKind::LBrace: return "{";
    case TokenKind::RBrace: return "}";
    case TokenKind::Bar: return "|";
    case TokenKind::Equal: return "=";
    case TokenKind::Colon: return ":";
    case TokenKind::Semicolon: return ";";
    case TokenKind::Comma: return ",";
    case TokenKind::DotDot: return "..";
    case TokenKind::FatArrow: return "=>";
    case TokenKind::Identifier: return "name";
    default: return "token";
  }
}

void Parser::expect(TokenKind k) {
  if (!accept(k)) error_here("Expected: " + std::string(token_kind_text(k)));
}

void Parser::expect_kw(Keyword kw) {
  if (!accept_kw(kw)) error_here("Expected: " + std::string(keyword_text(kw)));
}

int Parser::scan_text(std::string_view t, int off) const {
  // Adjacent tokens (no trivia between them) whose texts concatenate to `t`.
  size_t matched = 0;
  int n = 0;
  while (matched < t.size()) {
    const Token& tok = peek(off + n);
    if (tok.kind == TokenKind::End) return 0;
    if (n > 0 && tok.has_trivia()) return 0;
    std::string_view tt = text(tok);
    if (t.compare(matched, tt.size(), tt) != 0 || tt.empty()) return 0;
    matched += tt.size();
    ++n;
  }
  return n;
}

std::string_view Parser::take_text(int ntokens) {
  uint32_t b = peek().begin;
  for (int i = 0; i < ntokens; ++i) take();
  return std::string_view(source_.text()).substr(b, last_end_ - b);
}

void Parser::error(Span span, std::string message) {
  diags_.push_back(Diagnostic{DiagnosticKind::Syntax, Severity::Error, std::move(message), span});
}

// Something expected is missing: reported where it should have been, right after the last
// token read (as Kusto reports it), not at the next token, which may be lines away.
void Parser::error_here(std::string message) {
  uint32_t at = pos_ == 0 ? peek().begin : last_end_;
  error(Span{at, at}, std::move(message));
}

void Parser::skip_to_end() {
  while (!at(TokenKind::End)) take();
}

bool Parser::too_deep() {
  if (depth_ <= kMaxNestingDepth) return false;
  if (!too_deep_reported_) {
    too_deep_reported_ = true;
    error_here("The query is nested too deeply (more than " + std::to_string(kMaxNestingDepth) + " levels)");
  }
  skip_to_end();
  return true;
}

Node* Parser::missing(std::string message) {
  error_here(std::move(message));
  uint32_t b = peek().begin;
  auto* n = arena_.make<MissingNode>(Span{b, b});
  return n;
}

NameNode* Parser::missing_name() {
  error_here("Missing name");
  uint32_t b = peek().begin;
  return arena_.make<NameNode>(Span{b, b});
}

bool Parser::at_common_list_end(int off) const {
  switch (kind(off)) {
    case TokenKind::RParen:
    case TokenKind::RBracket:
    case TokenKind::RBrace:
    case TokenKind::Bar:
    case TokenKind::Semicolon:
    case TokenKind::End:
      return true;
    default:
      return false;
  }
}

// ---------------------------------------------------------------- names

bool Parser::is_name_token(int off) const {
  const Token& t = peek(off);
  return t.kind == TokenKind::Identifier && (t.kw == Keyword::None || keyword_role(t.kw) == KeywordRole::Id);
}

bool Parser::is_extended_name_token(int off) const {
  const Token& t = peek(off);
  return t.kind == TokenKind::Identifier && (t.kw == Keyword::None || keyword_role(t.kw) != KeywordRole::Res);
}

int Parser::scan_bracketed_name(int off) const {
  if (!at(TokenKind::LBracket, off)) return -1;
  int n = 0;
  while (at(TokenKind::String, off + 1 + n)) ++n;
  if (n == 0 || !at(TokenKind::RBracket, off + 1 + n)) return -1;
  return n + 2;
}

int Parser::scan_braced_name(int off) const {
  if (at(TokenKind::LBrace, off) && is_name_token(off + 1) && !peek(off + 1).has_trivia() &&
      at(TokenKind::RBrace, off + 2) && !peek(off + 2).has_trivia())
    return 3;
  return -1;
}

int Parser::scan_name(int off) const {
  if (is_name_token(off)) return 1;
  if (at(TokenKind::LBracket, off)) return scan_bracketed_name(off);
  if (at(TokenKind::LBrace, off)) return scan_braced_name(off);
  return -1;
}

int Parser::scan_extended_name(int off) const {
  int n = scan_name(off);
  if (n > 0) return n;
  return is_extended_name_token(off) ? 1 : -1;
}

int Parser::scan_wildcarded_name(int off) const {
  int start = off;
  if (at(TokenKind::Star, off)) {
    off += 1;
  } else if (is_extended_name_token(off) && at(TokenKind::Star, off + 1)) {
    off += 2;
  } else {
    return -1;
  }
  while (true) {
    const Token& t = peek(off);
    bool part = (t.kind == TokenKind::Identifier && (t.kw == Keyword::None || keyword_role(t.kw) != KeywordRole::Res)) ||
                t.kind == TokenKind::Long || t.kind == TokenKind::Star;
    if (!part || t.has_trivia()) break;
    ++off;
  }
  return off - start;
}

NameNode* Parser::name_from_token(const Token& t) {
  auto* n = arena_.make<NameNode>(t.span());
  n->raw = text(t);
  n->value = std::string(n->raw);
  return n;
}

NameNode* Parser::parse_name() {
  if (is_name_token()) return name_from_token(take());
  uint32_t b = begin_of_next();
  if (int n = scan_bracketed_name(); n > 0) {
    take();
    std::string value;
    for (int i = 0; i < n - 2; ++i) value += decode_string_literal(text(take()));
    take();
    auto* name = make<NameNode>(b);
    name->form = NameForm::Bracketed;
    name->raw = std::string_view(source_.text()).substr(b, last_end_ - b);
    name->value = std::move(value);
    return name;
  }
  if (scan_braced_name() > 0) {
    take();
    std::string value(text(take()));
    take();
    auto* name = make<NameNode>(b);
    name->form = NameForm::Braced;
    name->raw = std::string_view(source_.text()).substr(b, last_end_ - b);
    name->value = std::move(value);
    return name;
  }
  return nullptr;
}

NameNode* Parser::parse_extended_name() {
  if (NameNode* n = parse_name()) return n;
  if (is_extended_name_token()) return name_from_token(take());
  return nullptr;
}

NameNode* Parser::parse_wildcarded_name() {
  int n = scan_wildcarded_name();
  if (n <= 0) return nullptr;
  uint32_t b = begin_of_next();
  std::string_view raw = take_text(n);
  auto* name = make<NameNode>(b);
  name->form = NameForm::Wildcard;
  name->raw = raw;
  name->value = std::string(raw);
  return name;
}

NameNode* Parser::parse_bracketed_wildcarded_name() {
  if (!at(TokenKind::LBracket) || scan_wildcarded_name(1) <= 0) return nullptr;
  uint32_t b = begin_of_next();
  take();
  int n = scan_wildcarded_name();
  std::string value(take_text(n));
  expect(TokenKind::RBracket);
  auto* name = make<NameNode>(b);
  name->form = NameForm::BracketedWildcard;
  name->raw = std::string_view(source_.text()).substr(b, last_end_ - b);
  name->value = std::move(value);
  return name;
}

// ---------------------------------------------------------------- literals

static LiteralKind literal_kind(TokenKind k) {
  switch (k) {
    case TokenKind::String: return LiteralKind::String;
    case TokenKind::Bool: return LiteralKind::Bool;
    case TokenKind::Long: return LiteralKind::Long;
    case TokenKind::Int: return LiteralKind::Int;
    case TokenKind::Real: return LiteralKind::Real;
    case TokenKind::Decimal: return LiteralKind::Decimal;
    case TokenKind::DateTime: return LiteralKind::DateTime;
    case TokenKind::Timespan: return LiteralKind::TimeSpan;
    case TokenKind::Guid:
    case TokenKind::RawGuid: return LiteralKind::Guid;
    default: return LiteralKind::Token;
  }
}

Node* Parser::parse_string_literal() {
  if (!at(TokenKind::String)) return nullptr;
  if (!at(TokenKind::String, 1)) {
    const Token& t = take();
    auto* lit = arena_.make<LiteralNode>(t.span());
    lit->lit = LiteralKind::String;
    lit->text = text(t);
    return lit;
  }
  uint32_t b = begin_of_next();
  auto* cs = arena_.make<CompoundStringNode>(Span{b, b});
  while (at(TokenKind::String)) cs->parts.push_back(text(take()));
  return finish(cs);
}

Node* Parser::parse_signed_literal() {
  const Token& sign = peek();
  const Token& num = peek(1);
  if ((sign.kind == TokenKind::Plus || sign.kind == TokenKind::Minus) && !num.has_trivia() &&
      (num.kind == TokenKind::Long || num.kind == TokenKind::Real || num.kind == TokenKind::Timespan) &&
      text(num).size() > 0 && text(num)[0] >= '0' && text(num)[0] <= '9') {
    uint32_t b = sign.begin;
    take();
    LiteralKind k = literal_kind(take().kind);
    auto* lit = make<LiteralNode>(b);
    lit->lit = k;
    lit->text = std::string_view(source_.text()).substr(b, last_end_ - b);
    return lit;
  }
  return nullptr;
}

Node* Parser::parse_literal() {
  switch (kind()) {
    case TokenKind::String:
      return parse_string_literal();
    case TokenKind::RawGuid:
      error(peek().span(), "Raw guid literals are not allowed in this context, use guid(...) instead.");
      [[fallthrough]];
    case TokenKind::Bool:
    case TokenKind::Long:
    case TokenKind::Int:
    case TokenKind::Real:
    case TokenKind::Decimal:
    case TokenKind::DateTime:
    case TokenKind::Timespan:
    case TokenKind::Guid: {
      const Token& t = take();
      auto* lit = arena_.make<LiteralNode>(t.span());
      lit->lit = literal_kind(t.kind);
      lit->text = text(t);
      return lit;
    }
    case TokenKind::Plus:
    case TokenKind::Minus:
      return parse_signed_literal();
    case TokenKind::LBrace:
      if (scan_braced_name() > 0) return parse_name();
      return nullptr;
    case TokenKind::Identifier:
      if (at_kw(Keyword::TDynamic)) return parse_dynamic();
      if (at_kw(Keyword::TypeOf)) return parse_type_of();
      return nullptr;
    default:
      return nullptr;
  }
}

Node* Parser::parse_dynamic() {
  if (!at_kw(Keyword::TDynamic) || !at(TokenKind::LParen, 1)) return nullptr;
  uint32_t b = begin_of_next();
  take();
  take();
  auto* d = arena_.make<DynamicNode>(Span{b, b});
  d->value = parse_json_value();
  if (!d->value) d->value = missing("Missing value");
  expect(TokenKind::RParen);
  return finish(d);
}

Node* Parser::parse_json_value() {
  DepthGuard guard(*this);
  if (too_deep()) return nullptr;
  switch (kind()) {
    case TokenKind::Long:
    case TokenKind::Real:
      return parse_literal();
    case TokenKind::Minus:
      if (at(TokenKind::Long, 1) || at(TokenKind::Real, 1)) {
        uint32_t b = begin_of_next();
        take();
        auto* u = arena_.make<UnaryNode>(Span{b, b});
        u->op = UnaryOp::Minus;
        u->operand = parse_literal();
        return finish(u);
      }
      return nullptr;
    case TokenKind::Bool:
    case TokenKind::DateTime:
    case TokenKind::Timespan:
    case TokenKind::Guid:
    case TokenKind::Decimal:
    case TokenKind::String: {
      return parse_literal();
    }
    case TokenKind::RawGuid: {
      const Token& t = take();
      auto* lit = arena_.make<LiteralNode>(t.span());
      lit->lit = LiteralKind::Guid;
      lit->text = text(t);
      return lit;
    }
    case TokenKind::LBracket: {
      uint32_t b = begin_of_next();
      take();
      auto* arr = arena_.make<JsonArrayNode>(Span{b, b});
      arr->items = comma_list([&] { return parse_json_value(); }, [&] { return missing("Missing value"); },
                              [&] { return at_common_list_end(); }, false);
      expect(TokenKind::RBracket);
      return finish(arr);
    }
    case TokenKind::LBrace: {
      if (scan_braced_name() > 0) return parse_name();
      uint32_t b = begin_of_next();
      take();
      auto* obj = arena_.make<JsonObjectNode>(Span{b, b});
      auto pair = [&]() -> Node* {
        uint32_t pb = begin_of_next();
        if (at(TokenKind::String)) {
          auto* p = arena_.make<JsonPairNode>(Span{pb, pb});
          p->key = text(take());
          expect(TokenKind::Colon);
          p->value = parse_json_value();
          if (!p->value) p->value = missing("Missing value");
          return finish(p);
        }
        if (at(TokenKind::Colon)) {
          error_here("Missing string");
          take();
          auto* p = arena_.make<JsonPairNode>(Span{pb, pb});
          p->value = parse_json_value();
          if (!p->value) p->value = missing("Missing value");
          return finish(p);
        }
        Node* v = parse_json_value();
        if (!v) return nullptr;
        error(Span{pb, pb}, "Missing string");
        auto* p = arena_.make<JsonPairNode>(Span{pb, pb});
        p->value = v;
        return finish(p);
      };
      auto pairs = comma_list(pair, [&]() -> Node* {
        error_here("Missing property");
        uint32_t pb = begin_of_next();
        auto* p = arena_.make<JsonPairNode>(Span{pb, pb});
        p->value = arena_.make<MissingNode>(Span{pb, pb});
        return p;
      }, [&] { return at_common_list_end(); }, false);
      for (Node* n : pairs) obj->pairs.push_back(static_cast<JsonPairNode*>(n));
      expect(TokenKind::RBrace);
      return finish(obj);
    }
    case TokenKind::Identifier:
      if (at_kw(Keyword::Null)) return name_from_token(take());
      if (at_kw(Keyword::TDynamic)) return parse_dynamic();
      return nullptr;
    default:
      return nullptr;
  }
}

// ---------------------------------------------------------------- types

bool Parser::scan_param_type(int off, bool extended) const {
  const Token& t = peek(off);
  if (t.kind != TokenKind::Identifier) return false;
  switch (t.kw) {
    case Keyword::TBool: case Keyword::TBoolean: case Keyword::TDate: case Keyword::TDateTime:
    case Keyword::TDecimal: case Keyword::TDouble: case Keyword::TDynamic: case Keyword::TGuid:
    case Keyword::TInt: case Keyword::TInt64: case Keyword::TInt8: case Keyword::TLong:
    case Keyword::TReal: case Keyword::TString: case Keyword::TTime: case Keyword::TTimespan:
    case Keyword::TUniqueId:
      return true;
    case Keyword::TFloat: case Keyword::TInt16: case Keyword::TInt32: case Keyword::TSingle:
    case Keyword::TUInt: case Keyword::TUInt16: case Keyword::TUInt32: case Keyword::TUInt64:
    case Keyword::TUInt8: case Keyword::TULong:
      return extended;
    default:
      return false;
  }
}

Node* Parser::parse_primitive_type(bool extended) {
  if (scan_param_type(0, extended) || is_name_token()) {
    const Token& t = take();
    auto* n = arena_.make<PrimitiveTypeNode>(t.span());
    n->text = text(t);
    return n;
  }
  return nullptr;
}

bool Parser::scan_type_of_scalar(int off) const {
  return at_kw(Keyword::TypeOf, off) && at(TokenKind::LParen, off + 1) &&
         (scan_param_type(off + 2, true) ||
          (peek(off + 2).kind == TokenKind::Identifier && peek(off + 2).kw == Keyword::None &&
           at(TokenKind::RParen, off + 3)));
}

bool Parser::scan_type_of(int off) const {
  return at_kw(Keyword::TypeOf, off) && at(TokenKind::LParen, off + 1);
}

TypeOfNode* Parser::parse_type_of() {
  if (!scan_type_of()) return nullptr;
  uint32_t b = begin_of_next();
  if (scan_type_of_scalar()) {
    take();
    take();
    auto* t = arena_.make<TypeOfNode>(Span{b, b});
    Node* ty = parse_primitive_type(true);
    if (!ty) ty = missing("Missing type");
    t->items.push_back(ty);
    expect(TokenKind::RParen);
    return finish(t);
  }
  take();
  take();
  auto* t = arena_.make<TypeOfNode>(Span{b, b});
  t->items = comma_list(
      [&]() -> Node* {
        if (at(TokenKind::Star)) {
          const Token& s = take();
          return arena_.make<StarNode>(s.span());
        }
        return parse_name_and_type();
      },
      [&] { return missing("Missing type"); }, [&] { return at_common_list_end(); }, false);
  expect(TokenKind::RParen);
  return finish(t);
}

NameAndTypeNode* Parser::parse_name_and_type() {
  uint32_t b = begin_of_next();
  NameNode* name = parse_extended_name();
  if (!name && !at(TokenKind::Colon)) return nullptr;
  if (!name) name = missing_name();
  auto* nt = arena_.make<NameAndTypeNode>(Span{b, b});
  nt->name = name;
  expect(TokenKind::Colon);
  if (at(TokenKind::LParen)) {
    nt->type = parse_schema_type();
  } else {
    nt->type = parse_primitive_type(false);
    if (!nt->type) nt->type = missing("Missing type");
  }
  return finish(nt);
}

Node* Parser::parse_schema_type() {
  if (!at(TokenKind::LParen)) return nullptr;
  uint32_t b = begin_of_next();
  take();
  auto* st = arena_.make<SchemaTypeNode>(Span{b, b});
  if (at(TokenKind::Star)) {
    const Token& s = take();
    st->columns.push_back(arena_.make<StarNode>(s.span()));
    expect(TokenKind::RParen);
    return finish(st);
  }
  st->columns = comma_list(
      [&]() -> Node* {
        if (at(TokenKind::Star)) {
          const Token& s = take();
          return arena_.make<StarNode>(s.span());
        }
        return parse_name_and_type();
      },
      [&] { return missing("Missing parameter"); }, [&] { return at_common_list_end(); }, false, true);
  expect(TokenKind::RParen);
  return finish(st);
}

bool Parser::parse_row_schema(std::vector<NameAndTypeNode*>& out) {
  if (!at(TokenKind::LParen)) return false;
  take();
  accept(TokenKind::Comma);
  NodeList cols = comma_list([&]() -> Node* {
                               if (at(TokenKind::Star)) {
                                 uint32_t sb = begin_of_next();
                                 auto* nt = arena_.make<NameAndTypeNode>(Span{sb, sb});
                                 nt->type = arena_make_token<StarNode>();
                                 return finish(nt);
                               }
                               return parse_name_and_type();
                             },
                             [&]() -> Node* {
                               error_here("Missing parameter");
                               uint32_t pb = begin_of_next();
                               auto* nt = arena_.make<NameAndTypeNode>(Span{pb, pb});
                               nt->type = arena_.make<MissingNode>(Span{pb, pb});
                               return nt;
                             },
                             [&] { return at_common_list_end(); }, false, true);
  for (Node* c : cols) out.push_back(static_cast<NameAndTypeNode*>(c));
  expect(TokenKind::RParen);
  return true;
}

FunctionParamNode* Parser::parse_function_param() {
  uint32_t b = begin_of_next();
  NameAndTypeNode* decl = parse_name_and_type();
  if (!decl) return nullptr;
  auto* p = arena_.make<FunctionParamNode>(Span{b, b});
  p->decl = decl;
  if (accept(TokenKind::Equal)) {
    p->default_value = parse_literal();
    if (!p->default_value && is_extended_name_token()) {
      const Token& t = take();
      auto* lit = arena_.make<LiteralNode>(t.span());
      lit->lit = LiteralKind::Token;
      lit->text = text(t);
      p->default_value = lit;
    }
    if (!p->default_value) p->default_value = missing_expression();
  }
  return finish(p);
}

FunctionBodyNode* Parser::parse_function_body() {
  if (!at(TokenKind::LBrace)) return nullptr;
  uint32_t b = begin_of_next();
  take();
  auto* body = arena_.make<FunctionBodyNode>(Span{b, b});
  while (true) {
    if (at_kw(Keyword::Let)) {
      body->statements.push_back(parse_let());
      expect(TokenKind::Semicolon);
    } else if (at_kw(Keyword::Declare) && at_kw(Keyword::QueryParameters, 1)) {
      body->statements.push_back(parse_statement());
      expect(TokenKind::Semicolon);
    } else {
      break;
    }
  }
  body->expr = parse_expression();
  body->trailing_semicolon = accept(TokenKind::Semicolon);
  expect(TokenKind::RBrace);
  return finish(body);
}

bool Parser::scan_function_decl_start(int off) const {
  if (at_kw(Keyword::View, off)) return true;
  if (!at(TokenKind::LParen, off)) return false;
  if (at(TokenKind::RParen, off + 1) || at(TokenKind::Star, off + 1)) return true;
  int n = scan_extended_name(off + 1);
  return n > 0 && at(TokenKind::Colon, off + 1 + n);
}

FunctionDeclNode* Parser::parse_function_decl() {
  uint32_t b = begin_of_next();
  auto* fd = arena_.make<FunctionDeclNode>(Span{b, b});
  fd->is_view = accept_kw(Keyword::View);
  if (accept(TokenKind::LParen)) {
    NodeList params = comma_list([&]() -> Node* { return parse_function_param(); },
                                 [&]() -> Node* {
                                   error_here("Missing parameter");
                                   uint32_t pb = begin_of_next();
                                   return arena_.make<FunctionParamNode>(Span{pb, pb});
                                 },
                                 [&] { return at_common_list_end(); }, false);
    for (Node* p : params) fd->params.push_back(static_cast<FunctionParamNode*>(p));
    expect(TokenKind::RParen);
  } else {
    error_here("Expected: (");
  }
  fd->body = parse_function_body();
  if (!fd->body) {
    error_here("Expected: {");
    uint32_t pb = begin_of_next();
    fd->body = arena_.make<FunctionBodyNode>(Span{pb, pb});
  }
  return finish(fd);
}

// ---------------------------------------------------------------- operator parameters

// Parameter names recognised after any operator keyword (followed by '=' where required).
static const ParamSpecs& known_params() {
  static const ParamSpecs kKnown = {
      {"bagexpansion", ParamValue::Word},       {"bin_legacy"},
      {"__crossCluster"},                       {"__crossDB"},
      {"decodeblocks"},                         {"expandoutput"},
      {"hint.concurrency", ParamValue::Word},   {"hint.distribution", ParamValue::Word},
      {"hint.materialized"},                    {"hint.num_partitions"},
      {"hint.pass_filters"},                    {"hint.pass_filters_column", ParamValue::Column},
      {"hint.progressive_top"},                 {"hint.remote", ParamValue::Word},
      {"hint.shufflekey", ParamValue::Column},  {"hint.spread", ParamValue::Word},
      {"hint.strategy", ParamValue::Word},      {"__id"},
      {"isfuzzy"},                              {"__isFuzzy"},
      {"kind", ParamValue::Word},               {"__noWithSource"},
      {"__packedColumn", ParamValue::Column},   {"__sourceColumnIndex"},
      {"cycles", ParamValue::Word},             {"with_match_id", ParamValue::Name},
      {"with_itemindex", ParamValue::Name},     {"withsource", ParamValue::Name},
      {"with_source", ParamValue::Name},        {"with_step_name", ParamValue::Name},
      {"force_remote"},
  };
  return kKnown;
}

static const ParamSpec* find_spec(const ParamSpecs& specs, std::string_view name) {
  for (const auto& s : specs)
    if (s.name == name) return &s;
  return nullptr;
}

int Parser::scan_known_param_name(const ParamSpecs& specific, bool equals_needed, int off) const {
  const Token& t = peek(off);
  if (t.kind != TokenKind::Identifier) return -1;
  std::string_view name = text(t);
  if (const ParamSpec* s = find_spec(specific, name)) {
    if (s->no_equals || !equals_needed || at(TokenKind::Equal, off + 1)) return 1;
    return -1;
  }
  if (find_spec(known_params(), name)) {
    if (!equals_needed || at(TokenKind::Equal, off + 1)) return 1;
  }
  return -1;
}

Node* Parser::parse_any_param_value() {
  if (Node* lit = parse_literal()) return lit;
  if (is_extended_name_token()) {
    const Token& t = take();
    auto* lit = arena_.make<LiteralNode>(t.span());
    lit->lit = LiteralKind::Token;
    lit->text = text(t);
    return lit;
  }
  return parse_name();
}

bool Parser::is_param_name_(std::string_view name) const {
  if (current_specs_ && find_spec(*current_specs_, name)) return true;
  if (find_spec(known_params(), name)) return true;
  // Legacy render properties end a `by` column list too.
  return name == "kind" || name == "title" || name == "accumulate" || name == "with" || name == "by";
}

Node* Parser::parse_param_value(ParamValue kind) {
  Node* v = nullptr;
  switch (kind) {
    case ParamValue::Name:
      v = parse_name();
      if (!v) v = parse_any_param_value();
      break;
    case ParamValue::Column:
      v = parse_name();
      if (!v) v = parse_any_param_value();
      break;
    case ParamValue::String:
      v = parse_postfix();
      break;
    case ParamValue::Word:
      // kind=regex, hint.strategy=shuffle: any word, reserved or not.
      if (at(TokenKind::Identifier)) {
        const Token& t = take();
        auto* lit = arena_.make<LiteralNode>(t.span());
        lit->lit = LiteralKind::Token;
        lit->text = text(t);
        v = lit;
      } else {
        v = parse_any_param_value();
      }
      break;
    case ParamValue::ColumnList: {
      uint32_t b = begin_of_next();
      auto* list = arena_.make<NameListNode>(Span{b, b});
      list->names = comma_list(
          [&]() -> Node* { return parse_extended_name(); }, [&] { return static_cast<Node*>(missing_name()); },
          [&] {
            // The list ends where the next `name =` property starts (or at `kind`/`by`... for legacy render).
            int off = at(TokenKind::Comma) ? 1 : 0;
            if (peek(off).kind == TokenKind::Identifier && is_param_name_(text_at(off)) &&
                (at(TokenKind::Equal, off + 1) || !current_specs_ || current_specs_->empty()))
              return true;
            return at_common_list_end(off);
          },
          true);
      v = finish(list);
      break;
    }
    default:
      v = parse_any_param_value();
  }
  if (!v) v = missing("Missing value");
  return v;
}

ParamNode* Parser::parse_param_with(const ParamSpec& spec) {
  uint32_t b = begin_of_next();
  auto* p = arena_.make<ParamNode>(Span{b, b});
  p->name = text(take());
  if (spec.no_equals) {
    p->has_equals = false;
  } else {
    expect(TokenKind::Equal);
  }
  p->value = parse_param_value(spec.value);
  return finish(p);
}

ParamList Parser::parse_params(const ParamSpecs& specific, bool equals_needed) {
  SpecsScope scope(*this, &specific);
  ParamList out;
  while (scan_known_param_name(specific, equals_needed) > 0) {
    std::string_view name = text_at();
    const ParamSpec* spec = find_spec(specific, name);
    if (!spec) spec = find_spec(known_params(), name);
    out.push_back(parse_param_with(*spec));
  }
  return out;
}

ParamList Parser::parse_param_comma_list(const ParamSpecs& specific, bool declared_only) {
  SpecsScope scope(*this, &specific);
  ParamList out;
  NodeList items = comma_list(
      [&]() -> Node* {
        if (peek().kind != TokenKind::Identifier) return nullptr;
        std::string_view name = text_at();
        const ParamSpec* spec = find_spec(specific, name);
        if (!spec && !declared_only) spec = find_spec(known_params(), name);
        if (!spec) return nullptr;
        return parse_param_with(*spec);
      },
      [&]() -> Node* {
        error_here("Missing parameter");
        uint32_t b = begin_of_next();
        auto* p = arena_.make<ParamNode>(Span{b, b});
        p->value = arena_.make<MissingNode>(Span{b, b});
        return p;
      },
      [&] { return at_common_list_end(); }, false);
  for (Node* n : items) out.push_back(static_cast<ParamNode*>(n));
  return out;
}

// ---------------------------------------------------------------- statements

LetStmtNode* Parser::parse_let() {
  uint32_t b = begin_of_next();
  take();  // let
  auto* let = arena_.make<LetStmtNode>(Span{b, b});
  let->name = parse_name();
  if (!let->name) let->name = missing_name();
  expect(TokenKind::Equal);
  if (at_kw(Keyword::Materialize)) {
    uint32_t mb = begin_of_next();
    take();
    auto* m = arena_.make<MaterializeNode>(Span{mb, mb});
    expect(TokenKind::LParen);
    m->expr = parse_expression();
    if (!m->expr) m->expr = missing_expression();
    expect(TokenKind::RParen);
    let->value = finish(m);
  } else if (at_kw(Keyword::EntityGroup)) {
    uint32_t eb = begin_of_next();
    take();
    auto* eg = arena_.make<EntityGroupNode>(Span{eb, eb});
    expect(TokenKind::LBracket);
    eg->items = comma_list([&] { return parse_unnamed_expression(); }, [&] { return missing_expression(); },
                           [&] { return at_common_list_end(); }, true);
    expect(TokenKind::RBracket);
    let->value = finish(eg);
  } else if (scan_function_decl_start()) {
    let->value = parse_function_decl();
  } else {
    let->value = parse_expression();
    if (!let->value) let->value = missing_expression();
  }
  return finish(let);
}

Node* Parser::parse_statement() {
  uint32_t b = begin_of_next();
  if (at_kw(Keyword::Let)) return parse_let();
  if (at_kw(Keyword::Alias)) {
    take();
    auto* a = arena_.make<AliasStmtNode>(Span{b, b});
    expect_kw(Keyword::Database);
    a->name = parse_name();
    if (!a->name) a->name = missing_name();
    expect(TokenKind::Equal);
    a->value = parse_unnamed_expression();
    if (!a->value) a->value = missing_expression();
    return finish(a);
  }
  if (at_kw(Keyword::Set)) {
    take();
    auto* s = arena_.make<SetStmtNode>(Span{b, b});
    s->name = parse_name();
    if (!s->name) s->name = missing_name();
    if (accept(TokenKind::Equal)) {
      s->value = parse_unnamed_expression();
      if (!s->value) s->value = missing_expression();
    }
    return finish(s);
  }
  if (at_kw(Keyword::Declare)) {
    if (at_kw(Keyword::Pattern, 1)) {
      take();
      take();
      auto* ps = arena_.make<PatternStmtNode>(Span{b, b});
      ps->name = parse_name();
      if (!ps->name) ps->name = missing_name();
      if (accept(TokenKind::Equal)) {
        ps->has_declaration = true;
        expect(TokenKind::LParen);
        NodeList params = comma_list([&]() -> Node* { return parse_name_and_type(); },
                                     [&]() -> Node* { return missing("Missing parameter"); },
                                     [&] { return at_common_list_end(); }, false);
        for (Node* p : params)
          if (auto* nt = p->as<NameAndTypeNode>()) ps->params.push_back(nt);
        expect(TokenKind::RParen);
        if (accept(TokenKind::LBracket)) {
          ps->path_param = parse_name_and_type();
          expect(TokenKind::RBracket);
        }
        expect(TokenKind::LBrace);
        while (at(TokenKind::LParen)) {
          PatternStmtNode::Match m;
          take();
          m.values = comma_list([&] { return parse_unnamed_expression(); }, [&] { return missing("Missing string"); },
                                [&] { return at_common_list_end(); }, true);
          expect(TokenKind::RParen);
          if (accept(TokenKind::Dot)) {
            expect(TokenKind::LBracket);
            m.path_value = parse_literal();
            if (!m.path_value) m.path_value = missing("Missing string");
            expect(TokenKind::RBracket);
          }
          expect(TokenKind::Equal);
          m.body = parse_function_body();
          if (!m.body) {
            error_here("Expected: {");
            uint32_t pb = begin_of_next();
            m.body = arena_.make<FunctionBodyNode>(Span{pb, pb});
          }
          expect(TokenKind::Semicolon);
          ps->matches.push_back(m);
        }
        if (ps->matches.empty()) error_here("Missing pattern match");
        expect(TokenKind::RBrace);
      }
      return finish(ps);
    }
    take();
    auto* qp = arena_.make<QueryParametersStmtNode>(Span{b, b});
    expect_kw(Keyword::QueryParameters);
    expect(TokenKind::LParen);
    NodeList params = comma_list([&]() -> Node* { return parse_function_param(); },
                                 [&]() -> Node* {
                                   error_here("Missing parameter");
                                   uint32_t pb = begin_of_next();
                                   return arena_.make<FunctionParamNode>(Span{pb, pb});
                                 },
                                 [&] { return at_common_list_end(); }, true);
    for (Node* p : params) qp->params.push_back(static_cast<FunctionParamNode*>(p));
    expect(TokenKind::RParen);
    return finish(qp);
  }
  if (at_kw(Keyword::Restrict)) {
    take();
    auto* r = arena_.make<RestrictStmtNode>(Span{b, b});
    expect_kw(Keyword::Access);
    expect_kw(Keyword::To);
    expect(TokenKind::LParen);
    r->items = comma_list(
        [&]() -> Node* {
          if (Node* w = parse_wildcarded_entity()) return w;
          return parse_name();
        },
        [&] { return missing_expression(); }, [&] { return at_common_list_end(); }, true);
    expect(TokenKind::RParen);
    return finish(r);
  }
  Node* expr = parse_expression();
  if (!expr) return nullptr;
  auto* es = arena_.make<ExprStmtNode>(expr->span);
  es->expr = expr;
  return es;
}

QueryBlockNode* Parser::parse_query_block() {
  auto* block = arena_.make<QueryBlockNode>(Span{0, 0});
  Node* stmt = parse_statement();
  std::optional<Span> last_semicolon;
  while (stmt) {
    block->statements.push_back(stmt);
    if (at(TokenKind::Semicolon)) {
      last_semicolon = peek().span();
      take();
      stmt = parse_statement();
      continue;
    }
    uint32_t end = last_end_;
    Node* next = parse_statement();
    if (next) error(Span{end, end}, "Expected: ;");
    stmt = next;
  }
  if (at(TokenKind::Bar) && last_semicolon && last_end_ == last_semicolon->end) {
    // `let T = ... | sort by x;` followed by `| evaluate ...`: the ';' ended the pipeline.
    LineCol semi = source_.locate(last_semicolon->begin);
    error(peek().span(), fmt::format("A statement cannot start with '|': the ';' at {}:{} ends the statement before "
                                     "it. Remove the ';' to go on with that pipeline, or start this statement with "
                                     "a table (for example the name the let defines).",
                                     semi.line, semi.col));
    skip_to_end();
  } else if (!at(TokenKind::End)) {
    error(peek().span(), "The incomplete fragment is unexpected.");
    skip_to_end();
  }
  block->span = Span{0, static_cast<uint32_t>(source_.text().size())};
  return block;
}

}  // namespace detail

std::unique_ptr<SyntaxTree> parse(std::string text) {
  auto tree = std::make_unique<SyntaxTree>();
  auto source = std::make_shared<SourceText>(std::move(text));
  tree->source = source;
  const std::string& s = source->text();

  // A leading '.' marks a management command, as in Kusto; commands have their own grammar.
  size_t first = s.find_first_not_of(" \t\r\n");
  while (first != std::string::npos && s.compare(first, 2, "//") == 0) {
    size_t eol = s.find('\n', first);
    first = eol == std::string::npos ? eol : s.find_first_not_of(" \t\r\n", eol);
  }
  if (first != std::string::npos && s[first] == '.') {
    auto* cmd = tree->arena.make<CommandNode>(Span{static_cast<uint32_t>(first), static_cast<uint32_t>(s.size())});
    cmd->text = std::string_view(s).substr(first);
    tree->root = cmd;
    return tree;
  }

  std::vector<Token> tokens = tokenize(s, tree->diagnostics);
  detail::Parser parser(*source, std::move(tokens), tree->arena, tree->diagnostics);
  tree->root = parser.parse_query_block();
  std::stable_sort(tree->diagnostics.begin(), tree->diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.span.begin < b.span.begin; });
  return tree;
}

}  // namespace huntdb::kql
