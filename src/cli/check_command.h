// `huntdb check`: JSON lines of queries in, JSON lines of verdicts out, in the same shape as the
// official parser's oracle prints (syntax_errors, semantic_errors, result_columns).
#pragma once

#include <iosfwd>

#include "huntdb/engine.h"

namespace huntdb::cli {

int run_check(Engine& engine, std::istream& in, std::ostream& out);

}  // namespace huntdb::cli
