// The string predicates: =~ !~ has hasprefix hassuffix contains startswith endswith (each with
// its case-sensitive _cs form and its negation), matches regex, and like. The pattern is
// prepared once per call; non-string operands are compared as their text.
#include <memory>

#include <re2/re2.h>

#include "huntdb/exec/exec_error.h"
#include "huntdb/exec/kernels_internal.h"
#include "huntdb/functions/kernels/kernel_util.h"
#include "huntdb/functions/kernels/text_search.h"

namespace huntdb::exec {

using functions::KernelArgs;
using functions::TextMatcher;
using kql::BinaryOp;

namespace {

enum class Test { Equals, Has, HasPrefix, HasSuffix, Contains, StartsWith, EndsWith, Regex };

struct OpShape {
  Test test;
  bool case_sensitive;
  bool negated;
};

constexpr std::optional<OpShape> shape_of(BinaryOp op) {
  switch (op) {
    case BinaryOp::EqualTilde: return OpShape{Test::Equals, false, false};
    case BinaryOp::BangTilde: return OpShape{Test::Equals, false, true};
    case BinaryOp::Has: return OpShape{Test::Has, false, false};
    case BinaryOp::Search: return OpShape{Test::Has, false, false};
    case BinaryOp::NotHas: return OpShape{Test::Has, false, true};
    case BinaryOp::HasCs: return OpShape{Test::Has, true, false};
    case BinaryOp::NotHasCs: return OpShape{Test::Has, true, true};
    case BinaryOp::HasPrefix: return OpShape{Test::HasPrefix, false, false};
    case BinaryOp::NotHasPrefix: return OpShape{Test::HasPrefix, false, true};
    case BinaryOp::HasPrefixCs: return OpShape{Test::HasPrefix, true, false};
    case BinaryOp::NotHasPrefixCs: return OpShape{Test::HasPrefix, true, true};
    case BinaryOp::HasSuffix: return OpShape{Test::HasSuffix, false, false};
    case BinaryOp::NotHasSuffix: return OpShape{Test::HasSuffix, false, true};
    case BinaryOp::HasSuffixCs: return OpShape{Test::HasSuffix, true, false};
    case BinaryOp::NotHasSuffixCs: return OpShape{Test::HasSuffix, true, true};
    case BinaryOp::Contains: return OpShape{Test::Contains, false, false};
    case BinaryOp::NotContains: return OpShape{Test::Contains, false, true};
    case BinaryOp::ContainsCs: return OpShape{Test::Contains, true, false};
    case BinaryOp::NotContainsCs: return OpShape{Test::Contains, true, true};
    case BinaryOp::StartsWith: return OpShape{Test::StartsWith, false, false};
    case BinaryOp::NotStartsWith: return OpShape{Test::StartsWith, false, true};
    case BinaryOp::StartsWithCs: return OpShape{Test::StartsWith, true, false};
    case BinaryOp::NotStartsWithCs: return OpShape{Test::StartsWith, true, true};
    case BinaryOp::EndsWith: return OpShape{Test::EndsWith, false, false};
    case BinaryOp::NotEndsWith: return OpShape{Test::EndsWith, false, true};
    case BinaryOp::EndsWithCs: return OpShape{Test::EndsWith, true, false};
    case BinaryOp::NotEndsWithCs: return OpShape{Test::EndsWith, true, true};
    case BinaryOp::MatchesRegex: return OpShape{Test::Regex, true, false};
    default: return std::nullopt;
  }
}

bool run_test(Test t, const TextMatcher& m, std::string_view s) {
  switch (t) {
    case Test::Equals: return m.equals(s);
    case Test::Has: return m.has(s);
    case Test::HasPrefix: return m.has_prefix(s);
    case Test::HasSuffix: return m.has_suffix(s);
    case Test::Contains: return m.contains(s);
    case Test::StartsWith: return m.starts_with(s);
    case Test::EndsWith: return m.ends_with(s);
    case Test::Regex: return false;
  }
  return false;
}

ColumnPtr as_strings(const ColumnPtr& c) {
  return c->type() == ScalarType::String ? c : cast_column(c, ScalarType::String);
}

std::unique_ptr<RE2> compile_regex(std::string_view pattern) {
  RE2::Options opts;
  opts.set_log_errors(false);
  opts.set_dot_nl(false);
  auto re = std::make_unique<RE2>(re2::StringPiece(pattern.data(), pattern.size()), opts);
  if (!re->ok()) throw ExecError("The regular expression '" + std::string(pattern) + "' is not valid: " + re->error());
  return re;
}

template <BinaryOp Op>
ColumnPtr string_test(const KernelArgs& a) {
  constexpr auto shape = *shape_of(Op);
  ColumnPtr lhs = as_strings(a.ptr(0));
  ColumnPtr rhs = as_strings(a.ptr(1));
  functions::StringReader l(*lhs), r(*rhs);
  std::vector<uint8_t> out(a.rows);
  if (shape.test == Test::Regex) {
    if (rhs->is_constant()) {
      auto re = compile_regex(r.get(0));
      for (size_t i = 0; i < a.rows; ++i) {
        std::string_view s = l.get(i);
        out[i] = RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), *re);
      }
    } else {
      for (size_t i = 0; i < a.rows; ++i) {
        auto re = compile_regex(r.get(i));
        std::string_view s = l.get(i);
        out[i] = RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), *re);
      }
    }
    return Column::make_bools(std::move(out));
  }
  if (rhs->is_constant()) {
    TextMatcher m(r.get(0), shape.case_sensitive);
    for (size_t i = 0; i < a.rows; ++i) out[i] = run_test(shape.test, m, l.get(i)) != shape.negated;
  } else {
    for (size_t i = 0; i < a.rows; ++i) {
      TextMatcher m(r.get(i), shape.case_sensitive);
      out[i] = run_test(shape.test, m, l.get(i)) != shape.negated;
    }
  }
  return Column::make_bools(std::move(out));
}

}  // namespace

functions::ScalarKernel string_operator_kernel(BinaryOp op) {
  switch (op) {
#define HUNTDB_STRING_OP(name) \
  case BinaryOp::name: return string_test<BinaryOp::name>;
    HUNTDB_STRING_OP(EqualTilde)
    HUNTDB_STRING_OP(BangTilde)
    HUNTDB_STRING_OP(Has)
    HUNTDB_STRING_OP(Search)
    HUNTDB_STRING_OP(NotHas)
    HUNTDB_STRING_OP(HasCs)
    HUNTDB_STRING_OP(NotHasCs)
    HUNTDB_STRING_OP(HasPrefix)
    HUNTDB_STRING_OP(NotHasPrefix)
    HUNTDB_STRING_OP(HasPrefixCs)
    HUNTDB_STRING_OP(NotHasPrefixCs)
    HUNTDB_STRING_OP(HasSuffix)
    HUNTDB_STRING_OP(NotHasSuffix)
    HUNTDB_STRING_OP(HasSuffixCs)
    HUNTDB_STRING_OP(NotHasSuffixCs)
    HUNTDB_STRING_OP(Contains)
    HUNTDB_STRING_OP(NotContains)
    HUNTDB_STRING_OP(ContainsCs)
    HUNTDB_STRING_OP(NotContainsCs)
    HUNTDB_STRING_OP(StartsWith)
    HUNTDB_STRING_OP(NotStartsWith)
    HUNTDB_STRING_OP(StartsWithCs)
    HUNTDB_STRING_OP(NotStartsWithCs)
    HUNTDB_STRING_OP(EndsWith)
    HUNTDB_STRING_OP(NotEndsWith)
    HUNTDB_STRING_OP(EndsWithCs)
    HUNTDB_STRING_OP(NotEndsWithCs)
    HUNTDB_STRING_OP(MatchesRegex)
#undef HUNTDB_STRING_OP
    default:
      return nullptr;
  }
}

}  // namespace huntdb::exec
