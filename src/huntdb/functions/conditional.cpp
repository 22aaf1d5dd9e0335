// Conditional and null-test functions: iff/iif, case, coalesce, isempty, isnull, not, ...
#include "huntdb/functions/declare.h"

namespace huntdb::functions {

namespace {

using namespace types;
using namespace declare;

// case(p1, v1, p2, v2, ..., else): the common type of the values and the else.
ScalarType case_result(std::span<const ArgInfo> args) {
  std::vector<ArgInfo> values;
  for (size_t i = 1; i < args.size(); i += 2) values.push_back(args[i]);
  if (args.size() % 2 == 1) values.push_back(args.back());
  return common_type(values);
}

// coalesce: any dynamic argument makes the result dynamic; otherwise the values must be of one
// kind, numbers widening (int stays int when all are int), as max_of's: no common_type() here,
// which would let other mixtures through as dynamic.
ScalarType coalesce_result(std::span<const ArgInfo> args) {
  for (const auto& a : args) {
    if (a.type == ScalarType::Dynamic) return ScalarType::Dynamic;
  }
  return same_kind_type(args);
}

}  // namespace

void register_conditional_functions(Registry& r) {
  for (std::string_view name : {"iff", "iif"}) {
    r.add({.name = name,
           .signatures = {common(1, {{"if", kBool}, {"then"}, {"else"}})},
           .description = "The `then` value if the condition is true, else the `else` value."});
  }
  r.add({.name = "case",
         .signatures = {custom(case_result, {{"predicate", kBool}, {"then"}, many("rest")})},
         .description = "The value paired with the first true predicate, else the last argument."});
  r.add({.name = "coalesce",
         .signatures = {custom(coalesce_result, {{"expr"}, many("more")})},
         .description = "The first argument that is not null (or empty, for strings)."});
  for (std::string_view name : {"isempty", "isnotempty", "notempty"}) {
    r.add({.name = name,
           .signatures = {fixed(ScalarType::Bool, {{"value"}})},
           .hidden = name == "notempty",
           .description = "Whether the value is (not) null or an empty string."});
  }
  for (std::string_view name : {"isnull", "isnotnull", "notnull"}) {
    r.add({.name = name,
           .signatures = {fixed(ScalarType::Bool, {{"value"}})},
           .hidden = name == "notnull",
           .description = "Whether the value is (not) null."});
  }
  r.add({.name = "not",
         .signatures = {fixed(ScalarType::Bool, {{"expr", kBool}})},
         .description = "Logical negation."});
}

}  // namespace huntdb::functions
