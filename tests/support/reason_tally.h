// Counting why queries failed, for the measuring tests' reports. Each message is counted as it
// is ("The function 'X' is not supported yet." counted per X) and also under its template, with
// every quoted part replaced by '…', so that both the single biggest gaps and the kinds of gap
// show up.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace huntdb::testing {

class ReasonTally {
 public:
  void add(const std::string& message);

  // Most common first; ties in message order.
  std::vector<std::pair<size_t, std::string>> by_message() const { return sorted(messages_); }
  std::vector<std::pair<size_t, std::string>> by_template() const { return sorted(templates_); }

  // "  <count>  <message>" lines, at most `limit` of each list, under two headings.
  std::string summary(size_t limit) const;

  // The template of a message: 'quoted' parts become '…'.
  static std::string template_of(const std::string& message);

 private:
  static std::vector<std::pair<size_t, std::string>> sorted(const std::map<std::string, size_t>& m);
  std::map<std::string, size_t> messages_, templates_;
};

}  // namespace huntdb::testing
