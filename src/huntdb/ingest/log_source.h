// What kind of log a file holds, from its first bytes (not its name, which is often wrong or
// missing): an EVTX file ("ElfFile\0"), JSON lines (the first non-blank byte is '{'), or CSV with
// a header row (anything else that is text). An empty file reads as JSON lines with no records.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace huntdb::ingest {

enum class LogFormat { Evtx, JsonLines, Csv, Unknown };

std::string_view log_format_name(LogFormat f);

// From the file's first bytes (a few hundred are enough).
LogFormat detect_log_format(std::span<const unsigned char> head);
// Reads the head of the file; Unknown when it cannot be read.
LogFormat detect_log_format(const std::string& path);

}  // namespace huntdb::ingest
