#include "huntdb/ingest/evtx/evtx_file.h"

namespace huntdb::ingest::evtx {

EvtxFile EvtxFile::open(const std::string& path) {
  EvtxFile f;
  f.path_ = path;
  f.map_ = MappedFile::open(path, f.open_error_);
  f.bytes_ = f.map_.bytes();
  return f;
}

EvtxFile EvtxFile::from_bytes(std::span<const uint8_t> bytes, std::string name) {
  EvtxFile f;
  f.path_ = std::move(name);
  f.bytes_ = bytes;
  return f;
}

}  // namespace huntdb::ingest::evtx
