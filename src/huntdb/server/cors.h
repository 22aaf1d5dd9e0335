// Cross-origin access for browser tools (the Azure Data Explorer web UI, the workbench served
// from another origin): only origins on the allow-list get CORS headers, never "*"; preflight
// requests (OPTIONS) are answered with the methods and the request headers the browser asked for.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace huntdb::server {

class CorsPolicy {
 public:
  explicit CorsPolicy(std::vector<std::string> origins) : origins_(std::move(origins)) {}
  bool allows(std::string_view origin) const;

  // Adds the CORS headers to a response when the request's Origin is allowed.
  void apply(const httplib::Request& req, httplib::Response& res) const;
  // Answers a preflight: 204 with the allow headers, or 403 for an origin not on the list.
  void preflight(const httplib::Request& req, httplib::Response& res) const;

 private:
  std::vector<std::string> origins_;
};

}  // namespace huntdb::server
