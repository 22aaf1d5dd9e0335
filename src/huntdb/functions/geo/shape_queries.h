// Containment and distance queries on GeoJSON shapes (shapes.h), as geo_point_in_polygon,
// geo_distance_point_to_polygon, geo_distance_point_to_line and the geo lookup plugins
// define them. Distances are angles in radians on the unit sphere (sphere.h turns them into
// meters).
#pragma once

#include "huntdb/functions/geo/shapes.h"

namespace huntdb::functions::geo {

// Whether p lies in the smaller region the ring bounds. Points exactly on an edge may fall on
// either side (Kusto: a polygon does not necessarily contain its boundary).
bool ring_contains(const Ring& ring, Vec3 p);

// Whether p lies in a shell of the shape and in none of that shell's holes.
bool polygon_contains(const PolygonShape& shape, Vec3 p);

// The angle from p to the nearest point of the polygon: 0 inside, else to the nearest edge.
double angle_to_polygon(const PolygonShape& shape, Vec3 p);

// The angle from p to the nearest point of the lines.
double angle_to_lines(const LineShape& shape, Vec3 p);

}  // namespace huntdb::functions::geo
