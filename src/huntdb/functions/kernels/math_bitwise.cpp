// The bitwise functions binary_and/or/xor/not, binary_shift_left/right and bitset_count_ones,
// on 64-bit integers (an int argument widens to long first). Null in, null out.
#include <bit>

#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/kernel_util.h"

namespace huntdb::functions {

namespace {

template <typename F>
ColumnPtr long_of_one(const KernelArgs& a, F f) {
  LongReader x(a[0]);
  LongWriter w(ScalarType::Long, a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    if (x.null(i)) {
      w.set_null(i);
    } else {
      w.set(i, f(x.get(i)));
    }
  }
  return w.finish();
}

template <typename F>
ColumnPtr long_of_two(const KernelArgs& a, F f) {
  LongReader x(a[0]), y(a[1]);
  LongWriter w(ScalarType::Long, a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    if (x.null(i) || y.null(i)) {
      w.set_null(i);
    } else {
      w.set(i, f(x.get(i), y.get(i)));
    }
  }
  return w.finish();
}

ColumnPtr and_kernel(const KernelArgs& a) {
  return long_of_two(a, [](int64_t x, int64_t y) { return x & y; });
}
ColumnPtr or_kernel(const KernelArgs& a) {
  return long_of_two(a, [](int64_t x, int64_t y) { return x | y; });
}
ColumnPtr xor_kernel(const KernelArgs& a) {
  return long_of_two(a, [](int64_t x, int64_t y) { return x ^ y; });
}
ColumnPtr not_kernel(const KernelArgs& a) {
  return long_of_one(a, [](int64_t x) { return ~x; });
}
// Shift counts are taken modulo 64, as .NET's shift operators on long take them.
ColumnPtr shift_left_kernel(const KernelArgs& a) {
  return long_of_two(a, [](int64_t x, int64_t s) { return static_cast<int64_t>(static_cast<uint64_t>(x) << (s & 63)); });
}
// An arithmetic shift: the sign bit fills in (binary_shift_right(-8, 1) is -4).
ColumnPtr shift_right_kernel(const KernelArgs& a) {
  return long_of_two(a, [](int64_t x, int64_t s) { return x >> (s & 63); });
}
ColumnPtr count_ones_kernel(const KernelArgs& a) {
  return long_of_one(a, [](int64_t x) { return static_cast<int64_t>(std::popcount(static_cast<uint64_t>(x))); });
}

constexpr KernelTable kKernels[] = {
    {"binary_and", and_kernel},
    {"binary_or", or_kernel},
    {"binary_xor", xor_kernel},
    {"binary_not", not_kernel},
    {"binary_shift_left", shift_left_kernel},
    {"binary_shift_right", shift_right_kernel},
    {"bitset_count_ones", count_ones_kernel},
};

}  // namespace

void attach_math_bitwise_kernels(Registry& r) { r.attach(kKernels); }

}  // namespace huntdb::functions
