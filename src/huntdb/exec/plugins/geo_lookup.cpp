// geo_polygon_lookup(LookupTable, LookupPolygonKey, SourceLongitude, SourceLatitude [, radius]
//   [, return_unmatched] [, lookup_area_radius] [, return_lookup_key])
// geo_line_lookup(LookupTable, LookupLineKey, SourceLongitude, SourceLatitude, radius
//   [, return_unmatched] [, lookup_area_radius] [, return_lookup_key])
// A join of each input location to the shapes of the lookup table it matches.
//
// Followed: https://learn.microsoft.com/kusto/query/geo-polygon-lookup-plugin and
// https://learn.microsoft.com/kusto/query/geo-line-lookup-plugin with their examples.
// - A location matches a polygon that contains it (geo_point_in_polygon), or with a radius, a
//   polygon within that many meters (geo_distance_point_to_polygon); a location matches a line
//   within the radius (geo_distance_point_to_line). Shapes and coordinates that are not valid
//   match nothing.
// - The options after the coordinates come by position or as `name = value`; all are constants.
//   lookup_area_radius only tunes Kusto's own matching and changes no result, so it is checked
//   and otherwise unused.
// - The input columns, then the lookup table's without the key column unless return_lookup_key
//   (functions/plugins.cpp plans them). A location matching several shapes gets a row per shape,
//   in the lookup table's order; return_unmatched keeps the others with null lookup columns.
// Each shape is read once; a cap around it rules out most far locations before any edge is
// looked at.
#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

#include <fmt/format.h>

#include "huntdb/exec/exec_error.h"
#include "huntdb/exec/operator_kernels.h"
#include "huntdb/exec/plugins/lookup_join.h"
#include "huntdb/exec/plugins/plugin_args.h"
#include "huntdb/exec/plugins/plugin_families.h"
#include "huntdb/exec/table_util.h"
#include "huntdb/functions/geo/shape_queries.h"
#include "huntdb/types/convert.h"

namespace huntdb::exec {

namespace {

using namespace plugins;
namespace geo = functions::geo;

// The options after the coordinates, in their positional order.
constexpr std::array<std::string_view, 4> kOptionNames = {"radius", "return_unmatched", "lookup_area_radius",
                                                          "return_lookup_key"};
constexpr size_t kFirstOption = 4;

struct Options {
  std::optional<double> radius_meters;
  bool return_unmatched = false;
  bool return_lookup_key = false;
};

size_t option_index(const PluginCall& call, size_t arg) {
  std::string_view name = arg_name(call, arg);
  if (name.empty()) {
    if (arg - kFirstOption >= kOptionNames.size())
      throw ExecError(fmt::format("{}: expects at most {} arguments.", call.plan.plugin->name,
                                  kFirstOption + kOptionNames.size()));
    return arg - kFirstOption;
  }
  for (size_t i = 0; i < kOptionNames.size(); ++i)
    if (name.size() == kOptionNames[i].size() &&
        std::equal(name.begin(), name.end(), kOptionNames[i].begin(),
                   [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; }))
      return i;
  throw ExecError(fmt::format("{}: unknown argument '{}' (expected one of radius, return_unmatched, "
                              "lookup_area_radius, return_lookup_key).",
                              call.plan.plugin->name, name));
}

double nonnegative_real(const PluginCall& call, size_t arg, std::string_view what) {
  std::optional<double> d = to_real(required_constant(call, arg, what));
  if (!d || !(*d >= 0))
    throw ExecError(fmt::format("{}: {} must be a non-negative number of meters.", call.plan.plugin->name, what));
  return *d;
}

bool bool_option(const PluginCall& call, size_t arg, std::string_view what) {
  Value v = required_constant(call, arg, what);
  if (v.type != ScalarType::Bool) throw ExecError(fmt::format("{}: {} must be a bool.", call.plan.plugin->name, what));
  return !v.is_null() && v.as_bool();
}

Options read_options(const PluginCall& call, bool radius_required) {
  Options o;
  for (size_t arg = kFirstOption; arg < arg_count(call); ++arg) {
    size_t i = option_index(call, arg);
    std::string_view what = kOptionNames[i];
    switch (i) {
      case 0: o.radius_meters = nonnegative_real(call, arg, what); break;
      case 1: o.return_unmatched = bool_option(call, arg, what); break;
      case 2: nonnegative_real(call, arg, what); break;
      case 3: o.return_lookup_key = bool_option(call, arg, what); break;
    }
  }
  if (radius_required && !o.radius_meters)
    throw ExecError(fmt::format("{}: expects a radius in meters after the coordinates.", call.plan.plugin->name));
  return o;
}

// The input's locations as unit vectors (nullopt for nulls and invalid coordinates).
std::vector<std::optional<geo::Vec3>> locations(const PluginCall& call) {
  auto real_column = [&](size_t arg) {
    ColumnPtr c = eval_over(call.plan.args[arg], call.executor, *call.input);
    if (c->type() != ScalarType::Real) c = cast_column(c, ScalarType::Real);
    return Column::flatten(c);
  };
  ColumnPtr lng = real_column(2), lat = real_column(3);
  std::vector<std::optional<geo::Vec3>> out(lng->size());
  for (size_t r = 0; r < out.size(); ++r)
    if (!lng->is_null(r) && !lat->is_null(r)) out[r] = geo::point_from_degrees(lng->reals()[r], lat->reals()[r]);
  return out;
}

// What the two plugins share; `Shape` is geo::PolygonShape or geo::LineShape, read by `parse`
// and matched to a location by `matches`.
template <typename Shape, typename Parse, typename Matches>
TablePtr geo_lookup(const PluginCall& call, bool radius_required, Parse parse, Matches matches) {
  std::string_view plugin = call.plan.plugin->name;
  if (arg_count(call) < kFirstOption || call.plan.arg_tables.empty() || !call.plan.arg_tables[0])
    throw ExecError(fmt::format("{}: expects a lookup table, its shape column, and the longitude and latitude.", plugin));
  Options options = read_options(call, radius_required);
  TablePtr lookup = call.executor.run(call.plan.arg_tables[0], call.bindings);
  const analyze::Expr* key = column_arg(call, 1);
  int key_index = key ? lookup->schema.index_of(key->name) : -1;
  if (key_index < 0) throw ExecError(fmt::format("{}: the shape key must be a column of the lookup table.", plugin));
  ColumnPtr shapes_column = gather_column(*lookup, static_cast<size_t>(key_index));
  if (shapes_column->type() != ScalarType::Dynamic)
    throw ExecError(fmt::format("{}: the shape key column must be of type dynamic (GeoJSON).", plugin));
  shapes_column = Column::flatten(shapes_column);

  std::vector<std::optional<Shape>> shapes;
  for (const DynamicPtr& d : shapes_column->dynamics()) shapes.push_back(d ? parse(*d) : std::nullopt);
  double radius = geo::meters_to_radians(options.radius_meters.value_or(0));
  bool with_radius = options.radius_meters.has_value();

  LookupPairs pairs;
  auto points = locations(call);
  for (size_t r = 0; r < points.size(); ++r) {
    bool any = false;
    if (points[r])
      for (size_t s = 0; s < shapes.size(); ++s) {
        if (!shapes[s] || !shapes[s]->bound.may_be_within(*points[r], radius)) continue;
        if (!matches(*shapes[s], *points[r], with_radius, radius)) continue;
        any = true;
        pairs.add(r, s);
      }
    if (!any && options.return_unmatched) pairs.add(r, shapes.size());
  }
  auto keep = [&](size_t i) { return options.return_lookup_key || i != static_cast<size_t>(key_index); };
  return lookup_join_result(call, *call.input, *lookup, pairs, keep, false);
}

TablePtr geo_polygon_lookup(const PluginCall& call) {
  return geo_lookup<geo::PolygonShape>(
      call, false, geo::parse_polygon_shape, [](const geo::PolygonShape& s, geo::Vec3 p, bool with_radius, double radius) {
        return with_radius ? geo::angle_to_polygon(s, p) <= radius : geo::polygon_contains(s, p);
      });
}

TablePtr geo_line_lookup(const PluginCall& call) {
  return geo_lookup<geo::LineShape>(call, true, geo::parse_line_shape,
                                    [](const geo::LineShape& s, geo::Vec3 p, bool, double radius) {
                                      return geo::angle_to_lines(s, p) <= radius;
                                    });
}

constexpr PluginEntry kEntries[] = {{"geo_polygon_lookup", geo_polygon_lookup}, {"geo_line_lookup", geo_line_lookup}};

}  // namespace

std::span<const PluginEntry> geo_lookup_plugins() { return kEntries; }

}  // namespace huntdb::exec
