// The server's state and routes (private to server/). server.cpp wires httplib, auth, CORS, the
// request log and static files; query_routes.cpp answers queries and commands.
#pragma once

#include <atomic>
#include <chrono>
#include <shared_mutex>
#include <string>

#include <httplib.h>

#include "huntdb/server/cors.h"
#include "huntdb/server/kusto_error.h"
#include "huntdb/server/query_log.h"
#include "huntdb/server/request.h"
#include "huntdb/server/server.h"

namespace huntdb::server {

// What one request did, filled by its route and written to the log when its response is sent
// (the logger runs on the thread that served the request).
struct RequestRecord {
  std::chrono::steady_clock::time_point started{};
  int64_t started_ticks = 0;
  std::string activity_id;
  std::string database;
  std::string text;
  std::string user;
  uint64_t rows = 0;
  std::string outcome;
  std::string failure;
  QueryStats stats;
};

class Server::Impl {
 public:
  Impl(Engine& engine, ServerOptions options);

  Engine& engine;
  ServerOptions options;
  CorsPolicy cors;
  QueryLog log;
  httplib::Server http;
  // Queries hold it shared while they run (Engine::run is const and reads a snapshot); commands
  // hold it exclusively (Engine::execute may change the catalog that queries bind against).
  std::shared_mutex engine_mutex;
  int bound_port = -1;

  // query_routes.cpp
  void query(const httplib::Request& req, httplib::Response& res, bool v2);
  void command(const httplib::Request& req, httplib::Response& res);

  // server.cpp
  void routes();
  void send_error(httplib::Response& res, const KustoError& e);
  // The request's body as a query request, its token and database checked; false (with the
  // error sent) if it is not one.
  bool read_request(const httplib::Request& req, httplib::Response& res, QueryRequest& out);
  // The role of the request's bearer token (Admin when the server runs without tokens).
  Role role_of(const httplib::Request& req) const;
};

// The record of the request this thread is serving.
RequestRecord& current_record();
// A new activity id (a random guid, as Kusto gives each request).
std::string new_activity_id();
int64_t now_ticks();

}  // namespace huntdb::server
