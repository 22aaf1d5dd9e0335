// `huntdb serve`: the Kusto REST API over one engine (one workspace = one database).
//   GET  /v1/rest/auth/metadata   {"AzureAD": null}: clients skip Azure AD sign-in
//   POST /v2/rest/query           a query; v2 frames (v2_writer.h)
//   POST /v1/rest/query           a query; the v1 {"Tables"} shape (v1_writer.h)
//   POST /v1/rest/mgmt            a management command (Engine::execute; `.show queries` here)
//   OPTIONS *                     CORS preflight (cors.h)
//   GET  /...                     the web workbench's files (static_files.h)
// Queries run in parallel (each on its own thread, with a shared lock on the engine); commands
// take the lock exclusively, since they change the catalog queries bind against.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "huntdb/engine.h"
#include "huntdb/server/auth.h"
#include "huntdb/server/limits.h"

namespace huntdb::server {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (Server::port() tells which)
  std::string database;  // the workspace's name; NetDefaultDB (the clients' default) is accepted too
  std::vector<std::string> cors_origins = {"https://dataexplorer.azure.com"};
  std::optional<std::filesystem::path> web_root;
  bool require_token = false;  // --auth token
  TokenSet tokens;
  ServerLimits limits;
  int threads = 32;                // connections served at once
  std::ostream* log = nullptr;     // request log (JSON lines); null: none
};

// True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost).
bool is_loopback(const std::string& host);

class Server {
 public:
  Server(Engine& engine, ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the listening socket; an error message if it cannot.
  std::optional<std::string> bind();
  int port() const;
  // Serves until stop() (from another thread or a signal handler's thread).
  void run();
  void stop();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace huntdb::server
