// The one error storage raises: an I/O call failed or a file is not what it should be. The
// message names the file and the reason. Operations that throw leave the workspace as it was
// before they began (nothing half-published), so a caller may retry or carry on.
#pragma once

#include <stdexcept>
#include <string>

namespace huntdb::storage {

class StorageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace huntdb::storage
