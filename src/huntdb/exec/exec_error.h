// A failure while running a query (a missing table, an invalid regex, a function that cannot
// run here), with the place in the query it is about when known.
#pragma once

#include <stdexcept>
#include <string>

#include "huntdb/common/source.h"

namespace huntdb::exec {

class ExecError : public std::runtime_error {
 public:
  explicit ExecError(std::string message, Span at = {}) : std::runtime_error(std::move(message)), at_(at) {}
  Span at() const { return at_; }

 private:
  Span at_;
};

}  // namespace huntdb::exec
