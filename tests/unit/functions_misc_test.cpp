// Functions of no other family (src/huntdb/functions/misc.cpp). Every expected type and rejection
// below was checked against the official parser (Kusto.Language 12.4.1).
#include "function_test_util.h"

namespace huntdb {
namespace {

using functions::ResultName;
using testing::scalar_entry;
using testing::scalar_rejects;
using testing::scalar_result;
using enum ScalarType;

TEST(MiscFunctions, ColumnIfExistsHasTheDefaultsType) {
  // The binder substitutes the column's type when the table has it; the registry gives the default's.
  EXPECT_EQ(scalar_result("column_ifexists", {String, String}), String);
  EXPECT_EQ(scalar_result("column_ifexists", {String, Long}), Long);
  EXPECT_EQ(scalar_result("column_ifexists", {String, Dynamic}), Dynamic);
  EXPECT_EQ(scalar_result("columnifexists", {String, DateTime}), DateTime);
  EXPECT_TRUE(scalar_rejects("column_ifexists", {String}));
  EXPECT_TRUE(scalar_rejects("column_ifexists", {Long, String}));
  EXPECT_EQ(scalar_entry("column_ifexists").result_name, ResultName::FirstArgumentIfColumn);
  EXPECT_TRUE(scalar_entry("columnifexists").hidden);
  EXPECT_EQ(scalar_entry("columnifexists").replaced_by, "column_ifexists");
}

TEST(MiscFunctions, NewGuidAndEnvironment) {
  EXPECT_EQ(scalar_result("new_guid", {}), Guid);
  EXPECT_TRUE(scalar_rejects("new_guid", {Int}));
  EXPECT_EQ(scalar_result("current_database", {}), String);
  EXPECT_EQ(scalar_result("current_principal", {}), String);
  EXPECT_EQ(scalar_result("current_principal_details", {}), Dynamic);
  EXPECT_EQ(scalar_result("current_principal_is_member_of", {String, Dynamic}), Bool);
  EXPECT_TRUE(scalar_rejects("current_principal_is_member_of", {}));
  EXPECT_TRUE(scalar_rejects("current_principal_is_member_of", {Long}));
  EXPECT_EQ(scalar_result("current_cluster_endpoint", {}), String);
}

TEST(MiscFunctions, RecordFacts) {
  EXPECT_EQ(scalar_result("ingestion_time", {}), DateTime);
  EXPECT_EQ(scalar_entry("ingestion_time").result_name, ResultName::PrefixOnly);
  EXPECT_EQ(scalar_entry("ingestion_time").result_prefix, "$IngestionTime");
  EXPECT_EQ(scalar_result("extent_id", {}), Guid);
  EXPECT_EQ(scalar_result("extent_tags", {}), Dynamic);
  EXPECT_EQ(scalar_entry("extentid").replaced_by, "extent_id");
  EXPECT_EQ(scalar_result("cursor_after", {String}), Bool);
  EXPECT_EQ(scalar_result("cursor_current", {}), String);
  EXPECT_TRUE(scalar_rejects("cursor_after", {Long}));
  EXPECT_EQ(scalar_result("estimate_data_size", {String, Long}), Long);
}

TEST(MiscFunctions, AssertAroundAndUnits) {
  EXPECT_EQ(scalar_result("assert", {Bool, String}), Bool);
  EXPECT_TRUE(scalar_rejects("assert", {Bool}));
  EXPECT_TRUE(scalar_rejects("assert", {String, String}));
  EXPECT_EQ(scalar_result("around", {Real, Real, Real}), Bool);
  EXPECT_EQ(scalar_result("around", {DateTime, DateTime, TimeSpan}), Bool);
  EXPECT_EQ(scalar_result("convert_length", {Real, String, String}), Real);
  EXPECT_EQ(scalar_result("convert_temperature", {Long, String, String}), Real);
  EXPECT_TRUE(scalar_rejects("convert_mass", {String, String, String}));
  EXPECT_TRUE(scalar_rejects("convert_speed", {Real, String}));
}

}  // namespace
}  // namespace huntdb
