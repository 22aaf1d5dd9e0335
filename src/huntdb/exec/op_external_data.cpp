// externaldata: reads each address when the query runs and types the records by the declared
// schema. Addresses are read one after another and their rows concatenated in order.
#include <fmt/format.h>

#include "huntdb/exec/exec_error.h"
#include "huntdb/exec/expression.h"
#include "huntdb/exec/operators.h"
#include "huntdb/exec/table_util.h"
#include "huntdb/ingest/external_format.h"
#include "huntdb/ingest/fetch_uri.h"
#include "huntdb/ingest/text_table.h"

namespace huntdb::exec::op {

TablePtr external_data(const ExternalDataPlan& p, Executor& ex) {
  ingest::ExternalFormat format{p.format, p.ignore_first_record};
  if (!ingest::is_supported_external_format(format.name))
    throw ExecError(fmt::format("externaldata: the format '{}' is not supported (csv, tsv, psv, scsv, sohsv, "
                                "txt, raw, json, multijson).",
                                format.name),
                    p.at);
  const TableSchema& schema = *p.schema;
  std::vector<ColumnBuilder> builders;
  for (const auto& c : schema.columns) builders.emplace_back(c.type);
  for (const auto& uri_expr : p.uris) {
    CompiledExpr uri(uri_expr, ex);
    if (!uri.is_constant() || uri.constant().is_null())
      throw ExecError("externaldata: an address must be a constant string.", p.at);
    std::string address = uri.constant().as_string();
    std::string error;
    auto text = ingest::fetch_uri(address, &error);
    if (!text) throw ExecError("externaldata: " + error, p.at);
    if (!ingest::parse_external_text(*text, schema, format, address, builders, &error))
      throw ExecError("externaldata: " + error, p.at);
    ex.context().check_cancelled();
  }
  std::vector<ColumnPtr> columns;
  size_t rows = 0;
  for (auto& b : builders) {
    columns.push_back(b.finish());
    rows = columns.back()->size();
  }
  for (auto& c : columns) c = ingest::maybe_dictionary(c);
  return make_table(schema, split_into_batches(std::move(columns), rows));
}

}  // namespace huntdb::exec::op
