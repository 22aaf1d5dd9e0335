// Rows of externaldata content in one of Kusto's ingestion formats, typed by the declared
// schema: delimited text (csv, tsv, psv, scsv, sohsv: columns by position, extra fields
// ignored, missing ones null), txt (a line per record) and raw (the whole content as one
// record) into the first column, json (an object per line) and multijson (objects and arrays
// of objects, spread over lines as they come) with columns by property name.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "huntdb/column/column.h"

namespace huntdb::ingest {

struct ExternalFormat {
  std::string name = "csv";
  bool ignore_first_record = false;
};

// Whether `name` is a format parse_external_text reads.
bool is_supported_external_format(std::string_view name);

// Appends the records of `text` (from `source`, named in errors) to `columns`, one builder per
// schema column. False with `error` set ("source: record N: reason") when the text does not
// parse.
bool parse_external_text(std::string_view text, const TableSchema& schema, const ExternalFormat& format,
                         std::string_view source, std::vector<ColumnBuilder>& columns, std::string* error);

}  // namespace huntdb::ingest
