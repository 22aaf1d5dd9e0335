// The Kusto REST v1 response: {"Tables": [...]}. A management command's reply holds its result
// tables only. A v1 query's reply adds, as Kusto does, a QueryProperties table (the `render`
// visualization), a QueryStatus table (outcome and cost; an error row when the query was cut by
// a limit or failed while running) and a last TableOfContents table that names each one.
#pragma once

#include <string>

#include "huntdb/server/limits.h"
#include "huntdb/server/query_reply.h"

namespace huntdb::server {

enum class V1Shape { Command, Query };

std::string write_v1_response(const QueryReply& reply, const ResultLimits& limits, V1Shape shape,
                              ReplySummary* summary = nullptr);

}  // namespace huntdb::server
