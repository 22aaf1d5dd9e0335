// Result types of the dynamic (array and property bag) functions, as Kusto's binder infers them
// (each case was checked against the official parser, @kusto/language-service-next 12.4.1).
#include "function_test_util.h"

namespace huntdb {
namespace {

using testing::scalar_entry;
using testing::scalar_rejects;
using testing::scalar_result;
using enum ScalarType;
using functions::ResultName;

TEST(DynamicFunctions, ArrayLengthAndLookup) {
  EXPECT_EQ(scalar_result("array_length", {Dynamic}), Long);
  EXPECT_TRUE(scalar_rejects("array_length", {String}));
  EXPECT_EQ(scalar_result("arraylength", {Dynamic}), Long);
  EXPECT_EQ(scalar_entry("arraylength").replaced_by, "array_length");
  EXPECT_TRUE(scalar_entry("arraylength").hidden);
  EXPECT_EQ(scalar_result("array_index_of", {Dynamic, Long}), Long);
  EXPECT_EQ(scalar_result("array_index_of", {Dynamic, String, Long, Long, Long}), Long);
  EXPECT_TRUE(scalar_rejects("array_index_of", {Dynamic, String, Long, Long, Real}));
  EXPECT_TRUE(scalar_rejects("array_index_of", {Dynamic}));
  EXPECT_EQ(scalar_result("set_has_element", {Dynamic, Long}), Bool);
  EXPECT_EQ(scalar_result("set_has_element", {Dynamic, String}), Bool);
  EXPECT_TRUE(scalar_rejects("set_has_element", {String, String}));
}

TEST(DynamicFunctions, ArrayReshaping) {
  EXPECT_EQ(scalar_result("array_concat", {Dynamic}), Dynamic);
  EXPECT_EQ(scalar_result("array_concat", {Dynamic, Dynamic, Dynamic}), Dynamic);
  EXPECT_TRUE(scalar_rejects("array_concat", {String}));
  EXPECT_TRUE(scalar_rejects("array_concat", {}));
  EXPECT_EQ(scalar_result("array_slice", {Dynamic, Long, Long}), Dynamic);
  EXPECT_EQ(scalar_result("array_slice", {Dynamic, Int, Long}), Dynamic);
  EXPECT_TRUE(scalar_rejects("array_slice", {Dynamic, Long}));
  EXPECT_TRUE(scalar_rejects("array_slice", {Dynamic, Real, Long}));
  EXPECT_EQ(scalar_result("array_split", {Dynamic, Long}), Dynamic);
  EXPECT_EQ(scalar_result("array_split", {Dynamic, Dynamic}), Dynamic);
  EXPECT_TRUE(scalar_rejects("array_split", {Dynamic, String}));
  EXPECT_EQ(scalar_result("array_shift_left", {Dynamic, Long, Long}), Dynamic);
  EXPECT_EQ(scalar_result("array_rotate_right", {Dynamic, Int}), Dynamic);
  EXPECT_TRUE(scalar_rejects("array_rotate_right", {Dynamic, Real}));
  EXPECT_EQ(scalar_result("array_reverse", {Dynamic}), Dynamic);
  EXPECT_EQ(scalar_result("array_iff", {Dynamic, Long, Long}), Dynamic);
  EXPECT_TRUE(scalar_rejects("array_iff", {Dynamic, Dynamic}));
  EXPECT_TRUE(scalar_entry("array_iif").hidden);
}

TEST(DynamicFunctions, ArraySortTakesArraysAndAnOptionalNullsLast) {
  EXPECT_EQ(scalar_result("array_sort_asc", {Dynamic}), Dynamic);
  EXPECT_EQ(scalar_result("array_sort_asc", {Dynamic, Dynamic}), Dynamic);
  EXPECT_EQ(scalar_result("array_sort_asc", {Dynamic, Bool}), Dynamic);
  EXPECT_EQ(scalar_result("array_sort_desc", {Dynamic, Dynamic, Bool}), Dynamic);
  EXPECT_TRUE(scalar_rejects("array_sort_asc", {String}));
  EXPECT_TRUE(scalar_rejects("array_sort_desc", {}));
}

TEST(DynamicFunctions, ArrayStrcatJoinsIntoAString) {
  EXPECT_EQ(scalar_result("array_strcat", {Dynamic, String}), String);
  EXPECT_EQ(scalar_result("array_strcat", {Dynamic, Int}), String);
  EXPECT_TRUE(scalar_rejects("array_strcat", {String, String}));
  EXPECT_TRUE(scalar_rejects("array_strcat", {Dynamic}));
}

TEST(DynamicFunctions, BuildingArrays) {
  EXPECT_EQ(scalar_result("pack_array", {Int, String, DateTime}), Dynamic);
  EXPECT_TRUE(scalar_rejects("pack_array", {}));
  // pack_array(*) packs every column.
  std::vector<functions::ArgInfo> star{functions::ArgInfo{.is_star = true}};
  EXPECT_EQ(functions::resolve(scalar_entry("pack_array"), star).type, Dynamic);

  EXPECT_EQ(scalar_result("range", {Long, Long}), Dynamic);
  EXPECT_EQ(scalar_result("range", {Long, Long, Long}), Dynamic);
  EXPECT_EQ(scalar_result("range", {DateTime, DateTime, TimeSpan}), Dynamic);
  EXPECT_EQ(scalar_result("range", {Real, Real, Real}), Dynamic);
  EXPECT_TRUE(scalar_rejects("range", {String, String}));
  EXPECT_TRUE(scalar_rejects("range", {Long}));
  EXPECT_EQ(scalar_result("repeat", {Int, Long}), Dynamic);
  EXPECT_EQ(scalar_result("repeat", {String, Int}), Dynamic);
  EXPECT_TRUE(scalar_rejects("repeat", {Int, Real}));
  EXPECT_EQ(scalar_result("zip", {Dynamic, Dynamic}), Dynamic);
  EXPECT_TRUE(scalar_rejects("zip", {Dynamic}));
  // repeat(x, 3) is named repeat_x; treepath(bag) tree_bag.
  EXPECT_EQ(scalar_entry("repeat").result_name, ResultName::PrefixAndFirstArgument);
  EXPECT_EQ(scalar_entry("repeat").result_prefix, "repeat");
  EXPECT_EQ(scalar_entry("treepath").result_prefix, "tree");
  EXPECT_EQ(scalar_entry("range").result_name, ResultName::None);
}

TEST(DynamicFunctions, Sets) {
  EXPECT_EQ(scalar_result("set_difference", {Dynamic, Dynamic}), Dynamic);
  EXPECT_EQ(scalar_result("set_difference", {Dynamic, Dynamic, Dynamic}), Dynamic);
  EXPECT_TRUE(scalar_rejects("set_difference", {Dynamic}));
  EXPECT_EQ(scalar_result("set_intersect", {Dynamic, Dynamic}), Dynamic);
  EXPECT_EQ(scalar_result("set_union", {Dynamic, Dynamic, Dynamic}), Dynamic);
  EXPECT_TRUE(scalar_rejects("set_union", {Dynamic, String}));
  EXPECT_EQ(scalar_result("set_equals", {Dynamic, Dynamic}), Bool);
  // Kusto's binder types jaccard_index as dynamic.
  EXPECT_EQ(scalar_result("jaccard_index", {Dynamic, Dynamic}), Dynamic);
  EXPECT_TRUE(scalar_rejects("jaccard_index", {Dynamic, Dynamic, Dynamic}));
}

TEST(DynamicFunctions, PropertyBags) {
  EXPECT_EQ(scalar_result("bag_keys", {Dynamic}), Dynamic);
  EXPECT_TRUE(scalar_rejects("bag_keys", {String}));
  EXPECT_EQ(scalar_result("bag_merge", {Dynamic, Dynamic}), Dynamic);
  EXPECT_EQ(scalar_result("bag_merge", {Dynamic, Dynamic, Dynamic}), Dynamic);
  EXPECT_TRUE(scalar_rejects("bag_merge", {Dynamic}));
  EXPECT_EQ(scalar_result("bag_has_key", {Dynamic, String}), Bool);
  EXPECT_EQ(scalar_result("bag_has_key", {Dynamic, Dynamic}), Bool);
  EXPECT_TRUE(scalar_rejects("bag_has_key", {Dynamic, Int}));
  EXPECT_EQ(scalar_result("bag_remove_keys", {Dynamic, Dynamic}), Dynamic);
  EXPECT_TRUE(scalar_rejects("bag_remove_keys", {Dynamic, String}));
  EXPECT_EQ(scalar_result("bag_set_key", {Dynamic, String, Int}), Dynamic);
  EXPECT_EQ(scalar_result("bag_zip", {Dynamic, Dynamic}), Dynamic);
  EXPECT_EQ(scalar_result("treepath", {Dynamic}), Dynamic);
  EXPECT_EQ(scalar_result("dynamic_to_json", {Int}), String);
}

TEST(DynamicFunctions, PackingKeysAndValues) {
  EXPECT_EQ(scalar_result("bag_pack", {String, Int, String, String}), Dynamic);
  EXPECT_EQ(scalar_result("bag_pack", {Dynamic, Int}), Dynamic);
  EXPECT_TRUE(scalar_rejects("bag_pack", {String}));
  EXPECT_TRUE(scalar_rejects("bag_pack", {Int, Int}));
  for (std::string_view old : {"pack", "pack_dictionary"}) {
    EXPECT_EQ(scalar_result(old, {String, Long}), Dynamic) << old;
    EXPECT_TRUE(scalar_entry(old).hidden) << old;
    EXPECT_EQ(scalar_entry(old).replaced_by, "bag_pack") << old;
  }
  EXPECT_EQ(scalar_result("bag_pack_columns", {Int, String, DateTime}), Dynamic);
  EXPECT_TRUE(scalar_rejects("bag_pack_columns", {}));
  EXPECT_EQ(scalar_entry("bag_pack_columns").signatures.front().params.front().shape, functions::ArgShape::Column);
  EXPECT_EQ(scalar_result("pack_all", {}), Dynamic);
  EXPECT_EQ(scalar_result("pack_all", {Bool}), Dynamic);
  EXPECT_TRUE(scalar_rejects("pack_all", {Bool, Bool}));
  EXPECT_EQ(scalar_entry("bag_pack").result_name, ResultName::None);
}

}  // namespace
}  // namespace huntdb
