// Geospatial functions: distances and containment on the WGS-84 sphere, GeoJSON shapes,
// S2 / H3 / geohash cells, and IP geolocation.
//
// Signatures and types follow Kusto.Language 12.4.1, checked against the oracle. Kusto types
// GeoJSON shapes and cell arrays as dynamic; every geo function's unnamed result is Column1, ...
// (print_0 in print): none of them names its column after an argument.
#include "huntdb/functions/declare.h"

namespace huntdb::functions {

namespace {

using namespace types;
using namespace declare;

// Kusto accepts a number or a bool for the spheroid / crossing switches (use_spheroid = 1).
constexpr TypeSet kNumberOrBool = kNumber | kBool;

// The family's shorthands: numbers (coordinates, radii, levels), shapes and strings.
Param num(std::string_view name) { return req(name, kNumber); }
Param num_opt(std::string_view name, TypeSet t = kNumber) { return opt(name, t); }
// GeoJSON shapes (and arrays of them) are dynamic values.
Param shape(std::string_view name) { return req(name, kDynamic); }
Param str(std::string_view name) { return req(name, kString); }

// A geo function: one signature with a fixed result, and a generic column name.
void add(Registry& r, std::string_view name, ScalarType result, std::vector<Param> params,
         std::string_view description, bool is_hidden = false) {
  r.add(hidden(scalar(name, {fixed(result, std::move(params))}, ResultName::None, description), is_hidden));
}

void register_points(Registry& r) {
  using enum ScalarType;
  add(r, "geo_distance_2points", Real,
      {num("p1_longitude"), num("p1_latitude"), num("p2_longitude"), num("p2_latitude"),
       num_opt("use_spheroid", kNumberOrBool)},
      "Shortest distance in meters between two points.");
  add(r, "geo_angle", Real,
      {num("p1_longitude"), num("p1_latitude"), num("p2_longitude"), num("p2_latitude"), num("p3_longitude"),
       num("p3_latitude")},
      "Angle in radians at the second point between the edges to the first and third.");
  add(r, "geo_azimuth", Real, {num("p1_longitude"), num("p1_latitude"), num("p2_longitude"), num("p2_latitude")},
      "Clockwise angle in radians from north to the line between two points.");
  add(r, "geo_point_in_circle", Bool,
      {num("p_longitude"), num("p_latitude"), num("pc_longitude"), num("pc_latitude"), num("c_radius")},
      "Whether a point lies within a circle.");
  add(r, "geo_point_in_polygon", Bool, {num("longitude"), num("latitude"), shape("polygon")},
      "Whether a point lies within a polygon or multipolygon.");
  add(r, "geo_distance_point_to_line", Real, {num("longitude"), num("latitude"), shape("lineString")},
      "Shortest distance in meters from a point to a line.");
  add(r, "geo_distance_point_to_polygon", Real, {num("longitude"), num("latitude"), shape("polygon")},
      "Shortest distance in meters from a point to a polygon.");
  add(r, "geo_closest_point_on_line", Dynamic, {num("longitude"), num("latitude"), shape("lineString")},
      "The point of a line closest to a given point.");
  add(r, "geo_closest_point_on_polygon", Dynamic, {num("longitude"), num("latitude"), shape("polygon")},
      "The point of a polygon closest to a given point.");
  add(r, "geo_point_buffer", Dynamic, {num("longitude"), num("latitude"), num("radius"), num_opt("tolerance")},
      "Polygon of all points within a radius of a point.");
}

void register_shapes(Registry& r) {
  using enum ScalarType;
  add(r, "geo_from_wkt", Dynamic, {{"wkt", kStringOrDynamic}},
      "GeoJSON shape from Well-Known Text.");
  add(r, "geo_line_buffer", Dynamic, {shape("lineString"), num("radius"), num_opt("tolerance")},
      "Polygon of all points within a radius of a line.");
  add(r, "geo_polygon_buffer", Dynamic, {shape("polygon"), num("radius"), num_opt("tolerance")},
      "Polygon of all points within a radius of a polygon.");
  add(r, "geo_intersects_2lines", Bool, {shape("lineString1"), shape("lineString2")}, "Whether two lines intersect.");
  add(r, "geo_intersection_2lines", Dynamic, {shape("lineString1"), shape("lineString2")},
      "The intersection of two lines.");
  add(r, "geo_intersects_line_with_polygon", Bool, {shape("lineString"), shape("polygon")},
      "Whether a line and a polygon intersect.");
  add(r, "geo_intersection_line_with_polygon", Dynamic, {shape("lineString"), shape("polygon")},
      "The intersection of a line and a polygon.");
  add(r, "geo_intersects_2polygons", Bool, {shape("polygon1"), shape("polygon2")}, "Whether two polygons intersect.");
  add(r, "geo_intersection_2polygons", Dynamic, {shape("polygon1"), shape("polygon2")},
      "The intersection of two polygons.");
  add(r, "geo_union_polygons_array", Dynamic, {shape("polygons")}, "The union of an array of polygons.");
  add(r, "geo_union_lines_array", Dynamic, {shape("lineStrings")}, "The union of an array of lines.");
  add(r, "geo_simplify_polygons_array", Dynamic, {shape("polygons"), num_opt("tolerance")},
      "Simplifies an array of polygons into one shape.");
  add(r, "geo_polygon_area", Real, {shape("polygon")}, "Area of a polygon in square meters.");
  add(r, "geo_polygon_perimeter", Real, {shape("polygon")}, "Perimeter of a polygon in meters.");
  add(r, "geo_polygon_centroid", Dynamic, {shape("polygon")}, "Centroid of a polygon.");
  add(r, "geo_polygon_densify", Dynamic, {shape("polygon"), num_opt("tolerance"), num_opt("preserve_crossing", kNumberOrBool)},
      "Adds vertices so that a polygon's planar edges follow the sphere.");
  add(r, "geo_polygon_simplify", Dynamic, {shape("polygon"), num_opt("tolerance")},
      "Simplifies a polygon (Douglas-Peucker).");
  add(r, "geo_line_length", Real, {shape("lineString")}, "Length of a line in meters.");
  add(r, "geo_line_centroid", Dynamic, {shape("lineString")}, "Centroid of a line.");
  add(r, "geo_line_densify", Dynamic, {shape("lineString"), num_opt("tolerance"), num_opt("preserve_crossing", kNumberOrBool)},
      "Adds vertices so that a line's planar edges follow the sphere.");
  add(r, "geo_line_simplify", Dynamic, {shape("lineString"), num_opt("tolerance")},
      "Simplifies a line (Douglas-Peucker).");
  add(r, "geo_line_locate_point", Real,
      {shape("lineString"), num("longitude"), num("latitude"), num_opt("use_spheroid", kNumberOrBool)},
      "Fraction of a line's length from its start to the point on it closest to a point.");
  add(r, "geo_line_interpolate_point", Dynamic, {shape("lineString"), num("fraction")},
      "The point at a fraction of a line's length.");
  // Internal helpers of Kusto's own rewrites (validation and S2 covering levels).
  add(r, "__geo_polygon_validate", String, {shape("polygon")}, "Internal: why a polygon is invalid.", true);
  add(r, "__geo_line_validate", String, {shape("lineString")}, "Internal: why a line is invalid.", true);
  add(r, "__geo_polygon_s2cell_covering_level", Int, {shape("polygon")},
      "Internal: S2 level that covers a polygon.", true);
  add(r, "__geo_line_s2cell_covering_level", Int, {shape("lineString")}, "Internal: S2 level that covers a line.",
      true);
  add(r, "__geo_length_to_s2cell_level", Int, {num("length")}, "Internal: S2 level for an edge length.", true);
}

void register_cells(Registry& r) {
  using enum ScalarType;
  add(r, "geo_point_to_geohash", String, {num("longitude"), num("latitude"), num_opt("accuracy")},
      "Geohash of the cell that contains a point.");
  add(r, "geo_geohash_to_central_point", Dynamic, {str("geohash")}, "Center of a geohash cell, as a GeoJSON point.");
  add(r, "geo_geohash_to_polygon", Dynamic, {str("geohash")}, "Geohash cell as a GeoJSON polygon.");
  add(r, "geo_geohash_neighbors", Dynamic, {str("geohash")}, "The eight neighbors of a geohash cell.");
  add(r, "geo_point_to_s2cell", String, {num("longitude"), num("latitude"), num_opt("level")},
      "Token of the S2 cell that contains a point.");
  add(r, "geo_s2cell_to_central_point", Dynamic, {str("s2cell")}, "Center of an S2 cell, as a GeoJSON point.");
  add(r, "geo_s2cell_to_polygon", Dynamic, {str("s2cell")}, "S2 cell as a GeoJSON polygon.");
  add(r, "geo_s2cell_neighbors", Dynamic, {str("s2cell")}, "The neighbors of an S2 cell.");
  add(r, "geo_polygon_to_s2cells", Dynamic, {shape("polygon"), num_opt("level"), num_opt("radius")},
      "S2 cell tokens covering a polygon.");
  add(r, "geo_line_to_s2cells", Dynamic, {shape("lineString"), num_opt("level"), num_opt("radius")},
      "S2 cell tokens covering a line.");
  add(r, "geo_point_to_h3cell", String, {num("longitude"), num("latitude"), num_opt("resolution")},
      "H3 cell that contains a point.");
  add(r, "geo_h3cell_to_central_point", Dynamic, {str("h3cell")}, "Center of an H3 cell, as a GeoJSON point.");
  add(r, "geo_h3cell_to_polygon", Dynamic, {str("h3cell")}, "H3 cell as a GeoJSON polygon.");
  add(r, "geo_h3cell_neighbors", Dynamic, {str("h3cell")}, "The neighbors of an H3 cell.");
  add(r, "geo_h3cell_children", Dynamic, {str("h3cell"), num_opt("resolution")}, "The children of an H3 cell.");
  add(r, "geo_h3cell_parent", String, {str("h3cell"), num_opt("resolution")}, "The parent of an H3 cell.");
  add(r, "geo_h3cell_rings", Dynamic, {str("h3cell"), num("distance")},
      "Rings of H3 cells around a cell, up to a distance (an array of arrays).");
  add(r, "geo_h3cell_level", Int, {str("h3cell")}, "Resolution of an H3 cell.");
  add(r, "geo_polygon_to_h3cells", Dynamic, {shape("polygon"), num_opt("resolution"), num_opt("radius")},
      "H3 cells covering a polygon.");
}

}  // namespace

void register_geo_functions(Registry& r) {
  register_points(r);
  register_shapes(r);
  register_cells(r);
  add(r, "geo_info_from_ip_address", ScalarType::Dynamic, {str("ip")},
      "Country, state, city, latitude and longitude of an IPv4 or IPv6 address.");
}

}  // namespace huntdb::functions
