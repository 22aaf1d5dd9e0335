// Reading an operator's `name=value` parameters (kind=inner, withsource=Source, with_itemindex=i).
#pragma once

#include <string_view>

#include <string>

#include "huntdb/kql/ast.h"
#include "huntdb/kql/literals.h"

namespace huntdb::analyze::detail {

// The parameter's value as a word (a literal's text or a name), or empty.
inline std::string_view param_word(const kql::ParamList& ps, std::string_view name) {
  for (const kql::ParamNode* p : ps)
    if (p->name == name && p->value) {
      if (auto* lit = p->value->as<kql::LiteralNode>()) return lit->text;
      if (auto* n = p->value->as<kql::NameNode>()) return n->raw;
    }
  return {};
}

// The parameter's value as text: a string literal decoded, another literal's text, or a name.
inline std::string param_text(const kql::ParamList& ps, std::string_view name) {
  for (const kql::ParamNode* p : ps)
    if (p->name == name && p->value) {
      if (auto* lit = p->value->as<kql::LiteralNode>()) {
        if (lit->lit == kql::LiteralKind::String) return kql::decode_string_literal(lit->text);
        return std::string(lit->text);
      }
      if (auto* n = p->value->as<kql::NameNode>()) return n->value;
    }
  return {};
}

inline const kql::ParamNode* find_param(const kql::ParamList& ps, std::string_view name) {
  for (const kql::ParamNode* p : ps)
    if (p->name == name) return p;
  return nullptr;
}

}  // namespace huntdb::analyze::detail
