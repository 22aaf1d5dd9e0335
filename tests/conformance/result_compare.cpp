#include "result_compare.h"

#include <cctype>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "huntdb/types/format.h"
#include "loose_match.h"

namespace huntdb::conformance {

namespace {

std::vector<std::vector<Value>> rows_of(const Table& t) {
  std::vector<std::vector<Value>> rows;
  for (const auto& b : t.batches)
    for (size_t r = 0; r < b.rows; ++r) {
      std::vector<Value> row;
      for (const auto& c : b.columns) row.push_back(c->value_at(r));
      rows.push_back(std::move(row));
    }
  return rows;
}

bool row_matches(const std::vector<std::string>& expected, const std::vector<Value>& actual) {
  if (expected.size() != actual.size()) return false;
  for (size_t i = 0; i < expected.size(); ++i)
    if (!cell_matches(expected[i], actual[i])) return false;
  return true;
}

// A cell or row in the report: short, on one line.
std::string shown(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  if (s.size() > 80) s = s.substr(0, 77) + "...";
  return s;
}

std::string shown_row(const std::vector<std::string>& row) {
  std::string s;
  for (size_t i = 0; i < row.size(); ++i) s += (i ? " | " : "") + row[i];
  return shown(s);
}

std::string shown_row(const std::vector<Value>& row) {
  std::string s;
  for (size_t i = 0; i < row.size(); ++i) s += (i ? " | " : "") + format_value(row[i]);
  return shown(s);
}

// print_0, Column1: a name the engine makes up for an unnamed expression.
bool generated_name(std::string_view name) {
  std::string_view digits;
  if (name.starts_with("print_")) digits = name.substr(6);
  else if (name.starts_with("Column")) digits = name.substr(6);
  else return false;
  if (digits.empty()) return false;
  for (char c : digits)
    if (c < '0' || c > '9') return false;
  return true;
}

bool same_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

bool column_name_matches(std::string_view docs, std::string_view actual) {
  return docs == actual || same_ignoring_case(docs, actual) || generated_name(actual);
}

}  // namespace

std::optional<std::string> compare_table(const ExpectedTable& expected, const Table& actual, bool ordered) {
  std::vector<std::string> want, got;
  for (const auto& c : expected.columns) want.push_back(unmarkup_cell(c));
  for (const auto& c : actual.schema.columns) got.push_back(c.name);
  bool names_match = want.size() == got.size();
  for (size_t i = 0; names_match && i < want.size(); ++i) names_match = column_name_matches(want[i], got[i]);
  if (!names_match) return fmt::format("columns: expected [{}], got [{}]", fmt::join(want, ", "), fmt::join(got, ", "));
  auto rows = rows_of(actual);
  if (rows.size() != expected.rows.size())
    return fmt::format("rows: expected {}, got {}", expected.rows.size(), rows.size());
  if (ordered) {
    for (size_t r = 0; r < rows.size(); ++r) {
      for (size_t c = 0; c < want.size(); ++c) {
        const std::string& e = c < expected.rows[r].size() ? expected.rows[r][c] : std::string();
        if (!cell_matches(e, rows[r][c]))
          return fmt::format("row {} column {}: expected '{}', got '{}'", r + 1, want[c], shown(unmarkup_cell(e)),
                             shown(format_value(rows[r][c])));
      }
    }
    return std::nullopt;
  }
  // Unordered: each expected row takes the first unclaimed actual row that matches it.
  std::vector<bool> claimed(rows.size(), false);
  for (size_t r = 0; r < expected.rows.size(); ++r) {
    std::vector<std::string> e = expected.rows[r];
    e.resize(want.size());
    bool found = false;
    for (size_t a = 0; a < rows.size() && !found; ++a) {
      if (claimed[a] || !row_matches(e, rows[a])) continue;
      claimed[a] = found = true;
    }
    if (!found) {
      // Show the actual row in the same position, the likeliest counterpart.
      return fmt::format("no row matches expected row {} [{}]; row {} is [{}]", r + 1, shown_row(e), r + 1,
                         shown_row(rows[r]));
    }
  }
  return std::nullopt;
}

}  // namespace huntdb::conformance
