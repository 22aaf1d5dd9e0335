// The body of a Kusto REST query or management request, {"db", "csl", "properties"}, and the
// client request properties clients send with it. `properties` arrives as an object (the Node
// and .NET clients) or as a JSON-encoded string (the Python client); both are accepted.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "huntdb/types/value.h"

namespace huntdb::server {

// The request options (properties.Options) the server honours; others are accepted and ignored,
// as Kusto ignores options that do not apply.
struct RequestProperties {
  std::optional<std::chrono::milliseconds> server_timeout;  // servertimeout
  bool no_truncation = false;                               // notruncation
  std::optional<uint64_t> truncation_max_records;           // truncationmaxrecords
  std::optional<uint64_t> truncation_max_size;              // truncationmaxsize (bytes)
  bool progressive = false;                                 // results_progressive_enabled
  std::string query_language;                               // query_language: kql, csl, sql
  // properties.Parameters: values for `declare query_parameters`. Strings are passed as given
  // (the engine converts them to the declared type); a CSL literal such as datetime(2024-01-01)
  // is unwrapped to its text first.
  std::vector<std::pair<std::string, Value>> parameters;
};

struct QueryRequest {
  std::string db;
  std::string csl;
  RequestProperties properties;
};

// Why a request body was refused (HTTP 400).
struct BadRequest {
  std::string message;
};

std::variant<QueryRequest, BadRequest> parse_query_request(std::string_view body);

// The properties object (or its JSON text); exposed for tests.
std::variant<RequestProperties, BadRequest> parse_request_properties(std::string_view json_text);

// The query's `set name = value;` statements applied over the request's properties: set in the
// query text, a request property holds for that query (`set notruncation;`).
std::optional<BadRequest> apply_set_statements(RequestProperties& properties,
                                               const std::vector<std::pair<std::string, std::string>>& options);

}  // namespace huntdb::server
