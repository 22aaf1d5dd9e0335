// The Fourier transform behind series_fft/series_ifft against the textbook O(n^2) sum, for
// powers of two (radix-2) and other lengths (Bluestein), both directions.
#include <gtest/gtest.h>

#include <cmath>
#include <complex>
#include <numbers>
#include <vector>

#include "huntdb/functions/kernels/series_fft.h"

namespace huntdb {
namespace {

using Complex = std::complex<double>;

std::vector<Complex> naive(const std::vector<Complex>& x, int sign) {
  size_t n = x.size();
  std::vector<Complex> out(n);
  for (size_t k = 0; k < n; ++k)
    for (size_t j = 0; j < n; ++j)
      out[k] += x[j] * std::polar(1.0, sign * 2 * std::numbers::pi * static_cast<double>((j * k) % n) /
                                            static_cast<double>(n));
  return out;
}

TEST(SeriesFft, MatchesTheDefinitionForEveryLength) {
  for (size_t n : {1u, 2u, 3u, 4u, 5u, 7u, 8u, 12u, 16u, 31u, 100u, 127u, 128u}) {
    std::vector<Complex> x(n);
    for (size_t j = 0; j < n; ++j) {
      double t = static_cast<double>(j);
      x[j] = Complex(std::sin(0.7 * t) + static_cast<double>(j % 3), std::cos(1.3 * t));
    }
    for (int sign : {-1, 1}) {
      std::vector<Complex> got = functions::discrete_fourier_transform(x, sign), want = naive(x, sign);
      ASSERT_EQ(got.size(), n);
      for (size_t k = 0; k < n; ++k)
        EXPECT_LT(std::abs(got[k] - want[k]), 1e-9 * static_cast<double>(n)) << "n=" << n << " k=" << k << " sign=" << sign;
    }
  }
}

TEST(SeriesFft, EmptyIsEmpty) { EXPECT_TRUE(functions::discrete_fourier_transform({}, -1).empty()); }

}  // namespace
}  // namespace huntdb
