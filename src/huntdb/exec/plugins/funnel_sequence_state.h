// What funnel_sequence and funnel_sequence_completion share: the sequence and windows given as
// constant dynamic arrays, and each row's state as text (the state column is compared, and
// output, as strings whatever its type).
#pragma once

#include <string>
#include <vector>

#include "huntdb/column/column.h"
#include "huntdb/exec/plugins/plugin.h"

namespace huntdb::exec::funnel {

// The elements of a constant dynamic array argument as text (tostring of each element).
std::vector<std::string> string_array_arg(const PluginCall& call, size_t i, std::string_view what);
// The elements of a constant dynamic array of timespans, in ticks.
std::vector<int64_t> timespan_array_arg(const PluginCall& call, size_t i, std::string_view what);
// A state column as codes into its distinct values' texts (one text per distinct value, not
// per row).
struct StateCodes {
  std::vector<uint32_t> code;  // per row
  std::vector<std::string> text;
  ColumnPtr values;  // the distinct values, in code order
};
StateCodes state_codes(const ColumnPtr& states);

}  // namespace huntdb::exec::funnel
