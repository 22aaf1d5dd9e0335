// geo_* declarations, each result type checked against the official type checker.
#include "function_test_util.h"

namespace huntdb {
namespace {

using functions::Registry;
using functions::ResultName;
using testing::scalar_entry;
using testing::scalar_rejects;
using testing::scalar_result;
using enum ScalarType;

TEST(FunctionsGeo, IpGeolocationIsADynamicBag) {
  // print geo_info_from_ip_address("1.2.3.4") -> print_0:dynamic
  EXPECT_EQ(scalar_result("geo_info_from_ip_address", {String}), Dynamic);
  EXPECT_TRUE(scalar_rejects("geo_info_from_ip_address", {Long}));  // "A value of type string expected"
  EXPECT_EQ(scalar_entry("geo_info_from_ip_address").result_name, ResultName::None);
}

TEST(FunctionsGeo, DistancesAreRealMeters) {
  EXPECT_EQ(scalar_result("geo_distance_2points", {Long, Long, Long, Long}), Real);
  EXPECT_EQ(scalar_result("geo_distance_2points", {Real, Real, Real, Real, Bool}), Real);
  EXPECT_EQ(scalar_result("geo_distance_2points", {Real, Real, Real, Real, Long}), Real);  // use_spheroid = 1
  EXPECT_EQ(scalar_result("geo_distance_2points", {Int, Decimal, Real, Long}), Real);
  EXPECT_TRUE(scalar_rejects("geo_distance_2points", {String, Long, Long, Long}));
  EXPECT_TRUE(scalar_rejects("geo_distance_2points", {Real, Real, Real}));
  EXPECT_EQ(scalar_result("geo_distance_point_to_polygon", {Real, Real, Dynamic}), Real);
  EXPECT_EQ(scalar_result("geo_angle", {Long, Long, Long, Long, Long, Long}), Real);
}

TEST(FunctionsGeo, ShapesCellsAndPredicates) {
  EXPECT_EQ(scalar_result("geo_point_in_polygon", {Real, Real, Dynamic}), Bool);
  EXPECT_EQ(scalar_result("geo_point_in_circle", {Long, Long, Long, Long, Long}), Bool);
  EXPECT_EQ(scalar_result("geo_point_to_s2cell", {Real, Real, Long}), String);
  EXPECT_EQ(scalar_result("geo_point_to_s2cell", {Real, Real, Real}), String);
  EXPECT_EQ(scalar_result("geo_point_to_h3cell", {Real, Real}), String);
  EXPECT_EQ(scalar_result("geo_point_to_geohash", {Long, Long}), String);
  EXPECT_EQ(scalar_result("geo_h3cell_level", {String}), Int);
  EXPECT_EQ(scalar_result("geo_h3cell_rings", {String, Long}), Dynamic);
  EXPECT_EQ(scalar_result("geo_h3cell_parent", {String, Long}), String);
  EXPECT_EQ(scalar_result("geo_s2cell_to_central_point", {String}), Dynamic);
  EXPECT_EQ(scalar_result("geo_from_wkt", {String}), Dynamic);
  EXPECT_EQ(scalar_result("geo_from_wkt", {Dynamic}), Dynamic);
  EXPECT_EQ(scalar_result("geo_polygon_to_s2cells", {Dynamic}), Dynamic);
  EXPECT_EQ(scalar_result("geo_union_polygons_array", {Dynamic}), Dynamic);
  EXPECT_EQ(scalar_result("geo_intersects_2lines", {Dynamic, Dynamic}), Bool);
  EXPECT_EQ(scalar_result("geo_polygon_densify", {Dynamic, Long, Bool}), Dynamic);
  EXPECT_EQ(scalar_result("geo_line_locate_point", {Dynamic, Real, Real, Bool}), Real);
  EXPECT_EQ(scalar_result("__geo_polygon_validate", {Dynamic}), String);
  EXPECT_TRUE(scalar_entry("__geo_polygon_validate").hidden);
  EXPECT_TRUE(scalar_rejects("geo_h3cell_level", {Long}));
}

TEST(FunctionsGeo, EveryGeoFunctionIsDeclared) {
  int geo = 0;
  for (const auto& f : Registry::builtins().all()) {
    if (!f.name.starts_with("geo_") && !f.name.starts_with("__geo_")) continue;
    if (f.kind != functions::FunctionKind::Scalar) continue;  // the geo_*_lookup plugins
    ++geo;
    EXPECT_EQ(f.result_name, ResultName::None) << f.name;
  }
  // Kusto.Language 12.4.1: 52 public geo_* functions, 5 internal __geo_* ones, and
  // geo_info_from_ip_address.
  EXPECT_EQ(geo, 58);
}

}  // namespace
}  // namespace huntdb
