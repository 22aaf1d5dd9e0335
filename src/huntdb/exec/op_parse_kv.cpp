// parse-kv: the listed keys' values extracted from key/value text, each converted to its
// declared type (a missing key or a value that does not convert gives null, or an empty string).
// Three ways to find the pairs, as https://learn.microsoft.com/kusto/query/parse-kv-operator
// describes:
//   - pair_delimiter / kv_delimiter: pairs separated by one delimiter, key from value by the
//     other, with optional quotes (and escapes inside them); greedy=true lets an unquoted value
//     run on to the next pair that has a key;
//   - no delimiters: any non-alphanumeric text separates words, and a listed key's value is the
//     word (or quoted text) after it;
//   - regex: every match's first group is a key, its second the value.
// The first appearance of a key wins; keys and values are trimmed of white space.
#include <re2/re2.h>

#include <fmt/format.h>

#include "huntdb/common/string_map.h"
#include "huntdb/exec/exec_error.h"
#include "huntdb/exec/expression.h"
#include "huntdb/exec/operator_kernels.h"
#include "huntdb/exec/operators.h"
#include "huntdb/exec/per_distinct_text.h"
#include "huntdb/exec/table_util.h"
#include "huntdb/exec/typed_text_writer.h"

namespace huntdb::exec::op {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Letters, digits and everything beyond ASCII belong to words; the rest delimits them.
bool is_word_char(char c) {
  auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

class KvExtractor {
 public:
  explicit KvExtractor(const ParseKvPlan& p) : plan_(p) {
    if (!p.quote.empty()) {
      open_ = p.quote[0];
      close_ = p.quote.size() > 1 ? p.quote[1] : p.quote[0];
      has_quote_ = true;
    }
    if (!p.escape.empty()) {
      escape_ = p.escape[0];
      has_escape_ = true;
    }
    for (size_t k = 0; k < p.keys.size(); ++k) key_index_.emplace(p.keys[k].name, k);
    if (!p.regex.empty()) {
      RE2::Options opts;
      opts.set_log_errors(false);
      regex_ = std::make_unique<RE2>(p.regex, opts);
      if (!regex_->ok()) throw ExecError(fmt::format("parse-kv: the regex is not valid: {}", regex_->error()));
      if (regex_->NumberOfCapturingGroups() < 2)
        throw ExecError("parse-kv: the regex must have two capturing groups (the key and the value).");
    }
    delimited_ = !p.pair_delimiter.empty() || !p.kv_delimiter.empty();
    pair_delimiter_ = p.pair_delimiter.empty() ? " " : p.pair_delimiter;
    kv_delimiter_ = p.kv_delimiter.empty() ? "=" : p.kv_delimiter;
  }

  // values[k] receives the text of key k (found[k] says whether it appeared).
  void extract(std::string_view text, std::vector<std::string>& values, std::vector<uint8_t>& found) const {
    values.assign(plan_.keys.size(), std::string());
    found.assign(plan_.keys.size(), 0);
    if (regex_) {
      extract_regex(text, values, found);
    } else if (delimited_) {
      extract_delimited(text, values, found);
    } else {
      extract_words(text, values, found);
    }
  }

 private:
  void offer(std::string_view key, std::string value, std::vector<std::string>& values, std::vector<uint8_t>& found) const {
    auto it = key_index_.find(key);
    if (it == key_index_.end() || found[it->second]) return;
    values[it->second] = std::move(value);
    found[it->second] = 1;
  }

  // The text of a key or value: trimmed, and without its quotes (escapes resolved) if quoted.
  std::string unquote(std::string_view s) const {
    s = trim(s);
    if (!has_quote_ || s.size() < 2 || s.front() != open_ || s.back() != close_) return std::string(s);
    std::string out;
    std::string_view inner = s.substr(1, s.size() - 2);
    for (size_t i = 0; i < inner.size(); ++i) {
      if (has_escape_ && inner[i] == escape_ && i + 1 < inner.size()) ++i;
      out += inner[i];
    }
    return out;
  }

  // From an opening quote at `i`: the position just after its closing quote (or the end).
  size_t skip_quoted(std::string_view text, size_t i) const {
    for (++i; i < text.size(); ++i) {
      if (has_escape_ && text[i] == escape_) {
        ++i;
      } else if (text[i] == close_) {
        return i + 1;
      }
    }
    return text.size();
  }

  // Where `delim` next occurs at or after `from` outside quotes (npos if it does not).
  size_t find_unquoted(std::string_view text, std::string_view delim, size_t from) const {
    for (size_t i = from; i < text.size();) {
      if (has_quote_ && text[i] == open_) {
        i = skip_quoted(text, i);
      } else if (text.compare(i, delim.size(), delim) == 0) {
        return i;
      } else {
        ++i;
      }
    }
    return std::string_view::npos;
  }

  void extract_delimited(std::string_view text, std::vector<std::string>& values, std::vector<uint8_t>& found) const {
    // Split into pairs; a piece without a key/value delimiter belongs to the previous value when
    // greedy, and is ignored otherwise.
    struct Pair {
      std::string_view key;
      size_t value_begin, value_end;
    };
    std::vector<Pair> pairs;
    size_t pos = 0;
    while (pos <= text.size()) {
      size_t end = find_unquoted(text, pair_delimiter_, pos);
      if (end == std::string_view::npos) end = text.size();
      std::string_view piece = text.substr(pos, end - pos);
      size_t kv = find_unquoted(piece, kv_delimiter_, 0);
      if (kv != std::string_view::npos) {
        pairs.push_back({piece.substr(0, kv), pos + kv + kv_delimiter_.size(), end});
      } else if (plan_.greedy && !pairs.empty() && !trim(piece).empty()) {
        pairs.back().value_end = end;
      }
      if (end == text.size()) break;
      pos = end + pair_delimiter_.size();
    }
    for (const auto& pr : pairs)
      offer(unquote(pr.key), unquote(text.substr(pr.value_begin, pr.value_end - pr.value_begin)), values, found);
  }

  void extract_words(std::string_view text, std::vector<std::string>& values, std::vector<uint8_t>& found) const {
    // Words and quoted strings, in order; a listed key takes the item after it.
    struct Item {
      size_t begin, end;
    };
    std::vector<Item> items;
    for (size_t i = 0; i < text.size();) {
      if (has_quote_ && text[i] == open_) {
        size_t end = skip_quoted(text, i);
        items.push_back({i, end});
        i = end;
      } else if (is_word_char(text[i])) {
        size_t end = i;
        while (end < text.size() && is_word_char(text[end])) ++end;
        items.push_back({i, end});
        i = end;
      } else {
        ++i;
      }
    }
    for (size_t k = 0; k + 1 < items.size(); ++k) {
      std::string key = unquote(text.substr(items[k].begin, items[k].end - items[k].begin));
      if (!key_index_.contains(key)) continue;
      offer(key, unquote(text.substr(items[k + 1].begin, items[k + 1].end - items[k + 1].begin)), values, found);
      ++k;  // the value is not a key
    }
  }

  void extract_regex(std::string_view text, std::vector<std::string>& values, std::vector<uint8_t>& found) const {
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece groups[3];
    size_t pos = 0;
    while (pos <= text.size() && regex_->Match(input, pos, text.size(), RE2::UNANCHORED, groups, 3)) {
      offer(std::string(trim(std::string_view(groups[1].data() ? groups[1].data() : "", groups[1].size()))),
            std::string(trim(std::string_view(groups[2].data() ? groups[2].data() : "", groups[2].size()))), values, found);
      size_t end = static_cast<size_t>(groups[0].data() - text.data()) + groups[0].size();
      pos = end > pos ? end : pos + 1;
    }
  }

  const ParseKvPlan& plan_;
  StringMap<size_t> key_index_;
  std::unique_ptr<RE2> regex_;
  bool delimited_ = false;
  std::string pair_delimiter_, kv_delimiter_;
  bool has_quote_ = false, has_escape_ = false;
  char open_ = 0, close_ = 0, escape_ = 0;
};

std::vector<ColumnPtr> extract_texts(const Column& texts, size_t n, const ParseKvPlan& p, const KvExtractor& kv) {
  std::vector<TypedTextWriter> writers;
  for (const auto& k : p.keys) writers.emplace_back(k.type, n);
  functions::StringReader reader(texts);
  std::vector<std::string> values;
  std::vector<uint8_t> found;
  for (size_t i = 0; i < n; ++i) {
    kv.extract(reader.get(i), values, found);
    for (size_t k = 0; k < writers.size(); ++k) {
      if (found[k]) {
        writers[k].set(i, values[k]);
      } else {
        writers[k].set_null(i);
      }
    }
  }
  std::vector<ColumnPtr> out;
  for (auto& w : writers) out.push_back(w.finish());
  return out;
}

}  // namespace

TablePtr parse_kv(const ParseKvPlan& p, Executor& ex, const Bindings* b) {
  TablePtr in = ex.run(p.inputs[0], b);
  KvExtractor kv(p);
  CompiledExpr source(p.source, ex);
  const TableSchema& schema = *p.schema;
  PerDistinctText extractor([&](const Column& texts, size_t n) { return extract_texts(texts, n, p, kv); });
  return map_batches(ex.context(), *in, schema, [&](const Batch& batch, size_t) {
    ColumnPtr text = source.eval(batch);
    if (text->type() != ScalarType::String) text = cast_column(text, ScalarType::String);
    std::vector<ColumnPtr> extracted = extractor.run(text, batch.rows);
    Batch out;
    out.rows = batch.rows;
    out.columns.assign(schema.columns.size(), nullptr);
    // Input columns keep their places unless a key of the same name replaces them.
    for (size_t c = 0; c < batch.columns.size() && c < out.columns.size(); ++c) out.columns[c] = batch.columns[c];
    for (size_t k = 0; k < extracted.size() && k < p.key_columns.size(); ++k) out.columns[p.key_columns[k]] = extracted[k];
    for (size_t c = 0; c < out.columns.size(); ++c)
      if (!out.columns[c]) out.columns[c] = Column::make_nulls(schema.columns[c].type, batch.rows);
    return out;
  });
}

}  // namespace huntdb::exec::op
