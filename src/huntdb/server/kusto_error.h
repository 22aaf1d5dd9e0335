// Errors as Kusto reports them. Before a response starts: an HTTP status with
// {"error": {"code", "message", "@type", "@message", "@permanent", ...}}. After (a query that
// failed or was cut while running): the same "error" object inside DataSetCompletion's
// OneApiErrors (v2) or a QueryStatus row (v1).
#pragma once

#include <string>

#include "huntdb/common/diagnostic.h"
#include "huntdb/common/source.h"

namespace huntdb::server {

struct KustoError {
  int http_status = 400;
  std::string code = "General_BadRequest";      // Kusto's error code
  std::string message = "Request is invalid and cannot be executed.";
  std::string type = "Kusto.Data.Exceptions.BadRequestException";  // .NET exception type
  std::string detail;                            // "@message": the text shown to the user
  bool permanent = true;                         // retrying will not help
};

// {"code", "message", "@type", "@message", "@permanent"} (the inner object).
std::string error_object_json(const KustoError& e);
// {"error": {...}} (an HTTP error body).
std::string error_body_json(const KustoError& e);

// A query's first error as Kusto classifies it: syntax errors (SyntaxException, with line:col),
// semantic errors (SemanticException), and errors while running (a failed query).
KustoError error_from_diagnostic(const SourceText& source, const Diagnostic& d);

// The few errors the routes raise themselves.
KustoError bad_request(std::string detail);
KustoError not_found(std::string detail);
KustoError unauthorized(std::string detail);
KustoError forbidden(std::string detail);

}  // namespace huntdb::server
