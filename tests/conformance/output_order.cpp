#include "output_order.h"

#include "huntdb/common/string_map.h"
#include "huntdb/kql/ast.h"
#include "huntdb/kql/parser.h"

namespace huntdb::conformance {

namespace {

using kql::Node;
using kql::NodeKind;

class OrderRule {
 public:
  explicit OrderRule(const StringMap<const Node*>& lets) : lets_(lets) {}

  bool serialized(const Node* n, int depth = 0) const {
    if (!n || depth > 64) return false;  // depth: a let that names itself through others
    switch (n->kind) {
      case NodeKind::Paren: return serialized(n->as<kql::ParenNode>()->inner, depth + 1);
      case NodeKind::Pipe: {
        auto* p = n->as<kql::PipeNode>();
        if (makes_order(p->op->kind)) return true;
        if (keeps_order(p->op->kind)) return serialized(p->source, depth + 1);
        return false;
      }
      case NodeKind::Name: {
        auto* name = n->as<kql::NameNode>();
        auto it = lets_.find(name->value);
        return it != lets_.end() && serialized(it->second, depth + 1);
      }
      case NodeKind::Materialize: return false;
      default: return makes_order(n->kind);
    }
  }

 private:
  static bool makes_order(NodeKind k) {
    switch (k) {
      case NodeKind::Sort:
      case NodeKind::Top:
      case NodeKind::TopHitters:
      case NodeKind::Range:
      case NodeKind::Serialize:
      case NodeKind::GetSchema:
        return true;
      default:
        return false;
    }
  }

  static bool keeps_order(NodeKind k) {
    switch (k) {
      case NodeKind::Where:
      case NodeKind::Extend:
      case NodeKind::Project:
      case NodeKind::ProjectAway:
      case NodeKind::ProjectKeep:
      case NodeKind::ProjectRename:
      case NodeKind::ProjectReorder:
      case NodeKind::ProjectByNames:
      case NodeKind::Parse:
      case NodeKind::MvExpand:
      case NodeKind::Take:
      case NodeKind::Render:
      case NodeKind::As:
        return true;
      default:
        return false;
    }
  }

  const StringMap<const Node*>& lets_;
};

}  // namespace

std::vector<bool> ordered_results(const std::string& query) {
  std::vector<bool> out;
  auto tree = kql::parse(query);
  auto* block = tree->root ? tree->root->as<kql::QueryBlockNode>() : nullptr;
  if (!block) return out;
  StringMap<const Node*> lets;
  OrderRule rule(lets);
  for (const Node* s : block->statements) {
    if (auto* let = s->as<kql::LetStmtNode>()) {
      if (let->name) lets[let->name->value] = let->value;
    } else if (auto* e = s->as<kql::ExprStmtNode>()) {
      out.push_back(rule.serialized(e->expr));
    }
  }
  return out;
}

}  // namespace huntdb::conformance
