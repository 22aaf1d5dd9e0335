#include "huntdb/functions/geo/shapes.h"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace huntdb::functions::geo {

namespace {

bool equals_ignore_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// The coordinates of a shape whose type is `type`, or null.
const DynValue* coordinates_of(const DynValue& geojson, std::string_view type) {
  if (!geojson.is_object()) return nullptr;
  const DynValue* t = geojson.member("type");
  if (!t || t->kind() != DynValue::Kind::String || !equals_ignore_case(t->as_string(), type)) return nullptr;
  const DynValue* c = geojson.member("coordinates");
  return c && c->is_array() ? c : nullptr;
}

std::optional<double> number(const DynValue& v) {
  switch (v.kind()) {
    case DynValue::Kind::Long: return static_cast<double>(v.as_long());
    case DynValue::Kind::Real:
    case DynValue::Kind::Decimal: return v.as_real();
    default: return std::nullopt;
  }
}

// [longitude, latitude] as a unit vector.
std::optional<Vec3> coordinate(const DynValue& v) {
  if (!v.is_array() || v.elements().size() != 2) return std::nullopt;
  auto lng = number(*v.elements()[0]), lat = number(*v.elements()[1]);
  if (!lng || !lat) return std::nullopt;
  return point_from_degrees(*lng, *lat);
}

// Antipodes up to the rounding of the conversion from degrees ((0, 0) and (180, 0) come out
// 1e-16 apart from exact opposites): no geodesic edge joins them.
bool antipodal(Vec3 a, Vec3 b) { return norm2(a + b) < 1e-24; }

// A path of at least `min_size` coordinates, no edge of which joins antipodes.
std::optional<std::vector<Vec3>> path(const DynValue& v, size_t min_size) {
  if (!v.is_array() || v.elements().size() < min_size) return std::nullopt;
  std::vector<Vec3> out;
  out.reserve(v.elements().size());
  for (const auto& e : v.elements()) {
    auto p = coordinate(*e);
    if (!p) return std::nullopt;
    if (!out.empty() && antipodal(out.back(), *p)) return std::nullopt;
    out.push_back(*p);
  }
  return out;
}

bool has_duplicates(std::vector<Vec3> v) {
  std::sort(v.begin(), v.end(), [](const Vec3& a, const Vec3& b) {
    if (a.x != b.x) return a.x < b.x;
    if (a.y != b.y) return a.y < b.y;
    return a.z < b.z;
  });
  return std::adjacent_find(v.begin(), v.end()) != v.end();
}

// A point just left of the middle of edge a->b: inside the region left of the ring, as no
// other edge of a valid ring comes that close to the middle of this one.
Vec3 left_of_edge(Vec3 a, Vec3 b) {
  Vec3 mid = normalized(a + b);
  double offset = std::min(1e-9, 1e-4 * angle_between(a, b));
  return normalized(mid + offset * normalized(cross(a, b)));
}

std::optional<Ring> ring(const DynValue& v) {
  auto points = path(v, 4);
  if (!points || !(points->front() == points->back())) return std::nullopt;
  points->pop_back();
  if (has_duplicates(*points)) return std::nullopt;
  if (antipodal(points->back(), points->front())) return std::nullopt;
  Ring r;
  r.vertices = std::move(*points);
  const auto& p = r.vertices;
  size_t n = p.size();
  // The turns sum to 2*pi minus the area on the left (Gauss-Bonnet): a positive sum means the
  // left region is the smaller one.
  double curvature = 0;
  for (size_t i = 0; i < n; ++i) curvature += turn_angle(p[(i + n - 1) % n], p[i], p[(i + 1) % n]);
  r.left_is_inside = curvature >= 0;
  r.anchors[0] = left_of_edge(p[0], p[1]);
  size_t far = 0;
  double far_angle = -1;
  for (size_t i = 1; i < n; ++i) {
    double a = angle_between(r.anchors[0], p[i]);
    if (a > far_angle) far_angle = a, far = i;
  }
  r.anchors[1] = left_of_edge(p[far], p[(far + 1) % n]);
  r.bound = bounding_cap(r.vertices);
  return r;
}

std::optional<std::vector<Ring>> polygon(const DynValue& v) {
  if (!v.is_array() || v.elements().empty()) return std::nullopt;
  std::vector<Ring> rings;
  for (const auto& e : v.elements()) {
    auto r = ring(*e);
    if (!r) return std::nullopt;
    rings.push_back(std::move(*r));
  }
  return rings;
}

}  // namespace

Cap bounding_cap(const std::vector<Vec3>& points) {
  Vec3 sum;
  for (Vec3 p : points) sum = sum + p;
  if (norm2(sum) < 1e-24) return Cap{};
  Cap cap{normalized(sum), 0};
  for (Vec3 p : points) cap.radius = std::max(cap.radius, angle_between(cap.center, p));
  // Slack for rounding; beyond a hemisphere the geodesics may leave the cap.
  cap.radius += 1e-12;
  if (cap.radius >= kPi / 2) cap.radius = kPi;
  return cap;
}

std::optional<PolygonShape> parse_polygon_shape(const DynValue& geojson) {
  PolygonShape shape;
  if (const DynValue* c = coordinates_of(geojson, "Polygon")) {
    auto p = polygon(*c);
    if (!p) return std::nullopt;
    shape.polygons.push_back(std::move(*p));
  } else if (const DynValue* m = coordinates_of(geojson, "MultiPolygon")) {
    if (m->elements().empty()) return std::nullopt;
    for (const auto& e : m->elements()) {
      auto p = polygon(*e);
      if (!p) return std::nullopt;
      shape.polygons.push_back(std::move(*p));
    }
  } else {
    return std::nullopt;
  }
  // The shells bound their polygons (a hole lies inside its shell).
  std::vector<Vec3> shells;
  for (const auto& p : shape.polygons) shells.insert(shells.end(), p[0].vertices.begin(), p[0].vertices.end());
  shape.bound = bounding_cap(shells);
  return shape;
}

std::optional<LineShape> parse_line_shape(const DynValue& geojson) {
  LineShape shape;
  if (const DynValue* c = coordinates_of(geojson, "LineString")) {
    auto p = path(*c, 2);
    if (!p) return std::nullopt;
    shape.lines.push_back(std::move(*p));
  } else if (const DynValue* m = coordinates_of(geojson, "MultiLineString")) {
    if (m->elements().empty()) return std::nullopt;
    for (const auto& e : m->elements()) {
      auto p = path(*e, 2);
      if (!p) return std::nullopt;
      shape.lines.push_back(std::move(*p));
    }
  } else {
    return std::nullopt;
  }
  std::vector<Vec3> all;
  for (const auto& l : shape.lines) all.insert(all.end(), l.begin(), l.end());
  shape.bound = bounding_cap(all);
  return shape;
}

}  // namespace huntdb::functions::geo
