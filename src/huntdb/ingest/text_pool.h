// Text a reader makes while turning one record into views (numbers printed as text, joined names),
// kept alive until the record is mapped. Strings are reused record after record, so steady-state
// reading does not allocate.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace huntdb::ingest {

class TextPool {
 public:
  // A fresh empty string that stays valid (and is not moved) until reset().
  std::string& make() {
    if (used_ == pool_.size()) pool_.push_back(std::make_unique<std::string>());
    std::string& s = *pool_[used_++];
    s.clear();
    return s;
  }
  std::string_view keep(std::string_view text) { return make().append(text); }
  void reset() { used_ = 0; }

 private:
  std::vector<std::unique_ptr<std::string>> pool_;
  size_t used_ = 0;
};

}  // namespace huntdb::ingest
