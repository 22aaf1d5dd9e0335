// The recursive-descent parser shared by parser.cpp (statements, names, literals),
// parse_expression.cpp (scalar expressions) and parse_operators.cpp (tabular operators).
// Not part of the kql/ interface.
#pragma once

#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "huntdb/kql/ast.h"
#include "huntdb/kql/lexer.h"
#include "huntdb/kql/parser.h"

namespace huntdb::kql::detail {

// How a query-operator parameter's value is written.
enum class ParamValue : uint8_t {
  Any,        // literal, word or name
  Word,       // a word: kind=inner
  Name,       // a declared name: withsource=Table
  Column,     // a column reference
  ColumnList, // render ... by a, b
  String,     // any string expression: title="x" or title=strcat(...)
  Real,       // ymin=0
};

struct ParamSpec {
  std::string_view name;
  ParamValue value = ParamValue::Any;
  bool no_equals = false;  // legacy render `with "x"` / `by a, b`
};

using ParamSpecs = std::vector<ParamSpec>;

class Parser {
 public:
  Parser(const SourceText& source, std::vector<Token> tokens, NodeArena& arena, Diagnostics& diags);

  QueryBlockNode* parse_query_block();

  // --- token access (parser.cpp)
  const Token& peek(int k = 0) const;
  TokenKind kind(int k = 0) const { return peek(k).kind; }
  bool at(TokenKind k, int off = 0) const { return peek(off).kind == k; }
  bool at_kw(Keyword kw, int off = 0) const { return peek(off).is(kw); }
  std::string_view text(const Token& t) const;
  std::string_view text_at(int k = 0) const { return text(peek(k)); }
  const Token& take();
  bool accept(TokenKind k);
  bool accept_kw(Keyword kw);
  void expect(TokenKind k);
  void expect_kw(Keyword kw);
  // Matches a multi-token word sequence written without spaces (e.g. "-->", "graph-to-table").
  int scan_text(std::string_view t, int off = 0) const;
  std::string_view take_text(int ntokens);
  uint32_t begin_of_next() const { return peek().begin; }
  uint32_t last_end() const { return last_end_; }
  void error(Span span, std::string message);
  void error_here(std::string message);
  bool too_deep();

  template <typename T>
  T* make(uint32_t begin) {
    T* n = arena_.make<T>(Span{begin, begin});
    n->span.end = last_end_ > begin ? last_end_ : begin;
    return n;
  }
  template <typename T>
  T* finish(T* n) {
    if (last_end_ > n->span.begin) n->span.end = last_end_;
    return n;
  }
  template <typename T>
  T* arena_make() {
    uint32_t b = begin_of_next();
    return arena_.make<T>(Span{b, b});
  }
  template <typename T>
  T* arena_make_at(uint32_t b) {
    return arena_.make<T>(Span{b, b});
  }
  // A node made of exactly the next token.
  template <typename T>
  T* arena_make_token() {
    const Token& t = take();
    return arena_.make<T>(t.span());
  }
  Node* missing(std::string message);
  Node* missing_expression() { return missing("Missing expression"); }
  NameNode* missing_name();

  // --- names (parser.cpp)
  bool is_name_token(int off = 0) const;
  bool is_extended_name_token(int off = 0) const;
  int scan_bracketed_name(int off = 0) const;
  int scan_braced_name(int off = 0) const;
  int scan_name(int off = 0) const;
  int scan_extended_name(int off = 0) const;
  int scan_wildcarded_name(int off = 0) const;
  NameNode* parse_name();
  NameNode* parse_extended_name();
  NameNode* parse_wildcarded_name();
  NameNode* parse_bracketed_wildcarded_name();
  NameNode* name_from_token(const Token& t);

  // --- literals and types (parser.cpp)
  Node* parse_literal();
  Node* parse_string_literal();
  Node* parse_signed_literal();
  Node* parse_dynamic();
  Node* parse_json_value();
  bool scan_type_of_scalar(int off = 0) const;
  bool scan_type_of(int off = 0) const;
  TypeOfNode* parse_type_of();
  bool scan_param_type(int off = 0, bool extended = false) const;
  Node* parse_primitive_type(bool extended);
  NameAndTypeNode* parse_name_and_type();
  Node* parse_schema_type();
  bool parse_row_schema(std::vector<NameAndTypeNode*>& out);
  FunctionParamNode* parse_function_param();
  FunctionBodyNode* parse_function_body();
  bool scan_function_decl_start(int off = 0) const;
  FunctionDeclNode* parse_function_decl();

  // --- operator parameters (parser.cpp)
  ParamList parse_params(const ParamSpecs& specific, bool equals_needed);
  ParamNode* parse_param_with(const ParamSpec& spec);
  ParamList parse_param_comma_list(const ParamSpecs& specific, bool declared_only);
  Node* parse_param_value(ParamValue kind);
  Node* parse_any_param_value();
  int scan_known_param_name(const ParamSpecs& specific, bool equals_needed, int off = 0) const;
  bool is_param_name_(std::string_view name) const;
  const ParamSpecs* current_specs_ = nullptr;
  struct SpecsScope {
    Parser& p;
    const ParamSpecs* saved;
    SpecsScope(Parser& parser, const ParamSpecs* specs) : p(parser), saved(parser.current_specs_) {
      p.current_specs_ = specs;
    }
    ~SpecsScope() { p.current_specs_ = saved; }
  };

  // --- statements (parser.cpp)
  Node* parse_statement();
  LetStmtNode* parse_let();

  // --- expressions (parse_expression.cpp)
  Node* parse_expression();           // a pipeline: expr | op | op ...
  Node* parse_unnamed_expression();   // a scalar expression: a + b, f(x) ...
  Node* parse_named_expression();     // name = expr | (a, b) = expr | expr
  Node* parse_argument();
  Node* parse_primary();
  Node* parse_postfix();              // primary followed by .member and [index]
  Node* parse_unary();
  Node* parse_string_operation();
  Node* parse_multiplicative();
  Node* parse_additive();
  Node* parse_relational();
  Node* parse_equality();
  Node* parse_and();
  Node* parse_or();
  Node* parse_paren();
  Node* parse_bracketed_expression();
  Node* parse_path_selector();
  Node* parse_bare_path_selector();
  Node* parse_path_selector_or_call();
  bool scan_function_call_start(int off = 0) const;
  CallNode* parse_call();
  Node* parse_required_call();
  Node* parse_dot_composite_call();
  NodeList parse_argument_list();
  Node* parse_ordered_expression();
  Node* parse_entity_path();
  Node* parse_wildcarded_entity();
  Node* parse_find_operand();
  Node* parse_union_operand();
  Node* parse_inline_external_table();
  Node* parse_partition_column();
  ParamList parse_with_properties();

  // --- operators (parse_operators.cpp)
  Node* parse_query_operator();
  Node* parse_operator_after_pipe();

  // generic list helpers
  template <typename ParseFn, typename MissingFn, typename EndFn>
  NodeList comma_list(ParseFn parse_elem, MissingFn make_missing, EndFn at_end, bool one_or_more,
                      bool allow_trailing = false);
  bool at_common_list_end(int off = 0) const;

 private:
  const SourceText& source_;
  std::vector<Token> tokens_;
  NodeArena& arena_;
  Diagnostics& diags_;
  size_t pos_ = 0;
  uint32_t last_end_ = 0;
  int depth_ = 0;
  bool too_deep_reported_ = false;

  friend struct DepthGuard;
  friend class OperatorParser;

 public:
  int& depth() { return depth_; }
  void skip_to_end();
};

// Counts nesting; when the limit is crossed the parser reports it once and skips to the end.
struct DepthGuard {
  Parser& p;
  explicit DepthGuard(Parser& parser) : p(parser) { ++p.depth(); }
  ~DepthGuard() { --p.depth(); }
};

struct NoEnd {
  bool operator()() const { return false; }
};

template <typename ParseFn, typename MissingFn, typename EndFn>
NodeList Parser::comma_list(ParseFn parse_elem, MissingFn make_missing, EndFn at_end, bool one_or_more,
                            bool allow_trailing) {
  NodeList list;
  Node* elem = at_end() ? nullptr : parse_elem();
  if (!elem && at(TokenKind::Comma)) elem = make_missing();
  while (elem) {
    if (at(TokenKind::End) || at_end()) {
      list.push_back(elem);
      break;
    }
    if (at(TokenKind::Comma)) {
      take();
      list.push_back(elem);
      elem = at_end() ? nullptr : parse_elem();
      if (elem) continue;
      if (!allow_trailing) list.push_back(make_missing());
      break;
    }
    if constexpr (std::is_same_v<EndFn, NoEnd>) {
      list.push_back(elem);
      break;
    }
    // No comma: a following element means the comma was forgotten.
    uint32_t end = last_end_;
    Node* next = parse_elem();
    if (next) error(Span{end, end}, "Expected: ,");
    list.push_back(elem);
    elem = next;
  }
  if (one_or_more && list.empty()) list.push_back(make_missing());
  return list;
}

}  // namespace huntdb::kql::detail
