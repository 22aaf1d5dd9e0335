// Conditional and null-test functions: iff/iif, case, coalesce, isempty, isnull, not, ...
#include "huntdb/functions/registry.h"

namespace huntdb::functions {

namespace {

using namespace types;

// case(p1, v1, p2, v2, ..., else): the common type of the values and the else.
ScalarType case_result(std::span<const ArgInfo> args) {
  std::vector<ArgInfo> values;
  for (size_t i = 1; i < args.size(); i += 2) values.push_back(args[i]);
  if (args.size() % 2 == 1) values.push_back(args.back());
  return common_type(values);
}

// coalesce: any dynamic argument makes the result dynamic; numbers widen; other mixtures have
// no common type.
ScalarType coalesce_result(std::span<const ArgInfo> args) {
  ScalarType result = ScalarType::Unknown;
  for (const auto& a : args) {
    if (a.type == ScalarType::Dynamic) return ScalarType::Dynamic;
  }
  for (const auto& a : args) {
    if (a.type == ScalarType::Unknown) continue;
    if (result == ScalarType::Unknown || result == a.type) {
      result = a.type;
    } else if (is_numeric(result) && is_numeric(a.type)) {
      result = widest_numeric(args);
    } else {
      return ScalarType::Unknown;
    }
  }
  return result;
}

}  // namespace

void register_conditional_functions(Registry& r) {
  for (std::string_view name : {"iff", "iif"}) {
    r.add({.name = name,
           .signatures = {{.params = {{"if", kBool}, {"then"}, {"else"}}, .rule = ReturnRule::Common, .param = 1}},
           .description = "The `then` value if the condition is true, else the `else` value."});
  }
  r.add({.name = "case",
         .signatures = {{.params = {{"predicate", kBool}, {"then"}, {"rest", kScalar, ArgShape::Scalar, false, true}},
                         .rule = ReturnRule::Custom,
                         .custom = case_result}},
         .description = "The value paired with the first true predicate, else the last argument."});
  r.add({.name = "coalesce",
         .signatures = {{.params = {{"expr"}, {"more", kScalar, ArgShape::Scalar, false, true}},
                         .rule = ReturnRule::Custom,
                         .custom = coalesce_result}},
         .description = "The first argument that is not null (or empty, for strings)."});
  for (std::string_view name : {"isempty", "isnotempty", "notempty"}) {
    r.add({.name = name,
           .signatures = {{.params = {{"value"}}, .rule = ReturnRule::Fixed, .fixed = ScalarType::Bool}},
           .hidden = name == "notempty",
           .description = "Whether the value is (not) null or an empty string."});
  }
  for (std::string_view name : {"isnull", "isnotnull", "notnull"}) {
    r.add({.name = name,
           .signatures = {{.params = {{"value"}}, .rule = ReturnRule::Fixed, .fixed = ScalarType::Bool}},
           .hidden = name == "notnull",
           .description = "Whether the value is (not) null."});
  }
  r.add({.name = "not",
         .signatures = {{.params = {{"expr", kBool}}, .rule = ReturnRule::Fixed, .fixed = ScalarType::Bool}},
         .description = "Logical negation."});
}

}  // namespace huntdb::functions
