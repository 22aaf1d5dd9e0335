#include "huntdb/ingest/evtx/event_builder.h"

#include "huntdb/ingest/evtx/limits.h"

namespace huntdb::ingest::evtx {

void EventBuilder::reset(Event& event, uint64_t record_id, uint64_t written_filetime, uint64_t file_offset) {
  ev_ = &event;
  event.clear();
  event.record_id_ = record_id;
  event.written_filetime_ = written_filetime;
  event.file_offset_ = file_offset;
  open_.clear();
  attr_ = pi_ = text_node_ = kNoNode;
  pending_optional_absent_ = false;
  error_ = nullptr;
}

uint32_t EventBuilder::push(NodeKind kind, std::string_view name) {
  auto& nodes = ev_->nodes_;
  auto& text = ev_->text_;
  if (nodes.size() >= kMaxNodesPerRecord) {
    fail("record renders to too many XML nodes");
    return kNoNode;
  }
  Node n;
  n.kind = kind;
  n.parent = open_.empty() ? kNoNode : open_.back().node;
  n.name = {static_cast<uint32_t>(text.size()), static_cast<uint32_t>(name.size())};
  text.append(name);
  n.value = {static_cast<uint32_t>(text.size()), 0};
  n.end = static_cast<uint32_t>(nodes.size() + 1);
  nodes.push_back(n);
  return static_cast<uint32_t>(nodes.size() - 1);
}

void EventBuilder::start_element(std::string_view name) {
  end_attribute();
  pi_ = kNoNode;
  if (in_start_tag()) return fail("element starts inside another element's start tag");
  if (open_.size() >= static_cast<size_t>(kMaxElementDepth)) return fail("elements nested too deeply");
  uint32_t idx = push(NodeKind::Element, name);
  if (idx != kNoNode) open_.push_back({idx, true});
}

void EventBuilder::attribute(std::string_view name) {
  if (!in_start_tag()) return fail("attribute outside a start tag");
  end_attribute();
  attr_ = push(NodeKind::Attribute, name);
  pending_optional_absent_ = false;
}

void EventBuilder::end_attribute() {
  if (attr_ == kNoNode) return;
  auto& nodes = ev_->nodes_;
  // Windows leaves out an attribute whose value is an absent optional substitution (that is how
  // <Security/> and <Correlation/> lose UserID and ActivityID); the attribute is always the last
  // node here, so dropping it is a pop.
  if (pending_optional_absent_ && nodes[attr_].value.len == 0 && attr_ + 1 == nodes.size()) {
    ev_->text_.resize(nodes[attr_].name.off);
    nodes.pop_back();
  }
  attr_ = kNoNode;
  pending_optional_absent_ = false;
}

void EventBuilder::optional_value_absent() {
  if (attr_ != kNoNode)
    pending_optional_absent_ = true;
  else if (!open_.empty() && !open_.back().in_start_tag)
    open_.back().optional_absent = true;
}

void EventBuilder::close_start_tag() {
  if (!in_start_tag()) return fail("'>' outside a start tag");
  end_attribute();
  open_.back().in_start_tag = false;
}

void EventBuilder::close_empty_element() {
  if (!in_start_tag()) return fail("'/>' outside a start tag");
  end_attribute();
  Node& n = ev_->nodes_[open_.back().node];
  n.empty_tag = true;
  n.end = static_cast<uint32_t>(ev_->nodes_.size());
  open_.pop_back();
}

void EventBuilder::end_element() {
  pi_ = kNoNode;
  if (open_.empty() || in_start_tag()) return fail("end tag without an open element");
  auto& nodes = ev_->nodes_;
  const Open& o = open_.back();
  bool has_content = !o.optional_absent;  // only asked when it matters
  for (uint32_t i = o.node + 1; i < nodes.size() && !has_content; ++i)
    has_content = nodes[i].kind != NodeKind::Attribute;
  if (!has_content) {
    // The element existed only to hold a value that is absent: leave it out, attributes and all.
    ev_->text_.resize(nodes[o.node].name.off);
    nodes.resize(o.node);
  } else {
    nodes[o.node].end = static_cast<uint32_t>(nodes.size());
  }
  open_.pop_back();
}

void EventBuilder::processing_instruction(std::string_view target) {
  end_attribute();
  if (in_start_tag()) return fail("processing instruction inside a start tag");
  pi_ = push(NodeKind::ProcessingInstruction, target);
}

std::string& EventBuilder::begin_text(NodeKind kind) {
  auto& nodes = ev_->nodes_;
  auto& text = ev_->text_;
  text_node_ = kNoNode;
  text_node_new_ = false;
  if (kind == NodeKind::ProcessingInstruction) {
    if (pi_ != kNoNode && pi_ + 1 == nodes.size()) text_node_ = pi_;
  } else {
    pi_ = kNoNode;  // content after a processing instruction is not part of it
    if (attr_ != kNoNode) {
      text_node_ = attr_;
    } else if (!in_start_tag()) {
      uint32_t parent = open_.empty() ? kNoNode : open_.back().node;
      if (kind == NodeKind::Text && !nodes.empty()) {
        const Node& last = nodes.back();
        if (last.kind == NodeKind::Text && last.parent == parent && last.value.off + last.value.len == text.size())
          text_node_ = static_cast<uint32_t>(nodes.size() - 1);
      }
      if (text_node_ == kNoNode) {
        text_node_ = push(kind, {});
        text_node_new_ = text_node_ != kNoNode;
      }
    }
  }
  if (text_node_ == kNoNode) {
    // Text with nowhere to go (inside a start tag but not in an attribute): drop it.
    scratch_.clear();
    return scratch_;
  }
  return text;
}

void EventBuilder::end_text() {
  if (text_node_ == kNoNode) return;
  auto& nodes = ev_->nodes_;
  auto& text = ev_->text_;
  Node& n = nodes[text_node_];
  n.value.len = static_cast<uint32_t>(text.size() - n.value.off);
  if (n.value.len == 0 && text_node_new_) nodes.pop_back();
  text_node_ = kNoNode;
  if (text.size() > kMaxTextPerRecord) fail("record renders to too much text");
}

bool EventBuilder::finish() {
  end_attribute();
  if (!error_ && !open_.empty()) fail("record ends inside an element");
  if (error_) return false;
  ev_->index();
  return true;
}

}  // namespace huntdb::ingest::evtx
