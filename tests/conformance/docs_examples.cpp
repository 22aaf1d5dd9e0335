#include "docs_examples.h"

#include <fstream>

#include <nlohmann/json.hpp>

#include "huntdb/common/diagnostic.h"
#include "huntdb/kql/lexer.h"

namespace huntdb::conformance {

namespace {

// A flag is set when present and truthy: true, or a non-empty list of reasons
// (nondeterministic: ["function now()"], requires_sandbox_plugin: ["python"]).
bool flag(const nlohmann::json& j, const char* name) {
  if (!j.contains(name)) return false;
  const auto& v = j[name];
  if (v.is_boolean()) return v.get<bool>();
  if (v.is_array() || v.is_object() || v.is_string()) return !v.empty();
  return !v.is_null();
}

ExpectedTable table_of(const nlohmann::json& j) {
  ExpectedTable t;
  for (const auto& c : j["columns"]) t.columns.push_back(c.get<std::string>());
  for (const auto& r : j["rows"]) {
    std::vector<std::string> row;
    for (const auto& cell : r) row.push_back(cell.is_string() ? cell.get<std::string>() : cell.dump());
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace

std::vector<DocsExample> load_testable_examples(const std::string& path) {
  std::vector<DocsExample> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line);
    if (!j.contains("expected") || j["expected"].is_null()) continue;
    if (flag(j, "needs_external_data") || flag(j, "is_fragment") || flag(j, "nondeterministic") ||
        flag(j, "expected_truncated") || flag(j, "requires_sandbox_plugin"))
      continue;
    DocsExample e;
    e.id = j["id"].get<std::string>();
    e.kind = j["kind"].get<std::string>();
    e.subkind = j["subkind"].get<std::string>();
    e.query = j["query"].get<std::string>();
    // expected_all lists every table when the docs show several (`A; B` queries).
    if (j.contains("expected_all") && j["expected_all"].is_array()) {
      for (const auto& t : j["expected_all"]) e.expected.push_back(table_of(t));
    } else {
      e.expected.push_back(table_of(j["expected"]));
    }
    out.push_back(std::move(e));
  }
  return out;
}

bool counts_toward_headline(const DocsExample& e) {
  if (e.subkind == "geo_function" || e.subkind == "graph_operator" || e.subkind == "graph_function") return false;
  Diagnostics ignored;
  auto tokens = kql::tokenize(e.query, ignored);
  for (size_t i = 0; i < tokens.size(); ++i) {
    const kql::Token& t = tokens[i];
    if (t.kind != kql::TokenKind::Identifier) continue;
    std::string_view text = std::string_view(e.query).substr(t.begin, t.end - t.begin);
    bool called = i + 1 < tokens.size() && tokens[i + 1].kind == kql::TokenKind::LParen;
    if (called && text.starts_with("geo_")) return false;
    if (text == "make-graph" || text.starts_with("graph-")) return false;
  }
  return true;
}

}  // namespace huntdb::conformance
