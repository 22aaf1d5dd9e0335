// The discrete Fourier transform behind series_fft and series_ifft, for any length.
#pragma once

#include <complex>
#include <vector>

namespace huntdb::functions {

// X[k] = sum_n x[n] e^(sign 2 pi i k n / N), unnormalized: sign -1 is the forward transform, +1
// the inverse (the caller divides by N). Powers of two use radix-2, other lengths Bluestein's
// chirp transform.
std::vector<std::complex<double>> discrete_fourier_transform(const std::vector<std::complex<double>>& x, int sign);

}  // namespace huntdb::functions
