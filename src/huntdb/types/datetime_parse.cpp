// parse_datetime: every text form Kusto reads as a datetime, in datetime(...) literals and in
// todatetime(). The forms are those of the Kusto reference page "The datetime data type":
//   ISO 8601   2014-05-25T08:20:03.123456Z, 2014-11-08 15:55, 2014-11-08, with Z or +hh:mm
//   RFC 822    Sat, 8 Nov 14 15:05:02 GMT, 8 Nov 14 15:05
//   RFC 850    Saturday, 08-Nov-14 15:05:02 GMT, 08-Nov-14 15:05
//   Sortable   2014-11-08 15:05:25 GMT, 2014-11-8T15:05
// and, because todatetime() falls back to .NET's invariant-culture parsing, the numeric US order
// of the todatetime page (todatetime('12-02-2022') is 2022-12-02) and "Nov 8, 2014".
#include <array>

#include "huntdb/types/datetime.h"
#include "huntdb/types/text_scanner.h"

namespace huntdb {
namespace {

struct DateTimeFields {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  int64_t fraction_ticks = 0;
  int offset_minutes = 0;  // local time minus UTC
};

int month_from_name(std::string_view w) {
  static constexpr std::array<std::string_view, 12> kFull = {"january", "february", "march",     "april",
                                                             "may",     "june",     "july",      "august",
                                                             "september", "october", "november", "december"};
  for (size_t i = 0; i < kFull.size(); ++i) {
    if (equals_ignore_case(w, kFull[i]) || equals_ignore_case(w, kFull[i].substr(0, 3)))
      return static_cast<int>(i) + 1;
  }
  // "Sept" is common enough in the wild.
  if (equals_ignore_case(w, "sept")) return 9;
  return 0;
}

bool is_weekday_name(std::string_view w) {
  static constexpr std::array<std::string_view, 7> kFull = {"monday", "tuesday",  "wednesday", "thursday",
                                                            "friday", "saturday", "sunday"};
  for (auto d : kFull)
    if (equals_ignore_case(w, d) || equals_ignore_case(w, d.substr(0, 3))) return true;
  return false;
}

// RFC 822 zone names: universal time and the North American zones.
std::optional<int> zone_offset_minutes(std::string_view w) {
  struct Zone {
    std::string_view name;
    int hours;
  };
  static constexpr Zone kZones[] = {{"z", 0},   {"ut", 0},   {"utc", 0},  {"gmt", 0},  {"est", -5},
                                    {"edt", -4}, {"cst", -6}, {"cdt", -5}, {"mst", -7}, {"mdt", -6},
                                    {"pst", -8}, {"pdt", -7}};
  for (const auto& z : kZones)
    if (equals_ignore_case(w, z.name)) return z.hours * 60;
  return std::nullopt;
}

// Two-digit years, as .NET's Gregorian calendar reads them: up to 29 is this century.
int expand_two_digit_year(int yy) { return yy <= 29 ? 2000 + yy : 1900 + yy; }

// [.fffffff...]: up to seven digits count, further ones are dropped.
bool parse_fraction(TextScanner& sc, int64_t& ticks) {
  if (!sc.eat('.')) return true;
  size_t n = sc.digit_run();
  if (n == 0) return false;
  int64_t value = 0;
  for (size_t i = 0; i < 7; ++i) value = value * 10 + (i < n ? sc.peek(i) - '0' : 0);
  sc.reset(sc.position() + n);
  ticks = value;
  return true;
}

// h:mm[:ss[.fffffff]] [AM|PM]
bool parse_time_of_day(TextScanner& sc, DateTimeFields& f) {
  auto hour = sc.digits(1, 2);
  if (!hour || !sc.eat(':')) return false;
  auto minute = sc.digits(1, 2);
  if (!minute) return false;
  int64_t second = 0;
  if (sc.eat(':')) {
    auto s = sc.digits(1, 2);
    if (!s) return false;
    second = *s;
    if (!parse_fraction(sc, f.fraction_ticks)) return false;
  }
  size_t before_meridiem = sc.position();
  sc.skip_spaces();
  std::string_view meridiem = sc.word();
  if (equals_ignore_case(meridiem, "am") || equals_ignore_case(meridiem, "pm")) {
    if (*hour < 1 || *hour > 12) return false;
    bool pm = equals_ignore_case(meridiem, "pm");
    *hour = (*hour % 12) + (pm ? 12 : 0);
  } else {
    sc.reset(before_meridiem);
  }
  if (*hour > 23 || *minute > 59 || second > 59) return false;
  f.hour = static_cast<int>(*hour);
  f.minute = static_cast<int>(*minute);
  f.second = static_cast<int>(second);
  return true;
}

// Optional zone after the time: Z, +hh:mm, +hhmm, +hh, or a zone name (GMT, UTC, PST, ...).
bool parse_zone(TextScanner& sc, DateTimeFields& f) {
  size_t start = sc.position();
  sc.skip_spaces();
  if (sc.done()) {
    sc.reset(start);
    return true;
  }
  if (char sign = sc.eat_any("+-")) {
    auto hh = sc.fixed_digits(2);
    if (!hh) return false;
    int64_t mm = 0;
    if (sc.eat(':')) {
      auto m = sc.digits(2, 2);
      if (!m) return false;
      mm = *m;
    } else if (sc.digit_run() == 2) {
      mm = *sc.digits(2, 2);
    }
    if (*hh > 14 || mm > 59) return false;
    f.offset_minutes = static_cast<int>((*hh * 60 + mm) * (sign == '-' ? -1 : 1));
    return true;
  }
  auto offset = zone_offset_minutes(sc.word());
  if (!offset) return false;
  f.offset_minutes = *offset;
  return true;
}

// After a date: nothing, or a separator, the time of day and an optional zone.
bool parse_optional_time(TextScanner& sc, DateTimeFields& f, bool allow_t) {
  if (sc.done()) return true;
  const bool had_t = allow_t && (sc.eat('T') || sc.eat('t'));
  if (!had_t && sc.skip_spaces() == 0) return false;
  if (!parse_time_of_day(sc, f) || !parse_zone(sc, f)) return false;
  return sc.done();
}

// yyyy-M-d (also with / or . between the parts), then an optional time. Spaces around the
// separators are allowed, as .NET's parser skips them: the sliding_window_counts docs example
// writes datetime(2017 - 08 - 01).
bool parse_year_first(TextScanner& sc, DateTimeFields& f) {
  auto year = sc.digits(4, 4);
  if (!year) return false;
  sc.skip_spaces();
  char sep = sc.eat_any("-/.");
  if (!sep) return false;
  sc.skip_spaces();
  auto month = sc.digits(1, 2);
  if (!month) return false;
  sc.skip_spaces();
  if (!sc.eat(sep)) return false;
  sc.skip_spaces();
  auto day = sc.digits(1, 2);
  if (!day) return false;
  f.year = static_cast<int>(*year);
  f.month = static_cast<int>(*month);
  f.day = static_cast<int>(*day);
  return parse_optional_time(sc, f, true);
}

// M/d/yyyy or M-d-yyyy, as the invariant culture orders a numeric date.
bool parse_month_first(TextScanner& sc, DateTimeFields& f) {
  auto month = sc.digits(1, 2);
  if (!month) return false;
  char sep = sc.eat_any("-/");
  if (!sep) return false;
  auto day = sc.digits(1, 2);
  if (!day || !sc.eat(sep)) return false;
  auto year = sc.digits(4, 4);
  if (!year) return false;
  f.year = static_cast<int>(*year);
  f.month = static_cast<int>(*month);
  f.day = static_cast<int>(*day);
  return parse_optional_time(sc, f, false);
}

bool parse_year_of_named_date(TextScanner& sc, DateTimeFields& f) {
  size_t n = sc.digit_run();
  if (n == 2) {
    f.year = expand_two_digit_year(static_cast<int>(*sc.digits(2, 2)));
  } else if (n == 4) {
    f.year = static_cast<int>(*sc.digits(4, 4));
  } else {
    return false;
  }
  return true;
}

// [Weekday,] d Mon yy, [Weekday,] dd-Mon-yy, or Mon d[,] yyyy; then an optional time.
bool parse_named_month(TextScanner& sc, DateTimeFields& f) {
  size_t start = sc.position();
  std::string_view first = sc.word();
  if (!first.empty() && is_weekday_name(first)) {
    sc.eat(',');
    sc.skip_spaces();
  } else {
    sc.reset(start);
  }
  if (auto day = sc.digits(1, 2)) {
    // d Mon yy (RFC 822) or dd-Mon-yy (RFC 850)
    char sep = sc.eat('-') ? '-' : ' ';
    if (sep == ' ' && sc.skip_spaces() == 0) return false;
    f.month = month_from_name(sc.word());
    if (f.month == 0) return false;
    if (sep == '-' ? !sc.eat('-') : sc.skip_spaces() == 0) return false;
    f.day = static_cast<int>(*day);
    if (!parse_year_of_named_date(sc, f)) return false;
    return parse_optional_time(sc, f, false);
  }
  // Mon d[,] yyyy
  f.month = month_from_name(sc.word());
  if (f.month == 0 || sc.skip_spaces() == 0) return false;
  auto day = sc.digits(1, 2);
  if (!day) return false;
  sc.eat(',');
  if (sc.skip_spaces() == 0) return false;
  auto year = sc.digits(4, 4);
  if (!year) return false;
  f.day = static_cast<int>(*day);
  f.year = static_cast<int>(*year);
  return parse_optional_time(sc, f, false);
}

std::optional<int64_t> to_ticks(const DateTimeFields& f) {
  if (f.year < 1 || f.year > 9999 || f.month < 1 || f.month > 12) return std::nullopt;
  if (f.day < 1 || f.day > days_in_month(f.year, f.month)) return std::nullopt;
  CivilTime c{f.year, f.month, f.day, f.hour, f.minute, f.second, f.fraction_ticks};
  int64_t ticks = ticks_from_civil(c) - static_cast<int64_t>(f.offset_minutes) * kTicksPerMinute;
  if (ticks < kMinDateTimeTicks || ticks > kMaxDateTimeTicks) return std::nullopt;
  return ticks;
}

}  // namespace

std::optional<int64_t> parse_datetime(std::string_view text) {
  text = trim_ascii(text);
  if (text.empty()) return std::nullopt;
  using Form = bool (*)(TextScanner&, DateTimeFields&);
  static constexpr Form kForms[] = {parse_year_first, parse_month_first, parse_named_month};
  for (Form form : kForms) {
    TextScanner sc(text);
    DateTimeFields f;
    if (form(sc, f) && sc.done()) return to_ticks(f);
  }
  return std::nullopt;
}

}  // namespace huntdb
