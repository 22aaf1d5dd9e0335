// KQL's dynamic values: JSON-like trees (null, bool, long, real, string, arrays, property bags)
// that may also hold datetime, timespan, guid and decimal values. Immutable and shared.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "huntdb/types/value.h"

namespace huntdb {

class DynValue {
 public:
  enum class Kind : uint8_t { Null, Bool, Long, Real, Decimal, String, DateTime, TimeSpan, Guid, Array, Object };
  using Elements = std::vector<DynamicPtr>;
  using Properties = std::vector<std::pair<std::string, DynamicPtr>>;

  Kind kind() const { return kind_; }
  bool is_null() const { return kind_ == Kind::Null; }
  bool is_array() const { return kind_ == Kind::Array; }
  bool is_object() const { return kind_ == Kind::Object; }

  // Each accessor answers for the kinds named beside it and gives a zero / empty value for any
  // other kind, so callers may probe without checking kind() first.
  bool as_bool() const;                 // Bool
  int64_t as_long() const;              // Long, DateTime and TimeSpan (ticks)
  double as_real() const;               // Real and Decimal
  const std::string& as_string() const; // String
  const Guid& as_guid() const;          // Guid
  const Elements& elements() const;     // Array
  const Properties& properties() const; // Object

  // Property of a bag by exact name, or null. (Kusto's bag keys are case-sensitive.)
  const DynValue* member(std::string_view key) const;
  // Element of an array; a negative index counts from the end. Null if out of range.
  const DynValue* at(int64_t index) const;

  static DynamicPtr null();
  static DynamicPtr of_bool(bool v);
  static DynamicPtr of_long(int64_t v);
  static DynamicPtr of_real(double v);
  static DynamicPtr of_decimal(double v);
  static DynamicPtr of_string(std::string v);
  static DynamicPtr of_datetime(int64_t ticks);
  static DynamicPtr of_timespan(int64_t ticks);
  static DynamicPtr of_guid(Guid g);
  static DynamicPtr of_array(Elements elements);
  // A property bag. Keys are unique in a bag: when a key repeats, the last value wins and keeps
  // the place of the first occurrence. Null pointers among the values are stored as null.
  static DynamicPtr of_object(Properties properties);

  // A dynamic holding a scalar Value (null stays null).
  static DynamicPtr from_value(const Value& v);

  explicit DynValue(Kind k);
  // Releases children without recursion, so that even a very deep tree cannot exhaust the stack.
  ~DynValue();
  DynValue(const DynValue&) = delete;
  DynValue& operator=(const DynValue&) = delete;

 private:
  // One alternative per storage shape; kind_ tells apart the kinds that share one (Long,
  // DateTime and TimeSpan are int64 ticks or numbers; Real and Decimal are doubles).
  using Payload = std::variant<std::monostate, bool, int64_t, double, std::string, Guid, Elements, Properties>;

  DynValue(Kind k, Payload p) : kind_(k), payload_(std::move(p)) {}

  Kind kind_;
  Payload payload_;
};

// Parses JSON text into a dynamic value (Kusto's parse_json): returns nullopt if the text is not
// valid JSON (callers decide: parse_json then yields the text as a string value). Integers become
// long (or real beyond the long range), numbers with a fraction or an exponent become real, bag
// keys keep their order and a repeated key keeps its last value. Besides strict JSON, strings and
// keys in single quotes are accepted (as in Kusto's dynamic literals, dynamic({'a': 1})), and
// integers beyond 64 bits read as reals. Nesting deeper than kMaxJsonDepth is rejected rather
// than risking the stack.
inline constexpr size_t kMaxJsonDepth = 1024;
std::optional<DynamicPtr> parse_json(std::string_view text);

// The JSON text Kusto shows for a dynamic value (tostring(d), query results): compact, keys in
// order, reals in round-trip form with ".0" when integral, datetimes as
// "yyyy-MM-ddTHH:mm:ss.fffffffZ" strings, timespans as [-][d.]hh:mm:ss[.fffffff] strings, guids
// as strings. Strings are escaped as JSON needs; non-ASCII text is kept as it is.
std::string to_json(const DynValue& v);
void append_json(std::string& out, const DynValue& v);

// Equality as Kusto compares dynamic values (deep, same kinds).
bool dynamic_equal(const DynValue& a, const DynValue& b);

}  // namespace huntdb
