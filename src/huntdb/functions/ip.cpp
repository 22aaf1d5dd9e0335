// IP address functions: parsing and formatting IPv4/IPv6 addresses and masks, comparing and
// matching them, range and CIDR tests, and has_ipv4*-style searches for addresses inside text.
// (geo_info_from_ip_address belongs to the geo family.)
//
// Addresses are strings; an IPv4 address parsed to a number is a long. The "any range" forms
// take either the ranges as separate string arguments or one dynamic array of them.
#include <string_view>

#include "huntdb/functions/declare.h"

namespace huntdb::functions {

namespace {

using namespace types;
using namespace declare;
using ST = ScalarType;

// f(source, v1, v2, ...) or f(source, dynamic([v1, v2, ...])).
std::vector<Signature> any_of(ScalarType result, Param source, std::string_view values) {
  return {fixed(result, {source, many(values, kString)}), fixed(result, {source, {values, kDynamic}})};
}

}  // namespace

void register_ip_functions(Registry& r) {
  // --- parsing and formatting
  r.add({.name = "parse_ipv4",
         .signatures = {fixed(ST::Long, {{"ip", kString}})},
         .description = "An IPv4 address (optionally with a /prefix) as a long; null if invalid."});
  r.add({.name = "parse_ipv4_mask",
         .signatures = {fixed(ST::Long, {{"ip", kString}, {"prefix", kLong}})},
         .description = "An IPv4 address masked to a prefix length, as a long."});
  r.add({.name = "parse_ipv6",
         .signatures = {fixed(ST::String, {{"ip", kString}})},
         .description = "An IPv4 or IPv6 address in canonical IPv6 form."});
  r.add({.name = "parse_ipv6_mask",
         .signatures = {fixed(ST::String, {{"ip", kString}, {"prefix", kLong}})},
         .description = "An IPv4 or IPv6 address masked to a prefix length, in canonical IPv6 form."});
  // Kusto declares the address as any scalar: a string, or an IPv4 number (int or long).
  r.add({.name = "format_ipv4",
         .signatures = {fixed(ST::String, {{"ip"}, opt("prefix", kLong)})},
         .description = "An IPv4 address (string or number) as dotted text, optionally masked."});
  r.add({.name = "format_ipv4_mask",
         .signatures = {fixed(ST::String, {{"ip"}, {"prefix", kLong}})},
         .description = "An IPv4 address (string or number) as dotted text with its /prefix."});
  r.add({.name = "ipv4_netmask_suffix",
         .signatures = {fixed(ST::Long, {{"ip", kString}})},
         .description = "The prefix length of an IPv4 address in CIDR notation (32 if none)."});
  r.add({.name = "ipv4_range_to_cidr_list",
         .signatures = {fixed(ST::Dynamic, {{"start_ip", kString}, {"end_ip", kString}})},
         .description = "The CIDR blocks that exactly cover an IPv4 address range, as a dynamic array."});

  // --- comparison and matching
  r.add({.name = "ipv4_compare",
         .signatures = {fixed(ST::Long, {{"ip1", kString}, {"ip2", kString}, opt("prefix", kLong)})},
         .description = "Compares two IPv4 addresses (under a prefix): -1, 0 or 1."});
  r.add({.name = "ipv6_compare",
         .signatures = {fixed(ST::Long, {{"ip1", kString}, {"ip2", kString}, opt("prefix", kLong)})},
         .description = "Compares two IPv4/IPv6 addresses (under a prefix): -1, 0 or 1."});
  r.add({.name = "ipv4_is_match",
         .signatures = {fixed(ST::Bool, {{"ip1", kString}, {"ip2", kString}, opt("prefix", kLong)})},
         .description = "Whether two IPv4 addresses are equal (under a prefix)."});
  r.add({.name = "ipv6_is_match",
         .signatures = {fixed(ST::Bool, {{"ip1", kString}, {"ip2", kString}, opt("prefix", kLong)})},
         .description = "Whether two IPv4/IPv6 addresses are equal (under a prefix)."});
  r.add({.name = "ipv4_is_private",
         .signatures = {fixed(ST::Bool, {{"ip", kString}})},
         .description = "Whether an IPv4 address is in a private range (RFC 1918)."});
  r.add({.name = "ipv4_is_in_range",
         .signatures = {fixed(ST::Bool, {{"ip", kString}, {"ip_range", kString}})},
         .description = "Whether an IPv4 address is in a CIDR range."});
  r.add({.name = "ipv6_is_in_range",
         .signatures = {fixed(ST::Bool, {{"ip", kString}, {"ip_range", kString}})},
         .description = "Whether an IPv4/IPv6 address is in a CIDR range."});
  r.add({.name = "ipv4_is_in_any_range",
         .signatures = any_of(ST::Bool, {"ip", kStringOrDynamic}, "ranges"),
         .description = "Whether an IPv4 address is in any of several CIDR ranges."});
  r.add({.name = "ipv6_is_in_any_range",
         .signatures = any_of(ST::Bool, {"ip", kStringOrDynamic}, "ranges"),
         .description = "Whether an IPv4/IPv6 address is in any of several CIDR ranges."});
  r.add({.name = "__ipv6_lookup_ranges",
         .signatures = {fixed(ST::Dynamic, {{"ip", kStringOrDynamic}, {"ranges", kDynamic}})},
         .hidden = true,
         .description = "Internal: the ranges of an array that contain an IPv4/IPv6 address."});

  // --- searching text for addresses
  r.add({.name = "has_ipv4",
         .signatures = {fixed(ST::Bool, {{"source", kStringOrDynamic}, {"ip", kString}})},
         .description = "Whether a text contains an IPv4 address as a whole term."});
  r.add({.name = "has_ipv4_prefix",
         .signatures = {fixed(ST::Bool, {{"source", kStringOrDynamic}, {"ip_prefix", kString}})},
         .description = "Whether a text contains an IPv4 address starting with a prefix."});
  r.add({.name = "has_any_ipv4",
         .signatures = any_of(ST::Bool, {"source", kStringOrDynamic}, "ips"),
         .description = "Whether a text contains any of several IPv4 addresses."});
  r.add({.name = "has_any_ipv4_prefix",
         .signatures = any_of(ST::Bool, {"source", kStringOrDynamic}, "ip_prefixes"),
         .description = "Whether a text contains an IPv4 address starting with any of several prefixes."});
}

}  // namespace huntdb::functions
