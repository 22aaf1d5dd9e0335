// Searching text for IPv4 addresses: has_ipv4, has_ipv4_prefix, has_any_ipv4,
// has_any_ipv4_prefix. An address in the text must be a valid dotted quad delimited by
// non-alphanumeric characters (the Kusto reference page "has_ipv4()": in
// "05:04:54127.0.0.1" no address 127.0.0.1 is found, nor any in "127.0.0.256").
#include <cctype>
#include <memory>

#include "huntdb/functions/kernels/dynamic_util.h"
#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/ip_address.h"
#include "huntdb/types/format.h"

namespace huntdb::functions {

namespace {

// What to look for: the first `octets` octets of an address (4 for a whole address), held in
// the high bits of `value`.
struct Ipv4Pattern {
  uint32_t value = 0;
  int octets = 4;
};

// A whole address ("10.1.2.3"), or, when prefixes are allowed, one to three octets each ending
// with a dot ("10.", "10.1.", "10.1.2.").
std::optional<Ipv4Pattern> parse_pattern(std::string_view s, bool prefix) {
  if (auto whole = ip::parse_ipv4_address(s)) return Ipv4Pattern{*whole, 4};
  if (!prefix || s.empty() || s.back() != '.') return std::nullopt;
  Ipv4Pattern p{0, 0};
  size_t i = 0;
  while (i < s.size()) {
    size_t start = i;
    uint32_t v = 0;
    while (i < s.size() && i - start < 3 && std::isdigit(static_cast<unsigned char>(s[i]))) v = v * 10 + (s[i++] - '0');
    if (i == start || v > 255 || i >= s.size() || s[i] != '.' || p.octets == 3) return std::nullopt;
    ++i;
    p.value |= v << (24 - 8 * p.octets);
    ++p.octets;
  }
  return p;
}

bool alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Calls found(address) for each delimited IPv4 address in the text until it returns true.
template <typename Found>
bool scan_ipv4(std::string_view s, Found&& found) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i])) || (i > 0 && alnum(s[i - 1]))) continue;
    size_t j = i;
    uint32_t address = 0;
    bool ok = true;
    for (int octet = 0; octet < 4 && ok; ++octet) {
      if (octet > 0) {
        if (j >= s.size() || s[j] != '.') {
          ok = false;
          break;
        }
        ++j;
      }
      size_t start = j;
      uint32_t v = 0;
      while (j < s.size() && j - start < 3 && std::isdigit(static_cast<unsigned char>(s[j]))) v = v * 10 + (s[j++] - '0');
      ok = j > start && v <= 255;
      address = (address << 8) | v;
    }
    if (ok && (j >= s.size() || !alnum(s[j])) && found(address)) return true;
  }
  return false;
}

bool matches(uint32_t address, const Ipv4Pattern& p) {
  uint32_t mask = ip::ipv4_mask(8 * p.octets);
  return (address & mask) == p.value;
}

// The text of the source argument: a string, or a dynamic value's text (a string as itself).
class SourceReader {
 public:
  explicit SourceReader(const Column& c) : dynamic_(c.type() == ScalarType::Dynamic) {
    if (dynamic_) {
      dyn_ = std::make_unique<DynamicReader>(c);
    } else {
      str_ = std::make_unique<StringReader>(c);
    }
  }
  std::string_view get(size_t i, std::string& buf) const {
    if (!dynamic_) return str_->get(i);
    const DynValue* v = dyn_->get(i);
    if (!v) return {};
    if (v->kind() == DynValue::Kind::String) return v->as_string();
    buf = format_dynamic(*v);
    return buf;
  }

 private:
  bool dynamic_;
  std::unique_ptr<StringReader> str_;
  std::unique_ptr<DynamicReader> dyn_;
};

// The patterns of one row: every argument after the source (strings), or the elements of one
// dynamic array. Constant arguments are parsed once. Patterns that are not valid never match.
class PatternSet {
 public:
  PatternSet(const KernelArgs& a, bool prefix) : prefix_(prefix) {
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
  const std::vector<Ipv4Pattern>& at(size_t i) {
    if (!constant_) load(i);
    return patterns_;
  }

 private:
  void add(std::string_view s) {
    if (auto p = parse_pattern(s, prefix_)) patterns_.push_back(*p);
  }
  void load(size_t i) {
    patterns_.clear();
    if (array_) {
      const DynValue* v = array_r_->get(i);
      if (!v) return;
      if (v->kind() == DynValue::Kind::String) add(v->as_string());
      for (const auto& e : v->elements())
        if (e->kind() == DynValue::Kind::String) add(e->as_string());
    } else {
      for (const auto& r : text_r_) add(r.get(i));
    }
  }

  bool prefix_;
  bool array_ = false;
  bool constant_ = false;
  std::unique_ptr<DynamicReader> array_r_;
  std::vector<StringReader> text_r_;
  std::vector<Ipv4Pattern> patterns_;
};

// has_ipv4 / has_ipv4_prefix / has_any_ipv4 / has_any_ipv4_prefix (the Kusto reference pages):
// false (never null) when nothing valid is found.
template <bool kPrefix>
ColumnPtr has_ipv4_kernel(const KernelArgs& a) {
  SourceReader source(a[0]);
  PatternSet patterns(a, kPrefix);
  BoolWriter w(ScalarType::Bool, a.rows);
  std::string buf;
  for (size_t i = 0; i < a.rows; ++i) {
    const auto& ps = patterns.at(i);
    bool hit = !ps.empty() && scan_ipv4(source.get(i, buf), [&](uint32_t address) {
      for (const auto& p : ps)
        if (matches(address, p)) return true;
      return false;
    });
    w.set(i, hit);
  }
  return w.finish();
}

constexpr KernelTable kKernels[] = {
    {"has_ipv4", has_ipv4_kernel<false>},
    {"has_any_ipv4", has_ipv4_kernel<false>},
    {"has_ipv4_prefix", has_ipv4_kernel<true>},
    {"has_any_ipv4_prefix", has_ipv4_kernel<true>},
};

}  // namespace

void attach_ip_search_kernels(Registry& r) { r.attach(kKernels); }

}  // namespace huntdb::functions
