#include "huntdb/ingest/evtx/binxml_compiler.h"

#include <fmt/format.h>

#include "huntdb/ingest/evtx/bytes.h"
#include "huntdb/ingest/evtx/chunk_header.h"
#include "huntdb/ingest/evtx/limits.h"
#include "huntdb/ingest/evtx/value_type.h"

namespace huntdb::ingest::evtx {
namespace {

class Compiler {
 public:
  Compiler(ChunkContext& ctx, uint32_t begin, uint32_t end, bool in_template, std::vector<Op>& ops,
           std::vector<SubValue>* values, CompileError& err)
      : ctx_(ctx), c_(ctx.data(), begin, end), in_template_(in_template), ops_(ops), values_(values), err_(err) {}

  bool run();

 private:
  bool fail(uint32_t at, std::string reason) {
    err_.offset = at;
    err_.reason = std::move(reason);
    return false;
  }
  bool truncated(uint32_t at, const char* what) {
    return fail(at, fmt::format("{} runs past the end of its data", what));
  }

  // A name reference: a 4-byte chunk offset; when it points right behind itself the name is
  // stored inline there and must be stepped over.
  bool read_name(NameRef& out, uint32_t tok_pos);
  bool read_element_start(uint8_t tok, uint32_t tok_pos);
  bool read_counted_text(OpKind kind, uint32_t tok_pos);
  bool read_value(uint32_t tok_pos);
  bool read_template_instance(uint32_t tok_pos);
  void emit(Op op) { ops_.push_back(op); }

  ChunkContext& ctx_;
  Cursor c_;
  bool in_template_;
  std::vector<Op>& ops_;
  std::vector<SubValue>* values_;
  CompileError& err_;
  uint32_t open_[kMaxElementDepth];  // ops index of each open StartElement
  int depth_ = 0;
};

bool Compiler::read_name(NameRef& out, uint32_t tok_pos) {
  uint32_t off = c_.u32();
  if (!c_.ok()) return truncated(tok_pos, "name reference");
  if (off == c_.pos()) {
    // Inline: next-offset (4), hash (2), character count (2), the characters, a NUL.
    if (!c_.has(8)) return truncated(tok_pos, "inline name");
    uint32_t chars = le16(c_.here() + 6);
    if (!c_.skip(8 + 2 * chars + 2)) return truncated(tok_pos, "inline name");
  }
  if (!ctx_.name_at(off, out)) return fail(tok_pos, fmt::format("name offset 0x{:x} is outside the chunk", off));
  return true;
}

bool Compiler::read_element_start(uint8_t tok, uint32_t tok_pos) {
  // Element starts normally carry a 2-byte dependency id before the data size, but some writers
  // leave it out (every record of the three sample files libevtx rejects with "unsupported type
  // 0x05" is template-less BinXml of that form). The two layouts cannot both be plausible: with
  // the wrong one, either the data size exceeds the chunk or the name offset points neither inline
  // nor at an earlier name.
  const uint32_t p = c_.pos();
  const uint8_t* b = ctx_.data();
  auto plausible = [&](uint32_t size_at) {
    if (size_at + 8 > c_.limit()) return false;
    uint32_t size = le32(b + size_at);
    uint32_t name = le32(b + size_at + 4);
    uint32_t inline_pos = size_at + 8;
    if (size > ctx_.size() - (size_at + 4)) return false;
    return name == inline_pos || (name >= kChunkHeaderSize && name < tok_pos);
  };
  if (plausible(p + 2))
    c_.skip(2 + 4);
  else if (plausible(p))
    c_.skip(4);
  else
    return fail(tok_pos, "element start has no plausible size and name offset");

  Op op{OpKind::StartElement};
  NameRef name;
  if (!read_name(name, tok_pos)) return false;
  op.a = name.off;
  op.b = name.len;
  if (tok & token::kHasMore) {
    c_.u32();  // attribute list size: the attributes are read token by token instead
    if (!c_.ok()) return truncated(tok_pos, "attribute list");
  }
  if (depth_ >= kMaxElementDepth) return fail(tok_pos, "elements nested too deeply");
  open_[depth_++] = static_cast<uint32_t>(ops_.size());
  emit(op);
  return true;
}

bool Compiler::read_counted_text(OpKind kind, uint32_t tok_pos) {
  uint32_t chars = c_.u16();
  uint32_t at = c_.pos();
  if (!c_.ok() || !c_.skip(2 * chars)) return truncated(tok_pos, "text");
  emit(Op{kind, static_cast<uint8_t>(ValueType::String), 0, at, 2 * chars});
  return true;
}

bool Compiler::read_value(uint32_t tok_pos) {
  uint8_t type = c_.u8();
  if (!c_.ok()) return truncated(tok_pos, "value");
  // Value tokens in real logs carry strings (a character count, then UTF-16). For ANSI strings and
  // binary the count is taken to be in bytes; fixed-size types need no count.
  uint32_t size;
  if (type == static_cast<uint8_t>(ValueType::String)) {
    size = 2u * c_.u16();
  } else if (type == static_cast<uint8_t>(ValueType::AnsiString) || type == static_cast<uint8_t>(ValueType::Binary)) {
    size = c_.u16();
  } else if (uint32_t fixed = fixed_size(static_cast<ValueType>(type)); fixed != 0 && !is_array(type)) {
    size = fixed;
  } else {
    return fail(tok_pos, fmt::format("value token of unsupported type 0x{:02x}", type));
  }
  uint32_t at = c_.pos();
  if (!c_.ok() || !c_.skip(size)) return truncated(tok_pos, "value");
  if (in_template_ && type == static_cast<uint8_t>(ValueType::String)) {
    // A template's literal strings (the Name of every <Data>, the event namespace) are the same
    // for every record that instantiates it: converted from UTF-16 once per chunk, not per record.
    NameRef text = ctx_.add_text(at, size / 2);
    emit(Op{OpKind::Text, 0, 0, text.off, text.len});
    return true;
  }
  emit(Op{OpKind::Value, type, 0, at, size});
  return true;
}

bool Compiler::read_template_instance(uint32_t tok_pos) {
  c_.u8();   // unknown, always 1
  c_.u32();  // template id (a short form of the GUID; the definition offset is what identifies it)
  uint32_t def = c_.u32();
  if (!c_.ok()) return truncated(tok_pos, "template instance");
  if (def == c_.pos()) {
    // The definition follows inline: next-template offset (4), GUID (16), data size (4), data.
    if (!c_.has(24)) return truncated(tok_pos, "template definition");
    uint32_t data_size = le32(c_.here() + 20);
    if (!c_.skip(24) || !c_.skip(data_size)) return truncated(tok_pos, "template definition");
  }
  std::string why;
  uint32_t why_at = 0;
  int t = ctx_.template_at(def, why, why_at);
  if (t < 0) return fail(why_at, fmt::format("template at 0x{:x}: {}", def, why));

  // Instance data: value count, then (size u16, type u8, padding u8) per value, then the values.
  uint32_t count = c_.u32();
  if (!c_.ok() || !c_.has(4 * count)) return truncated(tok_pos, "template value descriptors");
  const uint8_t* desc = c_.here();
  c_.skip(4 * count);
  uint32_t first = static_cast<uint32_t>(values_->size());
  uint16_t flags = 0;
  for (uint32_t i = 0; i < count; ++i) {
    SubValue v;
    v.size = le16(desc + 4 * i);
    v.type = desc[4 * i + 2];
    v.offset = c_.pos();
    if (!c_.skip(v.size)) return truncated(tok_pos, "template value");
    if (is_array(v.type)) flags |= kOpHasArrayValue;  // spares the renderer looking for arrays
    values_->push_back(v);
  }
  emit(Op{OpKind::TemplateInstance, 0, flags, static_cast<uint32_t>(t), first, count});
  return true;
}

bool Compiler::run() {
  while (!c_.at_end()) {
    const uint32_t tok_pos = c_.pos();
    const uint8_t tok = c_.u8();
    switch (tok & ~token::kHasMore) {
      case token::kEndOfFragment:
        if (depth_ != 0) return fail(tok_pos, "fragment ends inside an element");
        return true;
      case token::kFragmentHeader:
        if (!c_.skip(3)) return truncated(tok_pos, "fragment header");  // major, minor version, flags
        break;
      case token::kOpenStartElement:
        if (!read_element_start(tok, tok_pos)) return false;
        break;
      case token::kCloseStartElement:
        emit(Op{OpKind::CloseStartTag});
        break;
      case token::kCloseEmptyElement:
      case token::kEndElement:
        if (depth_ == 0) return fail(tok_pos, "element end without a start");
        ops_[open_[--depth_]].c = static_cast<uint32_t>(ops_.size() + 1);
        emit(Op{(tok & ~token::kHasMore) == token::kEndElement ? OpKind::EndElement : OpKind::CloseEmptyElement});
        break;
      case token::kValue:
        if (!read_value(tok_pos)) return false;
        break;
      case token::kAttribute: {
        NameRef name;
        if (!read_name(name, tok_pos)) return false;
        emit(Op{OpKind::Attribute, 0, 0, name.off, name.len});
        break;
      }
      case token::kCDataSection:
        if (!read_counted_text(OpKind::CData, tok_pos)) return false;
        break;
      case token::kCharRef: {
        uint32_t ch = c_.u16();
        if (!c_.ok()) return truncated(tok_pos, "character reference");
        emit(Op{OpKind::CharRef, 0, 0, ch});
        break;
      }
      case token::kEntityRef:
      case token::kPITarget: {
        NameRef name;
        if (!read_name(name, tok_pos)) return false;
        emit(Op{(tok & ~token::kHasMore) == token::kEntityRef ? OpKind::EntityRef : OpKind::PITarget, 0, 0, name.off,
                name.len});
        break;
      }
      case token::kPIData:
        if (!read_counted_text(OpKind::PIData, tok_pos)) return false;
        break;
      case token::kTemplateInstance:
        if (in_template_) return fail(tok_pos, "template instance inside a template definition");
        if (!read_template_instance(tok_pos)) return false;
        break;
      case token::kNormalSubstitution:
      case token::kOptionalSubstitution: {
        if (!in_template_) return fail(tok_pos, "substitution outside a template definition");
        uint32_t index = c_.u16();
        uint8_t type = c_.u8();
        if (!c_.ok()) return truncated(tok_pos, "substitution");
        uint16_t flags = (tok & ~token::kHasMore) == token::kOptionalSubstitution ? kOpOptional : 0;
        if (depth_ > 0) ops_[open_[depth_ - 1]].flags |= kOpHasSubstitution;
        emit(Op{OpKind::Substitution, type, flags, index});
        break;
      }
      default:
        return fail(tok_pos, fmt::format("unknown BinXml token 0x{:02x}", tok));
    }
  }
  // Data ran out without an end-of-fragment token: acceptable only between elements (a BinXml
  // value is sized and may omit it).
  if (depth_ != 0) return fail(c_.pos(), "BinXml data ends inside an element");
  return true;
}

}  // namespace

bool compile_binxml(ChunkContext& ctx, uint32_t begin, uint32_t end, bool in_template, std::vector<Op>& ops,
                    std::vector<SubValue>* values, CompileError& err) {
  if (end > ctx.size()) end = ctx.size();
  Compiler compiler(ctx, begin, end, in_template, ops, values, err);
  return compiler.run();
}

}  // namespace huntdb::ingest::evtx
