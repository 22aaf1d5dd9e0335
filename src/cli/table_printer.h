// Prints rows of text as an aligned table with a header, for terminals.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace huntdb::cli {

void print_table(std::ostream& out, const std::vector<std::string>& header,
                 const std::vector<std::vector<std::string>>& rows);

}  // namespace huntdb::cli
