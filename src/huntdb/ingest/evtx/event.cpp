#include "huntdb/ingest/evtx/event.h"

#include <algorithm>
#include <charconv>
#include <iterator>

#include "huntdb/ingest/evtx/time_format.h"

namespace huntdb::ingest::evtx {

int64_t Event::written_time() const { return filetime_to_unix_ticks(written_filetime_); }

uint32_t Event::child(uint32_t element, std::string_view want) const {
  if (element >= nodes_.size()) return kNoNode;
  for (uint32_t i = element + 1; i < nodes_[element].end; i = nodes_[i].end)
    if (nodes_[i].kind == NodeKind::Element && name(i) == want) return i;
  return kNoNode;
}

std::optional<std::string_view> Event::attribute(uint32_t element, std::string_view want) const {
  if (element >= nodes_.size()) return std::nullopt;
  // Attributes come first among an element's children.
  for (uint32_t i = element + 1; i < nodes_[element].end && nodes_[i].kind == NodeKind::Attribute; ++i)
    if (name(i) == want) return value(i);
  return std::nullopt;
}

std::string Event::element_text(uint32_t element) const {
  std::string out;
  if (element >= nodes_.size()) return out;
  for (uint32_t i = element + 1; i < nodes_[element].end; i = nodes_[i].end)
    if (nodes_[i].kind == NodeKind::Text || nodes_[i].kind == NodeKind::CData) out.append(value(i));
  return out;
}

namespace {

template <class T>
std::optional<T> parse_decimal(std::string_view s) {
  T v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

std::optional<uint32_t> Event::event_id() const {
  if (!has(SystemField::EventID)) return std::nullopt;
  return parse_decimal<uint32_t>(system(SystemField::EventID));
}

std::optional<uint64_t> Event::event_record_id() const {
  if (!has(SystemField::EventRecordID)) return std::nullopt;
  return parse_decimal<uint64_t>(system(SystemField::EventRecordID));
}

std::optional<uint64_t> Event::time_created_filetime() const {
  if (!has(SystemField::TimeCreated)) return std::nullopt;
  return parse_iso_filetime(system(SystemField::TimeCreated));
}

std::optional<std::string_view> Event::data_value(std::string_view want) const {
  for (const auto& d : data_)
    if (text(d.name) == want) return text(d.value);
  return std::nullopt;
}

void Event::clear() {
  nodes_.clear();
  text_.clear();
  data_.clear();
  root_ = kNoNode;
  system_present_ = 0;
  std::fill(std::begin(system_), std::end(system_), TextRef{});
  data_section_ = DataSection::None;
}

TextRef Event::own_text(uint32_t element) {
  // Nearly every value is a single text node: point at it. Mixed or split content is joined into
  // a fresh piece of the buffer so callers still get one string_view.
  TextRef first{};
  int pieces = 0;
  for (uint32_t i = element + 1; i < nodes_[element].end; i = nodes_[i].end) {
    const Node& n = nodes_[i];
    if (n.kind != NodeKind::Text && n.kind != NodeKind::CData) continue;
    if (pieces++ == 0) first = n.value;
  }
  if (pieces <= 1) return first;
  // Reserve first so appending from the buffer to itself never reads freed memory.
  size_t total = 0;
  for (uint32_t i = element + 1; i < nodes_[element].end; i = nodes_[i].end)
    if (nodes_[i].kind == NodeKind::Text || nodes_[i].kind == NodeKind::CData) total += nodes_[i].value.len;
  text_.reserve(text_.size() + total);
  TextRef joined{static_cast<uint32_t>(text_.size()), 0};
  for (uint32_t i = element + 1; i < nodes_[element].end; i = nodes_[i].end) {
    const Node& n = nodes_[i];
    if (n.kind != NodeKind::Text && n.kind != NodeKind::CData) continue;
    text_.append(text_.data() + n.value.off, n.value.len);
  }
  joined.len = static_cast<uint32_t>(text_.size()) - joined.off;
  return joined;
}

void Event::index_data(uint32_t section, bool named_by_attribute) {
  for (uint32_t i = section + 1; i < nodes_[section].end; i = nodes_[i].end) {
    if (nodes_[i].kind != NodeKind::Element) continue;
    DataRef d{nodes_[i].name, {}};
    if (named_by_attribute) {
      for (uint32_t a = i + 1; a < nodes_[i].end && nodes_[a].kind == NodeKind::Attribute; ++a)
        if (name(a) == "Name") {
          d.name = nodes_[a].value;
          break;
        }
    }
    d.value = own_text(i);
    data_.push_back(d);
  }
}

void Event::index_leaves(uint32_t element) {
  bool has_child_element = false;
  for (uint32_t i = element + 1; i < nodes_[element].end; i = nodes_[i].end)
    if (nodes_[i].kind == NodeKind::Element) {
      has_child_element = true;
      index_leaves(i);
    }
  if (!has_child_element) data_.push_back(DataRef{nodes_[element].name, own_text(element)});
}

void Event::index() {
  for (uint32_t i = 0; i < nodes_.size(); i = nodes_[i].end)
    if (nodes_[i].kind == NodeKind::Element) {
      root_ = i;
      break;
    }
  if (root_ == kNoNode) return;

  auto set = [&](SystemField f, TextRef r) {
    system_[static_cast<size_t>(f)] = r;
    system_present_ |= 1u << static_cast<unsigned>(f);
  };
  auto set_attr = [&](uint32_t el, std::string_view attr, SystemField f) {
    for (uint32_t a = el + 1; a < nodes_[el].end && nodes_[a].kind == NodeKind::Attribute; ++a)
      if (name(a) == attr) return set(f, nodes_[a].value);
  };

  bool have_data = false;
  for (uint32_t s = root_ + 1; s < nodes_[root_].end; s = nodes_[s].end) {
    if (nodes_[s].kind != NodeKind::Element) continue;
    std::string_view section = name(s);
    if (section == "System") {
      for (uint32_t e = s + 1; e < nodes_[s].end; e = nodes_[e].end) {
        if (nodes_[e].kind != NodeKind::Element) continue;
        std::string_view n = name(e);
        if (n == "Provider") {
          set_attr(e, "Name", SystemField::ProviderName);
          set_attr(e, "Guid", SystemField::ProviderGuid);
          set_attr(e, "EventSourceName", SystemField::EventSourceName);
        } else if (n == "EventID") {
          set(SystemField::EventID, own_text(e));
          set_attr(e, "Qualifiers", SystemField::Qualifiers);
        } else if (n == "Version") {
          set(SystemField::Version, own_text(e));
        } else if (n == "Level") {
          set(SystemField::Level, own_text(e));
        } else if (n == "Task") {
          set(SystemField::Task, own_text(e));
        } else if (n == "Opcode") {
          set(SystemField::Opcode, own_text(e));
        } else if (n == "Keywords") {
          set(SystemField::Keywords, own_text(e));
        } else if (n == "TimeCreated") {
          set_attr(e, "SystemTime", SystemField::TimeCreated);
        } else if (n == "EventRecordID") {
          set(SystemField::EventRecordID, own_text(e));
        } else if (n == "Correlation") {
          set_attr(e, "ActivityID", SystemField::ActivityID);
          set_attr(e, "RelatedActivityID", SystemField::RelatedActivityID);
        } else if (n == "Execution") {
          set_attr(e, "ProcessID", SystemField::ProcessID);
          set_attr(e, "ThreadID", SystemField::ThreadID);
        } else if (n == "Channel") {
          set(SystemField::Channel, own_text(e));
        } else if (n == "Computer") {
          set(SystemField::Computer, own_text(e));
        } else if (n == "Security") {
          set_attr(e, "UserID", SystemField::UserID);
        }
      }
    } else if (have_data || section == "RenderingInfo") {
      // One payload per event; RenderingInfo (forwarded events) is the rendered message, not data.
      continue;
    } else if (section == "EventData") {
      data_section_ = DataSection::EventData;
      index_data(s, /*named_by_attribute=*/true);
      have_data = true;
    } else if (section == "UserData") {
      data_section_ = DataSection::UserData;
      for (uint32_t c = s + 1; c < nodes_[s].end; c = nodes_[c].end)
        if (nodes_[c].kind == NodeKind::Element) index_leaves(c);
      have_data = true;
    } else {
      data_section_ = DataSection::Other;  // ProcessingErrorData, DebugData, BinaryEventData, ...
      for (uint32_t c = s + 1; c < nodes_[s].end; c = nodes_[c].end)
        if (nodes_[c].kind == NodeKind::Element) index_leaves(c);
      have_data = true;
    }
  }
}

std::string_view system_field_name(SystemField f) {
  static constexpr std::string_view kNames[] = {"ProviderName", "ProviderGuid",      "EventSourceName", "EventID",
                                                "Qualifiers",   "Version",           "Level",           "Task",
                                                "Opcode",       "Keywords",          "TimeCreated",     "EventRecordID",
                                                "ActivityID",   "RelatedActivityID", "ProcessID",       "ThreadID",
                                                "Channel",      "Computer",          "UserID"};
  static_assert(std::size(kNames) == static_cast<size_t>(SystemField::kCount));
  return kNames[static_cast<size_t>(f)];
}

}  // namespace huntdb::ingest::evtx
