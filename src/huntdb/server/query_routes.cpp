// Queries and management commands. A query is checked (parsed and bound) before the response
// starts, so syntax and semantic errors get HTTP 400 as Kusto gives them. Then the response
// starts (200, chunked) and the query runs on its own thread; while it runs the server sends a
// space every quarter second (JSON allows whitespace before the body), which tells it within a
// moment when the client went away, and then the query is cancelled. Errors while running are
// reported in-band, as Kusto reports partial query failures.
#include <cctype>
#include <future>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "huntdb/server/server_impl.h"
#include "huntdb/server/v1_writer.h"
#include "huntdb/server/v2_writer.h"

namespace huntdb::server {

namespace {

constexpr auto kHeartbeat = std::chrono::milliseconds(250);
constexpr std::string_view kJson = "application/json; charset=utf-8";

// One running query, shared by the content provider and the resource releaser.
struct QueryJob {
  std::atomic<bool> cancel{false};
  std::future<QueryResult> result;
  bool started = false;
};

bool is_show_queries(std::string_view text) {
  std::string words;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!words.empty() && words.back() != ' ') words.push_back(' ');
    } else {
      words.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  while (!words.empty() && (words.back() == ' ' || words.back() == ';')) words.pop_back();
  return words == ".show queries";
}

// The first error of a result, or nullopt.
std::optional<KustoError> first_error(const QueryResult& r) {
  if (r.ok()) return std::nullopt;
  KustoError e = r.source ? error_from_diagnostic(*r.source, r.errors.front()) : bad_request(r.errors.front().message);
  if (r.errors.front().message.find("cancelled") != std::string::npos) e.code = "Cancelled";
  return e;
}

}  // namespace

void Server::Impl::query(const httplib::Request& req, httplib::Response& res, bool v2) {
  QueryRequest request;
  if (!read_request(req, res, request)) return;
  auto& props = request.properties;
  if (props.query_language == "sql") {
    send_error(res, bad_request("Only KQL queries are supported (query_language=sql was asked for)."));
    return;
  }
  {
    std::shared_lock lock(engine_mutex);
    QueryCheck check = engine.check(request.csl);
    if (check.is_command) {
      send_error(res, bad_request("Management commands (a leading '.') go to /v1/rest/mgmt."));
      return;
    }
    const auto& errors = has_errors(check.syntax_errors) ? check.syntax_errors : check.semantic_errors;
    for (const auto& d : errors) {
      if (d.severity != Severity::Error) continue;
      send_error(res, error_from_diagnostic(*check.source, d));
      return;
    }
    if (auto bad = apply_set_statements(props, check.options)) {
      send_error(res, bad_request(bad->message));
      return;
    }
  }
  auto job = std::make_shared<QueryJob>();
  const ResultLimits limits = result_limits(props);
  const bool progressive = v2 && props.progressive;
  RunOptions run = run_options(props, options.limits, &job->cancel);
  std::string client_request_id = req.get_header_value("x-ms-client-request-id");
  std::string activity_id = current_record().activity_id;
  res.set_chunked_content_provider(
      std::string(kJson),
      [this, job, run, limits, progressive, v2, client_request_id, activity_id, csl = request.csl](
          size_t, httplib::DataSink& sink) mutable {
        job->started = true;
        job->result = std::async(std::launch::async, [this, csl, run] {
          std::shared_lock lock(engine_mutex);
          return engine.run(csl, run);
        });
        auto& record = current_record();
        while (job->result.wait_for(kHeartbeat) == std::future_status::timeout) {
          if (!sink.write(" ", 1)) {
            job->cancel = true;
            QueryResult r = job->result.get();
            record.stats = r.stats;
            record.outcome = "Cancelled";
            record.failure = "The client went away; the query was cancelled.";
            return false;
          }
        }
        QueryResult r = job->result.get();
        QueryReply reply;
        reply.tables = std::move(r.tables);
        reply.stats = r.stats;
        reply.error = first_error(r);
        reply.client_request_id = client_request_id;
        reply.activity_id = activity_id;
        reply.finished_ticks = now_ticks();
        ReplySummary summary;
        std::string body = v2 ? write_v2_response(reply, limits, progressive, &summary)
                              : write_v1_response(reply, limits, V1Shape::Query, &summary);
        record.stats = r.stats;
        record.rows = summary.rows;
        record.outcome = reply.error ? (reply.error->code == "Cancelled" ? "Cancelled" : "Failed")
                                     : (summary.truncated ? "Truncated" : "Completed");
        record.failure = reply.error ? reply.error->detail : summary.truncation_message;
        sink.write(body.data(), body.size());
        sink.done();
        return true;
      },
      [job](bool success) {
        // The client left before the query finished (or before it started): stop it.
        if (!success) job->cancel = true;
        if (job->started && job->result.valid()) job->result.wait();
      });
}

void Server::Impl::command(const httplib::Request& req, httplib::Response& res) {
  QueryRequest request;
  if (!read_request(req, res, request)) return;
  if (command_writes(request.csl) && role_of(req) != Role::Admin) {
    send_error(res, forbidden("This command changes the workspace; it needs a token with the admin role."));
    return;
  }
  QueryReply reply;
  reply.client_request_id = req.get_header_value("x-ms-client-request-id");
  reply.activity_id = current_record().activity_id;
  if (is_show_queries(request.csl)) {
    reply.tables.push_back(ResultTable{"PrimaryResult", log.recent_queries(), std::nullopt});
  } else {
    std::atomic<bool> never{false};
    RunOptions run = run_options(request.properties, options.limits, &never);
    QueryResult r;
    {
      std::unique_lock lock(engine_mutex);
      r = engine.execute(request.csl, run);
    }
    current_record().stats = r.stats;
    if (auto e = first_error(r)) {
      send_error(res, *e);
      return;
    }
    reply.tables = std::move(r.tables);
    reply.stats = r.stats;
  }
  reply.finished_ticks = now_ticks();
  ReplySummary summary;
  res.set_content(write_v1_response(reply, result_limits(request.properties), V1Shape::Command, &summary),
                  std::string(kJson));
  current_record().rows = summary.rows;
  current_record().outcome = "Completed";
}

}  // namespace huntdb::server
