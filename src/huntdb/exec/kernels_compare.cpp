// == != < <= > >= with Kusto's null rules: two nulls are neither equal nor unequal (null), a null
// and a value are unequal, and ordering anything with a null is null. Numbers compare by value
// across int, long, real and decimal; strings compare ordinally (== is case-sensitive).
#include <cstring>

#include "huntdb/exec/kernels_internal.h"
#include "huntdb/functions/kernels/kernel_util.h"
#include "huntdb/types/convert.h"
#include "huntdb/types/dynamic.h"

namespace huntdb::exec {

using functions::KernelArgs;
using kql::BinaryOp;

namespace {

// The bool result of a three-way comparison `c` (negative, zero, positive).
constexpr int kUnordered = 99;  // NaN against anything

inline bool holds(BinaryOp op, int c) {
  if (c == kUnordered) return op == BinaryOp::NotEqual;
  switch (op) {
    case BinaryOp::Less: return c < 0;
    case BinaryOp::LessEqual: return c <= 0;
    case BinaryOp::Greater: return c > 0;
    case BinaryOp::GreaterEqual: return c >= 0;
    case BinaryOp::Equal: return c == 0;
    case BinaryOp::NotEqual: return c != 0;
    default: return false;
  }
}

// The result when one side (or both) is null: -1 for null, else 0/1.
inline int null_result(BinaryOp op, bool both) {
  if (op == BinaryOp::Equal) return both ? -1 : 0;
  if (op == BinaryOp::NotEqual) return both ? -1 : 1;
  return -1;
}

template <typename Reader, typename Compare>
ColumnPtr compare_loop(BinaryOp op, const Reader& l, const Reader& r, size_t n, Compare cmp) {
  std::vector<uint8_t> out(n);
  Validity valid;
  for (size_t i = 0; i < n; ++i) {
    bool ln = l.null(i), rn = r.null(i);
    if (ln || rn) {
      int v = null_result(op, ln && rn);
      if (v < 0) {
        valid.set(i, false);
      } else {
        out[i] = static_cast<uint8_t>(v);
      }
      continue;
    }
    out[i] = holds(op, cmp(l.get(i), r.get(i)));
  }
  return Column::make_bools(std::move(out), std::move(valid));
}

template <typename T>
int three_way(T a, T b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

template <BinaryOp Op>
ColumnPtr compare_longs(const KernelArgs& a) {
  functions::LongReader l(a[0]), r(a[1]);
  return compare_loop(Op, l, r, a.rows, three_way<int64_t>);
}

template <BinaryOp Op>
ColumnPtr compare_reals(const KernelArgs& a) {
  functions::RealReader l(a[0]), r(a[1]);
  // NaN is unequal to everything, and unordered.
  return compare_loop(Op, l, r, a.rows, [](double x, double y) {
    if (x != x || y != y) return kUnordered;
    return three_way(x, y);
  });
}

// Strings have no nulls: a reader adapter that never reports one.
struct StringSide {
  functions::StringReader r;
  explicit StringSide(const Column& c) : r(c) {}
  bool null(size_t) const { return false; }
  std::string_view get(size_t i) const { return r.get(i); }
};

template <BinaryOp Op>
ColumnPtr compare_strings(const KernelArgs& a) {
  StringSide l(a[0]), r(a[1]);
  if (a[1].is_constant() && (Op == BinaryOp::Equal || Op == BinaryOp::NotEqual)) {
    // The common `Column == "literal"`: one comparison per row without the generic path.
    std::string_view k = r.get(0);
    std::vector<uint8_t> out(a.rows);
    for (size_t i = 0; i < a.rows; ++i) out[i] = (l.get(i) == k) == (Op == BinaryOp::Equal);
    return Column::make_bools(std::move(out));
  }
  return compare_loop(Op, l, r, a.rows, [](std::string_view x, std::string_view y) { return x.compare(y); });
}

struct GuidSide {
  const Column& c;
  bool null(size_t i) const { return c.is_null(i); }
  Guid get(size_t i) const { return c.value_at(i).as_guid(); }
};

template <BinaryOp Op>
ColumnPtr compare_guids(const KernelArgs& a) {
  GuidSide l{a[0]}, r{a[1]};
  return compare_loop(Op, l, r, a.rows, [](const Guid& x, const Guid& y) {
    return std::memcmp(x.bytes.data(), y.bytes.data(), 16);
  });
}

// Compares two values of any types; nullopt when they cannot be compared (different kinds).
std::optional<int> compare_values(const Value& a, const Value& b) {
  auto cls = [](ScalarType t) {
    if (is_numeric(t)) return 1;
    if (t == ScalarType::String) return 2;
    if (t == ScalarType::DateTime) return 3;
    if (t == ScalarType::TimeSpan) return 4;
    if (t == ScalarType::Bool) return 5;
    if (t == ScalarType::Guid) return 6;
    return 7;
  };
  int ca = cls(a.type), cb = cls(b.type);
  if (ca != cb) return std::nullopt;
  switch (ca) {
    case 1: {
      if (is_integer(a.type) && is_integer(b.type))
        return three_way(functions::LongReader::value_as_long(a), functions::LongReader::value_as_long(b));
      double x = functions::RealReader::value_as_real(a), y = functions::RealReader::value_as_real(b);
      if (x != x || y != y) return kUnordered;
      return three_way(x, y);
    }
    case 2: return a.as_string().compare(b.as_string());
    case 3:
    case 4: return three_way(a.as_long(), b.as_long());
    case 5: return three_way(a.as_bool(), b.as_bool());
    case 6: return std::memcmp(a.as_guid().bytes.data(), b.as_guid().bytes.data(), 16);
    default:
      if (a.type == ScalarType::Dynamic && b.type == ScalarType::Dynamic && !a.is_null() && !b.is_null() &&
          a.as_dynamic() && b.as_dynamic())
        return dynamic_equal(*a.as_dynamic(), *b.as_dynamic()) ? 0 : 1;
      return std::nullopt;
  }
}

template <BinaryOp Op>
ColumnPtr compare_boxed(const KernelArgs& a) {
  std::vector<uint8_t> out(a.rows);
  Validity valid;
  for (size_t i = 0; i < a.rows; ++i) {
    Value l = scalar_value(a[0], i), r = scalar_value(a[1], i);
    bool ln = l.is_null(), rn = r.is_null();
    if (ln || rn) {
      int v = null_result(Op, ln && rn);
      if (v < 0) {
        valid.set(i, false);
      } else {
        out[i] = static_cast<uint8_t>(v);
      }
      continue;
    }
    auto c = compare_values(l, r);
    if (!c) {
      // Values of different kinds are unequal and unordered.
      if (Op == BinaryOp::Equal || Op == BinaryOp::NotEqual) {
        out[i] = Op == BinaryOp::NotEqual;
      } else {
        valid.set(i, false);
      }
      continue;
    }
    out[i] = holds(Op, *c);
  }
  return Column::make_bools(std::move(out), std::move(valid));
}

template <BinaryOp Op>
functions::ScalarKernel pick(ScalarType l, ScalarType r) {
  auto boxed = [](ScalarType t) { return t == ScalarType::Dynamic || t == ScalarType::Unknown; };
  if (boxed(l) || boxed(r)) return compare_boxed<Op>;
  if (is_integer(l) && is_integer(r)) return compare_longs<Op>;
  if (is_numeric(l) && is_numeric(r)) return compare_reals<Op>;
  if (l == r) {
    switch (l) {
      case ScalarType::DateTime:
      case ScalarType::TimeSpan:
      case ScalarType::Bool: return compare_longs<Op>;
      case ScalarType::String: return compare_strings<Op>;
      case ScalarType::Guid: return compare_guids<Op>;
      default: break;
    }
  }
  // Anything else (string vs number, ...) compares values of their runtime kinds.
  return compare_boxed<Op>;
}

}  // namespace

functions::ScalarKernel comparison_kernel(BinaryOp op, ScalarType lhs, ScalarType rhs) {
  switch (op) {
    case BinaryOp::Less: return pick<BinaryOp::Less>(lhs, rhs);
    case BinaryOp::LessEqual: return pick<BinaryOp::LessEqual>(lhs, rhs);
    case BinaryOp::Greater: return pick<BinaryOp::Greater>(lhs, rhs);
    case BinaryOp::GreaterEqual: return pick<BinaryOp::GreaterEqual>(lhs, rhs);
    case BinaryOp::Equal: return pick<BinaryOp::Equal>(lhs, rhs);
    case BinaryOp::NotEqual: return pick<BinaryOp::NotEqual>(lhs, rhs);
    default: return nullptr;
  }
}

}  // namespace huntdb::exec
