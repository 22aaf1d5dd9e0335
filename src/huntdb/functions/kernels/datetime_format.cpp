// format_datetime and format_timespan: custom formats in .NET's style, which Kusto's are
// (reference pages "format_datetime()" and "format_timespan()"). The format is a constant; it is
// split into elements once per call, then every row is written by walking the elements.
#include <array>
#include <string>
#include <vector>

#include "huntdb/functions/kernels/calendar.h"
#include "huntdb/functions/kernels/constant_arg.h"
#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/kernel_util.h"
#include "huntdb/types/datetime.h"

namespace huntdb::functions {

namespace {

// One element of a format: a run of one pattern letter (yyyy, MM, fff, ...) or literal text.
struct Element {
  char letter = 0;  // 0: literal
  int count = 0;
  std::string literal;
};

bool is_pattern_letter(char c, bool timespan) {
  std::string_view letters = timespan ? "dfFhHms" : "dfFhHmMstyz";
  return letters.find(c) != std::string_view::npos;
}

// Splits a format into elements. Quoted text ('...' or "...") and a backslash-escaped character
// are literals, as in .NET; so is any character that is not a pattern letter (the delimiters
// the reference pages list: space / - : , . _ [ ]).
std::vector<Element> parse_format(std::string_view format, bool timespan) {
  std::vector<Element> out;
  auto literal = [&](std::string_view s) {
    if (out.empty() || out.back().letter != 0) out.push_back({});
    out.back().literal.append(s);
  };
  for (size_t i = 0; i < format.size();) {
    char c = format[i];
    if (c == '\'' || c == '"') {
      size_t end = format.find(c, i + 1);
      if (end == std::string_view::npos) end = format.size();
      literal(format.substr(i + 1, end - i - 1));
      i = end + 1;
    } else if (c == '\\' && i + 1 < format.size()) {
      literal(format.substr(i + 1, 1));
      i += 2;
    } else if (is_pattern_letter(c, timespan)) {
      size_t j = i;
      while (j < format.size() && format[j] == c) ++j;
      out.push_back({c, static_cast<int>(j - i), {}});
      i = j;
    } else {
      literal(format.substr(i, 1));
      ++i;
    }
  }
  return out;
}

void append_padded(std::string& out, int64_t v, int width) {
  std::string digits = std::to_string(v < 0 ? -v : v);
  if (v < 0) out.push_back('-');
  for (int k = static_cast<int>(digits.size()); k < width; ++k) out.push_back('0');
  out.append(digits);
}

// The first `count` digits of a seven-digit tick fraction. With `trim` (the F forms), trailing
// zeros go and an all-zero fraction writes nothing, taking a '.' just before it along (as .NET
// does, so "ss.FFF" of a whole second is "05").
void append_fraction(std::string& out, int64_t fraction_ticks, int count, bool trim) {
  if (count > 7) count = 7;
  char digits[8];
  int64_t v = fraction_ticks;
  for (int k = 6; k >= 0; --k) {
    digits[k] = static_cast<char>('0' + v % 10);
    v /= 10;
  }
  int n = count;
  if (trim) {
    while (n > 0 && digits[n - 1] == '0') --n;
    if (n == 0) {
      if (!out.empty() && out.back() == '.') out.pop_back();
      return;
    }
  }
  out.append(digits, static_cast<size_t>(n));
}

constexpr std::array<std::string_view, 7> kDayNames = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                       "Thursday", "Friday", "Saturday"};
constexpr std::array<std::string_view, 12> kMonthNames = {"January", "February", "March",     "April",
                                                          "May",     "June",     "July",      "August",
                                                          "September", "October", "November", "December"};

void append_datetime(std::string& out, const std::vector<Element>& elements, int64_t ticks) {
  CivilTime c = civil_from_ticks(ticks);
  for (const Element& e : elements) {
    int n = e.count;
    switch (e.letter) {
      case 0: out.append(e.literal); break;
      case 'd':
        if (n <= 2) {
          append_padded(out, c.day, n);
        } else {
          std::string_view name = kDayNames[static_cast<size_t>(calendar::weekday(ticks))];
          out.append(n == 3 ? name.substr(0, 3) : name);
        }
        break;
      case 'f':
      case 'F': append_fraction(out, c.fraction_ticks, n, e.letter == 'F'); break;
      case 'h': append_padded(out, c.hour % 12 == 0 ? 12 : c.hour % 12, n >= 2 ? 2 : 1); break;
      case 'H': append_padded(out, c.hour, n >= 2 ? 2 : 1); break;
      case 'm': append_padded(out, c.minute, n >= 2 ? 2 : 1); break;
      case 's': append_padded(out, c.second, n >= 2 ? 2 : 1); break;
      case 'M':
        if (n <= 2) {
          append_padded(out, c.month, n);
        } else {
          std::string_view name = kMonthNames[static_cast<size_t>(c.month - 1)];
          out.append(n == 3 ? name.substr(0, 3) : name);
        }
        break;
      case 'y':
        // y and yy are the year in its century; longer runs pad the whole year.
        if (n <= 2) {
          append_padded(out, c.year % 100, n);
        } else {
          append_padded(out, c.year, n);
        }
        break;
      case 't':
        if (n == 1) {
          out.push_back(c.hour < 12 ? 'A' : 'P');
        } else {
          out.append(c.hour < 12 ? "AM" : "PM");
        }
        break;
      case 'z':
        // Kusto's datetimes are UTC: the offset is zero.
        out.append(n == 1 ? "+0" : n == 2 ? "+00" : "+00:00");
        break;
      default: break;
    }
  }
}

void append_timespan(std::string& out, const std::vector<Element>& elements, int64_t ticks) {
  // Like .NET's custom timespan formats, the elements show the magnitude; a sign is written only
  // where the format has one.
  uint64_t mag = ticks < 0 ? ~static_cast<uint64_t>(ticks) + 1 : static_cast<uint64_t>(ticks);
  const auto per_day = static_cast<uint64_t>(kTicksPerDay);
  auto days = static_cast<int64_t>(mag / per_day);
  auto rest = static_cast<int64_t>(mag % per_day);
  int hours = static_cast<int>(rest / kTicksPerHour);
  int minutes = static_cast<int>(rest % kTicksPerHour / kTicksPerMinute);
  int seconds = static_cast<int>(rest % kTicksPerMinute / kTicksPerSecond);
  int64_t fraction = rest % kTicksPerSecond;
  for (const Element& e : elements) {
    int n = e.count;
    switch (e.letter) {
      case 0: out.append(e.literal); break;
      case 'd': append_padded(out, days, n); break;
      case 'f':
      case 'F': append_fraction(out, fraction, n, e.letter == 'F'); break;
      case 'h':
      case 'H': append_padded(out, hours, n >= 2 ? 2 : 1); break;
      case 'm': append_padded(out, minutes, n >= 2 ? 2 : 1); break;
      case 's': append_padded(out, seconds, n >= 2 ? 2 : 1); break;
      default: break;
    }
  }
}

template <typename Append>
ColumnPtr format_kernel(const KernelArgs& a, bool timespan, Append append) {
  std::vector<Element> elements = parse_format(constant_string_arg(a, 1, timespan ? "The format of format_timespan()" : "The format of format_datetime()"), timespan);
  LongReader value(a[0]);
  StringWriter w(a.rows, a.rows * 24);
  for (size_t i = 0; i < a.rows; ++i) {
    if (!value.null(i)) append(w.text(), elements, value.get(i));
    w.end_row();
  }
  return w.finish();
}

ColumnPtr format_datetime_kernel(const KernelArgs& a) { return format_kernel(a, false, append_datetime); }
ColumnPtr format_timespan_kernel(const KernelArgs& a) { return format_kernel(a, true, append_timespan); }

constexpr KernelTable kKernels[] = {
    {"format_datetime", format_datetime_kernel},
    {"format_timespan", format_timespan_kernel},
};

}  // namespace

void attach_datetime_format_kernels(Registry& r) { r.attach(kKernels); }

}  // namespace huntdb::functions
