// The record model: one event record as a rendered element tree plus quick access to what hunting
// needs (System fields and the EventData/UserData name/value pairs), all as the text Windows shows.
//
// An Event owns its text: nodes refer to one string buffer by offset, so a reader can reuse the
// same Event for every record without allocating, and a caller can copy an Event to keep it.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace huntdb::ingest::evtx {

inline constexpr uint32_t kNoNode = 0xFFFFFFFF;

struct TextRef {
  uint32_t off = 0;
  uint32_t len = 0;
};

enum class NodeKind : uint8_t { Element, Attribute, Text, CData, ProcessingInstruction };

// Nodes are stored in document order. An element is followed by its attributes, then its content;
// `end` is one past its last descendant, so children are walked by jumping from `i` to `nodes[i].end`.
struct Node {
  NodeKind kind = NodeKind::Element;
  bool empty_tag = false;     // element closed by "/>" in the binary XML
  uint32_t parent = kNoNode;  // enclosing element
  uint32_t end = 0;
  TextRef name;   // element or attribute name, PI target
  TextRef value;  // attribute value, text, CDATA, PI data (unescaped UTF-8)
};

// The <System> fields, each the text of one attribute or element.
enum class SystemField : uint8_t {
  ProviderName,     // Provider/@Name
  ProviderGuid,     // Provider/@Guid
  EventSourceName,  // Provider/@EventSourceName (classic providers)
  EventID,          // EventID text
  Qualifiers,       // EventID/@Qualifiers
  Version,
  Level,
  Task,
  Opcode,
  Keywords,
  TimeCreated,  // TimeCreated/@SystemTime
  EventRecordID,
  ActivityID,         // Correlation/@ActivityID
  RelatedActivityID,  // Correlation/@RelatedActivityID
  ProcessID,          // Execution/@ProcessID
  ThreadID,           // Execution/@ThreadID
  Channel,
  Computer,
  UserID,  // Security/@UserID
  kCount,
};

// Which element the event's payload came from.
enum class DataSection : uint8_t { None, EventData, UserData, Other };

class Event {
 public:
  struct DataItem {
    std::string_view name;
    std::string_view value;
  };

  // From the record header. The header's identifier equals EventRecordID in a live log, but logs
  // saved with "Save All Events As" renumber it from 1 while EventRecordID keeps the original.
  uint64_t record_id() const { return record_id_; }
  uint64_t written_filetime() const { return written_filetime_; }  // 100 ns ticks since 1601, UTC
  int64_t written_time() const;                                    // 100 ns ticks since 1970, UTC
  uint64_t file_offset() const { return file_offset_; }            // where the record starts

  // The element tree.
  std::span<const Node> nodes() const { return nodes_; }
  std::string_view text(TextRef r) const { return std::string_view(text_).substr(r.off, r.len); }
  std::string_view name(uint32_t node) const { return text(nodes_[node].name); }
  std::string_view value(uint32_t node) const { return text(nodes_[node].value); }
  uint32_t root() const { return root_; }  // the <Event> element, or kNoNode
  // First child element of `element` called `name`, or kNoNode.
  uint32_t child(uint32_t element, std::string_view name) const;
  // Value of an attribute of `element`, or nullopt.
  std::optional<std::string_view> attribute(uint32_t element, std::string_view name) const;
  // The element's own text (its text and CDATA children, joined); descendants' text is not included.
  std::string element_text(uint32_t element) const;

  // System fields. Empty when absent; has() tells absent from empty.
  std::string_view system(SystemField f) const { return has(f) ? text(system_[static_cast<size_t>(f)]) : ""; }
  bool has(SystemField f) const { return system_present_ & (1u << static_cast<unsigned>(f)); }
  std::optional<uint32_t> event_id() const;               // EventID as a number
  std::optional<uint64_t> event_record_id() const;        // EventRecordID as a number
  std::optional<uint64_t> time_created_filetime() const;  // TimeCreated/@SystemTime parsed

  // EventData / UserData values in document order. For EventData, each child element gives one
  // item named by its Name attribute (or by the element name, e.g. "Binary", when it has none).
  // For UserData (and other payload elements such as ProcessingErrorData), every leaf element
  // below the payload's root gives one item named by the element.
  DataSection data_section() const { return data_section_; }
  size_t data_count() const { return data_.size(); }
  DataItem data(size_t i) const { return {text(data_[i].name), text(data_[i].value)}; }
  // First data item called `name`, or nullopt.
  std::optional<std::string_view> data_value(std::string_view name) const;

 private:
  friend class EventBuilder;

  struct DataRef {
    TextRef name;
    TextRef value;
  };

  void clear();
  // Fills root_, system_ and data_ from the nodes; run once the tree is complete.
  void index();
  TextRef own_text(uint32_t element);  // element_text kept in text_ (no copy for one text node)
  void index_data(uint32_t section, bool named_by_attribute);
  void index_leaves(uint32_t element);

  uint64_t record_id_ = 0;
  uint64_t written_filetime_ = 0;
  uint64_t file_offset_ = 0;
  std::vector<Node> nodes_;
  std::string text_;
  uint32_t root_ = kNoNode;
  TextRef system_[static_cast<size_t>(SystemField::kCount)] = {};
  uint32_t system_present_ = 0;
  DataSection data_section_ = DataSection::None;
  std::vector<DataRef> data_;
};

// The name of a System field as it appears in XML ("EventID", "Provider/@Name" -> "ProviderName").
std::string_view system_field_name(SystemField f);

}  // namespace huntdb::ingest::evtx
