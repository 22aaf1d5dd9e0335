#include "huntdb/exec/plugins/pattern_mining.h"

#include <algorithm>

#include <fmt/format.h>

#include "huntdb/exec/exec_error.h"
#include "huntdb/exec/group_table.h"
#include "huntdb/exec/operator_kernels.h"
#include "huntdb/exec/plugins/plugin_args.h"
#include "huntdb/exec/table_util.h"

namespace huntdb::exec::plugins {

PatternData::PatternData(const Table& input, std::span<const size_t> excluded, const ColumnPtr& weight) {
  size_t rows = input.row_count();
  for (size_t c = 0; c < input.schema.columns.size(); ++c) {
    if (std::find(excluded.begin(), excluded.end(), c) != excluded.end()) continue;
    ColumnPtr column = gather_column(input, c);
    GroupTable groups({column->type()});
    std::vector<uint32_t> codes;
    ColumnPtr keys[] = {column};
    groups.assign(keys, rows, codes, 0);
    codes.resize(rows);
    dims_.push_back(c);
    codes_.push_back(std::move(codes));
    ColumnPtr values = groups.key_column(0);
    if (values->type() != column->type()) values = cast_column(values, column->type());
    values_.push_back(Column::flatten(values));
  }
  weights_.assign(rows, 1.0);
  if (weight) {
    ColumnPtr w = Column::flatten(weight->type() == ScalarType::Real ? weight : cast_column(weight, ScalarType::Real));
    auto reals = w->reals();
    for (size_t r = 0; r < rows; ++r) weights_[r] = w->is_null(r) ? 0.0 : reals[r];
  }
}

double PatternData::total(const std::vector<uint32_t>* rows) const {
  double t = 0;
  if (rows) {
    for (uint32_t r : *rows) t += weights_[r];
  } else {
    for (double w : weights_) t += w;
  }
  return t;
}

bool PatternData::matches(const Pattern& p, size_t row) const {
  for (const auto& [dim, code] : p)
    if (codes_[dim][row] != code) return false;
  return true;
}

double PatternData::weight_of(const Pattern& p, const std::vector<uint32_t>* rows) const {
  double t = 0;
  if (rows) {
    for (uint32_t r : *rows)
      if (matches(p, r)) t += weights_[r];
  } else {
    for (size_t r = 0; r < weights_.size(); ++r)
      if (matches(p, r)) t += weights_[r];
  }
  return t;
}

namespace {

// Depth-first search over patterns by their rows (Eclat): a candidate is an item with the rows
// (of the current prefix) that have it.
struct Candidate {
  Item item;
  std::vector<uint32_t> rows;
  double weight;
};

struct Miner {
  const PatternData& data;
  double min_weight;
  size_t max_dims;
  size_t limit;
  std::vector<Pattern> out;

  // Whether no further value is shared by all of the rows (then no larger pattern has them all).
  bool closed(const Pattern& p, const std::vector<uint32_t>& rows) const {
    if (rows.empty()) return true;
    for (size_t d = 0; d < data.dimensions(); ++d) {
      if (std::any_of(p.begin(), p.end(), [&](const Item& i) { return i.first == d; })) continue;
      uint32_t first = data.code(d, rows[0]);
      bool all = true;
      for (uint32_t r : rows)
        if (data.code(d, r) != first) {
          all = false;
          break;
        }
      if (all) return false;
    }
    return true;
  }

  void search(std::vector<Candidate>& candidates, Pattern& prefix) {
    for (size_t i = 0; i < candidates.size() && out.size() < limit; ++i) {
      Candidate& c = candidates[i];
      prefix.push_back(c.item);
      bool can_grow = max_dims == 0 || prefix.size() < max_dims;
      if (!can_grow || closed(prefix, c.rows)) {
        Pattern p = prefix;
        std::sort(p.begin(), p.end());
        out.push_back(std::move(p));
      }
      if (can_grow) {
        std::vector<Candidate> next;
        for (size_t j = i + 1; j < candidates.size(); ++j) {
          const Candidate& o = candidates[j];
          if (o.item.first == c.item.first) continue;
          Candidate n{o.item, {}, 0};
          std::set_intersection(c.rows.begin(), c.rows.end(), o.rows.begin(), o.rows.end(), std::back_inserter(n.rows));
          for (uint32_t r : n.rows) n.weight += data.weight(r);
          if (n.weight >= min_weight && n.weight > 0) next.push_back(std::move(n));
        }
        if (!next.empty()) search(next, prefix);
      }
      prefix.pop_back();
    }
  }
};

}  // namespace

std::vector<Pattern> PatternData::closed_frequent(const std::vector<uint32_t>* rows, double min_weight, size_t max_dims,
                                                  size_t limit) const {
  std::vector<uint32_t> all;
  if (!rows) {
    all.resize(weights_.size());
    for (size_t r = 0; r < all.size(); ++r) all[r] = static_cast<uint32_t>(r);
    rows = &all;
  }
  // Frequent single values, with their rows (in row order, for intersections).
  std::vector<Candidate> candidates;
  for (size_t d = 0; d < dims_.size(); ++d) {
    std::vector<Candidate> by_code(values_[d]->size());
    for (uint32_t r : *rows) {
      Candidate& c = by_code[codes_[d][r]];
      c.rows.push_back(r);
      c.weight += weights_[r];
    }
    for (uint32_t code = 0; code < by_code.size(); ++code) {
      Candidate& c = by_code[code];
      if (c.rows.empty() || c.weight < min_weight || c.weight <= 0) continue;
      c.item = {static_cast<uint32_t>(d), code};
      candidates.push_back(std::move(c));
    }
  }
  Miner m{*this, min_weight, max_dims, limit, {}};
  Pattern prefix;
  m.search(candidates, prefix);
  return std::move(m.out);
}

Value Wildcards::for_type(ScalarType t) const {
  for (const Value& v : values)
    if (v.type == t) return v;
  return t == ScalarType::String ? Value::of_string("") : Value::null(t);
}

bool is_default_arg(const PluginCall& call, size_t i) {
  if (i >= arg_count(call)) return true;
  if (column_arg(call, i)) return false;
  auto v = constant_arg(call, i);
  return v && v->type == ScalarType::String && !v->is_null() && v->as_string() == "~";
}

double real_arg(const PluginCall& call, size_t i, double fallback) {
  if (is_default_arg(call, i)) return fallback;
  auto v = constant_arg(call, i);
  if (!v || v->is_null()) return fallback;
  switch (v->type) {
    case ScalarType::Int: return v->as_int();
    case ScalarType::Long: return static_cast<double>(v->as_long());
    case ScalarType::Real: return v->as_real();
    case ScalarType::Decimal: return std::get<Decimal>(v->data).value;
    default:
      throw ExecError(fmt::format("{}: argument {} must be a number.", call.plan.plugin->name, i + 1));
  }
}

ColumnPtr weight_arg(const PluginCall& call, size_t i, size_t* input_column) {
  if (is_default_arg(call, i)) return nullptr;
  const analyze::Expr* c = column_arg(call, i);
  int index = c ? call.input->schema.index_of(c->name) : -1;
  if (index < 0 || !is_numeric(call.input->schema.columns[index].type))
    throw ExecError(fmt::format("{}: the weight column (argument {}) must be a numeric column of the input.",
                                call.plan.plugin->name, i + 1));
  *input_column = static_cast<size_t>(index);
  return gather_column(*call.input, static_cast<size_t>(index));
}

Wildcards read_wildcards(const PluginCall& call, size_t first) {
  Wildcards w;
  for (size_t i = first; i < arg_count(call); ++i) {
    if (is_default_arg(call, i)) continue;
    auto v = constant_arg(call, i);
    if (!v) throw ExecError(fmt::format("{}: a custom wildcard must be a constant.", call.plan.plugin->name));
    w.values.push_back(*v);
  }
  return w;
}

std::vector<ColumnPtr> pattern_columns(const PatternData& data, const Table& input, const std::vector<Pattern>& patterns,
                                       const Wildcards& wildcards) {
  std::vector<int> dim_of(input.schema.columns.size(), -1);
  for (size_t d = 0; d < data.dimensions(); ++d) dim_of[data.input_column(d)] = static_cast<int>(d);
  std::vector<ColumnPtr> out;
  for (size_t c = 0; c < input.schema.columns.size(); ++c) {
    ScalarType type = input.schema.columns[c].type;
    Value wildcard = wildcards.for_type(type);
    ColumnBuilder b(type, patterns.size());
    for (const Pattern& p : patterns) {
      auto it = dim_of[c] < 0 ? p.end()
                              : std::find_if(p.begin(), p.end(), [&](const Item& i) { return i.first == static_cast<uint32_t>(dim_of[c]); });
      if (it != p.end()) b.append_from(*data.values(it->first), it->second);
      else b.append_value(wildcard);
    }
    out.push_back(b.finish());
  }
  return out;
}

}  // namespace huntdb::exec::plugins
