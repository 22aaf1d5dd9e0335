// The small builders the family files (string.cpp, math.cpp, aggregates.cpp, ...) declare their
// functions with: parameters, signatures, registry entries, and the type-literal and
// common-type rules several families share. For the family files only; the binder and the
// executor read the registry (registry.h), never this header.
//
// A family file pulls the builders in with `using namespace declare;` next to
// `using namespace types;`. What only one family needs (a custom return-type rule, a plugin
// schema function, a shorthand such as geo's num()) stays in that family's file.
#pragma once

#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "huntdb/functions/registry.h"

namespace huntdb::functions::declare {

// --- parameters. Plain `{"name", types, shape}` braces declare a required parameter too; the
// builders say the rest (optional, repeating, column, constant) in words.

// A required parameter.
constexpr Param req(std::string_view name, TypeSet t = types::kScalar, ArgShape shape = ArgShape::Scalar) {
  return {.name = name, .types = t, .shape = shape};
}
// A parameter that may be omitted (only trailing parameters may be).
constexpr Param opt(std::string_view name, TypeSet t = types::kScalar, ArgShape shape = ArgShape::Scalar) {
  return {.name = name, .types = t, .shape = shape, .optional = true};
}
// A last parameter that takes one or more arguments.
constexpr Param many(std::string_view name, TypeSet t = types::kScalar, ArgShape shape = ArgShape::Scalar) {
  return {.name = name, .types = t, .shape = shape, .repeats = true};
}
// A last parameter that takes any number of arguments, none included.
constexpr Param opt_many(std::string_view name, TypeSet t = types::kScalar, ArgShape shape = ArgShape::Scalar) {
  return {.name = name, .types = t, .shape = shape, .optional = true, .repeats = true};
}
// A required plain column reference.
constexpr Param column(std::string_view name, TypeSet t = types::kScalar) { return req(name, t, ArgShape::Column); }
// A required constant (a literal, or an expression of literals).
constexpr Param constant(std::string_view name, TypeSet t) { return req(name, t, ArgShape::Constant); }

// A `typeof(T)` argument. A type literal has no scalar type of its own: the binder types it
// Unknown, so an empty type set admits it and rejects any typed value. named_type() reads it.
inline constexpr Param kTypeLiteral{.name = "type", .types = TypeSet{}, .shape = ArgShape::Constant};

// --- signatures, one per ReturnRule

// Always a `t`.
inline Signature fixed(ScalarType t, std::vector<Param> params = {}) {
  return {.params = std::move(params), .rule = ReturnRule::Fixed, .fixed = t};
}
// The type of argument `param`.
inline Signature same_as(uint8_t param, std::vector<Param> params) {
  return {.params = std::move(params), .rule = ReturnRule::Param, .param = param};
}
// The type of argument `param`, int widened to long (sum).
inline Signature promoted(uint8_t param, std::vector<Param> params) {
  return {.params = std::move(params), .rule = ReturnRule::ParamPromoted, .param = param};
}
// The widest numeric type among the arguments (widest_numeric(): int < long < real < decimal,
// never int).
inline Signature widest(std::vector<Param> params) {
  return {.params = std::move(params), .rule = ReturnRule::Widest};
}
// The common type of the arguments from `param` on (common_type(): iff).
inline Signature common(uint8_t param, std::vector<Param> params) {
  return {.params = std::move(params), .rule = ReturnRule::Common, .param = param};
}
// Whatever `fn` computes from the arguments.
inline Signature custom(ResultTypeFn fn, std::vector<Param> params) {
  return {.params = std::move(params), .rule = ReturnRule::Custom, .custom = fn};
}
// No scalar result: a plugin (its output is a table) or a reference to a catalog entity.
inline Signature untyped(std::vector<Param> params) { return fixed(ScalarType::Unknown, std::move(params)); }

// --- registry entries. Most families write `r.add({.name = ..., ...})` directly; these are for
// the entries built in loops and tables.

// A scalar function whose unnamed result column is named by `rn`.
inline FunctionInfo scalar(std::string_view name, std::vector<Signature> sigs, ResultName rn,
                           std::string_view description) {
  return {.name = name,
          .kind = FunctionKind::Scalar,
          .signatures = std::move(sigs),
          .result_name = rn,
          .description = description};
}
// The same, with the prefix a PrefixAndFirstArgument / PrefixOnly name starts with.
inline FunctionInfo scalar(std::string_view name, std::vector<Signature> sigs, ResultName rn, std::string_view prefix,
                           std::string_view description) {
  FunctionInfo f = scalar(name, std::move(sigs), rn, description);
  f.result_prefix = prefix;
  return f;
}
// An evaluate plugin whose output schema `schema` computes.
inline FunctionInfo plugin(std::string_view name, std::vector<Signature> sigs, PluginSchemaFn schema,
                           std::string_view description) {
  return {.name = name,
          .kind = FunctionKind::Plugin,
          .signatures = std::move(sigs),
          .plugin_schema = schema,
          .description = description};
}
// `f` left out of `.show functions` (internal or legacy).
inline FunctionInfo hidden(FunctionInfo f, bool is_hidden = true) {
  f.hidden = is_hidden;
  return f;
}
// `f` under an old name: `replaced_by` is the function to use instead.
inline FunctionInfo deprecated(FunctionInfo f, std::string_view replaced_by, bool is_hidden) {
  f.replaced_by = replaced_by;
  f.hidden = is_hidden;
  return f;
}

// --- result-type rules more than one family uses (see also widest_numeric() and common_type())

// The type a type-literal argument (kTypeLiteral) names. The binder hands its text over in
// ArgInfo::literal, bare ("long") or as written ("typeof(long)"); Unknown when there is none.
inline ScalarType named_type(const ArgInfo& a) {
  if (!a.literal) return ScalarType::Unknown;
  std::string_view s = *a.literal;
  if (s.starts_with("typeof(") && s.ends_with(")")) s = s.substr(7, s.size() - 8);
  auto t = parse_type_name(s);
  return t ? *t : ScalarType::Unknown;
}

// The common type of values that must be of one kind (max_of, min_of, coalesce): numbers widen
// to the widest of them, but int stays int when every value is an int (unlike widest_numeric());
// any other type must be the same throughout. Mixed kinds (datetime with int, string with long)
// have no common type: Unknown, where common_type() would answer dynamic. Unknown arguments are
// skipped.
inline ScalarType same_kind_type(std::span<const ArgInfo> args) {
  ScalarType result = ScalarType::Unknown;
  for (const ArgInfo& a : args) {
    if (a.type == ScalarType::Unknown) continue;
    if (result == ScalarType::Unknown || result == a.type) {
      result = a.type;
    } else if (is_numeric(result) && is_numeric(a.type)) {
      // Two different numeric types: their widest is never int.
      ArgInfo pair[] = {{.type = result}, {.type = a.type}};
      result = widest_numeric(pair);
    } else {
      return ScalarType::Unknown;
    }
  }
  return result;
}

}  // namespace huntdb::functions::declare
