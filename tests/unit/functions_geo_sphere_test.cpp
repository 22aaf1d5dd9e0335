// The sphere geometry under the geo functions (functions/geo/sphere.h): Kusto's Earth radius,
// angles between points and from a point to a geodesic edge, orientation and edge crossings.
#include <gtest/gtest.h>

#include "huntdb/functions/geo/sphere.h"

namespace huntdb::functions::geo {
namespace {

Vec3 at(double lng, double lat) { return *point_from_degrees(lng, lat); }

double meters(double radians) { return radians_to_meters(radians); }

TEST(GeoSphere, AMeridianDegreeIsAbout111Km) {
  // 6371010 m * pi / 180 = 111195.1012 m.
  EXPECT_NEAR(meters(angle_between(at(0, 0), at(0, 1))), 111195.1012, 1e-3);
  EXPECT_NEAR(meters(angle_between(at(10, 45), at(10, 46))), 111195.1012, 1e-3);
  // Along the equator a degree of longitude is as long; at 60 degrees north about half, a bit
  // more since the geodesic is shorter than the parallel.
  EXPECT_NEAR(meters(angle_between(at(0, 0), at(1, 0))), 111195.1012, 1e-3);
  double at60 = meters(angle_between(at(0, 60), at(1, 60)));
  EXPECT_GT(at60, 55597.0);
  EXPECT_LT(at60, 55598.0);
}

TEST(GeoSphere, SeattleToLosAngelesAsTheReferenceDocsShow) {
  // geo-distance-2points-function: 1546754.35197381 m.
  EXPECT_NEAR(meters(angle_between(at(-122.407628, 47.578557), at(-118.275287, 34.019056))), 1546754.35197381, 1e-6);
}

TEST(GeoSphere, InvalidCoordinatesAreRejected) {
  EXPECT_FALSE(point_from_degrees(180.5, 0));
  EXPECT_FALSE(point_from_degrees(0, -90.01));
  EXPECT_FALSE(point_from_degrees(std::nan(""), 0));
  EXPECT_TRUE(point_from_degrees(-180, 90));
}

TEST(GeoSphere, DistanceToAnEdge) {
  // From a point one degree north of the middle of an equator edge: one degree, the edge lying
  // on the equator's great circle.
  EXPECT_NEAR(meters(angle_to_edge(at(0.5, 1), at(0, 0), at(1, 0))), 111195.1012, 1e-3);
  // Beyond the end of the edge: the distance to the end.
  EXPECT_NEAR(meters(angle_to_edge(at(2, 0), at(0, 0), at(1, 0))), 111195.1012, 1e-3);
  // A point on the edge.
  EXPECT_NEAR(angle_to_edge(at(0.25, 0), at(0, 0), at(1, 0)), 0, 1e-15);
  // A degenerate edge is its point.
  EXPECT_NEAR(meters(angle_to_edge(at(0, 1), at(0, 0), at(0, 0))), 111195.1012, 1e-3);
  // The edge from (0, 60) to (90, 60) is a geodesic: its middle rises to
  // atan(tan(60) / cos(45)) = 67.79 degrees, so (45, 67.79) is on it, not 7.79 degrees off.
  double top = std::atan(std::tan(60 * kPi / 180) / std::cos(45 * kPi / 180)) * 180 / kPi;
  EXPECT_NEAR(angle_to_edge(at(45, top), at(0, 60), at(90, 60)), 0, 1e-12);
}

TEST(GeoSphere, OrientationAndCrossings) {
  EXPECT_EQ(orientation(at(0, 0), at(1, 0), at(0.5, 1)), 1);   // left of an eastward edge
  EXPECT_EQ(orientation(at(0, 0), at(1, 0), at(0.5, -1)), -1);
  EXPECT_TRUE(edges_cross(at(0, -1), at(0, 1), at(-1, 0), at(1, 0)));
  EXPECT_FALSE(edges_cross(at(0, -1), at(0, 1), at(0.5, 0), at(1, 0)));
  // The great circles also meet at (180, 0), which is on neither edge.
  EXPECT_FALSE(edges_cross(at(170, -1), at(170, 1), at(-1, 0), at(1, 0)));
  // Edges sharing a vertex only touch.
  EXPECT_FALSE(edges_cross(at(0, 0), at(1, 1), at(0, 0), at(1, -1)));
}

TEST(GeoSphere, TurnAngles) {
  // Going east along the equator then north at (1, 0): a left turn of 90 degrees.
  EXPECT_NEAR(turn_angle(at(0, 0), at(1, 0), at(1, 1)), kPi / 2, 1e-9);
  EXPECT_NEAR(turn_angle(at(0, 0), at(1, 0), at(1, -1)), -kPi / 2, 1e-9);
  EXPECT_NEAR(turn_angle(at(0, 0), at(1, 0), at(2, 0)), 0, 1e-12);
}

}  // namespace
}  // namespace huntdb::functions::geo
