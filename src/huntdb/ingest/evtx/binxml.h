// BinXml tokens (MS-EVEN6 2.2.12) and the compiled form this reader turns them into.
//
// Decoding is split in two. The compiler walks the tokens once and emits Ops: names are resolved
// to UTF-8 in the chunk's name pool, literal text is left in place as (offset, size), and each
// element start knows where its element ends. Templates are compiled once per chunk and then
// rendered for every record that instantiates them, which is where the speed comes from: a
// Security event is ~100 tokens of template and ~25 substitution values of its own.
#pragma once

#include <cstdint>

namespace huntdb::ingest::evtx {

namespace token {
inline constexpr uint8_t kEndOfFragment = 0x00;
inline constexpr uint8_t kOpenStartElement = 0x01;  // | kHasMore: an attribute list follows
inline constexpr uint8_t kCloseStartElement = 0x02;
inline constexpr uint8_t kCloseEmptyElement = 0x03;
inline constexpr uint8_t kEndElement = 0x04;
inline constexpr uint8_t kValue = 0x05;
inline constexpr uint8_t kAttribute = 0x06;
inline constexpr uint8_t kCDataSection = 0x07;
inline constexpr uint8_t kCharRef = 0x08;
inline constexpr uint8_t kEntityRef = 0x09;
inline constexpr uint8_t kPITarget = 0x0a;
inline constexpr uint8_t kPIData = 0x0b;
inline constexpr uint8_t kTemplateInstance = 0x0c;
inline constexpr uint8_t kNormalSubstitution = 0x0d;
inline constexpr uint8_t kOptionalSubstitution = 0x0e;
inline constexpr uint8_t kFragmentHeader = 0x0f;
// Set on some tokens when more of the same kind follows (another attribute, more text); the
// reader does not need it because every token says what it is.
inline constexpr uint8_t kHasMore = 0x40;
}  // namespace token

enum class OpKind : uint8_t {
  StartElement,  // name; c = index of the op after the element's end
  Attribute,     // name
  CloseStartTag,
  CloseEmptyElement,
  EndElement,
  Value,             // literal value token: vtype, a = chunk offset, b = byte size
  Text,              // a literal string of a template, already UTF-8: a = offset in the name pool, b = size
  CData,             // a = chunk offset of UTF-16 text, b = byte size
  CharRef,           // a = UTF-16 code unit
  EntityRef,         // name
  PITarget,          // name
  PIData,            // a = chunk offset of UTF-16 text, b = byte size
  Substitution,      // a = value index, vtype = declared type, flags & kOptional
  TemplateInstance,  // a = template index in the chunk context, b = first value, c = value count
};

inline constexpr uint16_t kOpOptional = 0x1;         // Substitution: optional (absent value -> no attribute)
inline constexpr uint16_t kOpHasSubstitution = 0x2;  // StartElement: a substitution is a direct child
inline constexpr uint16_t kOpHasArrayValue = 0x4;    // TemplateInstance: some value is an array

// Names are (a, b) = (offset, length) in the chunk context's name pool.
struct Op {
  OpKind kind;
  uint8_t vtype = 0;
  uint16_t flags = 0;
  uint32_t a = 0;
  uint32_t b = 0;
  uint32_t c = 0;
};

// One substitution value of a template instance: where its bytes are in the chunk. A BinXml value
// is compiled on first use and the ops range remembered, since a template may use a value twice.
inline constexpr uint32_t kNotCompiled = 0xFFFFFFFF;
struct SubValue {
  uint8_t type = 0;
  uint32_t offset = 0;  // chunk-relative
  uint32_t size = 0;
  uint32_t nested_begin = kNotCompiled;
  uint32_t nested_end = 0;
};

}  // namespace huntdb::ingest::evtx
