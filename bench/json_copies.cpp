#include "json_copies.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "huntdb/common/read_file.h"
#include "huntdb/types/datetime.h"

namespace huntdb::bench {

std::string shift_dates(std::string text, int days) {
  auto digit = [&](size_t i) { return text[i] >= '0' && text[i] <= '9'; };
  auto number = [&](size_t i, size_t n) {
    int v = 0;
    for (size_t k = 0; k < n; ++k) v = v * 10 + (text[i + k] - '0');
    return v;
  };
  for (size_t i = 0; i + 10 <= text.size(); ++i) {
    if (!(digit(i) && digit(i + 1) && digit(i + 2) && digit(i + 3) && text[i + 4] == '-' && digit(i + 5) &&
          digit(i + 6) && text[i + 7] == '-' && digit(i + 8) && digit(i + 9)))
      continue;
    int64_t day = days_from_civil(number(i, 4), number(i + 5, 2), number(i + 8, 2)) + days;
    CivilTime c = civil_from_ticks(day * 864000000000LL);
    text.replace(i, 10, fmt::format("{:04}-{:02}-{:02}", c.year, c.month, c.day));
    i += 9;
  }
  return text;
}

std::vector<std::string> write_date_shifted_copies(const std::vector<std::string>& files, const std::string& dir,
                                                   int copies) {
  namespace fs = std::filesystem;
  fs::create_directories(dir);
  std::vector<std::string> paths;
  for (int k = 0; k < copies; ++k)
    for (const auto& f : files) {
      fs::path copy = fs::path(dir) / (std::to_string(k) + "_" + fs::path(f).filename().string());
      std::ofstream(copy, std::ios::binary) << shift_dates(read_whole_file(f, nullptr).value_or(""), k);
      paths.push_back(copy.string());
    }
  ::sync();
  return paths;
}

}  // namespace huntdb::bench
