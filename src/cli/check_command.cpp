#include "check_command.h"

#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

namespace huntdb::cli {

namespace {

nlohmann::json diagnostics_json(const QueryCheck& c, const Diagnostics& ds) {
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& d : ds) {
    if (d.severity != Severity::Error) continue;
    LineCol lc = c.source->locate(d.span.begin);
    arr.push_back({{"message", d.message},
                   {"start", c.source->char_offset(d.span.begin)},
                   {"length", utf16_length(c.source->slice(d.span))},
                   {"line", lc.line},
                   {"col", lc.col}});
  }
  return arr;
}

}  // namespace

int run_check(Engine& engine, std::istream& in, std::ostream& out) {
  std::string line;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json req = nlohmann::json::parse(line, nullptr, false);
    nlohmann::json res;
    if (req.is_discarded() || !req.is_object() || !req.contains("query") || !req["query"].is_string()) {
      res["id"] = req.is_object() && req.contains("id") ? req["id"] : nlohmann::json();
      res["error"] = "each input line must be a JSON object with a string \"query\"";
      out << res.dump() << "\n";
      continue;
    }
    res["id"] = req.contains("id") ? req["id"] : nlohmann::json();
    QueryCheck c;
    if (req.contains("schema")) {
      Engine local;
      local.catalog() = engine.catalog();
      if (auto err = analyze::Catalog::load_json(req["schema"].dump(), local.catalog())) {
        res["error"] = *err;
        out << res.dump() << "\n";
        continue;
      }
      c = local.check(req["query"].get<std::string>());
    } else {
      c = engine.check(req["query"].get<std::string>());
    }
    res["kind"] = c.is_command ? "Command" : "Query";
    res["syntax_errors"] = diagnostics_json(c, c.syntax_errors);
    res["semantic_errors"] = diagnostics_json(c, c.semantic_errors);
    if (c.result) {
      nlohmann::json cols = nlohmann::json::array();
      for (const auto& col : c.result->columns) cols.push_back({{"name", col.name}, {"type", type_name(col.type)}});
      res["result_columns"] = cols;
    } else {
      res["result_columns"] = nullptr;
    }
    res["result_scalar_type"] = c.scalar ? nlohmann::json(std::string(type_name(*c.scalar))) : nlohmann::json();
    out << res.dump() << "\n";
  }
  return 0;
}

}  // namespace huntdb::cli
