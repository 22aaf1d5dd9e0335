// The series functions' kernels, one sub-family per file (series_*.cpp).
#include "huntdb/functions/kernels/families.h"

namespace huntdb::functions {

void attach_series_elementwise_kernels(Registry& r);
void attach_series_reduction_kernels(Registry& r);
void attach_series_fill_kernels(Registry& r);
void attach_series_stats_kernels(Registry& r);
void attach_series_fit_kernels(Registry& r);
void attach_series_filter_kernels(Registry& r);
void attach_series_fft_kernels(Registry& r);

void attach_series_kernels(Registry& r) {
  attach_series_elementwise_kernels(r);
  attach_series_reduction_kernels(r);
  attach_series_fill_kernels(r);
  attach_series_stats_kernels(r);
  attach_series_fit_kernels(r);
  attach_series_filter_kernels(r);
  attach_series_fft_kernels(r);
}

}  // namespace huntdb::functions
