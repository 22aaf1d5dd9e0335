// The bytes behind an externaldata address: an http(s) URL, a file:// URL or a local path.
// Kusto connection strings may end in ";impersonate", ";managed_identity=..." or a key: that
// part says how to authenticate to Azure storage and is dropped (a SAS token in the query
// string is kept). Content that is gzip-compressed (a .gz name or a gzip stream) is inflated.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace huntdb::ingest {

struct FetchOptions {
  std::chrono::seconds connect_timeout{10};
  std::chrono::seconds read_timeout{60};
  size_t max_bytes = size_t{1} << 30;  // refuse bodies over 1 GiB rather than exhaust memory
};

// The content, or nullopt with `error` saying which address failed and why.
std::optional<std::string> fetch_uri(std::string_view uri, std::string* error, const FetchOptions& options = {});

}  // namespace huntdb::ingest
