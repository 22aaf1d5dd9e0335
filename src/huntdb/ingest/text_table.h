// In-memory tables from text files: CSV with a header row, and JSON lines (one object per line).
// Column types come from a given schema or are inferred as Kusto infers them when ingesting
// without a mapping: a column is long if every value is an integer, real if every value is a
// number, bool, datetime, guid, dynamic (JSON arrays and objects), else string. Low-cardinality
// string columns are dictionary-encoded.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "huntdb/column/column.h"

namespace huntdb::ingest {

struct TextTableOptions {
  const TableSchema* schema = nullptr;  // force these column types (by name); others inferred
};

// nullopt with `error` set ("file:line: reason") when the file cannot be read or parsed.
std::optional<TablePtr> load_csv(const std::string& path, std::string* error, const TextTableOptions& options = {});
std::optional<TablePtr> load_jsonl(const std::string& path, std::string* error, const TextTableOptions& options = {});
// By extension: .csv or .json/.jsonl/.ndjson.
std::optional<TablePtr> load_text_table(const std::string& path, std::string* error, const TextTableOptions& options = {});

// Parses CSV text (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes), or the
// same with another delimiter (tab, '|', ';'). Returns rows of fields; `error` receives the
// line of an unterminated quote.
std::optional<std::vector<std::vector<std::string>>> parse_csv(std::string_view text, std::string* error,
                                                               char delimiter = ',');

// A column of `type` from the texts of a field (empty texts are nulls, except in strings).
ColumnPtr column_from_texts(const std::vector<std::string>& texts, ScalarType type);

// Appends a JSON value to a column of `type`, converted as the to*() functions convert it.
void append_json_value(ColumnBuilder& b, ScalarType type, const DynamicPtr& v);

// A string column dictionary-encoded when few values repeat a lot (see the file comment).
ColumnPtr maybe_dictionary(const ColumnPtr& strings);

}  // namespace huntdb::ingest
