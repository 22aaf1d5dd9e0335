#include "huntdb/demo/string_pool.h"

namespace huntdb::demo {

ColumnPtr StringPool::column(const std::vector<uint32_t>& codes, const std::vector<uint32_t>* order) const {
  std::vector<int32_t> local(values_.size(), -1);
  ColumnBuilder dictionary(ScalarType::String);
  std::vector<uint32_t> out(codes.size());
  uint32_t next = 0;
  for (size_t i = 0; i < codes.size(); ++i) {
    uint32_t code = codes[order ? (*order)[i] : i];
    if (local[code] < 0) {
      local[code] = static_cast<int32_t>(next++);
      dictionary.append_string(values_[code]);
    }
    out[i] = static_cast<uint32_t>(local[code]);
  }
  return Column::make_dictionary(dictionary.finish(), std::move(out));
}

}  // namespace huntdb::demo
