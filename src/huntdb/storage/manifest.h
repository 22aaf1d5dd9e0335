// The manifest: the one file that says which tables exist (schema, retention), which
// extents make each table, and which stored functions the workspace defines. It is replaced as a whole by an atomic swap (write MANIFEST.tmp,
// fsync it, rename over MANIFEST, fsync the directory), so a crash leaves either the old or the
// new list, never a mix. The text is JSON after a first line holding its length and CRC-32, so
// a damaged file is refused rather than misread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "huntdb/storage/env.h"
#include "huntdb/storage/retention.h"
#include "huntdb/types/schema.h"

namespace huntdb::storage {

// What `.show table T extents` shows of an extent.
struct ExtentInfo {
  uint64_t id = 0;
  uint64_t rows = 0;
  uint64_t bytes = 0;  // file size
  std::optional<int64_t> min_time, max_time;  // TimeGenerated range, when the table has one
  int64_t created_ticks = 0;
  bool operator==(const ExtentInfo&) const = default;
};

struct TableRecord {
  std::string name;
  TableSchema schema;
  RetentionPolicy retention;
  std::vector<ExtentInfo> extents;  // in the order their rows are read
};

// A stored function (.create function): its KQL text as written, and its UI metadata.
struct FunctionRecord {
  std::string name;
  std::string parameters;  // "(a:string, n:long = 10)"
  std::string body;        // "{ T | where ... }"
  std::string folder;
  std::string docstring;
  bool operator==(const FunctionRecord&) const = default;
};

struct Manifest {
  uint64_t generation = 0;  // +1 per published change
  uint64_t next_extent_id = 1;
  std::vector<TableRecord> tables;
  std::vector<FunctionRecord> functions;  // in the order they were created

  const TableRecord* find(std::string_view name) const;
  TableRecord* find(std::string_view name);
  const FunctionRecord* find_function(std::string_view name) const;

  std::string serialize() const;
  static Manifest parse(std::string_view text);
};

inline constexpr const char* kManifestName = "MANIFEST";
inline constexpr const char* kManifestTempName = "MANIFEST.tmp";

// The workspace's manifest, or nullopt when there is none yet.
std::optional<Manifest> load_manifest(Env& env, const std::string& dir);
// Publishes a manifest by the atomic swap described above. If it throws, the old or the new
// manifest may be the durable one; `*renamed` tells whether the swap reached the rename.
void store_manifest(Env& env, const std::string& dir, const Manifest& m, bool* renamed = nullptr);

// The file name of an extent in the workspace's extents/ folder.
std::string extent_file_name(uint64_t id);
inline constexpr const char* kExtentsDir = "extents";
inline constexpr const char* kTempSuffix = ".tmp";

}  // namespace huntdb::storage
