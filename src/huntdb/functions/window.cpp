// Window functions: scalar functions that read neighbouring rows, so they need serialized
// input (after serialize, sort, top, ...): row_number, row_cumsum, row_rank_*, row_window_session,
// prev, next.
#include "huntdb/functions/declare.h"

namespace huntdb::functions {

namespace {

using namespace types;
using namespace declare;

// The optional trailing `restart` flag most window functions take: when true, the running
// state starts over at this row.
constexpr Param kRestart = opt("restart", kBool);

// prev(column [, offset [, default]]) and next(...): the value of a column in another row, so
// the column itself (not an expression) and a constant default.
Signature neighbour_signature() {
  return same_as(0, {column("column"), opt("offset", kLong), opt("default_value", kScalar, ArgShape::Constant)});
}

}  // namespace

void register_window_functions(Registry& r) {
  r.add({.name = "row_number",
         .kind = FunctionKind::Window,
         .signatures = {fixed(ScalarType::Long, {opt("startingIndex", kLong), kRestart})},
         .description = "The row's position in the serialized input, from 1 or a given start."});
  r.add({.name = "row_cumsum",
         .kind = FunctionKind::Window,
         .signatures = {same_as(0, {{"term", kNumber}, kRestart})},
         .description = "The running sum of a number over the serialized input."});
  r.add({.name = "row_rank_dense",
         .kind = FunctionKind::Window,
         .signatures = {fixed(ScalarType::Long, {{"term", kNotDynamic}, kRestart})},
         .description = "The dense rank of a value in the sorted input (ties share a rank, no gaps)."});
  r.add({.name = "row_rank_min",
         .kind = FunctionKind::Window,
         .signatures = {fixed(ScalarType::Long, {{"term", kNotDynamic}, kRestart})},
         .description = "The minimal rank of a value in the sorted input (ties share the lowest rank)."});
  r.add({.name = "row_rank",
         .kind = FunctionKind::Window,
         .signatures = {fixed(ScalarType::Long, {{"column", kNotDynamic}, opt("dense", kBool, ArgShape::Constant)})},
         .replaced_by = "row_rank_dense",
         .hidden = true,
         .description = "The rank of a value in the sorted input (old form of row_rank_dense)."});
  r.add({.name = "row_window_session",
         .kind = FunctionKind::Window,
         .signatures = {same_as(0, {{"expr", kDateTime},
                                    {"maxDistanceFromFirst", kTimeSpan},
                                    {"maxDistanceBetweenNeighbors", kTimeSpan},
                                    kRestart})},
         .description = "The start time of the session a row's datetime falls in."});
  r.add({.name = "prev",
         .kind = FunctionKind::Window,
         .signatures = {neighbour_signature()},
         .description = "The value of a column in an earlier row of the serialized input."});
  r.add({.name = "next",
         .kind = FunctionKind::Window,
         .signatures = {neighbour_signature()},
         .description = "The value of a column in a later row of the serialized input."});
}

}  // namespace huntdb::functions
