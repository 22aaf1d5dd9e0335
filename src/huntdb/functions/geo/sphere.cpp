#include "huntdb/functions/geo/sphere.h"

#include <algorithm>

namespace huntdb::functions::geo {

namespace {

constexpr double kRadiansPerDegree = kPi / 180.0;

// The angle subtended by a chord of squared length d2 (S1ChordAngle's conversion).
double chord2_to_angle(double d2) { return 2.0 * std::asin(std::min(1.0, 0.5 * std::sqrt(d2))); }

}  // namespace

bool valid_coordinate(double longitude, double latitude) {
  // The comparisons are false for NaN, so NaN is invalid too.
  return longitude >= -180.0 && longitude <= 180.0 && latitude >= -90.0 && latitude <= 90.0;
}

std::optional<Vec3> point_from_degrees(double longitude, double latitude) {
  if (!valid_coordinate(longitude, latitude)) return std::nullopt;
  double phi = latitude * kRadiansPerDegree, theta = longitude * kRadiansPerDegree;
  double c = std::cos(phi);
  return Vec3{c * std::cos(theta), c * std::sin(theta), std::sin(phi)};
}

double angle_between(Vec3 a, Vec3 b) { return std::atan2(norm(cross(a, b)), dot(a, b)); }

double angle_to_edge(Vec3 x, Vec3 a, Vec3 b) {
  // The nearest point of the whole great circle lies inside the edge when x is between the
  // planes through the circle's pole and each end; then the distance is to the circle,
  // otherwise to the nearer end.
  Vec3 c = cross(a, b);
  double c2 = norm2(c);
  if (c2 > 0) {
    Vec3 cx = cross(c, x);
    if (dot(a - x, cx) < 0 && dot(b - x, cx) > 0) {
      double x_dot_c = dot(x, c);
      double qr = 1.0 - std::sqrt(norm2(cx) / c2);
      return chord2_to_angle(x_dot_c * x_dot_c / c2 + qr * qr);
    }
  }
  return chord2_to_angle(std::min(norm2(x - a), norm2(x - b)));
}

int orientation(Vec3 a, Vec3 b, Vec3 c) {
  double det = dot(cross(a, b), c);
  return det > 0 ? 1 : (det < 0 ? -1 : 0);
}

bool edges_cross(Vec3 a, Vec3 b, Vec3 c, Vec3 d) {
  // The four triangles ACB, BDA, CBD, DAC have one orientation exactly when the edges cross
  // inside both (the test also rules out the crossing of the great circles at the antipode).
  int acb = -orientation(a, b, c);
  int bda = orientation(a, b, d);
  if (acb == 0 || acb != bda) return false;
  int cbd = -orientation(c, d, b);
  int dac = orientation(c, d, a);
  return acb == cbd && cbd == dac;
}

double turn_angle(Vec3 a, Vec3 b, Vec3 c) {
  double angle = angle_between(cross(a, b), cross(b, c));
  return orientation(a, b, c) > 0 ? angle : -angle;
}

}  // namespace huntdb::functions::geo
