#include "huntdb/functions/resolve.h"

#include <fmt/format.h>

namespace huntdb::functions {

namespace {

// Number of arguments a signature takes: [min, max] (max < 0: unbounded).
void arity(const Signature& s, int* min, int* max) {
  *min = 0;
  *max = 0;
  for (const Param& p : s.params) {
    if (p.repeats) {
      if (!p.optional) ++*min;
      *max = -1;
      return;
    }
    if (!p.optional) ++*min;
    ++*max;
  }
}

// 0: exact fit, 1: fits with widening, -1: does not fit (and *bad is the argument).
int fit(const Signature& s, std::span<const ArgInfo> args, int* bad) {
  int min, max;
  arity(s, &min, &max);
  if (static_cast<int>(args.size()) < min || (max >= 0 && static_cast<int>(args.size()) > max)) {
    *bad = -1;
    return -1;
  }
  int score = 0;
  for (size_t i = 0; i < args.size(); ++i) {
    const Param& p = *parameter_for(s, i);  // fit() checked the arity: a parameter exists
    const ArgInfo& a = args[i];
    switch (p.shape) {
      case ArgShape::Tabular:
        if (!a.table && a.type != ScalarType::Unknown) {
          *bad = static_cast<int>(i);
          return -1;
        }
        continue;
      case ArgShape::Star:
        if (a.is_star) continue;
        break;
      case ArgShape::Any:
        continue;
      default:
        if (a.is_star || a.table) {
          *bad = static_cast<int>(i);
          return -1;
        }
    }
    if (a.type == ScalarType::Unknown || p.types.contains(a.type)) continue;
    if (accepts(p.types, a.type)) {
      score = 1;
      continue;
    }
    *bad = static_cast<int>(i);
    return -1;
  }
  return score;
}

std::string type_set_text(TypeSet t) {
  std::string out;
  for (int i = 1; i <= static_cast<int>(ScalarType::Dynamic); ++i) {
    auto st = static_cast<ScalarType>(i);
    if (!t.contains(st)) continue;
    if (!out.empty()) out += " or ";
    out += type_name(st);
  }
  return out.empty() ? "a value" : out;
}

}  // namespace

bool accepts(TypeSet accepted, ScalarType arg) {
  if (arg == ScalarType::Unknown || accepted.contains(arg)) return true;
  switch (arg) {
    case ScalarType::Int:
      return accepted.contains(ScalarType::Long) || accepted.contains(ScalarType::Real) ||
             accepted.contains(ScalarType::Decimal);
    case ScalarType::Long:
      return accepted.contains(ScalarType::Real) || accepted.contains(ScalarType::Decimal);
    case ScalarType::Dynamic:
      // A dynamic value converts to a string parameter (parse_ipv4(d.ip)), but not to a
      // parameter that also takes other types.
      return accepted.bits() == TypeSet{ScalarType::String}.bits();
    default:
      return false;
  }
}

ScalarType implicit_conversion(TypeSet accepted, ScalarType arg) {
  if (arg == ScalarType::Unknown || accepted.contains(arg) || !accepts(accepted, arg)) return ScalarType::Unknown;
  switch (arg) {
    case ScalarType::Dynamic: return ScalarType::String;
    case ScalarType::Int:
      if (accepted.contains(ScalarType::Long)) return ScalarType::Long;
      [[fallthrough]];
    case ScalarType::Long:
      return accepted.contains(ScalarType::Real) ? ScalarType::Real : ScalarType::Decimal;
    default: return ScalarType::Unknown;
  }
}

const Param* parameter_for(const Signature& s, size_t arg_index) {
  if (s.params.empty()) return nullptr;
  if (arg_index < s.params.size()) return &s.params[arg_index];
  return &s.params.back();  // the repeating parameter takes the rest
}

ScalarType result_type(const Signature& s, std::span<const ArgInfo> args) {
  switch (s.rule) {
    case ReturnRule::Fixed:
      return s.fixed;
    case ReturnRule::Param:
      return s.param < args.size() ? args[s.param].type : ScalarType::Unknown;
    case ReturnRule::ParamPromoted: {
      ScalarType t = s.param < args.size() ? args[s.param].type : ScalarType::Unknown;
      return t == ScalarType::Int ? ScalarType::Long : t;
    }
    case ReturnRule::Widest:
      return widest_numeric(args);
    case ReturnRule::Common:
      return s.param < args.size() ? common_type(args.subspan(s.param)) : ScalarType::Unknown;
    case ReturnRule::Custom:
      return s.custom ? s.custom(args) : ScalarType::Unknown;
  }
  return ScalarType::Unknown;
}

Resolution resolve(const FunctionInfo& f, std::span<const ArgInfo> args) {
  Resolution r;
  const Signature* widened = nullptr;
  int first_bad = -2;
  for (const Signature& s : f.signatures) {
    int bad = -1;
    int score = fit(s, args, &bad);
    if (score == 0) {
      r.signature = &s;
      break;
    }
    if (score == 1 && !widened) widened = &s;
    if (score < 0 && (first_bad == -2 || bad > first_bad)) first_bad = bad;
  }
  if (!r.signature) r.signature = widened;
  if (!r.signature) {
    r.bad_argument = first_bad < 0 ? -1 : first_bad;
    if (r.bad_argument < 0) {
      r.error = fmt::format("The function '{}' does not take {} argument{}", f.name, args.size(),
                            args.size() == 1 ? "" : "s");
    } else {
      // Describe what the first signature expected at that position.
      // Describe what a signature long enough expected at that position.
      const Param* p = nullptr;
      for (const Signature& s : f.signatures)
        if ((p = parameter_for(s, static_cast<size_t>(r.bad_argument)))) break;
      r.error = p ? fmt::format("The function '{}' expects argument {} ({}) of type {}, not {}", f.name,
                                r.bad_argument + 1, p->name, type_set_text(p->types),
                                type_name(args[r.bad_argument].type))
                  : fmt::format("The function '{}' does not take {} arguments", f.name, args.size());
    }
    return r;
  }
  r.type = result_type(*r.signature, args);
  return r;
}

}  // namespace huntdb::functions
