// Date and time functions: ago/now, bin/floor/bin_at, start-of/end-of periods, calendar parts,
// datetime arithmetic, formatting, construction and time zones.
#include "huntdb/functions/declare.h"

namespace huntdb::functions {

namespace {

using namespace types;
using namespace declare;

// The signatures bin() and floor() share: numbers, timespans, and datetimes rounded to a
// timespan (or to a datetime, which Kusto accepts as a tick count).
std::vector<Signature> bin_signatures() {
  return {
      // Over numbers, the widest of the two: bin(int, int) is long, bin(int, 2.5) real.
      widest({{"value", kNumber}, {"roundTo", kNumber}}),
      fixed(ScalarType::TimeSpan, {{"value", kTimeSpan}, {"roundTo", kTimeSpan}}),
      fixed(ScalarType::DateTime, {{"value", kDateTime}, {"roundTo", kDateTime}}),
      fixed(ScalarType::DateTime, {{"value", kDateTime}, {"roundTo", kTimeSpan}}),
  };
}

// startofday(date [, offset]) and its seven siblings.
void add_period_boundary(Registry& r, std::string_view name, ResultName naming, std::string_view description) {
  r.add({.name = name,
         .signatures = {fixed(ScalarType::DateTime, {{"date", kDateTime}, opt("offset", kLong)})},
         .result_name = naming,
         .description = description});
}

// A calendar part of one datetime: dayofmonth(date), hourofday(date), ...
void add_date_part(Registry& r, std::string_view name, ScalarType result, std::string_view description,
                   std::string_view replaced_by = {}) {
  r.add({.name = name,
         .signatures = {fixed(result, {{"date", kDateTime}})},
         .replaced_by = replaced_by,
         .hidden = !replaced_by.empty(),
         .description = description});
}

}  // namespace

void register_datetime_functions(Registry& r) {
  // --- the current time
  r.add({.name = "now",
         .signatures = {fixed(ScalarType::DateTime, {opt("offset", kTimeSpan)})},
         .description = "The current UTC time, optionally shifted by a timespan."});
  r.add({.name = "ago",
         .signatures = {fixed(ScalarType::DateTime, {{"timespan", kTimeSpan}})},
         .description = "The current UTC time minus a timespan."});

  // --- rounding into bins; the column keeps the name of the binned value
  r.add({.name = "bin",
         .signatures = bin_signatures(),
         .result_name = ResultName::FirstArgument,
         .description = "Rounds a value down to a multiple of the bin size."});
  r.add({.name = "floor",
         .signatures = bin_signatures(),
         .result_name = ResultName::FirstArgument,
         .description = "Rounds a value down to a multiple of the bin size (same as bin)."});
  r.add(
      {.name = "bin_at",
       .signatures =
           {
               widest({{"value", kNumber}, {"bin_size", kNumber}, {"fixed_point", kNumber}}),
               fixed(ScalarType::TimeSpan, {{"value", kTimeSpan}, {"bin_size", kNumber}, {"fixed_point", kTimeSpan}}),
               fixed(ScalarType::TimeSpan, {{"value", kTimeSpan}, {"bin_size", kTimeSpan}, {"fixed_point", kTimeSpan}}),
               fixed(ScalarType::DateTime, {{"value", kDateTime}, {"bin_size", kSummable}, {"fixed_point", kDateTime}}),
           },
       .result_name = ResultName::FirstArgument,
       .description = "Rounds a value down to a bin, with bins aligned to a fixed point."});
  // bin_auto expands to bin_at(value, query_bin_auto_size, query_bin_auto_at); without those
  // query parameters known here, its type is the value's, int widened to long.
  r.add({.name = "bin_auto",
         .signatures = {promoted(0, {{"value", kSummable}})},
         .result_name = ResultName::FirstArgument,
         .hidden = true,
         .description = "Bins a value by the query_bin_auto_size and query_bin_auto_at query parameters."});

  // --- period boundaries (only startofday keeps the argument's name, as Kusto does)
  add_period_boundary(r, "startofday", ResultName::FirstArgument,
                      "The start of the day of a datetime, shifted by whole days.");
  add_period_boundary(r, "startofweek", ResultName::None,
                      "The start of the week (Sunday) of a datetime, shifted by whole weeks.");
  add_period_boundary(r, "startofmonth", ResultName::None,
                      "The start of the month of a datetime, shifted by whole months.");
  add_period_boundary(r, "startofyear", ResultName::None,
                      "The start of the year of a datetime, shifted by whole years.");
  add_period_boundary(r, "endofday", ResultName::None,
                      "The last tick of the day of a datetime, shifted by whole days.");
  add_period_boundary(r, "endofweek", ResultName::None,
                      "The last tick of the week of a datetime, shifted by whole weeks.");
  add_period_boundary(r, "endofmonth", ResultName::None,
                      "The last tick of the month of a datetime, shifted by whole months.");
  add_period_boundary(r, "endofyear", ResultName::None,
                      "The last tick of the year of a datetime, shifted by whole years.");

  // --- calendar parts
  add_date_part(r, "dayofweek", ScalarType::TimeSpan, "Days since the preceding Sunday, as a timespan.");
  add_date_part(r, "dayofmonth", ScalarType::Int, "The day of the month (1-31).");
  add_date_part(r, "dayofyear", ScalarType::Int, "The day of the year (1-366).");
  add_date_part(r, "hourofday", ScalarType::Int, "The hour of the day (0-23).");
  add_date_part(r, "monthofyear", ScalarType::Int, "The month of the year (1-12).");
  add_date_part(r, "getmonth", ScalarType::Int, "The month of the year (1-12).");
  add_date_part(r, "getyear", ScalarType::Int, "The year of a datetime.");
  add_date_part(r, "week_of_year", ScalarType::Int, "The ISO 8601 week number of a datetime.");
  add_date_part(r, "weekofyear", ScalarType::Int, "The week number of a datetime (not ISO 8601).", "week_of_year");

  // The part names are literals from a fixed list (year, quarter, month, week, day, ...); the
  // registry can only require a constant, the list itself is checked by the function's kernel.
  for (std::string_view name : {"datetime_part", "datepart"}) {
    r.add({.name = name,
           .signatures = {fixed(ScalarType::Int, {{"part", kString, ArgShape::Constant}, {"date", kDateTime}})},
           .replaced_by = name == "datepart" ? "datetime_part" : "",
           .hidden = name == "datepart",
           .description = "One named part (year, month, day, hour, ...) of a datetime."});
  }
  r.add({.name = "datetime_add",
         .signatures = {fixed(ScalarType::DateTime,
                              {{"part", kString, ArgShape::Constant}, {"value", kInteger}, {"datetime", kDateTime}})},
         .description = "A datetime plus a number of calendar units (months, days, ...)."});
  r.add({.name = "datetime_diff",
         .signatures = {fixed(
             ScalarType::Long,
             {{"part", kString, ArgShape::Constant}, {"datetime1", kDateTime}, {"datetime2", kDateTime}})},
         .description = "The number of calendar-unit boundaries between two datetimes."});

  // --- formatting (the format must be a non-empty literal)
  r.add({.name = "format_datetime",
         .signatures = {fixed(ScalarType::String, {{"date", kDateTime}, {"format", kString, ArgShape::Constant}})},
         .result_name = ResultName::FirstArgument,
         .description = "Formats a datetime with a format string such as 'yyyy-MM-dd'."});
  r.add({.name = "format_timespan",
         .signatures = {fixed(ScalarType::String, {{"timespan", kTimeSpan}, {"format", kString, ArgShape::Constant}})},
         .result_name = ResultName::FirstArgument,
         .description = "Formats a timespan with a format string such as 'hh:mm:ss'."});

  // --- construction. Kusto names these after their argument only when there is exactly one
  // (the conversion form); the registry has one naming rule per function, and the multi-part
  // forms, which real queries use (make_datetime(Year, 3, Day)), get generic names.
  r.add({.name = "make_datetime",
         .signatures =
             {
                 fixed(ScalarType::DateTime, {{"year", kNumber},
                                              {"month", kNumber},
                                              {"day", kNumber},
                                              opt("hour", kNumber),
                                              opt("minute", kNumber),
                                              opt("second", kNumber)}),
                 fixed(ScalarType::DateTime, {{"value", kScalar}}),
             },
         .description = "A datetime from year, month, day and optional time parts."});
  r.add({.name = "make_timespan",
         .signatures =
             {
                 fixed(ScalarType::TimeSpan,
                       {{"days", kInteger}, {"hours", kInteger}, {"minutes", kInteger}, {"seconds", kInteger}}),
                 fixed(ScalarType::TimeSpan, {{"hours", kInteger},
                                              {"minutes", kInteger},
                                              opt("seconds", kInteger)}),
                 fixed(ScalarType::TimeSpan, {{"value", kScalar}}),
             },
         .description = "A timespan from days, hours, minutes and seconds."});
  for (std::string_view name : {"unixtime_seconds_todatetime", "unixtime_milliseconds_todatetime",
                                "unixtime_microseconds_todatetime", "unixtime_nanoseconds_todatetime"}) {
    r.add({.name = name,
           .signatures = {fixed(ScalarType::DateTime, {{"number", kNumber}})},
           .description = "The datetime a Unix epoch count (in the unit the name gives) stands for."});
  }

  // --- time zones. Kusto lets a dynamic value stand where a string parameter is declared
  // (the zone often comes out of a parsed JSON record), hence kStringOrDynamic.
  r.add({.name = "datetime_local_to_utc",
         .signatures = {fixed(ScalarType::DateTime, {{"from", kDateTime}, {"timezone", kStringOrDynamic}})},
         .description = "Converts a local datetime in an IANA time zone to UTC."});
  r.add({.name = "datetime_utc_to_local",
         .signatures = {fixed(ScalarType::DateTime, {{"from", kDateTime}, {"timezone", kStringOrDynamic}})},
         .description = "Converts a UTC datetime to local time in an IANA time zone."});
  r.add({.name = "datetime_list_timezones",
         .signatures = {fixed(ScalarType::Dynamic)},
         .description = "The array of supported IANA time zone names."});
}

}  // namespace huntdb::functions
