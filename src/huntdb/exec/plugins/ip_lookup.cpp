// ipv4_lookup(LookupTable, SourceIPv4Key, IPv4LookupKey [, ExtraKey...] [, return_unmatched])
// and ipv6_lookup(LookupTable, SourceIPv6Key, IPv6LookupKey [, return_unmatched]): a join of
// each input row to the rows of the lookup table whose address range (IP-prefix notation)
// contains the row's address.
//
// Followed: https://learn.microsoft.com/kusto/query/ipv4-lookup-plugin and
// https://learn.microsoft.com/kusto/query/ipv6-lookup-plugin with their examples.
// - ipv4_lookup: the input columns, then the lookup table's columns but the extra keys (which
//   must be equal on both sides for a match); ipv6_lookup: the lookup table's columns, then the
//   input's (as the ipv6 examples show).
// - return_unmatched (default false) keeps rows without a match, with null lookup columns.
// - A source address may carry a prefix too: it matches a range that contains its network.
// - An address in several ranges of the lookup table gets one row per range, in the table's
//   order (a join; the docs do not say otherwise).
// The lookup table is indexed by prefix length: one hash lookup per prefix length present.
#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include <absl/container/flat_hash_map.h>
#include <fmt/format.h>

#include "huntdb/exec/exec_error.h"
#include "huntdb/exec/operator_kernels.h"
#include "huntdb/exec/plugins/lookup_join.h"
#include "huntdb/exec/plugins/plugin_args.h"
#include "huntdb/exec/plugins/plugin_families.h"
#include "huntdb/exec/table_util.h"
#include "huntdb/functions/kernels/ip_address.h"
#include "huntdb/types/format.h"

namespace huntdb::exec {

namespace {

using namespace plugins;
namespace ip = functions::ip;

// An address family: how text becomes a (masked) key and a prefix length.
struct V4 {
  using Key = uint32_t;
  static constexpr int kMaxPrefix = 32;
  static std::optional<std::pair<Key, int>> parse(std::string_view text) {
    auto a = ip::parse_ipv4(text);
    if (!a) return std::nullopt;
    return std::make_pair(a->address, a->prefix);
  }
  static Key mask(Key k, int prefix) { return k & ip::ipv4_mask(prefix); }
};

struct V6 {
  using Key = std::pair<uint64_t, uint64_t>;
  static constexpr int kMaxPrefix = 128;
  static Key key_of(const std::array<uint8_t, 16>& b) {
    uint64_t hi = 0, lo = 0;
    for (int i = 0; i < 8; ++i) hi = hi << 8 | b[i];
    for (int i = 8; i < 16; ++i) lo = lo << 8 | b[i];
    return {hi, lo};
  }
  static std::optional<std::pair<Key, int>> parse(std::string_view text) {
    auto a = ip::parse_ipv6(text);
    if (!a) return std::nullopt;
    return std::make_pair(key_of(a->bytes), a->prefix);
  }
  static Key mask(Key k, int prefix) {
    auto bits = [](int n) { return n <= 0 ? uint64_t{0} : (n >= 64 ? ~uint64_t{0} : ~uint64_t{0} << (64 - n)); };
    return {k.first & bits(prefix), k.second & bits(prefix - 64)};
  }
};

// The lookup table's ranges, by prefix length.
template <typename F>
class RangeIndex {
 public:
  explicit RangeIndex(const Column& keys) {
    for (size_t r = 0; r < keys.size(); ++r) {
      if (keys.is_null(r)) continue;
      auto parsed = F::parse(keys.string_at(r));
      if (!parsed) continue;
      auto [key, prefix] = *parsed;
      by_prefix_[prefix][F::mask(key, prefix)].push_back(static_cast<uint32_t>(r));
    }
    for (int p = 0; p <= F::kMaxPrefix; ++p)
      if (!by_prefix_[p].empty()) prefixes_.push_back(p);
  }

  // The lookup rows whose range contains `text` (an address, maybe with a prefix), in order.
  void find(std::string_view text, std::vector<uint32_t>& out) const {
    out.clear();
    auto parsed = F::parse(text);
    if (!parsed) return;
    auto [key, prefix] = *parsed;
    for (int p : prefixes_) {
      if (p > prefix) break;
      auto it = by_prefix_[p].find(F::mask(key, p));
      if (it != by_prefix_[p].end()) out.insert(out.end(), it->second.begin(), it->second.end());
    }
    if (prefixes_.size() > 1) std::sort(out.begin(), out.end());
  }

 private:
  std::array<absl::flat_hash_map<typename F::Key, std::vector<uint32_t>>, F::kMaxPrefix + 1> by_prefix_;
  std::vector<int> prefixes_;
};

bool is_bool_constant(const PluginCall& call, size_t i) {
  if (column_arg(call, i)) return false;
  auto v = constant_arg(call, i);
  return v && v->type == ScalarType::Bool;
}

bool equal_values(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return false;
  if (a.type == b.type) return a.data == b.data;
  return format_value(a) == format_value(b);
}

template <typename F>
TablePtr ip_lookup(const PluginCall& call, bool lookup_first) {
  std::string_view plugin = call.plan.plugin->name;
  size_t n = arg_count(call);
  if (n < 3 || call.plan.arg_tables.size() < 1 || !call.plan.arg_tables[0])
    throw ExecError(fmt::format("{}: expects a lookup table, the source key and the lookup key.", plugin));
  TablePtr lookup = call.executor.run(call.plan.arg_tables[0], call.bindings);
  const Table& input = *call.input;

  // return_unmatched: named, or a bool constant after the keys.
  bool return_unmatched = false;
  size_t end = n;
  if (int i = named_arg(call, "return_unmatched"); i >= 0) {
    Value v = required_constant(call, static_cast<size_t>(i), "return_unmatched");
    return_unmatched = !v.is_null() && v.type == ScalarType::Bool && v.as_bool();
    if (static_cast<size_t>(i) == n - 1) end = n - 1;
  } else if (n > 3 && is_bool_constant(call, n - 1)) {
    Value v = *constant_arg(call, n - 1);
    return_unmatched = !v.is_null() && v.as_bool();
    end = n - 1;
  }

  const analyze::Expr* lookup_key = column_arg(call, 2);
  int lookup_key_index = lookup_key ? lookup->schema.index_of(lookup_key->name) : -1;
  if (lookup_key_index < 0) throw ExecError(fmt::format("{}: the lookup key must be a column of the lookup table.", plugin));

  // Extra keys: columns of both tables that must be equal.
  struct ExtraKey {
    ColumnPtr source, lookup;
    size_t lookup_index;
  };
  std::vector<ExtraKey> extra;
  for (size_t i = 3; i < end; ++i) {
    const analyze::Expr* c = column_arg(call, i);
    int in = c ? input.schema.index_of(c->name) : -1;
    int lk = c ? lookup->schema.index_of(c->name) : -1;
    if (in < 0 || lk < 0)
      throw ExecError(fmt::format("{}: argument {} must name a column of both the input and the lookup table.", plugin, i + 1));
    extra.push_back({gather_column(input, static_cast<size_t>(in)), gather_column(*lookup, static_cast<size_t>(lk)),
                     static_cast<size_t>(lk)});
  }

  ColumnPtr lookup_keys = gather_column(*lookup, static_cast<size_t>(lookup_key_index));
  if (lookup_keys->type() != ScalarType::String) lookup_keys = cast_column(lookup_keys, ScalarType::String);
  RangeIndex<F> index(*Column::flatten(lookup_keys));
  ColumnPtr source = Column::flatten(eval_over(call.plan.args[1], call.executor, input));
  if (source->type() != ScalarType::String) source = Column::flatten(cast_column(source, ScalarType::String));

  size_t lookup_rows = lookup->row_count();
  LookupPairs pairs;
  std::vector<uint32_t> matches;
  for (size_t r = 0; r < source->size(); ++r) {
    index.find(source->string_at(r), matches);
    bool any = false;
    for (uint32_t m : matches) {
      bool ok = true;
      for (const auto& k : extra)
        if (!equal_values(k.source->value_at(r), k.lookup->value_at(m))) {
          ok = false;
          break;
        }
      if (!ok) continue;
      any = true;
      pairs.add(r, m);
    }
    if (!any && return_unmatched) pairs.add(r, lookup_rows);
  }
  auto keep = [&](size_t i) {
    return std::none_of(extra.begin(), extra.end(), [&](const ExtraKey& k) { return k.lookup_index == i; });
  };
  return lookup_join_result(call, input, *lookup, pairs, keep, lookup_first);
}

TablePtr ipv4_lookup(const PluginCall& call) { return ip_lookup<V4>(call, false); }
TablePtr ipv6_lookup(const PluginCall& call) { return ip_lookup<V6>(call, true); }

constexpr PluginEntry kEntries[] = {{"ipv4_lookup", ipv4_lookup}, {"ipv6_lookup", ipv6_lookup}};

}  // namespace

std::span<const PluginEntry> ip_lookup_plugins() { return kEntries; }

}  // namespace huntdb::exec
