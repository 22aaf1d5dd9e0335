// Builds an Event's element tree from the rendering steps of the BinXml renderer (start element,
// attribute, text, close). It owns the small rules of the XML shape: adjacent text pieces merge,
// an attribute or element whose only content was an absent optional substitution is left out (as
// Windows does: <Security/> loses UserID, classic events lose an empty <Binary>), and the tree stays
// within the per-record limits.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "huntdb/ingest/evtx/event.h"

namespace huntdb::ingest::evtx {

class EventBuilder {
 public:
  // Starts a new record in `event`, reusing its buffers.
  void reset(Event& event, uint64_t record_id, uint64_t written_filetime, uint64_t file_offset);

  void start_element(std::string_view name);
  void attribute(std::string_view name);
  void close_start_tag();      // '>': content follows
  void close_empty_element();  // '/>'
  void end_element();          // '</name>'
  void processing_instruction(std::string_view target);

  // Text goes to the open attribute, the open processing instruction, or the current element's
  // content. Callers append to the returned buffer directly (no copy) and then call end_text().
  std::string& begin_text(NodeKind kind = NodeKind::Text);
  void end_text();
  void append_text(std::string_view s) {
    begin_text().append(s);
    end_text();
  }
  // An optional substitution had no value here.
  void optional_value_absent();

  // Completes the tree and indexes it. False (with error()) when the BinXml was unbalanced or the
  // record exceeded the limits.
  bool finish();

  bool failed() const { return error_ != nullptr; }
  const char* error() const { return error_; }
  void fail(const char* why) {
    if (!error_) error_ = why;
  }

 private:
  uint32_t push(NodeKind kind, std::string_view name);
  void end_attribute();
  bool in_start_tag() const { return !open_.empty() && open_.back().in_start_tag; }

  struct Open {
    uint32_t node;
    bool in_start_tag;
    bool optional_absent = false;  // an absent optional substitution was part of the content
  };

  Event* ev_ = nullptr;
  std::vector<Open> open_;
  uint32_t attr_ = kNoNode;       // attribute receiving text, if any
  uint32_t pi_ = kNoNode;         // processing instruction receiving data, if any
  uint32_t text_node_ = kNoNode;  // node whose value begin_text() extended
  bool text_node_new_ = false;
  bool pending_optional_absent_ = false;
  std::string scratch_;  // sink for text that has nowhere to go (malformed input)
  const char* error_ = nullptr;
};

}  // namespace huntdb::ingest::evtx
