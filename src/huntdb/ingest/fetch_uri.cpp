#include "huntdb/ingest/fetch_uri.h"

#include <fmt/format.h>
#include <httplib.h>

#include "huntdb/common/inflate.h"
#include "huntdb/common/read_file.h"

namespace huntdb::ingest {

namespace {

// The address without the authentication options of a Kusto storage connection string.
std::string_view strip_connection_options(std::string_view uri) {
  size_t semi = uri.find(';');
  return semi == std::string_view::npos ? uri : uri.substr(0, semi);
}

std::string describe(httplib::Error e) {
  switch (e) {
    case httplib::Error::Connection: return "the connection failed (the host could not be resolved or reached)";
    case httplib::Error::ConnectionTimeout: return "the connection timed out";
    case httplib::Error::Read: return "reading the answer failed";
    case httplib::Error::SSLConnection: return "the TLS connection failed";
    case httplib::Error::SSLServerVerification: return "the server's certificate could not be verified";
    default: return httplib::to_string(e);
  }
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  return true;
}

std::optional<std::string> fetch_http(std::string_view uri, std::string* error, const FetchOptions& o) {
  // scheme://host[:port] and the rest (path and query), as httplib's client wants them.
  size_t host_start = uri.find("://") + 3;
  size_t path_start = uri.find('/', host_start);
  std::string origin(uri.substr(0, path_start));
  std::string path = path_start == std::string_view::npos ? "/" : std::string(uri.substr(path_start));
  httplib::Client client(origin);
  client.set_follow_location(true);
  client.set_connection_timeout(o.connect_timeout);
  client.set_read_timeout(o.read_timeout);
  std::string body;
  bool too_big = false;
  auto res = client.Get(path, [&](const char* data, size_t n) {
    if (body.size() + n > o.max_bytes) {
      too_big = true;
      return false;
    }
    body.append(data, n);
    return true;
  });
  if (too_big) {
    *error = fmt::format("'{}': the content is larger than {} bytes", uri, o.max_bytes);
    return std::nullopt;
  }
  if (!res) {
    *error = fmt::format("'{}' cannot be fetched: {}", uri, describe(res.error()));
    return std::nullopt;
  }
  if (res->status != 200) {
    *error = fmt::format("'{}' answered HTTP {}", uri, res->status);
    return std::nullopt;
  }
  return body;
}

std::optional<std::string> read_local(std::string_view uri, std::string* error) {
  return read_whole_file(std::string(starts_with_ci(uri, "file://") ? uri.substr(7) : uri), error);
}

}  // namespace

std::optional<std::string> fetch_uri(std::string_view uri, std::string* error, const FetchOptions& options) {
  uri = strip_connection_options(uri);
  while (!uri.empty() && std::isspace(static_cast<unsigned char>(uri.front()))) uri.remove_prefix(1);
  while (!uri.empty() && std::isspace(static_cast<unsigned char>(uri.back()))) uri.remove_suffix(1);
  std::optional<std::string> bytes;
  if (starts_with_ci(uri, "http://") || starts_with_ci(uri, "https://")) {
    bytes = fetch_http(uri, error, options);
  } else if (size_t scheme = uri.find("://"); scheme != std::string_view::npos && !starts_with_ci(uri, "file://")) {
    *error = fmt::format("'{}': {} storage is not supported; use an http(s) address or a local file",
                         uri, uri.substr(0, scheme));
    return std::nullopt;
  } else {
    bytes = read_local(uri, error);
  }
  // gzip content (1f 8b) is inflated whatever the name says.
  if (bytes && bytes->size() >= 2 && static_cast<unsigned char>((*bytes)[0]) == 0x1f &&
      static_cast<unsigned char>((*bytes)[1]) == 0x8b) {
    std::string text;
    if (!inflate_all(*bytes, 31, text)) {
      *error = fmt::format("'{}': the gzip content is damaged", uri);
      return std::nullopt;
    }
    return text;
  }
  return bytes;
}

}  // namespace huntdb::ingest
