// GeoJSON shapes read into sphere geometry, checked as Kusto checks them, with what the
// containment and distance queries need precomputed.
//
// Accepted (the "type" compared ignoring case, as Kusto's examples write "linestring" too):
//   {"type": "Polygon", "coordinates": [shell, hole, ...]}
//   {"type": "MultiPolygon", "coordinates": [[shell, hole, ...], ...]}
//   {"type": "LineString", "coordinates": [[lng, lat], ...]}
//   {"type": "MultiLineString", "coordinates": [[[lng, lat], ...], ...]}
// A ring lists at least four coordinates, the last equal to the first, its vertices otherwise
// distinct; a line has at least two coordinates; coordinates are [longitude, latitude] numbers
// in range; no edge joins two antipodal points. Anything else is not a shape (Kusto's geo
// functions then give null). Rings that cross each other are not detected.
//
// Edges are geodesics. A ring divides the sphere in two and stands for the smaller part, so
// its orientation does not matter (the reference says shells are counterclockwise and holes
// clockwise, and that the smaller region is chosen).
#pragma once

#include <optional>
#include <vector>

#include "huntdb/functions/geo/sphere.h"
#include "huntdb/types/dynamic.h"

namespace huntdb::functions::geo {

// A spherical cap: the points within `radius` radians of `center`. A radius of pi or more is
// the whole sphere.
struct Cap {
  Vec3 center;
  double radius = kPi;
  bool may_be_within(Vec3 p, double margin) const { return radius >= kPi || angle_between(center, p) <= radius + margin; }
};

// A closed ring of distinct vertices (the closing vertex is not repeated).
struct Ring {
  std::vector<Vec3> vertices;
  bool left_is_inside = true;  // whether the region left of the vertex order is the smaller one
  // Points just left of two edges, far apart, from which crossings are counted.
  Vec3 anchors[2];
  Cap bound;  // holds every edge
};

// Polygons, each a shell and its holes.
struct PolygonShape {
  std::vector<std::vector<Ring>> polygons;
  Cap bound;
};

// Lines (a LineString is one), each a path of vertices.
struct LineShape {
  std::vector<std::vector<Vec3>> lines;
  Cap bound;
};

std::optional<PolygonShape> parse_polygon_shape(const DynValue& geojson);
std::optional<LineShape> parse_line_shape(const DynValue& geojson);

// A cap around points joined by geodesics: the whole sphere unless they fit in a hemisphere
// around their mean (a cap no larger than a hemisphere holds the geodesics between its points).
Cap bounding_cap(const std::vector<Vec3>& points);

}  // namespace huntdb::functions::geo
