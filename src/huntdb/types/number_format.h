// Text of real and decimal numbers as Kusto writes them. Kusto runs on .NET, so its text is what
// .NET's invariant-culture formatting gives: the shortest digits that read back as the same
// double, in fixed notation for decimal exponents -4 .. 14 and as d.dddE+XX outside it.
#pragma once

#include <string>

namespace huntdb {

// 1, 0.5, 0.1, 1E+15, 1E-05, 123456789012345, NaN, Infinity, -Infinity.
std::string format_real(double v);
void append_real(std::string& out, double v);

// A real inside dynamic JSON: as format_real, but integral values keep a ".0" so the text still
// reads as a real (1.0, 42.0, 1E+20). NaN and the infinities, which JSON cannot hold as numbers,
// are written as the strings "NaN", "Infinity" and "-Infinity".
void append_real_json(std::string& out, double v);

// A decimal: the same shortest digits as format_real, always in fixed notation (.NET decimals are
// never printed with an exponent): 0.1, 100000, 0.00001.
std::string format_decimal(double v);

}  // namespace huntdb
