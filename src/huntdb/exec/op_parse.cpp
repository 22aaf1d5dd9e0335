// parse and parse-where: the source text of every row matched against the pattern, the captures
// appended as columns. Where the text does not match (or, except in kind=relaxed, a typed capture
// does not convert), every capture is null; parse-where drops those rows instead. A
// dictionary-encoded source is parsed once per distinct value.
// Semantics: https://learn.microsoft.com/kusto/query/parse-operator (and parse-where-operator).
#include "huntdb/exec/expression.h"
#include "huntdb/exec/operator_kernels.h"
#include "huntdb/exec/operators.h"
#include "huntdb/exec/parse_pattern.h"
#include "huntdb/exec/per_distinct_text.h"
#include "huntdb/exec/table_util.h"
#include "huntdb/exec/typed_text_writer.h"

namespace huntdb::exec::op {

namespace {

// The captures of the first n texts, one column each, then a bool column: whether each matched.
std::vector<ColumnPtr> parse_texts(const Column& texts, size_t n, const ParsePlan& p, const ParsePattern& pattern) {
  bool relaxed = p.kind == "relaxed";
  std::vector<TypedTextWriter> writers;
  for (size_t c = 0; c < pattern.capture_count(); ++c) writers.emplace_back(p.parts[pattern.capture_part(c)].type, n);
  std::vector<uint8_t> matched(n, 0);
  functions::StringReader reader(texts);
  std::vector<std::string_view> captured;
  for (size_t i = 0; i < n; ++i) {
    bool ok = pattern.match(reader.get(i), captured);
    // Strict kinds: a capture that is not a value of its type fails the whole match.
    if (ok && !relaxed)
      for (size_t c = 0; c < writers.size() && ok; ++c) ok = TypedTextWriter::accepts(writers[c].type(), captured[c]);
    matched[i] = ok;
    for (size_t c = 0; c < writers.size(); ++c) {
      if (ok) {
        writers[c].set(i, captured[c]);
      } else {
        writers[c].set_null(i);
      }
    }
  }
  std::vector<ColumnPtr> out;
  for (auto& w : writers) out.push_back(w.finish());
  out.push_back(Column::make_bools(std::move(matched)));
  return out;
}

}  // namespace

TablePtr parse(const ParsePlan& p, Executor& ex, const Bindings* b) {
  TablePtr in = ex.run(p.inputs[0], b);
  ParsePattern pattern(p.parts, p.kind, p.flags);
  CompiledExpr source(p.source, ex);
  const TableSchema& schema = *p.schema;
  PerDistinctText parser([&](const Column& texts, size_t n) { return parse_texts(texts, n, p, pattern); });
  return map_batches(ex.context(), *in, schema, [&](const Batch& batch, size_t) {
    ColumnPtr text = source.eval(batch);
    if (text->type() != ScalarType::String) text = cast_column(text, ScalarType::String);
    std::vector<ColumnPtr> parsed = parser.run(text, batch.rows);
    Batch out;
    out.rows = batch.rows;
    out.columns.assign(schema.columns.size(), nullptr);
    for (size_t c = 0; c < batch.columns.size() && c < out.columns.size(); ++c) out.columns[c] = batch.columns[c];
    for (size_t c = 0; c < pattern.capture_count(); ++c) {
      int column = p.parts[pattern.capture_part(c)].column;
      if (column >= 0 && static_cast<size_t>(column) < out.columns.size()) out.columns[column] = parsed[c];
    }
    for (size_t c = 0; c < out.columns.size(); ++c)
      if (!out.columns[c]) out.columns[c] = Column::make_nulls(schema.columns[c].type, batch.rows);
    if (!p.where) return out;
    functions::BoolReader matched(*parsed.back());
    std::vector<uint32_t> keep;
    for (size_t i = 0; i < batch.rows; ++i)
      if (matched.get(i)) keep.push_back(static_cast<uint32_t>(i));
    if (keep.size() == batch.rows) return out;
    return take_rows(out, keep);
  });
}

}  // namespace huntdb::exec::op
