// Geometry on Kusto's sphere: points as unit vectors, geodesic (great-circle) edges, distances
// as angles. Kusto measures on a sphere of radius 6,371,010 m (the Earth radius of the S2
// geometry library it builds on: geo_distance_2points(-122.407628, 47.578557, -118.275287,
// 34.019056) is 1546754.35197381 m in the reference docs only with that radius).
//
// The formulas follow S2's choices where the digits the docs show depend on them: the angle
// between points is atan2(|a x b|, a . b), and the distance to an edge is computed as a squared
// chord, then turned into an angle.
#pragma once

#include <cmath>
#include <optional>

namespace huntdb::functions::geo {

inline constexpr double kEarthRadiusMeters = 6371010.0;
inline constexpr double kPi = 3.14159265358979323846;

struct Vec3 {
  double x = 0, y = 0, z = 0;
};

inline Vec3 operator+(Vec3 a, Vec3 b) { return {a.x + b.x, a.y + b.y, a.z + b.z}; }
inline Vec3 operator-(Vec3 a, Vec3 b) { return {a.x - b.x, a.y - b.y, a.z - b.z}; }
inline Vec3 operator*(double k, Vec3 a) { return {k * a.x, k * a.y, k * a.z}; }
inline bool operator==(Vec3 a, Vec3 b) { return a.x == b.x && a.y == b.y && a.z == b.z; }
inline double dot(Vec3 a, Vec3 b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
inline Vec3 cross(Vec3 a, Vec3 b) {
  return {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x};
}
inline double norm2(Vec3 a) { return dot(a, a); }
inline double norm(Vec3 a) { return std::sqrt(norm2(a)); }
// The unit vector along a (a must not be zero).
inline Vec3 normalized(Vec3 a) { return (1.0 / norm(a)) * a; }

// Whether a longitude / latitude pair in degrees is a valid coordinate: finite, longitude in
// [-180, 180] and latitude in [-90, 90] (Kusto's functions give null otherwise).
bool valid_coordinate(double longitude, double latitude);

// The unit vector of a coordinate in degrees, or nullopt when it is not valid.
std::optional<Vec3> point_from_degrees(double longitude, double latitude);

// The angle in radians between two unit vectors, in [0, pi].
double angle_between(Vec3 a, Vec3 b);

// The angle in radians from x to the nearest point of the geodesic edge a-b (the shorter arc).
double angle_to_edge(Vec3 x, Vec3 a, Vec3 b);

// The sign of the determinant |a b c|: +1 when a, b, c turn counterclockwise (c lies left of
// the edge a->b), -1 clockwise, 0 when they are on one great circle (to double precision).
int orientation(Vec3 a, Vec3 b, Vec3 c);

// Whether the geodesic edges a-b and c-d cross at a point interior to both. Edges that only
// touch (at a vertex, or with a vertex on the other edge) do not cross.
bool edges_cross(Vec3 a, Vec3 b, Vec3 c, Vec3 d);

// The signed turn at b of the path a -> b -> c, in radians: positive to the left.
double turn_angle(Vec3 a, Vec3 b, Vec3 c);

inline double meters_to_radians(double meters) { return meters / kEarthRadiusMeters; }
inline double radians_to_meters(double radians) { return radians * kEarthRadiusMeters; }

}  // namespace huntdb::functions::geo
