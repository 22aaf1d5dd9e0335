#include "huntdb/types/number_format.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace huntdb {
namespace {

// The shortest round-trip digits of a finite double: "12345" and the decimal exponent of the
// first digit (1.2345e+03 gives exponent 3).
struct ShortestDigits {
  bool negative = false;
  std::string digits;
  int exponent = 0;
};

ShortestDigits shortest_digits(double v) {
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  std::string_view text(buf, static_cast<size_t>(res.ptr - buf));
  ShortestDigits d;
  size_t i = 0;
  if (text[i] == '-') {
    d.negative = true;
    ++i;
  }
  size_t e = text.find('e');
  for (; i < e; ++i)
    if (text[i] != '.') d.digits.push_back(text[i]);
  d.exponent = std::atoi(std::string(text.substr(e + 1)).c_str());
  while (d.digits.size() > 1 && d.digits.back() == '0') d.digits.pop_back();
  return d;
}

void append_fixed(std::string& out, const ShortestDigits& d) {
  if (d.negative) out.push_back('-');
  const int n = static_cast<int>(d.digits.size());
  if (d.exponent < 0) {
    out.append("0.");
    out.append(static_cast<size_t>(-d.exponent - 1), '0');
    out.append(d.digits);
  } else if (d.exponent + 1 >= n) {
    out.append(d.digits);
    out.append(static_cast<size_t>(d.exponent + 1 - n), '0');
  } else {
    out.append(d.digits, 0, static_cast<size_t>(d.exponent + 1));
    out.push_back('.');
    out.append(d.digits, static_cast<size_t>(d.exponent + 1));
  }
}

void append_scientific(std::string& out, const ShortestDigits& d) {
  if (d.negative) out.push_back('-');
  out.push_back(d.digits[0]);
  if (d.digits.size() > 1) {
    out.push_back('.');
    out.append(d.digits, 1);
  }
  // .NET writes the exponent with a sign and at least two digits: E+15, E-05, E+308.
  out.push_back('E');
  out.push_back(d.exponent < 0 ? '-' : '+');
  int mag = std::abs(d.exponent);
  if (mag < 10) out.push_back('0');
  out.append(std::to_string(mag));
}

bool append_non_finite(std::string& out, double v) {
  if (std::isnan(v)) {
    out.append("NaN");
  } else if (std::isinf(v)) {
    out.append(v < 0 ? "-Infinity" : "Infinity");
  } else {
    return false;
  }
  return true;
}

}  // namespace

void append_real(std::string& out, double v) {
  if (append_non_finite(out, v)) return;
  ShortestDigits d = shortest_digits(v);
  // .NET's general format switches to scientific notation when the exponent reaches the 15
  // significant digits of a double, or when the number is below 1E-04 (0.0001 stays fixed,
  // 0.00001 is 1E-05).
  if (d.exponent >= 15 || d.exponent < -4) {
    append_scientific(out, d);
  } else {
    append_fixed(out, d);
  }
}

std::string format_real(double v) {
  std::string out;
  append_real(out, v);
  return out;
}

void append_real_json(std::string& out, double v) {
  if (!std::isfinite(v)) {
    out.push_back('"');
    append_non_finite(out, v);
    out.push_back('"');
    return;
  }
  size_t start = out.size();
  append_real(out, v);
  if (out.find_first_of(".E", start) == std::string::npos) out.append(".0");
}

std::string format_decimal(double v) {
  std::string out;
  if (append_non_finite(out, v)) return out;
  append_fixed(out, shortest_digits(v));
  return out;
}

}  // namespace huntdb
