#include "huntdb/functions/geo/shape_queries.h"

#include <algorithm>

namespace huntdb::functions::geo {

namespace {

// The smaller of `best` and the angle from p to the edges of a path (closed: back to its start).
double angle_to_path(const std::vector<Vec3>& v, bool closed, Vec3 p, double best) {
  size_t n = v.size();
  size_t edges = closed ? n : n - 1;
  for (size_t i = 0; i < edges; ++i) best = std::min(best, angle_to_edge(p, v[i], v[(i + 1) % n]));
  return best;
}

}  // namespace

bool ring_contains(const Ring& ring, Vec3 p) {
  // The smaller region lies in the bounding cap when there is one.
  if (!ring.bound.may_be_within(p, 0)) return false;
  // Count the edges crossed on the way from a point known to be left of the ring. The nearer
  // anchor keeps the way short (never close to half the sphere, where it is ill-defined).
  Vec3 from = angle_between(ring.anchors[0], p) <= angle_between(ring.anchors[1], p) ? ring.anchors[0] : ring.anchors[1];
  const auto& v = ring.vertices;
  size_t n = v.size();
  bool left = true;
  for (size_t i = 0; i < n; ++i)
    if (edges_cross(from, p, v[i], v[(i + 1) % n])) left = !left;
  return left == ring.left_is_inside;
}

bool polygon_contains(const PolygonShape& shape, Vec3 p) {
  if (!shape.bound.may_be_within(p, 0)) return false;
  for (const auto& rings : shape.polygons) {
    if (!ring_contains(rings[0], p)) continue;
    bool in_hole = std::any_of(rings.begin() + 1, rings.end(), [&](const Ring& hole) { return ring_contains(hole, p); });
    if (!in_hole) return true;
  }
  return false;
}

double angle_to_polygon(const PolygonShape& shape, Vec3 p) {
  if (polygon_contains(shape, p)) return 0;
  double best = kPi;
  for (const auto& rings : shape.polygons)
    for (const auto& r : rings) best = angle_to_path(r.vertices, true, p, best);
  return best;
}

double angle_to_lines(const LineShape& shape, Vec3 p) {
  double best = kPi;
  for (const auto& line : shape.lines) best = angle_to_path(line, false, p, best);
  return best;
}

}  // namespace huntdb::functions::geo
