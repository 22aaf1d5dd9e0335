#include "huntdb/ingest/evtx/time_format.h"

#include "huntdb/ingest/evtx/bytes.h"

namespace huntdb::ingest::evtx {
namespace {

constexpr uint64_t kTicksPerSecond = 10'000'000;
constexpr uint64_t kTicksPerDay = 86'400 * kTicksPerSecond;
constexpr int64_t kDays1601To1970 = 134'774;

struct Civil {
  int64_t year;
  unsigned month, day;
};

// Proleptic Gregorian calendar from a day count relative to 1970-01-01. Counting in 400-year eras
// (146097 days each) with years starting on March 1 puts the leap day last, so month lengths follow
// a fixed 153-day five-month pattern and no table is needed.
Civil civil_from_days(int64_t days) {
  days += 719'468;  // shift the epoch to 0000-03-01
  const int64_t era = (days >= 0 ? days : days - 146'096) / 146'097;
  const int64_t doe = days - era * 146'097;                                      // [0, 146096]
  const int64_t yoe = (doe - doe / 1'460 + doe / 36'524 - doe / 146'096) / 365;  // [0, 399]
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                   // [0, 365], from March 1
  const int64_t mp = (5 * doy + 2) / 153;                                        // [0, 11], March = 0
  const unsigned day = static_cast<unsigned>(doy - (153 * mp + 2) / 5 + 1);
  const unsigned month = static_cast<unsigned>(mp < 10 ? mp + 3 : mp - 9);
  return {yoe + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146'097 + doe - 719'468;
}

// Writes `v` as exactly `width` decimal digits (v must fit).
void put_digits(uint64_t v, int width, std::string& out) {
  char buf[20];
  for (int i = width - 1; i >= 0; --i) {
    buf[i] = static_cast<char>('0' + v % 10);
    v /= 10;
  }
  out.append(buf, static_cast<size_t>(width));
}

void put_year(int64_t y, std::string& out) {
  if (y < 0) {
    out.push_back('-');
    y = -y;
  }
  uint64_t u = static_cast<uint64_t>(y);
  int width = 4;
  for (uint64_t t = u / 10000; t > 0; t /= 10) ++width;
  put_digits(u, width, out);
}

void put_datetime(int64_t year, unsigned month, unsigned day, unsigned h, unsigned mi, unsigned s, uint64_t frac7,
                  std::string& out) {
  put_year(year, out);
  out.push_back('-');
  put_digits(month, 2, out);
  out.push_back('-');
  put_digits(day, 2, out);
  out.push_back('T');
  put_digits(h, 2, out);
  out.push_back(':');
  put_digits(mi, 2, out);
  out.push_back(':');
  put_digits(s, 2, out);
  out.push_back('.');
  put_digits(frac7, 7, out);
  out.push_back('Z');
}

}  // namespace

void append_filetime_iso(uint64_t ft, std::string& out) {
  const int64_t days = static_cast<int64_t>(ft / kTicksPerDay) - kDays1601To1970;
  const uint64_t in_day = ft % kTicksPerDay;
  const uint64_t secs = in_day / kTicksPerSecond;
  Civil c = civil_from_days(days);
  put_datetime(c.year, c.month, c.day, static_cast<unsigned>(secs / 3600), static_cast<unsigned>(secs / 60 % 60),
               static_cast<unsigned>(secs % 60), in_day % kTicksPerSecond, out);
}

void append_systemtime_iso(const uint8_t* p, std::string& out) {
  // Fields are printed as stored, without range checks: an odd value is evidence worth seeing.
  put_datetime(le16(p), le16(p + 2) % 100, le16(p + 6) % 100, le16(p + 8) % 100, le16(p + 10) % 100, le16(p + 12) % 100,
               static_cast<uint64_t>(le16(p + 14) % 1000) * 10'000, out);
}

std::optional<uint64_t> parse_iso_filetime(std::string_view t) {
  auto num = [&](size_t pos, size_t n, unsigned& v) {
    if (pos + n > t.size()) return false;
    v = 0;
    for (size_t i = pos; i < pos + n; ++i) {
      if (t[i] < '0' || t[i] > '9') return false;
      v = v * 10 + static_cast<unsigned>(t[i] - '0');
    }
    return true;
  };
  unsigned y, mo, d, h, mi, s;
  if (t.size() < 20 || !num(0, 4, y) || t[4] != '-' || !num(5, 2, mo) || t[7] != '-' || !num(8, 2, d) || t[10] != 'T' ||
      !num(11, 2, h) || t[13] != ':' || !num(14, 2, mi) || t[16] != ':' || !num(17, 2, s))
    return std::nullopt;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60 || y < 1601) return std::nullopt;
  size_t i = 19;
  uint64_t frac = 0;
  int digits = 0;
  if (i < t.size() && t[i] == '.') {
    for (++i; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i)
      if (digits < 7) {
        frac = frac * 10 + static_cast<uint64_t>(t[i] - '0');
        ++digits;
      }
  }
  if (i + 1 != t.size() || t[i] != 'Z') return std::nullopt;
  for (; digits < 7; ++digits) frac *= 10;
  const int64_t days = days_from_civil(y, mo, d) + kDays1601To1970;
  return static_cast<uint64_t>(days) * kTicksPerDay + ((h * 60ull + mi) * 60 + s) * kTicksPerSecond + frac;
}

}  // namespace huntdb::ingest::evtx
