#include "huntdb/analyze/catalog.h"

#include <algorithm>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace huntdb::analyze {

namespace {

ScalarType type_of(const std::string& name) {
  auto t = parse_type_name(name);
  return t ? *t : ScalarType::Unknown;
}

// "(x:int, y:dynamic)" -> columns
TableSchema parse_schema_text(std::string_view text) {
  TableSchema s;
  std::string_view body = text;
  if (!body.empty() && body.front() == '(') body.remove_prefix(1);
  if (!body.empty() && body.back() == ')') body.remove_suffix(1);
  size_t pos = 0;
  while (pos < body.size()) {
    size_t comma = body.find(',', pos);
    std::string_view part = body.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos);
    size_t colon = part.find(':');
    if (colon != std::string_view::npos) {
      auto trim = [](std::string_view v) {
        while (!v.empty() && (v.front() == ' ' || v.front() == '\t' || v.front() == '\n')) v.remove_prefix(1);
        while (!v.empty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\n')) v.remove_suffix(1);
        return v;
      };
      std::string_view col = trim(part.substr(0, colon));
      if (col.size() >= 4 && col.front() == '[') col = col.substr(2, col.size() - 4);  // ['name']
      s.columns.push_back({std::string(col), type_of(std::string(trim(part.substr(colon + 1))))});
    }
    if (comma == std::string_view::npos) break;
    pos = comma + 1;
  }
  return s;
}

TableSchema parse_table(const nlohmann::ordered_json& j) {
  TableSchema s;
  if (j.is_string()) return parse_schema_text(j.get<std::string>());
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it)
      s.columns.push_back({it.key(), it.value().is_string() ? type_of(it.value().get<std::string>()) : ScalarType::Unknown});
  } else if (j.is_array()) {
    for (const auto& c : j) {
      if (c.is_array() && c.size() >= 2) {
        s.columns.push_back({c[0].get<std::string>(), type_of(c[1].get<std::string>())});
      } else if (c.is_object()) {
        s.columns.push_back({c.value("name", ""), type_of(c.value("type", "unknown"))});
      }
    }
  }
  return s;
}

}  // namespace

void Catalog::add_table(std::string name, TableSchema schema) {
  if (!tables_.contains(name)) table_order_.push_back(name);
  tables_[std::move(name)] = std::move(schema);
}

bool Catalog::remove_table(std::string_view name) {
  auto it = tables_.find(name);
  if (it == tables_.end()) return false;
  tables_.erase(it);
  table_order_.erase(std::remove(table_order_.begin(), table_order_.end(), std::string(name)), table_order_.end());
  return true;
}

void Catalog::add_function(StoredFunction f) {
  std::string name = f.name;
  if (!functions_.contains(name)) function_order_.push_back(name);
  functions_[std::move(name)] = std::move(f);
}

bool Catalog::remove_function(std::string_view name) {
  auto it = functions_.find(name);
  if (it == functions_.end()) return false;
  functions_.erase(it);
  function_order_.erase(std::remove(function_order_.begin(), function_order_.end(), std::string(name)),
                        function_order_.end());
  return true;
}

const TableSchema* Catalog::table(std::string_view name) const {
  auto it = tables_.find(name);
  return it == tables_.end() ? nullptr : &it->second;
}

const StoredFunction* Catalog::function(std::string_view name) const {
  auto it = functions_.find(name);
  return it == functions_.end() ? nullptr : &it->second;
}

std::optional<std::string> Catalog::load_json(std::string_view text, Catalog& out) {
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return std::string("the schema is not a JSON object");
  bool structured = j.contains("tables") || j.contains("functions");
  if (structured) {
    if (j.contains("database") && j["database"].is_string()) out.database_name = j["database"].get<std::string>();
    if (j.contains("tables") && j["tables"].is_object())
      for (auto it = j["tables"].begin(); it != j["tables"].end(); ++it) out.add_table(it.key(), parse_table(it.value()));
    if (j.contains("functions") && j["functions"].is_object()) {
      for (auto it = j["functions"].begin(); it != j["functions"].end(); ++it) {
        StoredFunction f;
        f.name = it.key();
        if (it.value().is_object()) {
          f.parameters = it.value().value("parameters", "()");
          f.body = it.value().value("body", "{ }");
        } else if (it.value().is_string()) {
          f.body = it.value().get<std::string>();
        }
        out.add_function(std::move(f));
      }
    }
    return std::nullopt;
  }
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (it.key().starts_with("_")) continue;  // _comment and similar
    out.add_table(it.key(), parse_table(it.value()));
  }
  return std::nullopt;
}

std::optional<std::string> Catalog::load_file(const std::string& path, Catalog& out) {
  std::ifstream in(path);
  if (!in) return "cannot read schema file " + path;
  std::stringstream ss;
  ss << in.rdbuf();
  auto err = load_json(ss.str(), out);
  if (err) return path + ": " + *err;
  return std::nullopt;
}

}  // namespace huntdb::analyze
