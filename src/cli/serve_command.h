// `huntdb serve`: the Kusto REST API over a workspace (src/huntdb/server/).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace huntdb::cli {

struct ServeCommandOptions {
  std::string workspace;
  std::string listen = "127.0.0.1:8080";  // HOST:PORT; port 0 picks a free one
  std::string web_root;                   // empty: the default (static_files.h)
  std::string auth = "none";              // none | token
  std::string token_file;                 // with --auth token; HUNTDB_TOKENS adds more
  std::vector<std::string> cors_origins;  // empty: https://dataexplorer.azure.com
  int max_memory_mb = 4096;               // per operator result
  int threads = 32;
};

// Serves until SIGINT/SIGTERM. Prints "listening on http://HOST:PORT" on `out` once bound.
int run_serve(const ServeCommandOptions& opt, const char* argv0, std::ostream& out, std::ostream& err);

}  // namespace huntdb::cli
