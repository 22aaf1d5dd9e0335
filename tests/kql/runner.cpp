// Runs the plain-text KQL test files (tests/kql/*.test). Adding a case needs no C++.
//
// A file is a sequence of records separated by blank lines. Lines starting with '#' are
// comments. A record starts with a directive:
//
//   table Name (col:type, ...)      declares a table for the rest of the file
//   sentinel                        loads the Sentinel workspace schema (../shared) for the file
//
//   schema                          the query's result columns must be exactly these
//   <query, any number of lines>
//   ----
//   name:type, name:type, ...
//
//   error                           the query must fail; each expected line must be reported
//   <query>                         (in order): "line:col: message" or "message" alone
//   ----
//   1:11: Missing expression
//
//   ok                              the query must have no syntax or semantic error
//   <query>
//
//   now 2018-05-01T00:00:00Z        now() (and ago()) for the queries that follow
//
//   data Name                       runs the query; its result becomes table Name for the rest
//   <query>                         of the file (datatable(...)[...] is the usual way)
//
//   query [unordered]               runs the query; the result must be this table: a header of
//   <query>                         column names, then one line per row, cells separated by
//   ----                            " | " as tostring() writes them (empty for null). With
//   a | b                           `unordered`, rows may come in any order.
//   1 | x
//
// Output: one line per failing case with its file:line, then a summary; exit status 1 on any
// failure.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "huntdb/engine.h"
#include "huntdb/types/datetime.h"
#include "huntdb/types/format.h"

namespace {

struct Case {
  std::string directive;
  int line = 0;
  std::string query;
  std::vector<std::string> expected;
};

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  size_t e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

std::string columns_line(const huntdb::TableSchema& t) {
  std::string out;
  for (const auto& c : t.columns) {
    if (!out.empty()) out += ", ";
    out += c.name + ":" + std::string(huntdb::type_name(c.type));
  }
  return out;
}

// Cells are separated by '|' (write \| for a bar inside a cell); each is trimmed.
std::vector<std::string> split_cells(const std::string& line) {
  std::vector<std::string> out;
  std::string cell;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\' && i + 1 < line.size() && line[i + 1] == '|') {
      cell += '|';
      ++i;
    } else if (line[i] == '|') {
      out.push_back(trim(cell));
      cell.clear();
    } else {
      cell += line[i];
    }
  }
  out.push_back(trim(cell));
  return out;
}

std::string join_cells(const std::vector<std::string>& cells) {
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) {
    std::string c;
    for (char ch : cells[i]) {
      if (ch == '|') c += '\\';
      c += ch;
    }
    out += (i ? " | " : "") + c;
  }
  return out;
}

std::vector<std::string> result_lines(const huntdb::Table& t) {
  std::vector<std::string> out;
  std::vector<std::string> header;
  for (const auto& c : t.schema.columns) header.push_back(c.name);
  out.push_back(join_cells(header));
  for (const auto& b : t.batches)
    for (size_t r = 0; r < b.rows; ++r) {
      std::vector<std::string> cells;
      for (const auto& c : b.columns) cells.push_back(trim(huntdb::format_value(c->value_at(r))));
      out.push_back(join_cells(cells));
    }
  return out;
}

std::vector<std::string> run_error_lines(const huntdb::QueryResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.errors) {
    auto lc = r.source->locate(d.span.begin);
    out.push_back(std::to_string(lc.line) + ":" + std::to_string(lc.col) + ": " + d.message);
  }
  return out;
}

std::vector<std::string> error_lines(const huntdb::QueryCheck& c) {
  std::vector<std::string> out;
  for (const auto* list : {&c.syntax_errors, &c.semantic_errors})
    for (const auto& d : *list) {
      auto lc = c.source->locate(d.span.begin);
      out.push_back(std::to_string(lc.line) + ":" + std::to_string(lc.col) + ": " + d.message);
    }
  return out;
}

int run_file(const std::filesystem::path& path, const std::string& shared_dir, int* total) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << path.string() << ": cannot read\n";
    return 1;
  }
  huntdb::Engine engine;
  huntdb::RunOptions run_options;
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  int failures = 0;
  size_t i = 0;
  auto fail = [&](const Case& c, const std::string& why) {
    ++failures;
    std::cerr << path.string() << ":" << c.line << ": " << c.directive << " case failed: " << why << "\n";
  };
  while (i < lines.size()) {
    std::string l = trim(lines[i]);
    if (l.empty() || l[0] == '#') {
      ++i;
      continue;
    }
    if (l.rfind("table ", 0) == 0) {
      std::string rest = trim(l.substr(6));
      size_t paren = rest.find('(');
      std::string name = trim(rest.substr(0, paren));
      std::string schema_json = "{\"tables\": {\"" + name + "\": \"" + rest.substr(paren) + "\"}}";
      if (auto err = huntdb::analyze::Catalog::load_json(schema_json, engine.catalog())) {
        std::cerr << path.string() << ":" << i + 1 << ": bad table declaration: " << *err << "\n";
        ++failures;
      }
      ++i;
      continue;
    }
    if (l == "sentinel") {
      auto err = huntdb::analyze::Catalog::load_file(shared_dir + "/tools/kql-oracle/schemas/sentinel.json",
                                                     engine.catalog());
      if (err) {
        std::cerr << path.string() << ":" << i + 1 << ": " << *err << "\n";
        ++failures;
      }
      ++i;
      continue;
    }
    if (l.rfind("now ", 0) == 0) {
      auto t = huntdb::parse_datetime(trim(l.substr(4)));
      if (!t) {
        std::cerr << path.string() << ":" << i + 1 << ": bad time in `now`\n";
        ++failures;
      } else {
        run_options.now = *t;
      }
      ++i;
      continue;
    }
    Case c;
    c.directive = l;
    c.line = static_cast<int>(i) + 1;
    ++i;
    bool in_expected = false;
    while (i < lines.size() && !trim(lines[i]).empty()) {
      if (trim(lines[i]) == "----") {
        in_expected = true;
      } else if (in_expected) {
        c.expected.push_back(trim(lines[i]));
      } else {
        c.query += lines[i] + "\n";
      }
      ++i;
    }
    if (c.directive.rfind("data ", 0) == 0) {
      std::string name = trim(c.directive.substr(5));
      huntdb::QueryResult r = engine.run(c.query, run_options);
      if (!r.ok() || r.tables.empty()) {
        auto errs = run_error_lines(r);
        fail(c, "the data query failed: " + (errs.empty() ? std::string("no result") : errs.front()));
      } else {
        engine.add_table(name, r.tables[0].table);
      }
      continue;
    }
    ++*total;
    if (c.directive == "query" || c.directive == "query unordered") {
      huntdb::QueryResult r = engine.run(c.query, run_options);
      if (!r.ok()) {
        fail(c, "unexpected error: " + run_error_lines(r).front());
        continue;
      }
      if (r.tables.empty()) {
        fail(c, "the query has no result");
        continue;
      }
      std::vector<std::string> actual = result_lines(*r.tables[0].table);
      std::vector<std::string> expected;
      for (const auto& e : c.expected) expected.push_back(join_cells(split_cells(e)));
      if (c.directive == "query unordered" && !actual.empty() && !expected.empty()) {
        std::sort(actual.begin() + 1, actual.end());
        std::sort(expected.begin() + 1, expected.end());
      }
      if (actual != expected) {
        std::string msg = "\n    expected:";
        for (const auto& e : expected) msg += "\n      " + e;
        msg += "\n    actual:";
        for (const auto& a : actual) msg += "\n      " + a;
        fail(c, msg);
      }
      continue;
    }
    huntdb::QueryCheck check = engine.check(c.query);
    if (c.directive == "schema") {
      if (!check.ok()) {
        fail(c, "unexpected error: " + error_lines(check).front());
      } else if (!check.result) {
        fail(c, "the query does not yield a table");
      } else {
        std::string expected;
        for (const auto& e : c.expected) expected += (expected.empty() ? "" : ", ") + e;
        std::string actual = columns_line(*check.result);
        if (actual != expected) fail(c, "\n    expected: " + expected + "\n    actual:   " + actual);
      }
    } else if (c.directive == "error") {
      auto errors = error_lines(check);
      if (errors.empty()) errors = run_error_lines(engine.run(c.query, run_options));
      if (errors.empty()) {
        fail(c, "the query has no error");
        continue;
      }
      size_t next = 0;
      for (const auto& want : c.expected) {
        bool found = false;
        for (; next < errors.size(); ++next) {
          const std::string& got = errors[next];
          bool positional = !want.empty() && std::isdigit(static_cast<unsigned char>(want[0]));
          std::string message = got.substr(got.find(": ") + 2);
          if ((positional && got == want) || (!positional && message == want)) {
            found = true;
            ++next;
            break;
          }
        }
        if (!found) {
          std::string all;
          for (const auto& e : errors) all += "\n    " + e;
          fail(c, "missing error \"" + want + "\"; reported:" + all);
          break;
        }
      }
    } else if (c.directive == "ok") {
      if (!check.ok()) fail(c, "unexpected error: " + error_lines(check).front());
    } else {
      fail(c, "unknown directive");
    }
  }
  return failures;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: kql_tests SHARED_DIR FILE.test...\n";
    return 2;
  }
  std::string shared = argv[1];
  int total = 0, failures = 0;
  for (int i = 2; i < argc; ++i) failures += run_file(argv[i], shared, &total);
  std::cout << total - failures << "/" << total << " KQL cases passed\n";
  return failures == 0 ? 0 : 1;
}
