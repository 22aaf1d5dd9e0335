#include "huntdb/server/auth.h"

#include <cctype>

#include <fmt/format.h>

namespace huntdb::server {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

std::optional<Role> parse_role(std::string_view s) {
  if (s.empty() || iequals(s, "viewer")) return Role::Viewer;
  if (iequals(s, "admin")) return Role::Admin;
  return std::nullopt;
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i % (b.empty() ? 1 : b.size())]);
  return diff == 0 && !b.empty();
}

}  // namespace

std::optional<Role> TokenSet::authenticate(std::string_view header) const {
  header = trim(header);
  constexpr std::string_view kBearer = "bearer ";
  if (header.size() <= kBearer.size() || !iequals(header.substr(0, kBearer.size()), kBearer)) return std::nullopt;
  std::string_view token = trim(header.substr(kBearer.size()));
  std::optional<Role> found;
  for (const auto& [t, role] : tokens_)
    if (constant_time_equal(token, t) && !found) found = role;
  return found;
}

std::optional<std::string> parse_token_file(std::string_view text, TokenSet& out) {
  size_t line_no = 0;
  while (!text.empty()) {
    ++line_no;
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = trim(line);
    if (line.empty()) continue;
    size_t sp = line.find_first_of(" \t");
    std::string_view token = line.substr(0, sp);
    std::string_view role_text = sp == std::string_view::npos ? std::string_view{} : trim(line.substr(sp));
    auto role = parse_role(role_text);
    if (!role) return fmt::format("line {}: the role must be 'admin' or 'viewer', not '{}'", line_no, role_text);
    out.add(std::string(token), *role);
  }
  return std::nullopt;
}

std::optional<std::string> parse_token_list(std::string_view text, TokenSet& out) {
  while (!text.empty()) {
    size_t comma = text.find(',');
    std::string_view entry = trim(text.substr(0, comma));
    text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
    if (entry.empty()) continue;
    size_t colon = entry.rfind(':');
    std::string_view token = colon == std::string_view::npos ? entry : entry.substr(0, colon);
    auto role = parse_role(colon == std::string_view::npos ? std::string_view{} : entry.substr(colon + 1));
    if (!role || token.empty()) return fmt::format("the entry '{}...' is not TOKEN or TOKEN:admin|viewer", entry.substr(0, 4));
    out.add(std::string(token), *role);
  }
  return std::nullopt;
}

bool command_writes(std::string_view text) {
  text = trim(text);
  if (!text.empty() && text.front() == '.') text.remove_prefix(1);
  text = trim(text);
  return !(text.size() >= 4 && iequals(text.substr(0, 4), "show") &&
           (text.size() == 4 || std::isspace(static_cast<unsigned char>(text[4]))));
}

}  // namespace huntdb::server
