#include "huntdb/server/kusto_error.h"

#include <fmt/format.h>

#include "huntdb/types/value_json.h"

namespace huntdb::server {

std::string error_object_json(const KustoError& e) {
  std::string out = "{\"code\":";
  append_json_string(out, e.code);
  out.append(",\"message\":");
  append_json_string(out, e.message);
  out.append(",\"@type\":");
  append_json_string(out, e.type);
  out.append(",\"@message\":");
  append_json_string(out, e.detail);
  out.append(",\"@permanent\":");
  out.append(e.permanent ? "true" : "false");
  out.push_back('}');
  return out;
}

std::string error_body_json(const KustoError& e) { return "{\"error\":" + error_object_json(e) + "}"; }

KustoError error_from_diagnostic(const SourceText& source, const Diagnostic& d) {
  KustoError e;
  // format_diagnostic gives "line:col: kind error: message", then the line and a caret.
  std::string where = format_diagnostic(source, d);
  switch (d.kind) {
    case DiagnosticKind::Syntax:
      e.type = "Kusto.Data.Exceptions.SyntaxException";
      e.detail = "Syntax error: " + where;
      break;
    case DiagnosticKind::Semantic:
      e.type = "Kusto.Data.Exceptions.SemanticException";
      e.detail = "Semantic error: " + where;
      break;
    default:
      e.code = "LimitsExceeded";
      e.message = "Query execution has failed.";
      e.type = "Kusto.Data.Exceptions.KustoServiceException";
      e.detail = d.message;
      break;
  }
  return e;
}

namespace {

KustoError make_error(int status, std::string_view code, std::string_view message, std::string_view type,
                      std::string detail) {
  return KustoError{status, std::string(code), std::string(message), std::string(type), std::move(detail), true};
}

}  // namespace

KustoError bad_request(std::string detail) {
  KustoError e;
  e.detail = std::move(detail);
  return e;
}

KustoError not_found(std::string detail) {
  return make_error(404, "NotFound", "The requested resource was not found.",
                    "Kusto.Common.Svc.Exceptions.EntityNotFoundException", std::move(detail));
}

KustoError unauthorized(std::string detail) {
  return make_error(401, "Unauthorized", "The request is not authorized.",
                    "Kusto.Common.Svc.Exceptions.UnauthorizedOperationException", std::move(detail));
}

KustoError forbidden(std::string detail) {
  return make_error(403, "Forbidden", "The principal is not allowed to run this request.",
                    "Kusto.Data.Exceptions.KustoRequestDeniedException", std::move(detail));
}

}  // namespace huntdb::server
