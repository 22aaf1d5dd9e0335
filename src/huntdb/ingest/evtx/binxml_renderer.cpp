#include "huntdb/ingest/evtx/binxml_renderer.h"

#include <algorithm>

#include "huntdb/ingest/evtx/binxml_compiler.h"
#include "huntdb/ingest/evtx/limits.h"
#include "huntdb/ingest/evtx/utf16.h"
#include "huntdb/ingest/evtx/value_format.h"
#include "huntdb/ingest/evtx/value_type.h"

namespace huntdb::ingest::evtx {
namespace {

constexpr uint32_t kNoItem = 0xFFFFFFFF;

// The five predefined XML entities; any other entity name is kept as a reference.
void append_entity(std::string_view name, std::string& out) {
  if (name == "lt")
    out.push_back('<');
  else if (name == "gt")
    out.push_back('>');
  else if (name == "amp")
    out.push_back('&');
  else if (name == "quot")
    out.push_back('"');
  else if (name == "apos")
    out.push_back('\'');
  else
    out.append("&").append(name).append(";");
}

}  // namespace

bool Renderer::fail(std::string why, uint32_t at) {
  if (error_.empty()) {
    error_ = std::move(why);
    error_offset_ = at;
  }
  return false;
}

bool Renderer::render(uint32_t begin, uint32_t end, uint32_t steps) {
  budget_ = steps_given_ = steps;
  error_.clear();
  return run(record_ops_, begin, end, Values{}, 0, kNoItem, false);
}

uint32_t Renderer::repeat_count(const std::vector<Op>& ops, uint32_t start, Values vals) const {
  uint32_t n = kNoArray;
  const uint32_t end = std::min<uint32_t>(ops[start].c, static_cast<uint32_t>(ops.size()));
  for (uint32_t j = start + 1; j < end;) {
    const Op& op = ops[j];
    if (op.kind == OpKind::StartElement) {
      j = std::max(op.c, j + 1);  // children's substitutions repeat the children, not this element
      continue;
    }
    if (op.kind == OpKind::Substitution && op.a < vals.count) {
      const SubValue& v = values_[vals.begin + op.a];
      if (is_array(v.type)) {
        uint32_t items = array_item_count(v.type, ctx_.data() + v.offset, v.size);
        n = n == kNoArray ? items : std::max(n, items);
      }
    }
    ++j;
  }
  return n;
}

bool Renderer::substitute(const Op& op, Values vals, int depth, uint32_t item) {
  const bool optional = op.flags & kOpOptional;
  if (op.a >= vals.count) {
    // The template refers to a value the instance does not have: treat it as absent.
    if (optional) out_.optional_value_absent();
    return true;
  }
  const SubValue v = values_[vals.begin + op.a];  // copy: values_ may grow below
  if (v.type == static_cast<uint8_t>(ValueType::Null)) {
    if (optional) out_.optional_value_absent();
    return true;
  }
  const uint8_t* data = ctx_.data() + v.offset;
  if (v.type == static_cast<uint8_t>(ValueType::BinXml)) {
    if (depth + 1 >= kMaxFragmentDepth) return fail("BinXml values nested too deeply", v.offset);
    uint32_t begin = v.nested_begin, end = v.nested_end;
    if (begin == kNotCompiled) {
      begin = static_cast<uint32_t>(record_ops_.size());
      CompileError err;
      if (!compile_binxml(ctx_, v.offset, v.offset + v.size, /*in_template=*/false, record_ops_, &values_, err))
        return fail("in BinXml value: " + err.reason, err.offset);
      end = static_cast<uint32_t>(record_ops_.size());
      values_[vals.begin + op.a].nested_begin = begin;
      values_[vals.begin + op.a].nested_end = end;
    }
    return run(record_ops_, begin, end, Values{}, depth + 1, kNoItem, false);
  }
  std::string& text = out_.begin_text();
  if (is_array(v.type))
    format_array_item(v.type, data, v.size, item == kNoItem ? 0 : item, text);
  else
    format_value(v.type, data, v.size, text);
  out_.end_text();
  return true;
}

bool Renderer::run(const std::vector<Op>& ops, uint32_t begin, uint32_t end, Values vals, int depth, uint32_t item,
                   bool first_is_repeat) {
  const uint8_t* chunk = ctx_.data();
  for (uint32_t i = begin; i < end;) {
    if (budget_ == 0) return fail("record takes too many steps to render", 0);
    --budget_;
    if (out_.failed()) return fail(out_.error(), 0);
    const Op op = ops[i];  // copy: compiling a nested value may reallocate the vector
    switch (op.kind) {
      case OpKind::StartElement: {
        if ((op.flags & kOpHasSubstitution) && vals.has_array && !(first_is_repeat && i == begin)) {
          const uint32_t n = repeat_count(ops, i, vals);
          if (n != kNoArray) {
            // An array value repeats its element once per item; an empty array still gives one
            // (empty) element.
            const uint32_t stop = std::max(op.c, i + 1);
            for (uint32_t k = 0; k < std::max<uint32_t>(n, 1); ++k)
              if (!run(ops, i, stop, vals, depth, k, true)) return false;
            i = stop;
            continue;
          }
        }
        out_.start_element(ctx_.name(op.a, op.b));
        break;
      }
      case OpKind::Attribute:
        out_.attribute(ctx_.name(op.a, op.b));
        break;
      case OpKind::CloseStartTag:
        out_.close_start_tag();
        break;
      case OpKind::CloseEmptyElement:
        out_.close_empty_element();
        break;
      case OpKind::EndElement:
        out_.end_element();
        break;
      case OpKind::Value: {
        std::string& text = out_.begin_text();
        if (op.vtype == static_cast<uint8_t>(ValueType::String))
          append_utf16le(chunk + op.a, op.b / 2, text, /*stop_at_nul=*/false);
        else
          format_value(op.vtype, chunk + op.a, op.b, text);
        out_.end_text();
        break;
      }
      case OpKind::Text:
        out_.append_text(ctx_.name(op.a, op.b));
        break;
      case OpKind::CData:
        append_utf16le(chunk + op.a, op.b / 2, out_.begin_text(NodeKind::CData), false);
        out_.end_text();
        break;
      case OpKind::PIData:
        append_utf16le(chunk + op.a, op.b / 2, out_.begin_text(NodeKind::ProcessingInstruction), false);
        out_.end_text();
        break;
      case OpKind::CharRef:
        append_code_point(op.a, out_.begin_text());
        out_.end_text();
        break;
      case OpKind::EntityRef:
        append_entity(ctx_.name(op.a, op.b), out_.begin_text());
        out_.end_text();
        break;
      case OpKind::PITarget:
        out_.processing_instruction(ctx_.name(op.a, op.b));
        break;
      case OpKind::Substitution:
        if (!substitute(op, vals, depth, item)) return false;
        break;
      case OpKind::TemplateInstance: {
        if (depth + 1 >= kMaxFragmentDepth) return fail("templates nested too deeply", 0);
        const CompiledTemplate& t = ctx_.template_by_index(op.a);
        const Values vals_of_instance{op.b, op.c, (op.flags & kOpHasArrayValue) != 0};
        if (!run(ctx_.template_ops(), t.begin, t.end, vals_of_instance, depth + 1, kNoItem, false)) return false;
        break;
      }
    }
    ++i;
  }
  if (out_.failed()) return fail(out_.error(), 0);
  return true;
}

}  // namespace huntdb::ingest::evtx
