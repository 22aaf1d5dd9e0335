#include "huntdb/storage/term_table.h"

namespace huntdb::storage {

void ExactTermTable::grow() {
  std::vector<Entry> old(slots_.size() * 2);
  old.swap(slots_);
  mask_ = slots_.size() - 1;
  size_t mask = mask_;
  for (const Entry& e : old) {
    if (e.w0 == 0) continue;
    const auto* bytes = reinterpret_cast<const unsigned char*>(term(e).data());
    uint64_t h = e.length <= kShortTermBytes ? term_table_detail::short_term_hash(e.w0, e.w1)
                                             : term_table_detail::long_term_hash(bytes, e.length);
    size_t i = h & mask;
    while (slots_[i].w0 != 0) i = (i + 1) & mask;
    slots_[i] = e;
  }
}

void ExactTermTable::clear_counted_in() {
  for (Entry& e : slots_) e.counted_in = 0;
}

void ExactTermTable::release() {
  std::vector<Entry>().swap(slots_);
  mask_ = 0;
  std::string().swap(arena_);
  size_ = 0;
}

uint64_t BloomTermSet::hash_of(const Slot& s) const {
  return (s.k0 >> 63) ? s.k1 : term_table_detail::short_term_hash(s.k0, s.k1);
}

void BloomTermSet::grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.k0 == 0) continue;
    size_t i = hash_of(s) & mask;
    while (slots_[i].k0 != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

void BloomTermSet::release() {
  std::vector<Slot>().swap(slots_);
  size_ = 0;
}

void WordSet::grow() {
  std::vector<uint64_t> old(slots_.size() * 2);
  old.swap(slots_);
  size_t mask = slots_.size() - 1;
  for (uint64_t w : old) {
    if (w == 0) continue;
    size_t i = term_table_detail::short_term_hash(w, 0) & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = w;
  }
}

void WordSet::release() {
  std::vector<uint64_t>().swap(slots_);
  size_ = 0;
}

}  // namespace huntdb::storage
