#include "serve_command.h"

#include <pthread.h>
#include <signal.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "huntdb/common/allocator_tuning.h"
#include "huntdb/engine.h"
#include "huntdb/server/server.h"
#include "huntdb/server/static_files.h"

namespace huntdb::cli {

namespace {

// HOST:PORT, [IPv6]:PORT, or a bare port; false if it is none of these.
bool split_listen(const std::string& listen, std::string& host, int& port) {
  size_t colon = listen.rfind(':');
  std::string port_text = colon == std::string::npos ? listen : listen.substr(colon + 1);
  host = colon == std::string::npos ? "127.0.0.1" : listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  if (host.empty() || port_text.empty() || port_text.size() > 5) return false;
  for (char c : port_text)
    if (c < '0' || c > '9') return false;
  port = std::stoi(port_text);
  return port <= 65535;
}

server::Server* g_server = nullptr;

}  // namespace

int run_serve(const ServeCommandOptions& opt, const char* argv0, std::ostream& out, std::ostream& err) {
  namespace fs = std::filesystem;
  // Stop on SIGINT / SIGTERM: a thread waits for them, so no work happens in a signal handler.
  // They are blocked before any thread starts, so every thread inherits the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::signal(SIGPIPE, SIG_IGN);  // a client that went away is a failed write, not a signal
  one_allocator_arena_per_core();
  server::ServerOptions so;
  if (!split_listen(opt.listen, so.host, so.port)) {
    err << "huntdb: --listen must be HOST:PORT (for example 127.0.0.1:8080), not '" << opt.listen << "'\n";
    return 2;
  }
  if (opt.auth != "none" && opt.auth != "token") {
    err << "huntdb: --auth must be none or token\n";
    return 2;
  }
  so.require_token = opt.auth == "token";
  if (!so.require_token && !server::is_loopback(so.host)) {
    err << "huntdb: listening on " << so.host
        << " exposes the workspace to the network; add --auth token (with --token-file or HUNTDB_TOKENS)\n";
    return 2;
  }
  if (so.require_token) {
    if (!opt.token_file.empty()) {
      std::ifstream in(opt.token_file);
      if (!in) {
        err << "huntdb: " << opt.token_file << ": cannot read the token file\n";
        return 1;
      }
      std::stringstream text;
      text << in.rdbuf();
      if (auto e = server::parse_token_file(text.str(), so.tokens)) {
        err << "huntdb: " << opt.token_file << ": " << *e << "\n";
        return 1;
      }
    }
    if (const char* env = std::getenv("HUNTDB_TOKENS")) {
      if (auto e = server::parse_token_list(env, so.tokens)) {
        err << "huntdb: HUNTDB_TOKENS: " << *e << "\n";
        return 1;
      }
    }
    if (so.tokens.empty()) {
      err << "huntdb: --auth token needs tokens: --token-file FILE or HUNTDB_TOKENS\n";
      return 2;
    }
  }
  if (!opt.cors_origins.empty()) so.cors_origins = opt.cors_origins;
  if (!opt.web_root.empty()) {
    if (!fs::is_directory(opt.web_root)) {
      err << "huntdb: --web-root " << opt.web_root << " is not a folder\n";
      return 1;
    }
    so.web_root = opt.web_root;
  } else {
    so.web_root = server::default_web_root(argv0);
  }
  so.limits.memory_limit_bytes = static_cast<uint64_t>(opt.max_memory_mb) << 20;
  so.threads = opt.threads;
  so.log = &std::cerr;
  so.database = fs::path(opt.workspace).lexically_normal().filename().string();
  if (so.database.empty()) so.database = fs::path(opt.workspace).lexically_normal().parent_path().filename().string();

  Engine engine;
  if (auto e = engine.open_workspace(opt.workspace)) {
    err << "huntdb: " << *e << "\n";
    return 1;
  }
  server::Server server(engine, std::move(so));
  if (auto e = server.bind()) {
    err << "huntdb: " << *e << "\n";
    return 1;
  }
  g_server = &server;
  std::thread waiter([signals] {
    int sig = 0;
    sigwait(&signals, &sig);
    if (g_server) g_server->stop();
  });
  out << "listening on http://" << opt.listen.substr(0, opt.listen.rfind(':')) << ":" << server.port() << "\n"
      << std::flush;
  server.run();
  g_server = nullptr;
  // The waiter is still in sigwait when the server stopped for another reason; wake it.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  return 0;
}

}  // namespace huntdb::cli
