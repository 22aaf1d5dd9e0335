#include "reason_tally.h"

#include <algorithm>

#include <fmt/format.h>

namespace huntdb::testing {

void ReasonTally::add(const std::string& message) {
  ++messages_[message];
  ++templates_[template_of(message)];
}

std::string ReasonTally::template_of(const std::string& message) {
  std::string out;
  bool quoted = false;
  for (char c : message) {
    if (c == '\'') {
      if (!quoted) out += "'…'";
      quoted = !quoted;
      continue;
    }
    if (!quoted) out += c;
  }
  return quoted ? message : out;  // an unbalanced quote (it's, don't): keep the message
}

std::vector<std::pair<size_t, std::string>> ReasonTally::sorted(const std::map<std::string, size_t>& m) {
  std::vector<std::pair<size_t, std::string>> out;
  for (const auto& [text, n] : m) out.push_back({n, text});
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  return out;
}

std::string ReasonTally::summary(size_t limit) const {
  std::string out = "top reasons:\n";
  auto messages = by_message();
  for (size_t i = 0; i < messages.size() && i < limit; ++i)
    out += fmt::format("  {:5}  {}\n", messages[i].first, messages[i].second);
  out += "by kind of reason:\n";
  auto templates = by_template();
  for (size_t i = 0; i < templates.size() && i < limit; ++i)
    out += fmt::format("  {:5}  {}\n", templates[i].first, templates[i].second);
  return out;
}

}  // namespace huntdb::testing
