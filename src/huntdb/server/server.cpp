#include "huntdb/server/server.h"

#include <cctype>
#include <fstream>
#include <iterator>
#include <random>

#include <fmt/format.h>

#include "huntdb/server/server_impl.h"
#include "huntdb/server/static_files.h"
#include "huntdb/types/datetime.h"

namespace huntdb::server {

namespace {

thread_local RequestRecord t_record;

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

bool is_api_path(const std::string& path) { return path.starts_with("/v1/rest/") || path.starts_with("/v2/rest/"); }

}  // namespace

RequestRecord& current_record() { return t_record; }

std::string new_activity_id() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  uint64_t a = rng(), b = rng();
  // A version 4 guid.
  a = (a & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL;
  b = (b & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;
  return fmt::format("{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", a >> 32, (a >> 16) & 0xFFFF, a & 0xFFFF, b >> 48,
                     b & 0xFFFFFFFFFFFFULL);
}

int64_t now_ticks() {
  auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch());
  return ns.count() / 100;
}

bool is_loopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host == "[::1]" || host.starts_with("127.");
}

Server::Impl::Impl(Engine& e, ServerOptions o)
    : engine(e), options(std::move(o)), cors(options.cors_origins), log(options.log) {}

void Server::Impl::send_error(httplib::Response& res, const KustoError& e) {
  res.status = e.http_status;
  res.set_content(error_body_json(e), "application/json; charset=utf-8");
  auto& r = current_record();
  r.outcome = e.http_status == 401 || e.http_status == 403 ? "Rejected" : "Failed";
  r.failure = e.detail;
}

Role Server::Impl::role_of(const httplib::Request& req) const {
  if (!options.require_token) return Role::Admin;
  return options.tokens.authenticate(req.get_header_value("Authorization")).value_or(Role::Viewer);
}

bool Server::Impl::read_request(const httplib::Request& req, httplib::Response& res, QueryRequest& out) {
  // Checked here rather than before routing, once the body was read, so that a refused request
  // leaves the connection ready for the next one.
  if (options.require_token && !options.tokens.authenticate(req.get_header_value("Authorization"))) {
    res.set_header("WWW-Authenticate", "Bearer");
    send_error(res, unauthorized("A bearer token is required (Authorization: Bearer <token>)."));
    return false;
  }
  const std::string type = req.get_header_value("Content-Type");
  if (!iequals(type.substr(0, type.find(';')), "application/json")) {
    KustoError e = bad_request(fmt::format("The request's content type must be application/json, not '{}'.", type));
    e.http_status = 415;
    send_error(res, e);
    return false;
  }
  auto parsed = parse_query_request(req.body);
  if (auto* bad = std::get_if<BadRequest>(&parsed)) {
    send_error(res, bad_request(bad->message));
    return false;
  }
  out = std::move(std::get<QueryRequest>(parsed));
  current_record().database = out.db;
  current_record().text = out.csl;
  if (!out.db.empty() && !iequals(out.db, options.database) && !iequals(out.db, "NetDefaultDB")) {
    KustoError e = bad_request(fmt::format("Database '{}' was not found. This server has one database: '{}'.", out.db,
                                           options.database));
    e.type = "Kusto.Data.Exceptions.EntityNotFoundException";
    send_error(res, e);
    return false;
  }
  return true;
}

void Server::Impl::routes() {
  http.set_payload_max_length(options.limits.max_body_bytes);
  http.set_keep_alive_max_count(1000);
  const int threads = options.threads;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };

  http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    auto& r = current_record();
    r = RequestRecord{};
    r.started = std::chrono::steady_clock::now();
    r.started_ticks = now_ticks();
    r.activity_id = new_activity_id();
    r.user = req.get_header_value("x-ms-user");
    res.set_header("x-ms-activity-id", r.activity_id);
    if (req.has_header("x-ms-client-request-id"))
      res.set_header("x-ms-client-request-id", req.get_header_value("x-ms-client-request-id"));
    if (req.method == "OPTIONS") {
      cors.preflight(req, res);  // adds the CORS headers itself
      return httplib::Server::HandlerResponse::Handled;
    }
    cors.apply(req, res);
    return httplib::Server::HandlerResponse::Unhandled;
  });

  http.Get("/v1/rest/auth/metadata", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"AzureAD":null})", "application/json; charset=utf-8");
  });
  http.Post("/v2/rest/query", [this](const httplib::Request& req, httplib::Response& res) { query(req, res, true); });
  http.Post("/v1/rest/query", [this](const httplib::Request& req, httplib::Response& res) { query(req, res, false); });
  http.Post("/v1/rest/mgmt", [this](const httplib::Request& req, httplib::Response& res) { command(req, res); });

  http.Get(".*", [this](const httplib::Request& req, httplib::Response& res) {
    if (is_api_path(req.path) || !options.web_root) {
      send_error(res, not_found(fmt::format("There is nothing at '{}'.", req.path)));
      return;
    }
    auto file = resolve_static_path(*options.web_root, req.path);
    if (!file) {
      send_error(res, not_found(fmt::format("There is no file '{}'.", req.path)));
      return;
    }
    std::ifstream in(*file, std::ios::binary);
    std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    res.set_content(std::move(body), std::string(content_type_for(file->string())));
    current_record().outcome = "Completed";
  });

  // Statuses httplib sets itself (no route, body too large, bad request line) get a Kusto body.
  http.set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    KustoError e = res.status == 404 ? not_found(fmt::format("There is nothing at {} '{}'.", req.method, req.path))
                                     : bad_request(res.status == 413
                                                       ? fmt::format("The request body is larger than {} bytes.",
                                                                     options.limits.max_body_bytes)
                                                       : std::string("The request is not valid HTTP for this server."));
    e.http_status = res.status;
    send_error(res, e);
  });

  http.set_exception_handler([this](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
    std::string what = "internal error";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    KustoError e = bad_request("The server failed on this request: " + what);
    e.http_status = 500;
    e.code = "InternalServiceError";
    send_error(res, e);
  });

  http.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
    auto& r = current_record();
    QueryLogEntry e;
    e.client_request_id = req.get_header_value("x-ms-client-request-id");
    e.activity_id = r.activity_id;
    e.method = req.method;
    e.path = req.path;
    e.database = r.database;
    e.text = r.text;
    e.user = r.user;
    e.application = req.get_header_value("x-ms-app");
    e.started_ticks = r.started_ticks ? r.started_ticks : now_ticks();
    if (r.started != std::chrono::steady_clock::time_point{})
      e.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - r.started).count();
    e.http_status = res.status;
    e.rows = r.rows;
    e.outcome = !r.outcome.empty() ? r.outcome : (res.status < 400 ? "Completed" : "Failed");
    e.failure = r.failure;
    e.cpu_seconds = r.stats.cpu_seconds;
    e.peak_memory_bytes = r.stats.peak_memory_bytes;
    log.record(std::move(e));
    r = RequestRecord{};
  });
}

Server::Server(Engine& engine, ServerOptions options) : impl_(std::make_unique<Impl>(engine, std::move(options))) {
  impl_->routes();
}

Server::~Server() = default;

std::optional<std::string> Server::bind() {
  auto& o = impl_->options;
  if (o.port == 0) {
    impl_->bound_port = impl_->http.bind_to_any_port(o.host);
  } else if (impl_->http.bind_to_port(o.host, o.port)) {
    impl_->bound_port = o.port;
  }
  if (impl_->bound_port <= 0) return fmt::format("cannot listen on {}:{}", o.host, o.port);
  return std::nullopt;
}

int Server::port() const { return impl_->bound_port; }

void Server::run() { impl_->http.listen_after_bind(); }

void Server::stop() { impl_->http.stop(); }

}  // namespace huntdb::server
