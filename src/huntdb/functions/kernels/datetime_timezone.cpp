// datetime_utc_to_local and datetime_local_to_utc over IANA time zones (cctz reads the system's
// zoneinfo files; see DESIGN.md), and datetime_list_timezones. A zone name that is not known
// gives null.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include <cctz/civil_time.h>
#include <cctz/time_zone.h>

#include "huntdb/common/string_map.h"
#include "huntdb/functions/kernels/calendar.h"
#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/kernel_util.h"

namespace huntdb::functions {

namespace {

using Seconds = std::chrono::time_point<std::chrono::system_clock, cctz::seconds>;

// The zone argument row by row: a string, or a dynamic holding one.
class ZoneNames {
 public:
  explicit ZoneNames(const Column& c) {
    if (c.type() == ScalarType::String) {
      strings_.emplace(c);
    } else {
      dynamics_.emplace(c);
    }
  }
  std::string_view get(size_t i) const {
    if (strings_) return strings_->get(i);
    const DynValue* d = dynamics_->get(i);
    return d && d->kind() == DynValue::Kind::String ? std::string_view(d->as_string()) : std::string_view();
  }

 private:
  std::optional<StringReader> strings_;
  std::optional<DynamicReader> dynamics_;
};

// Zones loaded once per call: a column usually names a handful.
class ZoneCache {
 public:
  const cctz::time_zone* find(std::string_view name) {
    auto it = zones_.find(name);
    if (it == zones_.end()) {
      cctz::time_zone tz;
      std::optional<cctz::time_zone> loaded;
      if (!name.empty() && cctz::load_time_zone(std::string(name), &tz)) loaded = tz;
      it = zones_.emplace(std::string(name), loaded).first;
    }
    return it->second ? &*it->second : nullptr;
  }

 private:
  StringMap<std::optional<cctz::time_zone>> zones_;
};

// UTC ticks to the zone's wall-clock ticks.
int64_t utc_to_local(int64_t ticks, const cctz::time_zone& tz) {
  int64_t seconds = calendar::floor_div(ticks, kTicksPerSecond);
  auto lookup = tz.lookup(Seconds(cctz::seconds(seconds)));
  return ticks + int64_t{lookup.offset} * kTicksPerSecond;
}

// The zone's wall-clock ticks to UTC. A wall time skipped by a spring-forward transition, or
// repeated by a fall-back one, takes the offset in force after the transition: the reference
// page "datetime_local_to_utc()" maps Brussels' skipped 02:00 of 2022-03-27 to 00:00 UTC, and
// .NET reads a repeated time as standard time.
int64_t local_to_utc(int64_t ticks, const cctz::time_zone& tz) {
  int64_t seconds = calendar::floor_div(ticks, kTicksPerSecond);
  int64_t fraction = ticks - seconds * kTicksPerSecond;
  int64_t days = calendar::floor_div(seconds, 86400);
  int64_t in_day = seconds - days * 86400;
  int year, month, day;
  civil_from_days(days, year, month, day);
  cctz::civil_second local(year, month, day, static_cast<int>(in_day / 3600), static_cast<int>(in_day / 60 % 60),
                           static_cast<int>(in_day % 60));
  auto lookup = tz.lookup(local);
  return static_cast<int64_t>(lookup.post.time_since_epoch().count()) * kTicksPerSecond + fraction;
}

template <typename Convert>
ColumnPtr zone_kernel(const KernelArgs& a, Convert convert) {
  LongReader date(a[0]);
  ZoneNames names(a[1]);
  ZoneCache zones;
  LongWriter w(ScalarType::DateTime, a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    const cctz::time_zone* tz = date.null(i) ? nullptr : zones.find(names.get(i));
    int64_t out = tz ? convert(date.get(i), *tz) : 0;
    if (!tz || !calendar::in_datetime_range(out)) {
      w.set_null(i);
    } else {
      w.set(i, out);
    }
  }
  return w.finish();
}

ColumnPtr utc_to_local_kernel(const KernelArgs& a) { return zone_kernel(a, utc_to_local); }
ColumnPtr local_to_utc_kernel(const KernelArgs& a) { return zone_kernel(a, local_to_utc); }

// The zones cctz can load: the zone ("Z") and link ("L") names of the system's tzdata.zi, in
// the folder cctz reads (TZDIR, else /usr/share/zoneinfo), sorted. Read once per process.
DynamicPtr zone_name_list() {
  std::vector<std::string> names;
  const char* dir = std::getenv("TZDIR");
  std::ifstream in(std::string(dir && *dir ? dir : "/usr/share/zoneinfo") + "/tzdata.zi");
  for (std::string line; std::getline(in, line);) {
    if (line.size() < 3 || line[1] != ' ' || (line[0] != 'Z' && line[0] != 'L')) continue;
    // "Z Area/City offset ...", "L Target Area/Alias"
    size_t start = 2;
    if (line[0] == 'L') {
      start = line.find(' ', 2);
      if (start == std::string::npos) continue;
      ++start;
    }
    size_t end = line.find(' ', start);
    names.push_back(line.substr(start, end == std::string::npos ? std::string::npos : end - start));
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  DynValue::Elements elements;
  elements.reserve(names.size());
  for (auto& n : names) elements.push_back(DynValue::of_string(std::move(n)));
  return DynValue::of_array(std::move(elements));
}

ColumnPtr list_timezones_kernel(const KernelArgs& a) {
  static const DynamicPtr kZones = zone_name_list();
  return Column::make_constant(Value::of_dynamic(kZones), a.rows);
}

constexpr KernelTable kKernels[] = {
    {"datetime_utc_to_local", utc_to_local_kernel},
    {"datetime_local_to_utc", local_to_utc_kernel},
    {"datetime_list_timezones", list_timezones_kernel},
};

}  // namespace

void attach_datetime_timezone_kernels(Registry& r) { r.attach(kKernels); }

}  // namespace huntdb::functions
