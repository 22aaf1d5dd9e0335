// Whole columns converted to one type by Kusto's to*() rules (types/convert.h, and
// types/format.h for strings): the conversion functions are made of it, and functions whose
// arguments meet in one result type use it to bring them there (iff(c, 1, 2.5) is a real, so
// its int branch widens). Values that do not convert become null.
#pragma once

#include "huntdb/column/column.h"

namespace huntdb::functions {

// x as a column of `to`; x itself when it already is one. Constant columns stay constant and a
// dictionary column converts each distinct value once.
ColumnPtr convert_column(const ColumnPtr& x, ScalarType to);

// One value converted to `to` (null when it does not convert).
Value convert_value(const Value& v, ScalarType to);

}  // namespace huntdb::functions
