// reduce: groups strings by similarity into patterns where `*` stands for varying text, as
// https://learn.microsoft.com/kusto/query/reduce-operator describes it. The docs say Kusto's
// implementation follows Vaarandi's SLCT ("A Data Clustering Algorithm for Mining Patterns From
// Event Logs"); this is that algorithm:
//   1. each value is split into terms at the separator characters (by default every character
//      that is not an ASCII letter or digit; `characters` gives them instead);
//   2. a term at a position is frequent when more than threshold * rows values have it there
//      (numbers are never frequent: they are what varies in log lines);
//   3. each value's candidate pattern keeps its frequent terms and replaces every run of other
//      terms (with the separator before them) by `*`;
//   4. candidates shared by more than threshold * rows values are the patterns; every other
//      value is counted in a last "others" row.
// This reproduces the documented outputs ("MachineLearningX<n>" with characters "X" gives
// "MachineLearning*"; "fooZ<n>" gives "others" with the default separators and "foo*" with
// characters "Z").
#include <string>
#include <vector>

#include "huntdb/common/string_map.h"
#include "huntdb/exec/exec_error.h"
#include "huntdb/exec/expression.h"
#include "huntdb/exec/operator_kernels.h"
#include "huntdb/exec/operators.h"
#include "huntdb/exec/table_util.h"
#include "huntdb/functions/kernels/kernel_util.h"

namespace huntdb::exec::op {

namespace {

constexpr double kDefaultThreshold = 0.1;

struct Term {
  std::string_view separator;  // the separator characters before it
  std::string_view text;
};

class Terms {
 public:
  explicit Terms(std::string_view characters) : custom_(!characters.empty()) {
    for (char c : characters) separators_[static_cast<unsigned char>(c)] = true;
  }

  bool is_separator(char c) const {
    if (custom_) return separators_[static_cast<unsigned char>(c)];
    auto u = static_cast<unsigned char>(c);
    return u < 0x80 && !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
  }

  // The terms of a value; `tail` receives the separators after the last term.
  std::vector<Term> split(std::string_view s, std::string_view& tail) const {
    std::vector<Term> out;
    size_t i = 0;
    while (i < s.size()) {
      size_t sep_begin = i;
      while (i < s.size() && is_separator(s[i])) ++i;
      if (i == s.size()) {
        tail = s.substr(sep_begin);
        return out;
      }
      size_t term_begin = i;
      while (i < s.size() && !is_separator(s[i])) ++i;
      out.push_back({s.substr(sep_begin, term_begin - sep_begin), s.substr(term_begin, i - term_begin)});
    }
    tail = {};
    return out;
  }

 private:
  bool custom_;
  bool separators_[256] = {};
};

bool is_number(std::string_view t) {
  if (t.empty()) return false;
  for (char c : t)
    if (c < '0' || c > '9') return false;
  return true;
}

std::string position_key(size_t position, std::string_view term) {
  std::string key = std::to_string(position);
  key += '\x1f';
  key += term;
  return key;
}

Value constant_of(const ExprPtr& e, Executor& ex) {
  CompiledExpr c(e, ex);
  Batch one;
  one.rows = 1;
  return c.eval(one)->value_at(0);
}

}  // namespace

TablePtr reduce(const ReducePlan& p, Executor& ex, const Bindings* b) {
  TablePtr in = ex.run(p.inputs[0], b);
  double threshold = kDefaultThreshold;
  if (p.threshold) {
    Value v = constant_of(p.threshold, ex);
    if (!v.is_null()) threshold = functions::RealReader::value_as_real(v);
  }
  if (!(threshold >= 0 && threshold <= 1)) throw ExecError("reduce: the threshold must be between 0 and 1.");
  std::string characters;
  if (p.characters) {
    Value v = constant_of(p.characters, ex);
    if (!v.is_null() && v.type == ScalarType::String) characters = v.as_string();
  }
  Terms terms(characters);

  // The values to reduce, in input order.
  CompiledExpr by(p.by, ex);
  std::vector<ColumnPtr> texts;
  for (const auto& batch : in->batches) {
    ColumnPtr c = by.eval(batch);
    texts.push_back(c->type() == ScalarType::String ? c : cast_column(c, ScalarType::String));
  }
  std::vector<std::string_view> values;
  for (const auto& c : texts) {
    functions::StringReader r(*c);
    for (size_t i = 0; i < c->size(); ++i) values.push_back(r.get(i));
  }
  double support = threshold * static_cast<double>(values.size());

  // 1-2. Frequent terms by position.
  std::vector<std::vector<Term>> split(values.size());
  std::vector<std::string_view> tails(values.size());
  StringMap<size_t> term_counts;
  for (size_t i = 0; i < values.size(); ++i) {
    split[i] = terms.split(values[i], tails[i]);
    for (size_t pos = 0; pos < split[i].size(); ++pos)
      if (!is_number(split[i][pos].text)) ++term_counts[position_key(pos, split[i][pos].text)];
  }
  auto frequent = [&](size_t pos, std::string_view term) {
    if (is_number(term)) return false;
    auto it = term_counts.find(position_key(pos, term));
    return it != term_counts.end() && static_cast<double>(it->second) > support;
  };

  // 3. Each value's candidate pattern (empty when it has no frequent term).
  std::vector<std::string> candidate(values.size());
  StringMap<size_t> candidate_counts;
  for (size_t i = 0; i < values.size(); ++i) {
    std::string pattern;
    bool any_frequent = false;
    for (size_t pos = 0; pos < split[i].size(); ++pos) {
      const Term& t = split[i][pos];
      if (frequent(pos, t.text)) {
        pattern.append(t.separator);
        pattern.append(t.text);
        any_frequent = true;
      } else if (pattern.empty() || pattern.back() != '*') {
        pattern += '*';
      }
    }
    if (!any_frequent) continue;
    if (pattern.empty() || pattern.back() != '*') pattern.append(tails[i]);
    candidate[i] = std::move(pattern);
    ++candidate_counts[candidate[i]];
  }

  // 4. The patterns, in order of first appearance, then the others.
  std::vector<std::string> patterns;
  std::vector<int64_t> counts;
  std::vector<std::string_view> representatives;
  StringMap<size_t> pattern_index;
  std::vector<int64_t> row_pattern(values.size(), -1);  // index into patterns; -1: others
  int64_t others = 0;
  for (size_t i = 0; i < values.size(); ++i) {
    bool cluster = !candidate[i].empty() && static_cast<double>(candidate_counts[candidate[i]]) > support;
    if (!cluster) {
      ++others;
      continue;
    }
    auto [it, added] = pattern_index.emplace(candidate[i], patterns.size());
    if (added) {
      patterns.push_back(candidate[i]);
      counts.push_back(0);
      representatives.push_back(values[i]);
    }
    ++counts[it->second];
    row_pattern[i] = static_cast<int64_t>(it->second);
  }

  if (p.source) {
    // kind=source: the input rows, each with its pattern.
    std::vector<Batch> out;
    size_t row = 0;
    for (const auto& batch : in->batches) {
      functions::StringWriter w(batch.rows);
      for (size_t r = 0; r < batch.rows; ++r, ++row)
        w.add(row_pattern[row] < 0 ? std::string_view("others") : std::string_view(patterns[static_cast<size_t>(row_pattern[row])]));
      Batch o = batch;
      o.columns.push_back(w.finish());
      out.push_back(std::move(o));
    }
    return make_table(*p.schema, std::move(out));
  }
  if (others > 0) {
    patterns.push_back("others");
    counts.push_back(others);
    representatives.push_back({});
  }
  functions::StringWriter pattern_col(patterns.size()), representative_col(patterns.size());
  for (size_t k = 0; k < patterns.size(); ++k) {
    pattern_col.add(patterns[k]);
    representative_col.add(representatives[k]);
  }
  size_t rows = patterns.size();
  std::vector<ColumnPtr> cols{pattern_col.finish(), Column::make_longs(ScalarType::Long, std::move(counts)), representative_col.finish()};
  return make_table(*p.schema, split_into_batches(std::move(cols), rows));
}

}  // namespace huntdb::exec::op
