// parse_timespan: the text forms of the Kusto reference page "The timespan data type", used by
// timespan literals, time(...) / timespan(...) and totimespan():
//   2d, 1.5h, 30m, 10s, 100ms, 10microsecond, 1tick, 15 seconds   a number and a unit
//   2                                                                days
//   0.12:34:56.7, 00:01:00, 12:30                                    [d.]hh:mm[:ss[.fffffff]]
// Any of them may start with '-'.
#include <limits>

#include "huntdb/types/datetime.h"
#include "huntdb/types/text_scanner.h"

namespace huntdb {
namespace {

// A unit's length is ticks_num / ticks_den ticks (nanoseconds are a hundredth of a tick).
struct TimeUnit {
  std::string_view name;
  int64_t ticks_num;
  int64_t ticks_den;
};

// The suffixes the KQL lexer reads after a number (see kql/lexer.cpp), and their lengths.
constexpr TimeUnit kUnits[] = {
    {"d", kTicksPerDay, 1},
    {"day", kTicksPerDay, 1},
    {"days", kTicksPerDay, 1},
    {"h", kTicksPerHour, 1},
    {"hr", kTicksPerHour, 1},
    {"hrs", kTicksPerHour, 1},
    {"hour", kTicksPerHour, 1},
    {"hours", kTicksPerHour, 1},
    {"m", kTicksPerMinute, 1},
    {"min", kTicksPerMinute, 1},
    {"minute", kTicksPerMinute, 1},
    {"minutes", kTicksPerMinute, 1},
    {"s", kTicksPerSecond, 1},
    {"sec", kTicksPerSecond, 1},
    {"second", kTicksPerSecond, 1},
    {"seconds", kTicksPerSecond, 1},
    {"ms", kTicksPerMillisecond, 1},
    {"milli", kTicksPerMillisecond, 1},
    {"millis", kTicksPerMillisecond, 1},
    {"millisec", kTicksPerMillisecond, 1},
    {"millisecond", kTicksPerMillisecond, 1},
    {"milliseconds", kTicksPerMillisecond, 1},
    {"micro", kTicksPerMicrosecond, 1},
    {"micros", kTicksPerMicrosecond, 1},
    {"microsec", kTicksPerMicrosecond, 1},
    {"microsecond", kTicksPerMicrosecond, 1},
    {"microseconds", kTicksPerMicrosecond, 1},
    {"tick", 1, 1},
    {"ticks", 1, 1},
    {"nano", 1, 100},
    {"nanos", 1, 100},
    {"nanosec", 1, 100},
    {"nanosecond", 1, 100},
    {"nanoseconds", 1, 100},
};

const TimeUnit* find_unit(std::string_view name) {
  for (const auto& u : kUnits)
    if (equals_ignore_case(name, u.name)) return &u;
  return nullptr;
}

// A decimal number "123.456": its integer part and its fraction as digits / 10^scale.
struct DecimalNumber {
  int64_t whole = 0;
  int64_t fraction = 0;
  int64_t scale = 1;  // 10^(fraction digits kept)
};

constexpr size_t kMaxWholeDigits = 18;
constexpr size_t kMaxFractionDigits = 9;  // finer than a tick's hundredth is noise

std::optional<DecimalNumber> scan_decimal(TextScanner& sc) {
  DecimalNumber n;
  size_t whole_digits = sc.digit_run();
  if (whole_digits == 0 || whole_digits > kMaxWholeDigits) return std::nullopt;
  n.whole = *sc.digits(whole_digits, whole_digits);
  if (sc.peek() == '.' && sc.peek(1) >= '0' && sc.peek(1) <= '9') {
    sc.eat('.');
    size_t count = sc.digit_run();
    for (size_t i = 0; i < count; ++i) {
      if (i < kMaxFractionDigits) {
        n.fraction = n.fraction * 10 + (sc.peek(i) - '0');
        n.scale *= 10;
      }
    }
    sc.reset(sc.position() + count);
  }
  return n;
}

// number × unit in ticks, truncated toward zero; nullopt when it does not fit.
std::optional<int64_t> scale_to_ticks(const DecimalNumber& n, int64_t ticks_num, int64_t ticks_den) {
  using Wide = __int128;
  const Wide limit = std::numeric_limits<int64_t>::max();
  if (Wide(n.whole) * ticks_num > limit * ticks_den) return std::nullopt;
  const Wide numerator = (Wide(n.whole) * n.scale + n.fraction) * ticks_num;
  const Wide ticks = numerator / (Wide(n.scale) * ticks_den);
  if (ticks > limit) return std::nullopt;
  return static_cast<int64_t>(ticks);
}

// [d.]h:mm[:ss[.fffffff]]
std::optional<int64_t> parse_clock_form(TextScanner& sc) {
  int64_t days = 0;
  auto first = sc.digits(1, 8);
  if (!first) return std::nullopt;
  int64_t hours = *first;
  if (sc.eat('.')) {
    days = *first;
    auto h = sc.digits(1, 2);
    if (!h) return std::nullopt;
    hours = *h;
  }
  if (!sc.eat(':')) return std::nullopt;
  auto minutes = sc.digits(1, 2);
  if (!minutes) return std::nullopt;
  int64_t seconds = 0, fraction = 0;
  if (sc.eat(':')) {
    auto s = sc.digits(1, 2);
    if (!s) return std::nullopt;
    seconds = *s;
    if (sc.eat('.')) {
      size_t count = sc.digit_run();
      if (count == 0) return std::nullopt;
      // Seven digits make a tick; more than seven are dropped.
      for (size_t i = 0; i < 7; ++i) fraction = fraction * 10 + (i < count ? sc.peek(i) - '0' : 0);
      sc.reset(sc.position() + count);
    }
  }
  if (!sc.done() || hours > 23 || *minutes > 59 || seconds > 59) return std::nullopt;
  return days * kTicksPerDay + hours * kTicksPerHour + *minutes * kTicksPerMinute + seconds * kTicksPerSecond +
         fraction;
}

// 1.5h, 15 seconds, or a bare number of days.
std::optional<int64_t> parse_number_form(TextScanner& sc) {
  auto number = scan_decimal(sc);
  if (!number) return std::nullopt;
  if (sc.done()) return scale_to_ticks(*number, kTicksPerDay, 1);
  sc.skip_spaces();
  const TimeUnit* unit = find_unit(sc.word());
  if (!unit || !sc.done()) return std::nullopt;
  return scale_to_ticks(*number, unit->ticks_num, unit->ticks_den);
}

}  // namespace

std::optional<int64_t> parse_timespan(std::string_view text) {
  text = trim_ascii(text);
  bool negative = false;
  if (!text.empty() && text.front() == '-') {
    negative = true;
    text.remove_prefix(1);
  }
  if (text.empty()) return std::nullopt;
  TextScanner sc(text);
  std::optional<int64_t> ticks = text.find(':') != std::string_view::npos ? parse_clock_form(sc)
                                                                          : parse_number_form(sc);
  if (!ticks) return std::nullopt;
  return negative ? -*ticks : *ticks;
}

}  // namespace huntdb
