// Dynamic (array and property bag) functions: array_*, bag_*, set_*, pack*, zip, range, repeat,
// treepath, jaccard_index, dynamic_to_json.
//
// Kusto distinguishes dynamic arrays from property bags when it checks arguments
// (array_length(dynamic({"a":1})) is an error); our TypeSet has one dynamic type, so both are
// declared as kDynamic and the shape of the value is the kernel's business.
#include "huntdb/functions/declare.h"

namespace huntdb::functions {

namespace {

using namespace types;
using namespace declare;

// f(array, ...) -> dynamic with the given parameters and generic naming.
void add_dynamic(Registry& r, std::string_view name, std::vector<Param> params, std::string_view description) {
  r.add({.name = name, .signatures = {fixed(ScalarType::Dynamic, std::move(params))}, .description = description});
}

// f(a1, a2, ..., up to 64 arrays) -> dynamic, with at least `min` arrays (1 or 2).
void add_variadic_dynamic(Registry& r, std::string_view name, std::string_view param, int min,
                          std::string_view description) {
  add_dynamic(r, name, {{param, kDynamic}, min < 2 ? opt_many("more", kDynamic) : many("more", kDynamic)}, description);
}

// bag_pack("k1", v1, "k2", v2, ...): Kusto repeats (key, value) blocks. The registry repeats
// only its last parameter, so the first pair is declared (a string key and a value) and the
// rest of the arguments are any scalar; the even count is the kernel's check. As for any
// string parameter in Kusto, a key may also be a dynamic value.
std::vector<Param> key_value_pairs() {
  return {{"key", kStringOrDynamic}, {"value", kScalar}, opt_many("more")};
}

}  // namespace

void register_dynamic_functions(Registry& r) {
  // --- array size and lookup
  for (std::string_view name : {"array_length", "arraylength"}) {
    r.add({.name = name,
           .signatures = {fixed(ScalarType::Long, {{"array", kDynamic}})},
           .replaced_by = name == "arraylength" ? "array_length" : "",
           .hidden = name == "arraylength",
           .description = "The number of elements of a dynamic array (null if not an array)."});
  }
  r.add({.name = "array_index_of",
         .signatures = {fixed(
             ScalarType::Long,
             {{"array", kDynamic},
              {"value", kScalar},
              opt("start", kInteger),
              opt("length", kInteger),
              opt("occurrence", kInteger, ArgShape::Constant)})},
         .description = "The zero-based index of a value in an array, or -1."});
  r.add({.name = "set_has_element",
         .signatures = {fixed(ScalarType::Bool, {{"set", kDynamic}, {"value", kScalar}})},
         .description = "Whether an array contains a value."});
  // array_sum (obsolete, now series_sum) is declared with the series functions, where Kusto's
  // own source keeps it.

  // array_strcat lives with the string functions in Kusto's own source; it is declared here
  // because it reads an array.
  r.add({.name = "array_strcat",
         .signatures = {fixed(ScalarType::String, {{"array", kDynamic}, {"delimiter", kScalar}})},
         .description = "The elements of an array joined into one string with a delimiter."});

  // --- building arrays
  r.add({.name = "pack_array",
         .signatures =
             {
                 fixed(ScalarType::Dynamic, {many("value")}),
                 fixed(ScalarType::Dynamic, {{"value", kScalar, ArgShape::Star}}),
             },
         .description = "A dynamic array of its arguments (or of all columns, given *)."});
  r.add({.name = "range",
         .signatures = {fixed(
             ScalarType::Dynamic,
             {{"start", kSummable}, {"stop", kSummable}, opt("step", kSummable)})},
         .description = "A dynamic array of the values from start to stop by step."});
  r.add({.name = "repeat",
         .signatures = {fixed(ScalarType::Dynamic, {{"value", kScalar}, {"count", kLong}})},
         .result_name = ResultName::PrefixAndFirstArgument,
         .result_prefix = "repeat",
         .description = "A dynamic array holding a value repeated count times."});
  add_variadic_dynamic(r, "array_concat", "array", 1, "The concatenation of one or more arrays.");
  add_variadic_dynamic(r, "zip", "array", 2, "An array of arrays pairing up the elements of the inputs by index.");
  // array_iif is a hidden alias of array_iff.
  for (std::string_view name : {"array_iff", "array_iif"}) {
    r.add({.name = name,
           .signatures = {fixed(ScalarType::Dynamic,
                                {{"condition_array", kDynamic}, {"when_true", kScalar}, {"when_false", kScalar}})},
           .hidden = name == "array_iif",
           .description = "Element-wise iff: when_true or when_false for each condition of an array."});
  }

  // --- reshaping arrays (the result is the input's kind of dynamic)
  add_dynamic(r, "array_reverse", {{"value", kDynamic}}, "The elements of an array in reverse order.");
  add_dynamic(r, "array_slice", {{"array", kDynamic}, {"start", kInteger}, {"end", kInteger}},
              "The elements of an array between two indexes (inclusive; negative counts from the end).");
  r.add({.name = "array_split",
         .signatures =
             {
                 fixed(ScalarType::Dynamic, {{"array", kDynamic}, {"index", kInteger}}),
                 fixed(ScalarType::Dynamic, {{"array", kDynamic}, {"indices", kDynamic}}),
             },
         .description = "An array split into sub-arrays at one index or at an array of indexes."});
  add_dynamic(r, "array_shift_left", {{"array", kDynamic}, {"shift_count", kInteger}, opt("default_value")},
              "An array shifted left, filling with null or a default value.");
  add_dynamic(r, "array_shift_right", {{"array", kDynamic}, {"shift_count", kInteger}, opt("default_value")},
              "An array shifted right, filling with null or a default value.");
  add_dynamic(r, "array_rotate_left", {{"array", kDynamic}, {"rotate_count", kInteger}},
              "An array rotated left by a number of positions.");
  add_dynamic(r, "array_rotate_right", {{"array", kDynamic}, {"rotate_count", kInteger}},
              "An array rotated right by a number of positions.");
  // array_sort_asc/desc(a1, a2, ..., [nulls_last]): Kusto sorts the first array and reorders the
  // others alike, producing one column per array (a1_sorted, a2_sorted, ...). The registry has a
  // single result column and repeats only its last parameter, so the arrays and the trailing
  // constant bool share one repeating parameter; the call's value is the first sorted array.
  for (std::string_view name : {"array_sort_asc", "array_sort_desc"}) {
    add_dynamic(r, name, {{"array", kDynamic}, opt_many("more_or_nulls_last", kDynamic | kBool)},
                name == "array_sort_asc" ? "Arrays sorted ascending (the others follow the first's order)."
                                         : "Arrays sorted descending (the others follow the first's order).");
  }

  // --- sets (arrays of distinct values)
  add_variadic_dynamic(r, "set_union", "set", 2, "The distinct values found in any of the arrays.");
  add_variadic_dynamic(r, "set_intersect", "set", 2, "The distinct values found in all of the arrays.");
  add_variadic_dynamic(r, "set_difference", "set", 2,
                       "The distinct values of the first array found in none of the others.");
  r.add({.name = "set_equals",
         .signatures = {fixed(ScalarType::Bool, {{"set1", kDynamic}, {"set2", kDynamic}})},
         .description = "Whether two arrays hold the same set of distinct values."});
  // Kusto's binder types jaccard_index as dynamic (the value itself is a real number).
  add_dynamic(r, "jaccard_index", {{"set1", kDynamic}, {"set2", kDynamic}},
              "The Jaccard similarity of the distinct values of two arrays.");

  // --- property bags
  r.add({.name = "bag_pack",
         .signatures = {fixed(ScalarType::Dynamic, key_value_pairs())},
         .description = "A property bag from alternating keys and values."});
  for (std::string_view name : {"pack", "pack_dictionary"}) {
    r.add({.name = name,
           .signatures = {fixed(ScalarType::Dynamic, key_value_pairs())},
           .replaced_by = "bag_pack",
           .hidden = true,
           .description = "A property bag from alternating keys and values (old name of bag_pack)."});
  }
  add_dynamic(r, "bag_pack_columns", {many("column", kScalar, ArgShape::Column)},
              "A property bag of the named columns, keyed by column name.");
  add_dynamic(r, "pack_all", {opt("ignore_null_empty", kScalar, ArgShape::Constant)},
              "A property bag of all the columns of the row, optionally without null or empty ones.");
  add_dynamic(r, "bag_keys", {{"object", kDynamic}}, "The keys of a property bag, as an array.");
  r.add({.name = "bag_has_key",
         .signatures = {fixed(ScalarType::Bool, {{"bag", kDynamic}, {"key", kStringOrDynamic}})},
         .description = "Whether a property bag has a key (or a JSONPath)."});
  add_variadic_dynamic(r, "bag_merge", "bag", 2, "The union of property bags; the first bag wins on shared keys.");
  add_dynamic(r, "bag_remove_keys", {{"bag", kDynamic}, {"keys", kDynamic}}, "A property bag without the given keys.");
  add_dynamic(r, "bag_set_key", {{"bag", kDynamic}, {"key", kString, ArgShape::Constant}, {"value", kScalar}},
              "A property bag with one key (or JSONPath) set to a value.");
  add_dynamic(r, "bag_zip", {{"keys", kDynamic}, {"values", kDynamic}},
              "A property bag pairing an array of keys with an array of values.");
  r.add({.name = "treepath",
         .signatures = {fixed(ScalarType::Dynamic, {{"object", kDynamic}})},
         .result_name = ResultName::PrefixAndFirstArgument,
         .result_prefix = "tree",
         .description = "The JSON paths of all the leaves of a property bag."});
  r.add({.name = "dynamic_to_json",
         .signatures = {fixed(ScalarType::String, {{"dynamic", kScalar}})},
         .description = "The canonical JSON text of a value, with bag keys sorted."});
}

}  // namespace huntdb::functions
