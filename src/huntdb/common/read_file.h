// A whole file into memory.
#pragma once

#include <optional>
#include <string>

namespace huntdb {

// The file's bytes, or nullopt with `error` = "PATH: cannot open the file".
std::optional<std::string> read_whole_file(const std::string& path, std::string* error);

}  // namespace huntdb
