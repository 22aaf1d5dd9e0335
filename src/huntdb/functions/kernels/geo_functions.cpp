// Distances and containment on Kusto's sphere: geo_distance_2points, geo_point_in_circle,
// geo_point_in_polygon, geo_distance_point_to_line and geo_distance_point_to_polygon, on the
// geometry of functions/geo (shared with the geo lookup plugins).
//
// Followed: the Kusto reference pages of each function. Invalid coordinates, shapes or radii
// give null. geo_distance_2points' use_spheroid = true (WGS-84 ellipsoid distances) is not
// supported: it fails the query rather than answer with the sphere.
#include <optional>

#include "huntdb/functions/geo/shape_queries.h"
#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/kernel_util.h"

namespace huntdb::functions {

namespace {

using geo::Vec3;

// A coordinate argument pair (longitude, latitude) read as a unit vector per row.
class PointReader {
 public:
  PointReader(const KernelArgs& a, size_t longitude) : lng_(a[longitude]), lat_(a[longitude + 1]) {}
  std::optional<Vec3> get(size_t i) const {
    if (lng_.null(i) || lat_.null(i)) return std::nullopt;
    return geo::point_from_degrees(lng_.get(i), lat_.get(i));
  }

 private:
  RealReader lng_, lat_;
};

// A GeoJSON shape argument, parsed once per distinct value: the shape is usually a constant,
// and rows of a shape column often repeat one value.
template <typename Shape>
class ShapeReader {
 public:
  using Parse = std::optional<Shape> (*)(const DynValue&);
  ShapeReader(const Column& c, Parse parse) : r_(c), parse_(parse) {}
  const Shape* get(size_t i) {
    const DynValue* v = r_.get(i);
    if (!v) return nullptr;
    if (v != last_) {
      last_ = v;
      shape_ = parse_(*v);
    }
    return shape_ ? &*shape_ : nullptr;
  }

 private:
  DynamicReader r_;
  Parse parse_;
  const DynValue* last_ = nullptr;
  std::optional<Shape> shape_;
};

ColumnPtr distance_2points_kernel(const KernelArgs& a) {
  if (a.size() > 4) {
    BoolReader spheroid(a[4]);
    for (size_t i = 0; i < a.rows; ++i)
      if (!spheroid.null(i) && spheroid.get(i))
        throw KernelError("geo_distance_2points: use_spheroid = true (distances on the WGS-84 ellipsoid) is not supported.");
  }
  PointReader p1(a, 0), p2(a, 2);
  RealWriter w(ScalarType::Real, a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    auto x = p1.get(i), y = p2.get(i);
    if (x && y) w.set(i, geo::radians_to_meters(geo::angle_between(*x, *y)));
    else w.set_null(i);
  }
  return w.finish();
}

ColumnPtr point_in_circle_kernel(const KernelArgs& a) {
  PointReader p(a, 0), center(a, 2);
  RealReader radius(a[4]);
  BoolWriter w(ScalarType::Bool, a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    auto x = p.get(i), c = center.get(i);
    double r = radius.null(i) ? -1 : radius.get(i);
    if (x && c && r >= 0) w.set(i, geo::radians_to_meters(geo::angle_between(*x, *c)) <= r);
    else w.set_null(i);
  }
  return w.finish();
}

// f(shape, point) for each row with a valid point and shape, else null.
template <typename Shape, typename Writer, typename F>
ColumnPtr point_and_shape(const KernelArgs& a, typename ShapeReader<Shape>::Parse parse, ScalarType type, F f) {
  PointReader p(a, 0);
  ShapeReader<Shape> shapes(a[2], parse);
  Writer w(type, a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    auto x = p.get(i);
    const Shape* s = x ? shapes.get(i) : nullptr;
    if (s) w.set(i, f(*s, *x));
    else w.set_null(i);
  }
  return w.finish();
}

ColumnPtr point_in_polygon_kernel(const KernelArgs& a) {
  return point_and_shape<geo::PolygonShape, BoolWriter>(a, geo::parse_polygon_shape, ScalarType::Bool,
                                                        [](const geo::PolygonShape& s, Vec3 p) -> uint8_t {
                                                          return geo::polygon_contains(s, p);
                                                        });
}

ColumnPtr distance_point_to_polygon_kernel(const KernelArgs& a) {
  return point_and_shape<geo::PolygonShape, RealWriter>(
      a, geo::parse_polygon_shape, ScalarType::Real,
      [](const geo::PolygonShape& s, Vec3 p) { return geo::radians_to_meters(geo::angle_to_polygon(s, p)); });
}

ColumnPtr distance_point_to_line_kernel(const KernelArgs& a) {
  return point_and_shape<geo::LineShape, RealWriter>(
      a, geo::parse_line_shape, ScalarType::Real,
      [](const geo::LineShape& s, Vec3 p) { return geo::radians_to_meters(geo::angle_to_lines(s, p)); });
}

constexpr KernelTable kKernels[] = {
    {"geo_distance_2points", distance_2points_kernel},
    {"geo_point_in_circle", point_in_circle_kernel},
    {"geo_point_in_polygon", point_in_polygon_kernel},
    {"geo_distance_point_to_polygon", distance_point_to_polygon_kernel},
    {"geo_distance_point_to_line", distance_point_to_line_kernel},
};

}  // namespace

void attach_geo_kernels(Registry& r) { r.attach(kKernels); }

}  // namespace huntdb::functions
