// One JSON line as a FlatRecord: nested objects flattened with dots ("winlog.event_data.Image"),
// numbers and booleans as their JSON text, arrays as minified JSON, nulls left out, and each
// top-level object also kept whole as minified JSON (FlatRecord::objects).
//
// Most lines are flat objects of strings, numbers and small arrays (Security-Datasets): those are
// read once with simdjson's On-Demand API, which unescapes each string straight into the parser's
// buffer without building a document tree. Lines with nested objects (Winlogbeat, Log Analytics'
// dynamic columns), and every line On-Demand rejects, go through the DOM parser, which validates
// the whole line and words the error a quarantined line carries.
#pragma once

#include <string>
#include <string_view>

#include <simdjson.h>

#include "huntdb/ingest/json_layouts.h"
#include "huntdb/ingest/text_pool.h"

namespace huntdb::ingest {

class JsonFlattener {
 public:
  // Flattens `line` into `out` (cleared first; views into `pool`, the line and this flattener,
  // valid until the next call). `capacity` is how many bytes may be read from line.data() on:
  // at least line.size() + simdjson::SIMDJSON_PADDING. False with `error` for invalid JSON or a
  // value that is not an object.
  bool flatten(std::string_view line, size_t capacity, FlatRecord& out, TextPool& pool, std::string& error);

 private:
  enum class Outcome { Done, NeedsDom };
  Outcome flatten_on_demand(std::string_view line, size_t capacity, FlatRecord& out, TextPool& pool);
  bool flatten_dom(std::string_view line, FlatRecord& out, TextPool& pool, std::string& error);

  simdjson::ondemand::parser on_demand_;
  simdjson::dom::parser dom_;
  simdjson::dom::parser array_;  // an array's text, parsed again to write it minified
};

}  // namespace huntdb::ingest
