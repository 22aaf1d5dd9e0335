// GeoJSON shapes and the queries on them (functions/geo/shapes.h, shape_queries.h): which
// shapes are valid, containment with geodesic edges and the smaller-region rule, holes,
// multipolygons, and distances to polygons and lines.
#include <gtest/gtest.h>

#include "huntdb/functions/geo/shape_queries.h"

namespace huntdb::functions::geo {
namespace {

Vec3 at(double lng, double lat) { return *point_from_degrees(lng, lat); }

DynamicPtr json(std::string_view text) { return *parse_json(text); }

PolygonShape polygon(std::string_view text) {
  auto shape = parse_polygon_shape(*json(text));
  EXPECT_TRUE(shape) << text;
  return shape ? *shape : PolygonShape{};
}

LineShape line(std::string_view text) {
  auto shape = parse_line_shape(*json(text));
  EXPECT_TRUE(shape) << text;
  return shape ? *shape : LineShape{};
}

constexpr double kDegree = kPi / 180;

TEST(GeoShapes, InvalidShapesAreRejected) {
  auto bad_polygon = [](std::string_view text) { return !parse_polygon_shape(*json(text)); };
  EXPECT_TRUE(bad_polygon(R"({"type":"Polygon","coordinates":[[[0,0],[10,10],[10,10],[0,0]]]})"));  // duplicate
  EXPECT_TRUE(bad_polygon(R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]})"));      // not closed
  EXPECT_TRUE(bad_polygon(R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]})"));            // 3 entries
  EXPECT_TRUE(bad_polygon(R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,91],[0,0]]]})"));     // latitude
  EXPECT_TRUE(bad_polygon(R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,"a"],[0,0]]]})"));
  EXPECT_TRUE(bad_polygon(R"({"type":"LineString","coordinates":[[0,0],[1,1]]})"));
  EXPECT_TRUE(bad_polygon(R"({"type":"Polygon"})"));
  EXPECT_TRUE(bad_polygon(R"({"type":"MultiPolygon","coordinates":[]})"));
  EXPECT_TRUE(bad_polygon(R"([1, 2])"));
  auto bad_line = [](std::string_view text) { return !parse_line_shape(*json(text)); };
  EXPECT_TRUE(bad_line(R"({"type":"LineString"})"));
  EXPECT_TRUE(bad_line(R"({"type":"LineString","coordinates":[[1,1]]})"));
  EXPECT_TRUE(bad_line(R"({"type":"LineString","coordinates":[[300,3],[2,2]]})"));
  EXPECT_TRUE(bad_line(R"({"type":"LineString","coordinates":[[0,0],[180,0]]})"));  // antipodes
  // The type is compared ignoring case, and integers are coordinates too.
  EXPECT_TRUE(parse_line_shape(*json(R"({"type":"linestring","coordinates":[[0,0],[1,1]]})")));
  EXPECT_TRUE(parse_polygon_shape(*json(R"({"type":"polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]})")));
}

TEST(GeoShapes, ContainmentDoesNotDependOnOrientation) {
  auto ccw = polygon(R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]})");
  auto cw = polygon(R"({"type":"Polygon","coordinates":[[[0,0],[0,1],[1,1],[1,0],[0,0]]]})");
  for (const auto* shape : {&ccw, &cw}) {
    EXPECT_TRUE(polygon_contains(*shape, at(0.5, 0.5)));
    EXPECT_TRUE(polygon_contains(*shape, at(0.01, 0.99)));
    EXPECT_FALSE(polygon_contains(*shape, at(1.5, 0.5)));
    EXPECT_FALSE(polygon_contains(*shape, at(-0.01, 0.5)));
    EXPECT_FALSE(polygon_contains(*shape, at(-179.5, -0.5)));  // the far side of the Earth
  }
}

TEST(GeoShapes, EdgesAreGeodesics) {
  // The top edge from (90, 60) to (0, 60) bulges north to 67.79 degrees at longitude 45: a
  // point at 65 degrees is inside, one at 69 is not.
  auto shape = polygon(R"({"type":"Polygon","coordinates":[[[0,0],[90,0],[90,60],[0,60],[0,0]]]})");
  EXPECT_TRUE(polygon_contains(shape, at(45, 65)));
  EXPECT_FALSE(polygon_contains(shape, at(45, 69)));
}

TEST(GeoShapes, RingAroundThePole) {
  // A ring at 80 degrees north stands for the cap around the pole (the smaller region).
  auto shape = polygon(R"({"type":"Polygon","coordinates":[[[0,80],[90,80],[180,80],[-90,80],[0,80]]]})");
  EXPECT_TRUE(polygon_contains(shape, at(0, 90)));
  EXPECT_TRUE(polygon_contains(shape, at(33, 85)));
  EXPECT_FALSE(polygon_contains(shape, at(33, 70)));
  EXPECT_FALSE(polygon_contains(shape, at(33, -85)));
}

TEST(GeoShapes, HolesAndMultiPolygons) {
  auto holed = polygon(
      R"({"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,10],[0,0]],[[4,4],[4,6],[6,6],[6,4],[4,4]]]})");
  EXPECT_TRUE(polygon_contains(holed, at(2, 2)));
  EXPECT_FALSE(polygon_contains(holed, at(5, 5)));
  auto multi = polygon(
      R"({"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,1],[0,0]]],[[[20,20],[21,20],[21,21],[20,21],[20,20]]]]})");
  EXPECT_TRUE(polygon_contains(multi, at(0.5, 0.5)));
  EXPECT_TRUE(polygon_contains(multi, at(20.5, 20.5)));
  EXPECT_FALSE(polygon_contains(multi, at(10, 10)));
}

TEST(GeoShapes, DistanceToAPolygon) {
  auto square = polygon(R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]})");
  EXPECT_EQ(angle_to_polygon(square, at(0.5, 0.5)), 0);
  // One degree south of the edge on the equator.
  EXPECT_NEAR(angle_to_polygon(square, at(0.5, -1)), kDegree, 1e-12);
  // Inside a hole, the distance is to the hole's edge.
  auto holed = polygon(
      R"({"type":"Polygon","coordinates":[[[-10,-10],[10,-10],[10,10],[-10,10],[-10,-10]],[[-2,-2],[-2,2],[2,2],[2,-2],[-2,-2]]]})");
  // (0, 0) is two degrees from the hole's meridian edges (the others bulge away from it).
  EXPECT_NEAR(angle_to_polygon(holed, at(0, 0)), 2 * kDegree, 1e-12);
  // geo-distance-point-to-polygon-function example: 259.940756070596 m from Central Park.
  auto park = polygon(
      R"({"type":"Polygon","coordinates":[[[-73.9495,40.7969],[-73.95807266235352,40.80068603561921],[-73.98201942443848,40.76825672305777],[-73.97317886352539,40.76455136505513],[-73.9495,40.7969]]]})");
  EXPECT_NEAR(radians_to_meters(angle_to_polygon(park, at(-73.9839, 40.7705))), 259.940756070596, 1e-6);
}

TEST(GeoShapes, DistanceToLines) {
  // geo-distance-point-to-line-function example: 3797.88887253334 m.
  auto road = line(
      R"({"type":"LineString","coordinates":[[-115.115385,36.229195],[-115.136995,36.200366],[-115.140252,36.192470],[-115.143558,36.188523],[-115.144076,36.181954],[-115.154662,36.174483],[-115.166431,36.176388],[-115.183289,36.175007],[-115.192612,36.176736],[-115.202485,36.173439],[-115.225355,36.174365]]})");
  EXPECT_NEAR(radians_to_meters(angle_to_lines(road, at(-115.199625, 36.210419))), 3797.88887253334, 1e-9);
  // The nearest of several lines.
  auto lines = line(R"({"type":"MultiLineString","coordinates":[[[0,-1],[0,1]],[[3,-1],[3,1]]]})");
  EXPECT_NEAR(angle_to_lines(lines, at(2, 0)), kDegree, 1e-12);
}

}  // namespace
}  // namespace huntdb::functions::geo
