#include "huntdb/kql/ast.h"

namespace huntdb::kql {

bool is_operator(NodeKind k) {
  return k >= NodeKind::BadOperator && k <= NodeKind::GraphPattern;
}

std::string_view node_kind_name(NodeKind k) {
  switch (k) {
#define CASE(x) \
  case NodeKind::x: return #x;
    CASE(Missing) CASE(Literal) CASE(CompoundString) CASE(Name) CASE(Star) CASE(At) CASE(Paren) CASE(Unary)
    CASE(Binary) CASE(In) CASE(Between) CASE(Call) CASE(Path) CASE(Element) CASE(SimpleNamed) CASE(CompoundNamed)
    CASE(Ordered) CASE(TypeOf) CASE(PrimitiveType) CASE(SchemaType) CASE(NameAndType) CASE(TypedColumn)
    CASE(Dynamic) CASE(JsonArray) CASE(JsonObject) CASE(JsonPair) CASE(ToScalar) CASE(ToTable) CASE(Materialize)
    CASE(DataTable) CASE(ExternalData) CASE(Param) CASE(NameList) CASE(FunctionDecl) CASE(FunctionParam) CASE(FunctionBody)
    CASE(EntityGroup) CASE(Pipe) CASE(BadOperator) CASE(Where) CASE(Extend) CASE(Project) CASE(ProjectAway) CASE(ProjectByNames) CASE(InlineExternalTable)
    CASE(ProjectKeep) CASE(ProjectRename) CASE(ProjectReorder) CASE(Summarize) CASE(Count) CASE(Take) CASE(Top)
    CASE(TopNested) CASE(TopNestedClause) CASE(TopHitters) CASE(Sort) CASE(Distinct) CASE(Union) CASE(Join)
    CASE(Lookup) CASE(As) CASE(GetSchema) CASE(Serialize) CASE(MvExpand) CASE(MvApply) CASE(MvItem) CASE(Parse)
    CASE(ParseKv) CASE(MakeSeries) CASE(MakeSeriesItem) CASE(Sample) CASE(SampleDistinct) CASE(Search) CASE(Find)
    CASE(Fork) CASE(ForkProng) CASE(Facet) CASE(Partition) CASE(PartitionBy) CASE(Scan) CASE(ScanStep) CASE(Reduce)
    CASE(Consume) CASE(Invoke) CASE(Render) CASE(Evaluate) CASE(Print) CASE(Range) CASE(ExecuteAndCache)
    CASE(AssertSchema) CASE(MacroExpand) CASE(MakeGraph) CASE(GraphMatch) CASE(GraphMerge) CASE(GraphToTable)
    CASE(GraphMarkComponents) CASE(GraphShortestPaths) CASE(GraphPattern) CASE(LetStmt) CASE(SetStmt)
    CASE(QueryParametersStmt) CASE(AliasStmt) CASE(RestrictStmt) CASE(PatternStmt) CASE(ExprStmt) CASE(QueryBlock)
    CASE(Command)
#undef CASE
  }
  return "?";
}

}  // namespace huntdb::kql
