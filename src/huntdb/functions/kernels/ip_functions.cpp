// IPv4 and IPv6 parsing, formatting, comparison and range tests: parse_ipv4, parse_ipv4_mask,
// format_ipv4, format_ipv4_mask, ipv4_netmask_suffix, ipv4_range_to_cidr_list, ipv4_compare,
// ipv4_is_match, ipv4_is_private, ipv4_is_in_range, ipv4_is_in_any_range, parse_ipv6,
// parse_ipv6_mask, ipv6_compare, ipv6_is_match, ipv6_is_in_range, ipv6_is_in_any_range.
// Text that is not an address gives null (Kusto's "null if the conversion wasn't successful").
#include <algorithm>
#include <cstring>
#include <memory>

#include "huntdb/functions/kernels/dynamic_util.h"
#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/ip_address.h"

namespace huntdb::functions {

namespace {

using ip::Ipv4;
using ip::Ipv6;

std::optional<Ipv4> ipv4_at(const StringArgReader& r, size_t i) {
  auto text = r.get(i);
  return text ? ip::parse_ipv4(*text) : std::nullopt;
}

std::optional<Ipv6> ipv6_at(const StringArgReader& r, size_t i) {
  auto text = r.get(i);
  return text ? ip::parse_ipv6(*text) : std::nullopt;
}

// An optional prefix-length argument; nullopt (a null result) when null or outside [0, max].
class PrefixReader {
 public:
  PrefixReader(const KernelArgs& a, size_t index, int max) : max_(max) {
    if (index < a.size()) r_ = std::make_unique<LongReader>(a[index]);
  }
  std::optional<int> get(size_t i) const {
    if (!r_) return max_;
    if (r_->null(i)) return std::nullopt;
    int64_t v = r_->get(i);
    if (v < 0 || v > max_) return std::nullopt;
    return static_cast<int>(v);
  }

 private:
  int max_;
  std::unique_ptr<LongReader> r_;
};

// The address masked by its own prefix.
uint32_t network(const Ipv4& ip) { return ip.address & ip::ipv4_mask(ip.prefix); }

// parse_ipv4 (the Kusto reference page "parse_ipv4()"): the address masked by its prefix, as a long.
ColumnPtr parse_ipv4_kernel(const KernelArgs& a) {
  StringArgReader r(a[0]);
  LongWriter w(ScalarType::Long, a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    auto ip = ipv4_at(r, i);
    if (ip) w.set(i, network(*ip));
    else w.set_null(i);
  }
  return w.finish();
}

// parse_ipv4_mask(ip, prefix): the address masked by the shorter of its prefix and `prefix`.
ColumnPtr parse_ipv4_mask_kernel(const KernelArgs& a) {
  StringArgReader r(a[0]);
  PrefixReader pr(a, 1, 32);
  LongWriter w(ScalarType::Long, a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    auto ip = ipv4_at(r, i);
    auto prefix = pr.get(i);
    if (ip && prefix) w.set(i, ip->address & ip::ipv4_mask(std::min(ip->prefix, *prefix)));
    else w.set_null(i);
  }
  return w.finish();
}

// format_ipv4(ip[, prefix]) and format_ipv4_mask(ip, prefix) (the Kusto reference pages): the
// address, a string or an IPv4 number, masked by the shorter of its prefix and `prefix`;
// format_ipv4_mask appends the /prefix. Empty when the address or the prefix is invalid.
template <bool kWithMask>
ColumnPtr format_ipv4_kernel(const KernelArgs& a) {
  bool numeric = a[0].type() != ScalarType::String && a[0].type() != ScalarType::Dynamic;
  std::unique_ptr<StringArgReader> text_r;
  std::unique_ptr<LongReader> number_r;
  if (numeric) {
    number_r = std::make_unique<LongReader>(a[0]);
  } else {
    text_r = std::make_unique<StringArgReader>(a[0]);
  }
  PrefixReader pr(a, 1, 32);
  StringWriter w(a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    std::optional<Ipv4> ip;
    if (numeric) {
      if (!number_r->null(i) && number_r->get(i) >= 0 && number_r->get(i) <= 0xFFFFFFFFLL)
        ip = Ipv4{static_cast<uint32_t>(number_r->get(i)), 32};
    } else {
      ip = ipv4_at(*text_r, i);
    }
    auto prefix = pr.get(i);
    if (ip && prefix) {
      int p = std::min(ip->prefix, *prefix);
      w.text().append(ip::format_ipv4(ip->address & ip::ipv4_mask(p)));
      if (kWithMask) {
        w.text().push_back('/');
        w.text().append(std::to_string(p));
      }
    }
    w.end_row();
  }
  return w.finish();
}

// ipv4_netmask_suffix(ip): the prefix length (32 without one).
ColumnPtr ipv4_netmask_suffix_kernel(const KernelArgs& a) {
  StringArgReader r(a[0]);
  LongWriter w(ScalarType::Long, a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    auto ip = ipv4_at(r, i);
    if (ip) w.set(i, ip->prefix);
    else w.set_null(i);
  }
  return w.finish();
}

// ipv4_range_to_cidr_list(start, end) (the Kusto reference page): the fewest CIDR blocks that
// cover exactly [start, end]; null when an address is invalid or start > end.
ColumnPtr ipv4_range_to_cidr_list_kernel(const KernelArgs& a) {
  StringArgReader start_r(a[0]), end_r(a[1]);
  DynamicWriter w(a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    auto start = ipv4_at(start_r, i), end = ipv4_at(end_r, i);
    if (!start || !end || start->address > end->address) continue;
    DynValue::Elements out;
    uint64_t lo = start->address, hi = end->address;
    while (lo <= hi) {
      // The largest block aligned at lo that does not pass hi.
      int size_bits = lo == 0 ? 32 : __builtin_ctzll(lo);
      if (size_bits > 32) size_bits = 32;
      while (size_bits > 0 && lo + (uint64_t{1} << size_bits) - 1 > hi) --size_bits;
      out.push_back(DynValue::of_string(ip::format_ipv4(static_cast<uint32_t>(lo)) + "/" +
                                        std::to_string(32 - size_bits)));
      lo += uint64_t{1} << size_bits;
    }
    w.set(i, DynValue::of_array(std::move(out)));
  }
  return w.finish();
}

// -1, 0 or 1 comparing two addresses over the shortest of their prefixes and `prefix`.
int compare_ipv4(const Ipv4& x, const Ipv4& y, int prefix) {
  uint32_t mask = ip::ipv4_mask(std::min({x.prefix, y.prefix, prefix}));
  uint32_t a = x.address & mask, b = y.address & mask;
  return a < b ? -1 : (a > b ? 1 : 0);
}

int compare_ipv6(const Ipv6& x, const Ipv6& y, int prefix) {
  int p = std::min({x.prefix, y.prefix, prefix});
  auto a = x.bytes, b = y.bytes;
  ip::mask_ipv6(a, p);
  ip::mask_ipv6(b, p);
  int c = std::memcmp(a.data(), b.data(), a.size());
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

// ipv4_compare / ipv6_compare and ipv4_is_match / ipv6_is_match (the Kusto reference pages).
template <bool kV6, bool kMatch>
ColumnPtr compare_kernel(const KernelArgs& a) {
  StringArgReader r1(a[0]), r2(a[1]);
  PrefixReader pr(a, 2, kV6 ? 128 : 32);
  ValueWriter<std::conditional_t<kMatch, uint8_t, int64_t>> w(kMatch ? ScalarType::Bool : ScalarType::Long, a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    auto prefix = pr.get(i);
    std::optional<int> c;
    if constexpr (kV6) {
      auto x = ipv6_at(r1, i), y = ipv6_at(r2, i);
      if (x && y && prefix) c = compare_ipv6(*x, *y, *prefix);
    } else {
      auto x = ipv4_at(r1, i), y = ipv4_at(r2, i);
      if (x && y && prefix) c = compare_ipv4(*x, *y, *prefix);
    }
    if (!c) {
      w.set_null(i);
    } else if constexpr (kMatch) {
      w.set(i, *c == 0);
    } else {
      w.set(i, *c);
    }
  }
  return w.finish();
}

// ipv4_is_private (the Kusto reference page "ipv4_is_private()"): whether the (masked) address
// is in 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16.
ColumnPtr ipv4_is_private_kernel(const KernelArgs& a) {
  StringArgReader r(a[0]);
  BoolWriter w(ScalarType::Bool, a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    auto ip = ipv4_at(r, i);
    if (!ip) {
      w.set_null(i);
      continue;
    }
    uint32_t v = network(*ip);
    bool is_private = (v & 0xFF000000u) == 0x0A000000u || (v & 0xFFF00000u) == 0xAC100000u ||
                      (v & 0xFFFF0000u) == 0xC0A80000u;
    w.set(i, is_private);
  }
  return w.finish();
}

bool in_range(const Ipv4& ip, const Ipv4& range) {
  uint32_t mask = ip::ipv4_mask(range.prefix);
  return (network(ip) & mask) == (range.address & mask);
}

bool in_range(const Ipv6& ip, const Ipv6& range) {
  auto a = ip.bytes, b = range.bytes;
  ip::mask_ipv6(a, ip.prefix);
  ip::mask_ipv6(a, range.prefix);
  ip::mask_ipv6(b, range.prefix);
  return a == b;
}

template <typename Ip>
std::optional<Ip> parse_ip(std::string_view text) {
  if constexpr (std::is_same_v<Ip, Ipv4>) {
    return ip::parse_ipv4(text);
  } else {
    return ip::parse_ipv6(text);
  }
}

// The ranges of an *_in_any_range call for one row: each (string) argument after the first, or
// the elements of one dynamic array. Constant ranges are parsed once. A range that is not valid
// is kept as nullopt: it makes the answer null unless another range matches (null or true is
// true, null or false is null).
template <typename Ip>
class RangeSet {
 public:
  explicit RangeSet(const KernelArgs& a) {
    array_ = a.size() == 2 && a[1].type() == ScalarType::Dynamic;
    constant_ = true;
    for (size_t k = 1; k < a.size(); ++k) constant_ = constant_ && a[k].is_constant();
    if (array_) {
      array_r_ = std::make_unique<DynamicReader>(a[1]);
    } else {
      for (size_t k = 1; k < a.size(); ++k) text_r_.emplace_back(a[k]);
    }
    if (constant_) load(0);
  }
  const std::vector<std::optional<Ip>>& at(size_t i) {
    if (!constant_) load(i);
    return ranges_;
  }

 private:
  void load(size_t i) {
    ranges_.clear();
    if (array_) {
      const DynValue* arr = array_r_->get(i);
      if (!arr) return;
      if (!arr->is_array()) {
        ranges_.push_back(arr->kind() == DynValue::Kind::String ? parse_ip<Ip>(arr->as_string()) : std::nullopt);
        return;
      }
      for (const auto& e : arr->elements())
        ranges_.push_back(e->kind() == DynValue::Kind::String ? parse_ip<Ip>(e->as_string()) : std::nullopt);
    } else {
      for (const auto& r : text_r_) {
        auto text = r.get(i);
        ranges_.push_back(text ? parse_ip<Ip>(*text) : std::nullopt);
      }
    }
  }

  bool array_ = false;
  bool constant_ = false;
  std::unique_ptr<DynamicReader> array_r_;
  std::vector<StringArgReader> text_r_;
  std::vector<std::optional<Ip>> ranges_;
};

// ipv4_is_in_range / ipv6_is_in_range and the *_in_any_range forms (the Kusto reference pages).
template <typename Ip>
ColumnPtr in_any_range_kernel(const KernelArgs& a) {
  StringArgReader r(a[0]);
  RangeSet<Ip> ranges(a);
  BoolWriter w(ScalarType::Bool, a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    auto text = r.get(i);
    std::optional<Ip> ip = text ? parse_ip<Ip>(*text) : std::nullopt;
    if (!ip) {
      w.set_null(i);
      continue;
    }
    bool hit = false, unknown = false;
    for (const auto& range : ranges.at(i)) {
      if (!range) {
        unknown = true;
      } else if (in_range(*ip, *range)) {
        hit = true;
        break;
      }
    }
    if (!hit && unknown) w.set_null(i);
    else w.set(i, hit);
  }
  return w.finish();
}

// parse_ipv6 / parse_ipv6_mask (the Kusto reference pages): the canonical IPv6 text of the
// address masked by its prefix (and by `prefix`); IPv4 addresses are IPv4-mapped.
ColumnPtr parse_ipv6_kernel(const KernelArgs& a) {
  StringArgReader r(a[0]);
  PrefixReader pr(a, 1, 128);
  StringWriter w(a.rows, a.rows * 39);
  for (size_t i = 0; i < a.rows; ++i) {
    auto ip = ipv6_at(r, i);
    auto prefix = pr.get(i);
    if (ip && prefix) {
      auto bytes = ip->bytes;
      ip::mask_ipv6(bytes, std::min(ip->prefix, *prefix));
      w.text().append(ip::format_ipv6_canonical(bytes));
    }
    w.end_row();
  }
  return w.finish();
}

constexpr KernelTable kKernels[] = {
    {"parse_ipv4", parse_ipv4_kernel},
    {"parse_ipv4_mask", parse_ipv4_mask_kernel},
    {"format_ipv4", format_ipv4_kernel<false>},
    {"format_ipv4_mask", format_ipv4_kernel<true>},
    {"ipv4_netmask_suffix", ipv4_netmask_suffix_kernel},
    {"ipv4_range_to_cidr_list", ipv4_range_to_cidr_list_kernel},
    {"ipv4_compare", compare_kernel<false, false>},
    {"ipv4_is_match", compare_kernel<false, true>},
    {"ipv6_compare", compare_kernel<true, false>},
    {"ipv6_is_match", compare_kernel<true, true>},
    {"ipv4_is_private", ipv4_is_private_kernel},
    {"ipv4_is_in_range", in_any_range_kernel<Ipv4>},
    {"ipv4_is_in_any_range", in_any_range_kernel<Ipv4>},
    {"ipv6_is_in_range", in_any_range_kernel<Ipv6>},
    {"ipv6_is_in_any_range", in_any_range_kernel<Ipv6>},
    {"parse_ipv6", parse_ipv6_kernel},
    {"parse_ipv6_mask", parse_ipv6_kernel},
};

}  // namespace

void attach_ip_kernels(Registry& r) { r.attach(kKernels); }

}  // namespace huntdb::functions
