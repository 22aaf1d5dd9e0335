#include "huntdb/ingest/log_source.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace huntdb::ingest {

std::string_view log_format_name(LogFormat f) {
  switch (f) {
    case LogFormat::Evtx: return "evtx";
    case LogFormat::JsonLines: return "jsonl";
    case LogFormat::Csv: return "csv";
    case LogFormat::Unknown: break;
  }
  return "unknown";
}

LogFormat detect_log_format(std::span<const unsigned char> head) {
  if (head.size() >= 8 && std::memcmp(head.data(), "ElfFile\0", 8) == 0) return LogFormat::Evtx;
  size_t i = 0;
  if (head.size() >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF) i = 3;  // UTF-8 BOM
  while (i < head.size() && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) ++i;
  // Blank: a JSON lines file with no records.
  if (i == head.size()) return LogFormat::JsonLines;
  if (head[i] == '{') return LogFormat::JsonLines;
  // Text with a header row; binary bytes (NUL) mean it is not a format we read.
  for (size_t j = i; j < head.size(); ++j)
    if (head[j] == 0) return LogFormat::Unknown;
  return LogFormat::Csv;
}

LogFormat detect_log_format(const std::string& path) {
  // A plain read: an ifstream's buffer and locale cost more than the 512 bytes looked at, once
  // per file of a folder of thousands of small logs.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return LogFormat::Unknown;
  unsigned char buf[512];
  size_t got = 0;
  while (got < sizeof buf) {
    ssize_t n = ::read(fd, buf + got, sizeof buf - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  ::close(fd);
  return detect_log_format(std::span<const unsigned char>(buf, got));
}

}  // namespace huntdb::ingest
