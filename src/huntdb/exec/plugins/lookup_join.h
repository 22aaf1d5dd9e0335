// The result table of the lookup plugins (ipv4_lookup, ipv6_lookup, geo_polygon_lookup,
// geo_line_lookup): each match pairs an input row with a lookup row, and a kept unmatched input
// row pairs with nulls. The columns are the input's and the lookup table's (some lookup columns
// left out), typed and named as the binder planned them.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "huntdb/exec/plugins/plugin.h"

namespace huntdb::exec::plugins {

struct LookupPairs {
  std::vector<uint32_t> input_rows;
  std::vector<uint32_t> lookup_rows;  // the lookup table's row count stands for "no match"

  void add(size_t input_row, size_t lookup_row) {
    input_rows.push_back(static_cast<uint32_t>(input_row));
    lookup_rows.push_back(static_cast<uint32_t>(lookup_row));
  }
};

// `keep_lookup_column(i)` says whether the lookup table's column i is in the result;
// `lookup_first` puts the lookup columns before the input's.
TablePtr lookup_join_result(const PluginCall& call, const Table& input, const Table& lookup, const LookupPairs& pairs,
                            const std::function<bool(size_t)>& keep_lookup_column, bool lookup_first);

}  // namespace huntdb::exec::plugins
