#include "huntdb/exec/per_distinct_text.h"

namespace huntdb::exec {

std::vector<ColumnPtr> PerDistinctText::run(const ColumnPtr& text, size_t rows) {
  if (text->is_constant()) {
    std::vector<ColumnPtr> out;
    for (const auto& c : compute_(*text, 1)) out.push_back(Column::make_constant(c->value_at(0), rows));
    return out;
  }
  // A dictionary larger than the batch is not worth computing whole (it may be a table-wide
  // dictionary of mostly unique values), unless it was computed already.
  if (!text->is_dictionary()) return compute_(*text, rows);
  const Column* key = text->dictionary_ptr().get();
  std::shared_ptr<const std::vector<ColumnPtr>> per_text;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = cache_.find(key);
    if (it != cache_.end()) per_text = it->second.second;
  }
  if (!per_text) {
    if (text->dictionary().size() > rows) return compute_(*text, rows);
    per_text = std::make_shared<std::vector<ColumnPtr>>(compute_(text->dictionary(), text->dictionary().size()));
    std::lock_guard<std::mutex> lock(mu_);
    cache_.emplace(key, std::make_pair(text->dictionary_ptr(), per_text));
  }
  auto codes = text->codes();
  std::vector<ColumnPtr> out;
  for (const auto& c : *per_text) {
    std::vector<uint32_t> idx(codes.begin(), codes.end());
    out.push_back(c->type() == ScalarType::String ? Column::make_dictionary(c, std::move(idx)) : Column::take(c, idx));
  }
  return out;
}

}  // namespace huntdb::exec
