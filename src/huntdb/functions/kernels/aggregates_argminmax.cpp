// arg_max, arg_min (and the deprecated argmax, argmin): the row of the group with the largest
// (smallest) value of the first argument, as that value plus the other arguments' values
// (the binder passes [by, c1, c2, ...], `*` already expanded; one result column each).
//
// learn.microsoft.com/kusto/query/arg-max-aggregation-function: rows whose first argument is
// null are ignored, unless it is null in every row of the group, and then one row of the group is
// picked (the page's example: Banana, whose versions are all null, gives its first row, Yellow).
// Among rows with the same extreme value the first row of the input wins.
#include <memory>

#include "huntdb/functions/kernels/accumulator_util.h"
#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/ordered_values.h"

namespace huntdb::functions {

namespace {

template <OrderClass K>
class ArgExtremeAcc : public Accumulator {
  using T = OrderTraits<K>;

 public:
  ArgExtremeAcc(const AggregateSpec& s, bool max) : types_(s.result_types), max_(max) {
    if (types_.empty() && !s.arg_types.empty()) types_ = s.arg_types;
  }
  void resize(size_t n) override { groups_.resize(n); }
  void update(std::span<const uint32_t> groups, const KernelArgs& a) override {
    typename T::Reader by(a[0]);
    for (size_t i = 0; i < groups.size(); ++i) {
      Group& g = groups_[groups[i]];
      if (T::null(by, i)) {
        // A row with a null value counts only while the group has no other row.
        if (g.state == State::None) take_row(g, a, i, State::NullOnly);
        continue;
      }
      auto v = T::get(by, i);
      // Rows of one worker come in input order: on a tie the row already kept is earlier.
      if (g.state == State::Value) {
        int c = T::compare(v, g.best);
        if (max_ ? c <= 0 : c >= 0) continue;
      }
      T::store(g.best, v);
      take_row(g, a, i, State::Value);
    }
  }
  void merge(Accumulator& other, std::span<const uint32_t> mapping) override {
    auto& o = static_cast<ArgExtremeAcc&>(other);
    for (size_t g = 0; g < o.groups_.size(); ++g) {
      Group& from = o.groups_[g];
      Group& into = groups_[mapping[g]];
      if (from.state == State::None) continue;
      bool take = false;
      if (into.state == State::None || (from.state == State::Value && into.state == State::NullOnly)) {
        take = true;
      } else if (from.state == into.state) {
        int c = from.state == State::Value ? T::compare(from.best, into.best) : 0;
        take = (max_ ? c > 0 : c < 0) || (c == 0 && from.order < into.order);
      }
      if (take) into = std::move(from);
    }
  }
  std::vector<ColumnPtr> finish(size_t n) override {
    resize(n);
    std::vector<ColumnPtr> out;
    for (size_t k = 0; k < types_.size(); ++k) {
      ColumnBuilder b(types_[k], n);
      for (const Group& g : groups_) {
        if (k < g.row.size()) {
          b.append_value(g.row[k]);
        } else {
          b.append_null();
        }
      }
      out.push_back(b.finish());
    }
    return out;
  }

 private:
  enum class State : uint8_t { None, NullOnly, Value };
  struct Group {
    State state = State::None;
    typename T::Stored best{};
    uint64_t order = 0;
    std::vector<Value> row;  // every argument's value in the chosen row (the first is `by`)
  };

  void take_row(Group& g, const KernelArgs& a, size_t i, State state) {
    g.state = state;
    g.order = order_key(a.batch, i);
    g.row.resize(a.size());
    for (size_t k = 0; k < a.size(); ++k) g.row[k] = row_value(a[k], i);
  }

  std::vector<ScalarType> types_;
  bool max_;
  std::vector<Group> groups_;
};

std::unique_ptr<Accumulator> make_arg_extreme(const AggregateSpec& s, bool max) {
  switch (order_class(s.arg_types.empty() ? ScalarType::Long : s.arg_types[0])) {
    case OrderClass::Integer: return std::make_unique<ArgExtremeAcc<OrderClass::Integer>>(s, max);
    case OrderClass::Real: return std::make_unique<ArgExtremeAcc<OrderClass::Real>>(s, max);
    case OrderClass::String: return std::make_unique<ArgExtremeAcc<OrderClass::String>>(s, max);
  }
  return nullptr;
}

std::unique_ptr<Accumulator> make_arg_max(const AggregateSpec& s) { return make_arg_extreme(s, true); }
std::unique_ptr<Accumulator> make_arg_min(const AggregateSpec& s) { return make_arg_extreme(s, false); }

// argmax/argmin (replaced_by arg_max/arg_min) get the same factories when these attach.
constexpr AggregateTable kAggregates[] = {
    {"arg_max", make_arg_max},
    {"arg_min", make_arg_min},
};

}  // namespace

void attach_argminmax_kernels(Registry& r) { r.attach(kAggregates); }

}  // namespace huntdb::functions
