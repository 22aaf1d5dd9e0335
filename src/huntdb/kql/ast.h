// The KQL syntax tree. Every node keeps the byte span of the text it came from. Expressions and
// tabular operators share one base: in KQL a pipeline is an expression (`T | where x` is a Pipe
// whose right side is a Where operator), and operators such as `print` or `union` can also start
// one. Text the parser could not make sense of still becomes nodes (Missing, BadOperator) so that
// the binder and the printer always see a complete tree; the diagnostics say what was wrong.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "huntdb/common/source.h"

namespace huntdb::kql {

enum class NodeKind : uint8_t {
  // --- scalar and shared expressions
  Missing,         // placeholder where an expression was required but absent
  Literal,         // one literal token (string, number, bool, datetime(...), ...)
  CompoundString,  // adjacent string literals: 'a' "b"
  Name,            // identifier, ['bracketed'], {client_param}, or wildcard pattern (Col*)
  Star,            // *
  At,              // @ (in union/find operands)
  Paren,           // ( expr )
  Unary,           // -x, +x
  Binary,          // arithmetic, comparison, string operators, and/or
  In,              // in, !in, in~, !in~, has_any, has_all
  Between,         // between, !between
  Call,            // f(args)
  Path,            // a.b
  Element,         // a[expr]
  SimpleNamed,     // name = expr
  CompoundNamed,   // (a, b) = expr
  Ordered,         // expr asc|desc nulls first|last
  TypeOf,          // typeof(string) / typeof(a:int, *)
  PrimitiveType,   // string, long, ...
  SchemaType,      // (a:int, b:string) or (*)
  NameAndType,     // a:int
  TypedColumn,     // find ... project col:type
  Dynamic,         // dynamic(json)
  JsonArray,
  JsonObject,
  JsonPair,
  ToScalar,        // toscalar([kind=..] expr)
  ToTable,         // totable(expr)
  Materialize,     // materialize(expr)
  DataTable,       // datatable(schema)[values]
  ExternalData,    // externaldata(schema)[uris] with (props)
  InlineExternalTable,  // inline_external_table(schema) kind=... dataformat=... (uris)
  Param,           // name = value (operator parameters, with-properties)
  NameList,        // a, b, c (a parameter whose value is a list of columns)
  FunctionDecl,    // (params) { body } / view (params) { body }
  FunctionParam,   // name:type [= default]
  FunctionBody,    // { let ...; expr }
  EntityGroup,     // entity_group [a, b]
  Pipe,            // source | operator
  // --- tabular operators (may appear after '|'; some may also start a pipeline)
  BadOperator,     // an identifier after '|' that is no operator
  Where,           // where / filter
  Extend,
  Project,
  ProjectAway,
  ProjectByNames,
  ProjectKeep,
  ProjectRename,
  ProjectReorder,
  Summarize,
  Count,
  Take,            // take / limit
  Top,
  TopNested,
  TopNestedClause,
  TopHitters,
  Sort,            // sort / order
  Distinct,
  Union,
  Join,
  Lookup,
  As,
  GetSchema,
  Serialize,
  MvExpand,
  MvApply,
  MvItem,          // one mv-expand / mv-apply expression with optional `to typeof(...)`
  Parse,           // parse / parse-where
  ParseKv,
  MakeSeries,
  MakeSeriesItem,  // aggregate [default = value]
  Sample,
  SampleDistinct,
  Search,
  Find,
  Fork,
  ForkProng,       // [name =] ( pipeline )
  Facet,
  Partition,
  PartitionBy,
  Scan,
  ScanStep,
  Reduce,
  Consume,
  Invoke,
  Render,
  Evaluate,
  Print,
  Range,
  ExecuteAndCache,
  AssertSchema,
  MacroExpand,
  MakeGraph,
  GraphMatch,
  GraphMerge,
  GraphToTable,
  GraphMarkComponents,
  GraphShortestPaths,
  GraphPattern,    // one element of a graph-match pattern: (n), -[e]->, --, ...
  // --- statements
  LetStmt,
  SetStmt,
  QueryParametersStmt,
  AliasStmt,
  RestrictStmt,
  PatternStmt,
  ExprStmt,
  QueryBlock,
  Command,         // a management command (leading '.'), kept as text here
};

struct Node {
  explicit Node(NodeKind k) : kind(k) {}
  virtual ~Node() = default;
  Node(const Node&) = delete;
  Node& operator=(const Node&) = delete;

  NodeKind kind;
  Span span;

  template <typename T>
  T* as() { return kind == T::kKind ? static_cast<T*>(this) : nullptr; }
  template <typename T>
  const T* as() const { return kind == T::kKind ? static_cast<const T*>(this) : nullptr; }
};

using NodeList = std::vector<Node*>;

#define HUNTDB_NODE(Name)                          \
  static constexpr NodeKind kKind = NodeKind::Name; \
  Name##Node() : Node(kKind) {}

struct MissingNode : Node { HUNTDB_NODE(Missing) };

enum class LiteralKind : uint8_t { Bool, Int, Long, Real, Decimal, String, DateTime, TimeSpan, Guid, Token };

struct LiteralNode : Node {
  HUNTDB_NODE(Literal)
  LiteralKind lit = LiteralKind::Token;
  std::string_view text;  // the literal exactly as written (a sign is part of it: -5, -1h)
};

struct CompoundStringNode : Node {
  HUNTDB_NODE(CompoundString)
  std::vector<std::string_view> parts;  // each part as written, quotes included
};

enum class NameForm : uint8_t { Plain, Bracketed, Braced, Wildcard, BracketedWildcard };

struct NameNode : Node {
  HUNTDB_NODE(Name)
  NameForm form = NameForm::Plain;
  std::string_view raw;  // as written: Computer, ['Event Data'], {param}, Col*
  std::string value;     // the name it denotes: Computer, Event Data, param, Col*
};

struct StarNode : Node { HUNTDB_NODE(Star) };
struct AtNode : Node { HUNTDB_NODE(At) };

struct ParenNode : Node {
  HUNTDB_NODE(Paren)
  Node* inner = nullptr;
};

enum class UnaryOp : uint8_t { Plus, Minus };

struct UnaryNode : Node {
  HUNTDB_NODE(Unary)
  UnaryOp op = UnaryOp::Minus;
  Node* operand = nullptr;
};

enum class BinaryOp : uint8_t {
  Add, Subtract, Multiply, Divide, Modulo,
  Less, LessEqual, Greater, GreaterEqual,
  Equal, NotEqual, EqualTilde, BangTilde,
  And, Or,
  Has, NotHas, HasCs, NotHasCs, HasPrefix, NotHasPrefix, HasPrefixCs, NotHasPrefixCs,
  HasSuffix, NotHasSuffix, HasSuffixCs, NotHasSuffixCs,
  Contains, NotContains, ContainsCs, NotContainsCs,
  StartsWith, NotStartsWith, StartsWithCs, NotStartsWithCs,
  EndsWith, NotEndsWith, EndsWithCs, NotEndsWithCs,
  Like, NotLike, LikeCs, NotLikeCs,
  MatchesRegex,
  Search,  // col:"term" inside search predicates
};

struct BinaryNode : Node {
  HUNTDB_NODE(Binary)
  BinaryOp op = BinaryOp::Add;
  std::string_view op_text;  // as written (`<>` vs `!=`, `notcontains` vs `!contains`)
  Node* lhs = nullptr;
  Node* rhs = nullptr;
};

enum class InOp : uint8_t { In, NotIn, InCs, NotInCs, HasAny, HasAll };

struct InNode : Node {
  HUNTDB_NODE(In)
  InOp op = InOp::In;
  Node* lhs = nullptr;
  NodeList list;
};

struct BetweenNode : Node {
  HUNTDB_NODE(Between)
  bool negated = false;
  Node* lhs = nullptr;
  Node* low = nullptr;
  Node* high = nullptr;
};

struct CallNode : Node {
  HUNTDB_NODE(Call)
  NameNode* name = nullptr;
  NodeList args;  // expressions, SimpleNamed for name=value arguments, Star for f(*)
};

struct PathNode : Node {
  HUNTDB_NODE(Path)
  Node* target = nullptr;
  Node* member = nullptr;  // Name, Call, or a bracketed Name
};

struct ElementNode : Node {
  HUNTDB_NODE(Element)
  Node* target = nullptr;
  Node* index = nullptr;  // expression inside [ ]; a bracketed name becomes Name with form Bracketed
};

struct SimpleNamedNode : Node {
  HUNTDB_NODE(SimpleNamed)
  NameNode* name = nullptr;
  Node* value = nullptr;
};

struct CompoundNamedNode : Node {
  HUNTDB_NODE(CompoundNamed)
  std::vector<NameNode*> names;
  Node* value = nullptr;
};

struct OrderedNode : Node {
  HUNTDB_NODE(Ordered)
  Node* expr = nullptr;
  std::string_view direction;  // "", asc, desc, granny-asc, granny-desc
  std::string_view nulls;      // "", first, last
};

struct TypeOfNode : Node {
  HUNTDB_NODE(TypeOf)
  NodeList items;  // PrimitiveType, NameAndType, or Star
};

struct PrimitiveTypeNode : Node {
  HUNTDB_NODE(PrimitiveType)
  std::string_view text;
};

struct SchemaTypeNode : Node {
  HUNTDB_NODE(SchemaType)
  NodeList columns;  // NameAndType or Star
};

struct NameAndTypeNode : Node {
  HUNTDB_NODE(NameAndType)
  NameNode* name = nullptr;  // may be null when only ':type' was written
  Node* type = nullptr;      // PrimitiveType or SchemaType
};

struct TypedColumnNode : Node {
  HUNTDB_NODE(TypedColumn)
  NameNode* name = nullptr;
  Node* type = nullptr;
};

struct DynamicNode : Node {
  HUNTDB_NODE(Dynamic)
  Node* value = nullptr;  // Literal, Unary(-number), JsonArray, JsonObject, Name(null)
};

struct JsonArrayNode : Node {
  HUNTDB_NODE(JsonArray)
  NodeList items;
};

struct JsonPairNode : Node {
  HUNTDB_NODE(JsonPair)
  std::string_view key;  // the key's string literal as written; empty if missing
  Node* value = nullptr;
};

struct JsonObjectNode : Node {
  HUNTDB_NODE(JsonObject)
  std::vector<JsonPairNode*> pairs;
};

struct ParamNode : Node {
  HUNTDB_NODE(Param)
  std::string_view name;  // hint.strategy, kind, withsource, ...
  bool has_equals = true;
  Node* value = nullptr;
};

using ParamList = std::vector<ParamNode*>;

struct NameListNode : Node {
  HUNTDB_NODE(NameList)
  NodeList names;
};

struct ToScalarNode : Node {
  HUNTDB_NODE(ToScalar)
  ParamNode* kind_param = nullptr;
  Node* expr = nullptr;
};

struct ToTableNode : Node {
  HUNTDB_NODE(ToTable)
  ParamNode* kind_param = nullptr;
  Node* expr = nullptr;
};

struct MaterializeNode : Node {
  HUNTDB_NODE(Materialize)
  Node* expr = nullptr;
};

struct DataTableNode : Node {
  HUNTDB_NODE(DataTable)
  ParamList params;
  std::vector<NameAndTypeNode*> schema;
  NodeList values;
};

struct ExternalDataNode : Node {
  HUNTDB_NODE(ExternalData)
  std::string_view keyword;  // externaldata / external_data
  ParamList params;
  std::vector<NameAndTypeNode*> schema;
  NodeList uris;
  bool has_with = false;
  ParamList with_props;
};

struct InlineExternalTableNode : Node {
  HUNTDB_NODE(InlineExternalTable)
  std::vector<NameAndTypeNode*> schema;
  ParamList params;                              // kind=, dataformat=
  std::vector<struct FunctionParamNode*> partitions;  // partition by (Col:type = expr, ...)
  std::string_view path_format;                  // pathformat=( ... ) as written
  NodeList uris;
  bool has_with = false;
  ParamList with_props;
};

struct FunctionParamNode : Node {
  HUNTDB_NODE(FunctionParam)
  NameAndTypeNode* decl = nullptr;
  Node* default_value = nullptr;
};

struct FunctionBodyNode : Node {
  HUNTDB_NODE(FunctionBody)
  NodeList statements;  // let / declare query_parameters statements, each followed by ';'
  Node* expr = nullptr;  // the body's result; may be null
  bool trailing_semicolon = false;
};

struct FunctionDeclNode : Node {
  HUNTDB_NODE(FunctionDecl)
  bool is_view = false;
  std::vector<FunctionParamNode*> params;
  FunctionBodyNode* body = nullptr;
};

struct EntityGroupNode : Node {
  HUNTDB_NODE(EntityGroup)
  NodeList items;
};

struct PipeNode : Node {
  HUNTDB_NODE(Pipe)
  Node* source = nullptr;
  Node* op = nullptr;
};

// ---- tabular operators

struct BadOperatorNode : Node {
  HUNTDB_NODE(BadOperator)
  std::string_view text;  // the identifier found where an operator was expected ("" if none)
};

// Operators whose whole shape is a keyword, parameters and one comma list of expressions:
// extend, project, project-away/keep/rename/reorder, distinct, serialize, print, union.
#define HUNTDB_LIST_OPERATOR(Name)   \
  struct Name##Node : Node {         \
    HUNTDB_NODE(Name)                \
    ParamList params;                \
    NodeList items;                  \
  };
HUNTDB_LIST_OPERATOR(Extend)
HUNTDB_LIST_OPERATOR(Project)
HUNTDB_LIST_OPERATOR(ProjectAway)
HUNTDB_LIST_OPERATOR(ProjectByNames)
HUNTDB_LIST_OPERATOR(ProjectKeep)
HUNTDB_LIST_OPERATOR(ProjectRename)
HUNTDB_LIST_OPERATOR(ProjectReorder)
HUNTDB_LIST_OPERATOR(Distinct)
HUNTDB_LIST_OPERATOR(Serialize)
HUNTDB_LIST_OPERATOR(Print)
HUNTDB_LIST_OPERATOR(Union)
#undef HUNTDB_LIST_OPERATOR

struct WhereNode : Node {
  HUNTDB_NODE(Where)
  std::string_view keyword;  // where / filter
  ParamList params;
  Node* predicate = nullptr;
};

struct SummarizeNode : Node {
  HUNTDB_NODE(Summarize)
  ParamList params;
  NodeList aggregates;
  bool has_by = false;
  NodeList by;
  Node* bin_clause = nullptr;  // legacy `bin = size` after the by list
};

struct CountNode : Node {
  HUNTDB_NODE(Count)
  NameNode* as_name = nullptr;
};

struct TakeNode : Node {
  HUNTDB_NODE(Take)
  std::string_view keyword;  // take / limit
  ParamList params;
  Node* count = nullptr;
};

struct TopNode : Node {
  HUNTDB_NODE(Top)
  ParamList params;
  Node* count = nullptr;
  Node* by = nullptr;  // Ordered or plain expression
};

struct TopNestedClauseNode : Node {
  HUNTDB_NODE(TopNestedClause)
  Node* count = nullptr;  // may be null (top-nested of X by ...)
  Node* of = nullptr;
  Node* others = nullptr;  // with others = value
  Node* by = nullptr;
};

struct TopNestedNode : Node {
  HUNTDB_NODE(TopNested)
  std::vector<TopNestedClauseNode*> clauses;
};

struct TopHittersNode : Node {
  HUNTDB_NODE(TopHitters)
  Node* count = nullptr;
  Node* of = nullptr;
  Node* by = nullptr;
};

struct SortNode : Node {
  HUNTDB_NODE(Sort)
  std::string_view keyword;  // sort / order
  ParamList params;
  NodeList items;  // Ordered or plain expressions
};

struct JoinNode : Node {
  HUNTDB_NODE(Join)
  ParamList params;
  Node* right = nullptr;
  bool has_on = false;
  NodeList on;            // on a, $left.b == $right.c
  Node* where = nullptr;  // join ... where predicate
};

struct LookupNode : Node {
  HUNTDB_NODE(Lookup)
  ParamList params;
  Node* right = nullptr;
  NodeList on;
};

struct AsNode : Node {
  HUNTDB_NODE(As)
  ParamList params;
  NameNode* name = nullptr;
};

struct GetSchemaNode : Node {
  HUNTDB_NODE(GetSchema)
  ParamNode* kind_param = nullptr;
};

struct MvItemNode : Node {
  HUNTDB_NODE(MvItem)
  Node* expr = nullptr;         // may be null (`to typeof(...)` alone)
  TypeOfNode* to_type = nullptr;
};

struct MvExpandNode : Node {
  HUNTDB_NODE(MvExpand)
  std::string_view keyword;  // mv-expand / mvexpand
  ParamList params;
  std::vector<MvItemNode*> items;
  Node* limit = nullptr;
};

struct MvApplyNode : Node {
  HUNTDB_NODE(MvApply)
  std::string_view keyword;  // mv-apply / mvapply
  ParamList params;
  std::vector<MvItemNode*> items;
  Node* limit = nullptr;
  Node* context_id = nullptr;
  Node* subquery = nullptr;  // the pipeline inside on ( ... )
};

struct ParseNode : Node {
  HUNTDB_NODE(Parse)
  bool is_where = false;  // parse-where
  ParamList params;
  Node* source = nullptr;
  NodeList pattern;  // Star, Literal/CompoundString, Name, NameAndType
};

struct ParseKvNode : Node {
  HUNTDB_NODE(ParseKv)
  Node* source = nullptr;
  std::vector<NameAndTypeNode*> keys;
  bool has_with = false;
  ParamList with_props;
};

struct MakeSeriesItemNode : Node {
  HUNTDB_NODE(MakeSeriesItem)
  Node* expr = nullptr;
  Node* default_value = nullptr;
};

struct MakeSeriesNode : Node {
  HUNTDB_NODE(MakeSeries)
  ParamList params;
  std::vector<MakeSeriesItemNode*> items;
  Node* on = nullptr;
  bool in_range = false;  // in range(start, stop, step) form
  NodeList range_args;
  Node* from = nullptr;
  Node* to = nullptr;
  Node* step = nullptr;
  bool has_by = false;
  NodeList by;
};

struct SampleNode : Node {
  HUNTDB_NODE(Sample)
  ParamList params;
  Node* count = nullptr;
};

struct SampleDistinctNode : Node {
  HUNTDB_NODE(SampleDistinct)
  ParamList params;
  Node* count = nullptr;
  Node* of = nullptr;
};

struct SearchNode : Node {
  HUNTDB_NODE(Search)
  ParamList params;
  bool has_in = false;
  NodeList in_tables;
  Node* predicate = nullptr;
};

struct FindNode : Node {
  HUNTDB_NODE(Find)
  ParamList params;
  bool has_in = false;
  NodeList in_tables;
  bool has_where = false;
  Node* predicate = nullptr;
  std::string_view project_keyword;  // "", project, project-smart
  NodeList project;
  bool has_project_away = false;
  NodeList project_away;
};

struct ForkProngNode : Node {
  HUNTDB_NODE(ForkProng)
  NameNode* name = nullptr;
  Node* expr = nullptr;
};

struct ForkNode : Node {
  HUNTDB_NODE(Fork)
  std::vector<ForkProngNode*> prongs;
};

struct FacetNode : Node {
  HUNTDB_NODE(Facet)
  NodeList by;
  bool has_with = false;
  bool with_parenthesized = false;
  Node* with = nullptr;  // pipeline (parenthesized) or a single operator
};

struct PartitionNode : Node {
  HUNTDB_NODE(Partition)
  ParamList params;
  Node* by = nullptr;
  Node* scope = nullptr;     // in (function call / dynamic)
  bool braced = false;       // { query } vs ( subquery )
  Node* operand = nullptr;
};

struct PartitionByNode : Node {
  HUNTDB_NODE(PartitionBy)
  ParamList params;
  Node* by = nullptr;
  Node* id = nullptr;
  Node* subquery = nullptr;
};

struct ScanStepNode : Node {
  HUNTDB_NODE(ScanStep)
  NameNode* name = nullptr;
  bool optional = false;
  std::string_view output;  // "", all, last, none
  Node* condition = nullptr;
  NodeList assignments;  // SimpleNamed (name = expr)
};

struct ScanNode : Node {
  HUNTDB_NODE(Scan)
  ParamList params;
  bool has_order = false;
  NodeList order_by;
  bool has_partition = false;
  NodeList partition_by;
  bool has_declare = false;
  std::vector<FunctionParamNode*> declare;
  std::vector<ScanStepNode*> steps;
};

struct ReduceNode : Node {
  HUNTDB_NODE(Reduce)
  ParamList params;
  Node* by = nullptr;
  bool has_with = false;
  ParamList with_params;
};

struct ConsumeNode : Node {
  HUNTDB_NODE(Consume)
  ParamList params;
};

struct InvokeNode : Node {
  HUNTDB_NODE(Invoke)
  Node* call = nullptr;
};

struct RenderNode : Node {
  HUNTDB_NODE(Render)
  std::string_view chart;  // timechart, barchart, ...
  ParamList legacy_params;  // kind=..., title=..., by a, b (older syntax)
  bool has_with = false;
  ParamList with_props;
};

struct EvaluateNode : Node {
  HUNTDB_NODE(Evaluate)
  ParamList params;
  Node* call = nullptr;
  std::vector<NameAndTypeNode*> schema;  // evaluate plugin(...) : (col:type, ...)
  bool has_schema = false;
};

struct RangeNode : Node {
  HUNTDB_NODE(Range)
  NameNode* name = nullptr;
  Node* from = nullptr;
  Node* to = nullptr;
  Node* step = nullptr;
};

struct ExecuteAndCacheNode : Node { HUNTDB_NODE(ExecuteAndCache) };

struct AssertSchemaNode : Node {
  HUNTDB_NODE(AssertSchema)
  std::vector<NameAndTypeNode*> schema;
};

struct MacroExpandNode : Node {
  HUNTDB_NODE(MacroExpand)
  ParamList params;
  Node* entity_group = nullptr;
  NameNode* name = nullptr;
  NodeList statements;
};

struct MakeGraphNode : Node {
  HUNTDB_NODE(MakeGraph)
  NameNode* source = nullptr;
  std::string_view direction;  // --> or --
  NameNode* target = nullptr;
  ParamList params;            // with_node_id=...
  Node* partitioned_by = nullptr;
  Node* partition_query = nullptr;
  bool has_with = false;
  NodeList with_tables;   // table expressions
  std::vector<NameNode*> with_keys;  // ... on key
};

struct GraphPatternNode : Node {
  HUNTDB_NODE(GraphPattern)
  bool is_node = true;        // (name) vs an edge
  bool comma_before = false;  // starts another path: (a)-[e]->(b), (c)--(d)
  std::string_view open;      // --> <-- -- -[ <-[
  std::string_view close;     // ]-> ]-
  NameNode* name = nullptr;
  Node* range_low = nullptr;  // *1..3
  Node* range_high = nullptr;
};

struct GraphMatchNode : Node {
  HUNTDB_NODE(GraphMatch)
  ParamList params;
  std::vector<GraphPatternNode*> pattern;
  Node* where = nullptr;
  bool has_project = false;
  NodeList project;
};

struct GraphMergeNode : Node {
  HUNTDB_NODE(GraphMerge)
  Node* right = nullptr;
  bool has_on = false;
  NodeList on;
};

struct GraphToTableNode : Node {
  HUNTDB_NODE(GraphToTable)
  std::vector<std::string_view> entities;  // nodes / edges
  ParamList params;
  NameNode* as_name = nullptr;
};

struct GraphMarkComponentsNode : Node {
  HUNTDB_NODE(GraphMarkComponents)
  ParamList params;
};

struct GraphShortestPathsNode : Node {
  HUNTDB_NODE(GraphShortestPaths)
  ParamList params;
  std::vector<GraphPatternNode*> pattern;
  Node* where = nullptr;
  bool has_project = false;
  NodeList project;
};

// ---- statements

struct LetStmtNode : Node {
  HUNTDB_NODE(LetStmt)
  NameNode* name = nullptr;
  Node* value = nullptr;  // expression, FunctionDecl, Materialize, EntityGroup
};

struct SetStmtNode : Node {
  HUNTDB_NODE(SetStmt)
  NameNode* name = nullptr;
  Node* value = nullptr;  // may be null: `set querytrace;`
};

struct QueryParametersStmtNode : Node {
  HUNTDB_NODE(QueryParametersStmt)
  std::vector<FunctionParamNode*> params;
};

struct AliasStmtNode : Node {
  HUNTDB_NODE(AliasStmt)
  NameNode* name = nullptr;
  Node* value = nullptr;
};

struct RestrictStmtNode : Node {
  HUNTDB_NODE(RestrictStmt)
  NodeList items;
};

// declare pattern name [= (args) [.[path]] { (values).[path] = { body }; ... }]
struct PatternStmtNode : Node {
  HUNTDB_NODE(PatternStmt)
  NameNode* name = nullptr;
  bool has_declaration = false;
  std::vector<NameAndTypeNode*> params;
  NameAndTypeNode* path_param = nullptr;
  struct Match {
    NodeList values;
    Node* path_value = nullptr;
    FunctionBodyNode* body = nullptr;
  };
  std::vector<Match> matches;
};

struct ExprStmtNode : Node {
  HUNTDB_NODE(ExprStmt)
  Node* expr = nullptr;
};

struct QueryBlockNode : Node {
  HUNTDB_NODE(QueryBlock)
  NodeList statements;
};

struct CommandNode : Node {
  HUNTDB_NODE(Command)
  std::string_view text;
};

#undef HUNTDB_NODE

// Owns every node of one tree.
class NodeArena {
 public:
  template <typename T>
  T* make(Span span) {
    auto node = std::make_unique<T>();
    node->span = span;
    T* raw = node.get();
    nodes_.push_back(std::move(node));
    return raw;
  }
  size_t size() const { return nodes_.size(); }

 private:
  std::vector<std::unique_ptr<Node>> nodes_;
};

// True for the node kinds that are tabular operators.
bool is_operator(NodeKind k);
std::string_view node_kind_name(NodeKind k);

}  // namespace huntdb::kql
