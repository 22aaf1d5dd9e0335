#include "huntdb/common/read_file.h"

#include <fstream>
#include <sstream>

namespace huntdb {

std::optional<std::string> read_whole_file(const std::string& path, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = path + ": cannot open the file";
    return std::nullopt;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace huntdb
