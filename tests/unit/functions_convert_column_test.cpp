// convert_column over the encodings a kernel can meet: dictionary strings (converted once per
// distinct value), constants, and dictionary columns with null rows.
#include "huntdb/functions/kernels/convert_column.h"

#include <gtest/gtest.h>

#include "huntdb/functions/kernels/kernel_util.h"
#include "huntdb/types/datetime.h"

namespace huntdb {
namespace {

using functions::convert_column;

ColumnPtr strings(std::initializer_list<std::string_view> values) {
  functions::StringWriter w(values.size());
  for (auto v : values) w.add(v);
  return w.finish();
}

TEST(ConvertColumn, DictionaryStringsToNumbers) {
  ColumnPtr dict = Column::make_dictionary(strings({"12", "x", "0x10"}), {0, 1, 2, 0, 2});
  ColumnPtr out = convert_column(dict, ScalarType::Long);
  ASSERT_EQ(out->type(), ScalarType::Long);
  ASSERT_EQ(out->size(), 5u);
  EXPECT_EQ(out->value_at(0).as_long(), 12);
  EXPECT_TRUE(out->is_null(1));
  EXPECT_EQ(out->value_at(2).as_long(), 16);
  EXPECT_EQ(out->value_at(3).as_long(), 12);
  EXPECT_EQ(out->value_at(4).as_long(), 16);
}

TEST(ConvertColumn, DictionaryStaysADictionaryAsStrings) {
  ColumnPtr ints = Column::make_ints({7, -1});
  ColumnPtr dict = Column::make_dictionary(ints, {1, 0, 1});
  ColumnPtr out = convert_column(dict, ScalarType::String);
  ASSERT_TRUE(out->is_dictionary());
  EXPECT_EQ(out->string_at(0), "-1");
  EXPECT_EQ(out->string_at(1), "7");
  EXPECT_EQ(out->string_at(2), "-1");
}

TEST(ConvertColumn, ConstantsStayConstant) {
  ColumnPtr c = Column::make_constant(Value::of_string("2.5"), 4);
  ColumnPtr out = convert_column(c, ScalarType::Real);
  ASSERT_TRUE(out->is_constant());
  EXPECT_EQ(out->size(), 4u);
  EXPECT_DOUBLE_EQ(out->constant().as_real(), 2.5);
  EXPECT_TRUE(convert_column(Column::make_constant(Value::of_string("no"), 2), ScalarType::Int)->constant().is_null());
}

TEST(ConvertColumn, NumbersWidenAndNullsStay) {
  Validity v;
  v.set(1, false);
  ColumnPtr ints = Column::make_ints({3, 0, -4}, v);
  ColumnPtr out = convert_column(ints, ScalarType::Real);
  EXPECT_DOUBLE_EQ(out->value_at(0).as_real(), 3);
  EXPECT_TRUE(out->is_null(1));
  EXPECT_DOUBLE_EQ(out->value_at(2).as_real(), -4);
  ColumnPtr text = convert_column(ints, ScalarType::String);
  EXPECT_EQ(text->string_at(0), "3");
  EXPECT_EQ(text->string_at(1), "");
  EXPECT_EQ(text->string_at(2), "-4");
}

TEST(ConvertColumn, DatetimesToLongAreDotNetTicks) {
  ColumnPtr t = Column::make_longs(ScalarType::DateTime, {0});
  EXPECT_EQ(convert_column(t, ScalarType::Long)->value_at(0).as_long(), kDotNetTicksAtUnixEpoch);
}

}  // namespace
}  // namespace huntdb
