#include "huntdb/server/request.h"

#include <cctype>

#include <nlohmann/json.hpp>

#include "huntdb/types/datetime.h"

namespace huntdb::server {

namespace {

using json = nlohmann::ordered_json;  // parameters keep the order the client sent

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Options come as JSON booleans or numbers from some clients and as strings from others.
std::optional<bool> option_bool(const json& v) {
  if (v.is_boolean()) return v.get<bool>();
  if (v.is_number_integer()) return v.get<int64_t>() != 0;
  if (v.is_string()) {
    auto s = lower(v.get<std::string>());
    if (s == "true" || s == "1") return true;
    if (s == "false" || s == "0") return false;
  }
  return std::nullopt;
}

std::optional<uint64_t> option_count(const json& v) {
  if (v.is_number_unsigned()) return v.get<uint64_t>();
  if (v.is_number_integer() && v.get<int64_t>() >= 0) return static_cast<uint64_t>(v.get<int64_t>());
  if (v.is_string()) {
    const auto s = v.get<std::string>();
    if (s.empty() || s.size() > 19) return std::nullopt;
    for (char c : s)
      if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    return std::stoull(s);
  }
  return std::nullopt;
}

// servertimeout: a timespan text ("00:01:00.000", as the clients send it) or milliseconds.
std::optional<std::chrono::milliseconds> option_timeout(const json& v) {
  if (v.is_number()) return std::chrono::milliseconds(static_cast<int64_t>(v.get<double>()));
  if (!v.is_string()) return std::nullopt;
  auto ticks = parse_timespan(v.get<std::string>());
  if (!ticks || *ticks <= 0) return std::nullopt;
  return std::chrono::milliseconds(*ticks / kTicksPerMillisecond);
}

// A parameter value: JSON numbers and booleans as themselves; a string as given, or the text
// inside a CSL literal such as datetime(...), dynamic(...), long(...).
Value parameter_value(const json& v) {
  if (v.is_boolean()) return Value::of_bool(v.get<bool>());
  if (v.is_number_integer()) return Value::of_long(v.get<int64_t>());
  if (v.is_number()) return Value::of_real(v.get<double>());
  if (!v.is_string()) return Value::of_string(v.dump());
  std::string s = v.get<std::string>();
  static constexpr std::string_view kLiteralTypes[] = {"datetime", "timespan", "time", "dynamic", "guid",
                                                       "long",     "int",      "real", "double",  "bool",
                                                       "boolean",  "decimal",  "string"};
  for (auto type : kLiteralTypes) {
    if (s.size() > type.size() + 1 && lower(s.substr(0, type.size())) == type && s[type.size()] == '(' &&
        s.back() == ')') {
      std::string inner = s.substr(type.size() + 1, s.size() - type.size() - 2);
      // string("x") / string('x'): the quoted text.
      if (inner.size() >= 2 && (inner.front() == '"' || inner.front() == '\'') && inner.back() == inner.front())
        inner = inner.substr(1, inner.size() - 2);
      return Value::of_string(std::move(inner));
    }
  }
  return Value::of_string(std::move(s));
}

// One option of properties.Options, or of a `set` statement in the query text; options that do
// not apply are ignored, as Kusto ignores them.
std::optional<BadRequest> apply_option(RequestProperties& out, const std::string& key, const json& value) {
  const std::string k = lower(key);
  if (k == "servertimeout") {
    out.server_timeout = option_timeout(value);
    if (!out.server_timeout) return BadRequest{"The option 'servertimeout' must be a timespan such as 00:01:00."};
  } else if (k == "notruncation") {
    out.no_truncation = option_bool(value).value_or(false);
  } else if (k == "truncationmaxrecords") {
    out.truncation_max_records = option_count(value);
    if (!out.truncation_max_records) return BadRequest{"The option 'truncationmaxrecords' must be a count."};
  } else if (k == "truncationmaxsize") {
    out.truncation_max_size = option_count(value);
    if (!out.truncation_max_size) return BadRequest{"The option 'truncationmaxsize' must be a count of bytes."};
  } else if (k == "results_progressive_enabled") {
    out.progressive = option_bool(value).value_or(false);
  } else if (k == "query_language") {
    out.query_language = value.is_string() ? lower(value.get<std::string>()) : "";
  }
  return std::nullopt;
}

std::variant<RequestProperties, BadRequest> read_properties(const json& p) {
  RequestProperties out;
  if (p.is_null()) return out;
  if (!p.is_object()) return BadRequest{"'properties' must be an object or a JSON string holding one."};
  if (auto it = p.find("Options"); it != p.end() && !it->is_null()) {
    if (!it->is_object()) return BadRequest{"'properties.Options' must be an object."};
    for (const auto& [key, value] : it->items())
      if (auto bad = apply_option(out, key, value)) return *bad;
  }
  if (auto it = p.find("Parameters"); it != p.end() && !it->is_null()) {
    if (!it->is_object()) return BadRequest{"'properties.Parameters' must be an object."};
    for (const auto& [key, value] : it->items()) out.parameters.emplace_back(key, parameter_value(value));
  }
  return out;
}

}  // namespace

std::optional<BadRequest> apply_set_statements(RequestProperties& properties,
                                               const std::vector<std::pair<std::string, std::string>>& options) {
  for (const auto& [name, value] : options)
    if (auto bad = apply_option(properties, name, json(value))) return bad;
  return std::nullopt;
}

std::variant<RequestProperties, BadRequest> parse_request_properties(std::string_view json_text) {
  json p = json::parse(json_text, nullptr, false);
  if (p.is_discarded()) return BadRequest{"'properties' is not valid JSON."};
  return read_properties(p);
}

std::variant<QueryRequest, BadRequest> parse_query_request(std::string_view body) {
  json doc = json::parse(body, nullptr, false);
  if (doc.is_discarded()) return BadRequest{"The request body is not valid JSON."};
  if (!doc.is_object()) return BadRequest{"The request body must be a JSON object with 'db' and 'csl'."};
  QueryRequest out;
  auto csl = doc.find("csl");
  if (csl == doc.end() || !csl->is_string()) return BadRequest{"The request has no 'csl' (the query text)."};
  out.csl = csl->get<std::string>();
  if (auto db = doc.find("db"); db != doc.end() && !db->is_null()) {
    if (!db->is_string()) return BadRequest{"'db' must be a string."};
    out.db = db->get<std::string>();
  }
  if (auto props = doc.find("properties"); props != doc.end()) {
    auto parsed = props->is_string() ? parse_request_properties(props->get<std::string>()) : read_properties(*props);
    if (auto* bad = std::get_if<BadRequest>(&parsed)) return *bad;
    out.properties = std::move(std::get<RequestProperties>(parsed));
  }
  return out;
}

}  // namespace huntdb::server
