// series_fft and series_ifft (reference pages "series_fft()", "series_ifft()"): the discrete
// Fourier transform of a complex series given as its real part and, optionally, its imaginary
// part (zeros when omitted), returned as two arrays of reals, real and imag. The forward
// transform is X[k] = sum_n x[n] e^(-2 pi i k n / N); the inverse uses e^(+...) and divides by N,
// so series_ifft(series_fft(x)) gives x back (the page's second example). Any length is
// accepted: powers of two by radix-2, other lengths by Bluestein's chirp transform.
// A missing element, or an imaginary part of another length, gives null.
#include <cmath>
#include <complex>
#include <numbers>

#include "huntdb/functions/kernels/series_fft.h"

#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/series_values.h"

namespace huntdb::functions {

namespace {

using Complex = std::complex<double>;

// In-place iterative radix-2 transform; `a.size()` is a power of two. sign -1: forward.
void radix2(std::vector<Complex>& a, int sign) {
  size_t n = a.size();
  for (size_t i = 1, j = 0; i < n; ++i) {
    size_t bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) std::swap(a[i], a[j]);
  }
  for (size_t len = 2; len <= n; len <<= 1) {
    double angle = sign * 2 * std::numbers::pi / static_cast<double>(len);
    for (size_t i = 0; i < n; i += len) {
      for (size_t k = 0; k < len / 2; ++k) {
        // The twiddle computed directly (not by repeated multiplication) keeps the error small.
        Complex w = std::polar(1.0, angle * static_cast<double>(k));
        Complex u = a[i + k], v = a[i + k + len / 2] * w;
        a[i + k] = u + v;
        a[i + k + len / 2] = u - v;
      }
    }
  }
}

}  // namespace

std::vector<Complex> discrete_fourier_transform(const std::vector<Complex>& x, int sign) {
  size_t n = x.size();
  if (n == 0) return {};
  if ((n & (n - 1)) == 0) {
    std::vector<Complex> a = x;
    radix2(a, sign);
    return a;
  }
  // Bluestein: X[k] = conj(w[k]) * sum_j (x[j] conj(w[j])) w[k - j], w[m] = e^(i pi m^2 / n)
  // (for the forward sign), a convolution done with power-of-two transforms.
  size_t m = 1;
  while (m < 2 * n - 1) m <<= 1;
  std::vector<Complex> chirp(n);
  for (size_t k = 0; k < n; ++k) {
    // k^2 mod 2n keeps the angle small and exact for long series.
    uint64_t k2 = (static_cast<uint64_t>(k) * k) % (2 * n);
    chirp[k] = std::polar(1.0, sign * std::numbers::pi * static_cast<double>(k2) / static_cast<double>(n));
  }
  std::vector<Complex> a(m), b(m);
  for (size_t k = 0; k < n; ++k) a[k] = x[k] * chirp[k];
  b[0] = std::conj(chirp[0]);
  for (size_t k = 1; k < n; ++k) b[k] = b[m - k] = std::conj(chirp[k]);
  radix2(a, -1);
  radix2(b, -1);
  for (size_t k = 0; k < m; ++k) a[k] *= b[k];
  radix2(a, 1);
  std::vector<Complex> out(n);
  for (size_t k = 0; k < n; ++k) out[k] = a[k] * chirp[k] / static_cast<double>(m);
  return out;
}

namespace {

template <bool Inverse>
std::vector<ColumnPtr> fft_tuple_kernel(const KernelArgs& a) {
  DynamicReader rr(a[0]);
  std::unique_ptr<DynamicReader> ri;
  if (a.size() > 1) ri = std::make_unique<DynamicReader>(a[1]);
  std::vector<DynamicPtr> real(a.rows), imag(a.rows);
  std::vector<double> re, im;
  std::vector<Complex> x;
  for (size_t i = 0; i < a.rows; ++i) {
    if (!read_series_reals(rr.get(i), re)) continue;
    bool has_imag = ri && !ri->null(i);
    if (has_imag && (!read_series_reals(ri->get(i), im) || im.size() != re.size())) continue;
    x.resize(re.size());
    bool ok = true;
    for (size_t k = 0; k < re.size(); ++k) {
      double y = has_imag ? im[k] : 0.0;
      ok = ok && !std::isnan(re[k]) && !std::isnan(y);
      x[k] = Complex(re[k], y);
    }
    if (!ok) continue;
    std::vector<Complex> X = discrete_fourier_transform(x, Inverse ? 1 : -1);
    std::vector<double> out_re(X.size()), out_im(X.size());
    double scale = Inverse && !X.empty() ? 1.0 / static_cast<double>(X.size()) : 1.0;
    for (size_t k = 0; k < X.size(); ++k) {
      out_re[k] = X[k].real() * scale;
      out_im[k] = X[k].imag() * scale;
    }
    real[i] = dynamic_reals(out_re);
    imag[i] = dynamic_reals(out_im);
  }
  return {Column::make_dynamics(std::move(real)), Column::make_dynamics(std::move(imag))};
}

constexpr KernelTable kKernels[] = {
    {"series_fft", nullptr, fft_tuple_kernel<false>},
    {"series_ifft", nullptr, fft_tuple_kernel<true>},
};

}  // namespace

void attach_series_fft_kernels(Registry& r) { r.attach(kKernels); }

}  // namespace huntdb::functions
