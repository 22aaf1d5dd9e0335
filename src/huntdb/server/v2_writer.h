// The Kusto REST v2 query response: a JSON array of frames. DataSetHeader; a QueryProperties
// DataTable (the `render` visualization of each result); the PrimaryResult tables (DataTable
// frames, or TableHeader / TableFragment / TableCompletion when the request enabled progressive
// results); QueryCompletionInformation (the query's outcome and cost); DataSetCompletion, with
// HasErrors and OneApiErrors when the query failed or was truncated while it ran.
#pragma once

#include <string>

#include "huntdb/server/limits.h"
#include "huntdb/server/query_reply.h"

namespace huntdb::server {

std::string write_v2_response(const QueryReply& reply, const ResultLimits& limits, bool progressive,
                              ReplySummary* summary = nullptr);

}  // namespace huntdb::server
