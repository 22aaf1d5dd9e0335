#include "huntdb/server/cors.h"

#include <httplib.h>

namespace huntdb::server {

bool CorsPolicy::allows(std::string_view origin) const {
  if (origin.empty()) return false;
  for (const auto& o : origins_)
    if (o == origin) return true;
  return false;
}

void CorsPolicy::apply(const httplib::Request& req, httplib::Response& res) const {
  const std::string origin = req.get_header_value("Origin");
  if (!allows(origin)) return;
  res.set_header("Access-Control-Allow-Origin", origin);
  res.set_header("Vary", "Origin");
  res.set_header("Access-Control-Expose-Headers", "x-ms-client-request-id, x-ms-activity-id");
}

void CorsPolicy::preflight(const httplib::Request& req, httplib::Response& res) const {
  const std::string origin = req.get_header_value("Origin");
  if (!allows(origin)) {
    res.status = 403;
    return;
  }
  res.status = 204;
  apply(req, res);
  res.set_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
  // Kusto clients send several x-ms-* headers; echo what the browser asks to send.
  if (req.has_header("Access-Control-Request-Headers"))
    res.set_header("Access-Control-Allow-Headers", req.get_header_value("Access-Control-Request-Headers"));
  res.set_header("Access-Control-Max-Age", "600");
}

}  // namespace huntdb::server
