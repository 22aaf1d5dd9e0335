// The value types of BinXml substitutions and value tokens (MS-EVEN6 / winevt.h EVT_VARIANT_TYPE).
// Bit 0x80 marks an array of the base type.
#pragma once

#include <cstdint>

namespace huntdb::ingest::evtx {

enum class ValueType : uint8_t {
  Null = 0x00,
  String = 0x01,      // UTF-16LE
  AnsiString = 0x02,  // single-byte code page
  Int8 = 0x03,
  UInt8 = 0x04,
  Int16 = 0x05,
  UInt16 = 0x06,
  Int32 = 0x07,
  UInt32 = 0x08,
  Int64 = 0x09,
  UInt64 = 0x0a,
  Real32 = 0x0b,
  Real64 = 0x0c,
  Bool = 0x0d,  // 32-bit
  Binary = 0x0e,
  Guid = 0x0f,
  SizeT = 0x10,  // 32 or 64 bits, shown in hex
  FileTime = 0x11,
  SysTime = 0x12,
  Sid = 0x13,
  HexInt32 = 0x14,
  HexInt64 = 0x15,
  EvtHandle = 0x20,
  BinXml = 0x21,  // a nested BinXml fragment (e.g. UserData), rendered as elements
  EvtXml = 0x23,
};

inline constexpr uint8_t kArrayFlag = 0x80;

inline bool is_array(uint8_t type) { return (type & kArrayFlag) != 0; }
inline ValueType base_type(uint8_t type) { return static_cast<ValueType>(type & 0x7f); }

// Byte size of one item of a fixed-size type; 0 for variable-size types (strings, binary, SID,
// BinXml) and for SizeT, whose width is the value's own size.
inline uint32_t fixed_size(ValueType t) {
  switch (t) {
    case ValueType::Int8:
    case ValueType::UInt8:
      return 1;
    case ValueType::Int16:
    case ValueType::UInt16:
      return 2;
    case ValueType::Int32:
    case ValueType::UInt32:
    case ValueType::Real32:
    case ValueType::Bool:
    case ValueType::HexInt32:
      return 4;
    case ValueType::Int64:
    case ValueType::UInt64:
    case ValueType::Real64:
    case ValueType::FileTime:
    case ValueType::HexInt64:
      return 8;
    case ValueType::Guid:
    case ValueType::SysTime:
      return 16;
    default:
      return 0;
  }
}

}  // namespace huntdb::ingest::evtx
