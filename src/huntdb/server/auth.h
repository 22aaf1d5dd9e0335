// Bearer tokens for a server exposed beyond loopback (`--auth token`). Each token has a role:
// a viewer may query and run read-only commands (.show ...); an admin may also run commands
// that change the workspace. Tokens come from a file (one "TOKEN [admin|viewer]" a line; '#'
// starts a comment) and from the environment (HUNTDB_TOKENS="TOKEN[:role],TOKEN[:role]").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace huntdb::server {

enum class Role { Viewer, Admin };

class TokenSet {
 public:
  void add(std::string token, Role role) { tokens_.emplace_back(std::move(token), role); }
  bool empty() const { return tokens_.empty(); }
  // The role of the token an `Authorization: Bearer <token>` header carries; nullopt if none
  // matches. Every token is compared in full, so the time taken does not tell how much matched.
  std::optional<Role> authenticate(std::string_view authorization_header) const;

 private:
  std::vector<std::pair<std::string, Role>> tokens_;
};

// Reads tokens from a file's text / the environment variable's text into `out`; an error
// message naming the line or entry that is wrong.
std::optional<std::string> parse_token_file(std::string_view text, TokenSet& out);
std::optional<std::string> parse_token_list(std::string_view text, TokenSet& out);

// A management command that changes something (anything but .show): it needs the admin role.
bool command_writes(std::string_view command_text);

}  // namespace huntdb::server
